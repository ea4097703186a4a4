"""The authorities table against the shared reference table, and name resolution as reports write names."""

from __future__ import annotations

from datetime import date

import pytest

from loaders.authorities import all_authorities, authority_by_gss, find_authority, find_authority_in
from loaders.errors import UnknownName


def _current_lookup_rows(la_lookup):
    return [row for row in la_lookup if row["la_code_new"].strip()]


def test_authorities_table_has_every_current_authority(la_lookup):
    current = {a.gss_code for a in all_authorities() if a.abolished is None}
    assert current == {row["la_code_new"].strip() for row in _current_lookup_rows(la_lookup)}
    assert len(current) == 153


def test_authorities_table_matches_reference_codes(la_lookup):
    mismatches = []
    for row in _current_lookup_rows(la_lookup):
        authority = authority_by_gss(row["la_code_new"])
        expected = {
            "dfe_code": row["la_code"].strip(),
            "ofsted_urn": row["urn"].strip(),
            "region": row["region_name"].strip().casefold(),  # ONS writes "Yorkshire and The Humber"
            "statistical_neighbours": sorted(c.strip() for c in row["stat_neighbours_la_code"].split(",")),
        }
        actual = {
            "dfe_code": authority.dfe_code,
            "ofsted_urn": authority.ofsted_urn,
            "region": (authority.region or "").casefold(),
            "statistical_neighbours": sorted(authority.statistical_neighbours),
        }
        if actual != expected:
            mismatches.append((authority.name, actual, expected))
    assert mismatches == []


def test_authorities_statistical_neighbours_are_known_authorities():
    codes = {a.gss_code for a in all_authorities()}
    unknown = {(a.name, n) for a in all_authorities() for n in a.statistical_neighbours if n not in codes}
    assert unknown == set()


@pytest.mark.parametrize(
    ("gss", "successors", "abolished"),
    [
        ("E10000021", ("E06000061", "E06000062"), date(2021, 4, 1)),  # Northamptonshire
        ("E10000006", ("E06000063", "E06000064"), date(2023, 4, 1)),  # Cumbria
        ("E06000028", ("E06000058",), date(2019, 4, 1)),  # Bournemouth
        ("E06000029", ("E06000058",), date(2019, 4, 1)),  # Poole
        ("E10000009", ("E06000059",), date(2019, 4, 1)),  # Dorset county
    ],
)
def test_authority_by_gss_knows_abolished_authorities(gss, successors, abolished):
    authority = authority_by_gss(gss)
    assert (authority.successors, authority.abolished) == (successors, abolished)
    assert all(authority_by_gss(code).abolished is None for code in successors)


def test_authority_by_gss_raises_unknown_name():
    with pytest.raises(UnknownName, match=r"^E99999999: unknown authority GSS code"):
        authority_by_gss("E99999999")


@pytest.mark.parametrize(
    ("name", "gss"),
    [
        ("Bristol City of", "E06000023"),
        ("Bristol, City of", "E06000023"),
        ("Kingston Upon Hull City Council", "E06000010"),
        ("Hull", "E06000010"),
        ("Derby City", "E06000015"),
        ("The Royal Borough of Windsor and Maidenhead", "E06000040"),
        ("windsor & maidenhead", "E06000040"),
        ("Southend-on-Sea city council", "E06000033"),
        ("Bournemouth, Christchurch and Poole", "E06000058"),
        ("bournemouth, christchurch & poole", "E06000058"),
        ("Bedford Borough", "E06000055"),
        ("Bedford", "E06000055"),
        ("Central Bedfordshire", "E06000056"),
        ("Durham County Council", "E06000047"),
        ("County Durham", "E06000047"),
        ("City of Westminster", "E09000033"),
        ("City of London", "E09000001"),
        ("Borough of Redcar and Cleveland", "E06000003"),
        ("Cheshire East Unitary Authority", "E06000049"),
        ("London Borough of Waltham Forest", "E09000031"),
        ("Waltham Forest Council", "E09000031"),
        ("London Borough of Merton Council", "E09000024"),
        ("Stockport Metropolitan Borough Council", "E08000007"),
        ("Calderdale Metropolitan Council", "E08000033"),
        ("St. Helens", "E08000013"),
        ("Telford & Wrekin", "E06000020"),
        ("Northamptonshire County Council", "E10000021"),
        ("Cumbria", "E10000006"),
    ],
)
def test_find_authority_resolves_spellings(name, gss):
    assert find_authority(name).gss_code == gss


@pytest.mark.parametrize("name", ["Bedfordshire", "London", "Council", "", "Narnia"])
def test_find_authority_returns_none_for_non_authorities(name):
    assert find_authority(name) is None


@pytest.mark.parametrize(
    ("name", "on", "gss"),
    [
        ("Dorset", None, "E06000059"),
        ("Dorset", date(2015, 6, 1), "E10000009"),
        ("Dorset", date(2021, 11, 19), "E06000059"),
        ("North Yorkshire", date(2016, 1, 1), "E10000023"),
    ],
)
def test_find_authority_picks_the_body_of_the_date(name, on, gss):
    assert find_authority(name, on=on).gss_code == gss


def test_find_authority_resolves_every_manifest_name(corpus_manifest):
    names = {row["local_authority"] for row in corpus_manifest}
    assert sorted(name for name in names if find_authority(name) is None) == []


@pytest.mark.parametrize(
    ("opening", "gss"),
    [
        ("1\n\nLondon Borough of Waltham Forest\nInspection of services for children", "E09000031"),
        ("Inspection of Hull local authority\nchildren's services\nInspection dates", "E06000010"),
        ("1\nKingston Upon Hull City Council\nInspection of children's social care services", "E06000010"),
        ("Inspection of Bournemouth,\nChristchurch and Poole local authority", "E06000058"),
        ("1\nBedford Borough Council\nInspection of children's social care services", "E06000055"),
        ("Inspection of the Royal Borough of\nWindsor and Maidenhead local\nauthority", "E06000040"),
        ("Executive summary\n\nPractice in Wandsworth has declined.", "E09000032"),
        ("1\nCentral Bedfordshire\nInspection of services for children", "E06000056"),
    ],
)
def test_find_authority_in_reads_report_openings(opening, gss):
    assert find_authority_in(opening).gss_code == gss


def test_find_authority_in_ignores_lower_case_words():
    assert find_authority_in("Inspectors were reading case files and found no council named here.") is None


def test_find_authority_in_seed_reports(seed_paths):
    found = [find_authority_in(path.read_text(encoding="utf-8")).name for path in seed_paths]
    assert found == [
        "Wandsworth",
        "Waltham Forest",
        "Wandsworth",
        "Barking and Dagenham",
        "South Gloucestershire",
    ]
