"""The store keeps every report whole: atomic per report, same IRIs on rebuild, one inspection per report."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat

from kg.pipeline import add_reports
from kg.query import run_query
from kg.store import StoreBusy, open_store
from tests.conftest import seed_path_for


def _copy_seeds(tmp_path: Path, prefixes=("001", "002", "003")) -> list[Path]:
    folder = tmp_path / "reports"
    folder.mkdir()
    return [Path(shutil.copy(seed_path_for(p), folder)) for p in prefixes]


def test_build_bad_file_in_the_middle_leaves_every_other_report_queryable(tmp_path, nlp):
    paths = _copy_seeds(tmp_path)
    broken = tmp_path / "reports" / "002_broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n")  # a header and nothing else
    errors = []
    with open_store(tmp_path / "store") as store:
        outcome = add_reports(store, [tmp_path / "reports"], nlp=nlp, on_error=errors.append)
        assert [e.path.name for e in errors] == ["002_broken.pdf"]
        assert str(errors[0]).startswith("002_broken.pdf: ")
        assert sorted(outcome.added) == sorted(p.name for p in paths)
        files = {r["files"] for r in run_query(store, "inspections")}
    assert files == {p.name for p in paths}


def test_unchanged_rebuild_skips_and_changed_report_replaces_only_itself(tmp_path, nlp):
    paths = _copy_seeds(tmp_path)
    with open_store(tmp_path / "store") as store:
        add_reports(store, paths, nlp=nlp)
        before = {g: store.graph_quads(g) for g in store.report_graphs()}
        again = add_reports(store, paths, nlp=nlp)
        assert (again.added, len(again.unchanged)) == ([], 3)
        changed = paths[0]
        changed.write_text(
            changed.read_text(encoding="utf-8") + "\nThe council has a new front door.\n", encoding="utf-8"
        )
        third = add_reports(store, paths, nlp=nlp)
        assert third.added == [changed.name] and len(third.unchanged) == 2
        after = {g: store.graph_quads(g) for g in store.report_graphs()}
    assert len(after) == 3, "the old graph of the changed file must be gone"
    kept = set(before) & set(after)
    assert len(kept) == 2
    for graph in kept:
        assert sorted(map(str, before[graph])) == sorted(map(str, after[graph]))


def test_rebuild_gives_the_same_iris(tmp_path, nlp):
    paths = _copy_seeds(tmp_path, ("002",))

    def subjects(store_dir):
        with open_store(store_dir) as store:
            add_reports(store, paths, nlp=nlp, force=True)
            return {q.subject for g in store.report_graphs() for q in store.graph_quads(g)}

    assert subjects(tmp_path / "a") == subjects(tmp_path / "b")


def test_second_writer_fails_with_a_clear_message(tmp_path):
    with open_store(tmp_path / "store"):
        with pytest.raises(StoreBusy, match="store is being written by kg \\(pid \\d+\\)"):
            with open_store(tmp_path / "store"):
                pass


def test_pdf_and_text_of_one_report_are_one_inspection(tmp_path, nlp, corpus_dir):
    # seed 002 is the text of Wandsworth's 2022 report; the corpus holds its PDF
    pdf = corpus_dir / "report-53b69bbfc3f1.pdf"
    if not pdf.is_file():
        pytest.skip(f"{pdf.name} not in the shared corpus")
    with open_store(tmp_path / "store") as store:
        outcome = add_reports(store, [seed_path_for("002"), pdf], nlp=nlp)
        assert not outcome.errors
        inspections = run_query(store, "inspections", authority="Wandsworth")
        recurring = run_query(store, "recurring-weaknesses")
    assert len(inspections) == 1
    assert sorted(inspections[0]["files"].split()) == ["002_709ffb7b20839cc6.txt", pdf.name]
    assert all(r["inspections"] == 1 for r in recurring)


def test_export_trig_round_trips_every_quad(tmp_path, seed_store):
    from kg.export import export_rdf

    path = tmp_path / "all.trig"
    count = export_rdf(seed_store, path, "trig")
    from pyoxigraph import parse

    assert sum(1 for _ in parse(path=str(path), format=RdfFormat.TRIG)) == count


def test_undated_text_joins_the_dated_pdf_of_the_same_inspection(tmp_path, corpus_dir):
    # seed 000 lost its front page (no dates); the corpus holds the PDF of the same 2015 inspection
    pdf = corpus_dir / "report-7e1fa85f6d0e.pdf"
    if not pdf.is_file():
        pytest.skip(f"{pdf.name} not in the shared corpus")
    with open_store(tmp_path / "store") as store:
        add_reports(store, [seed_path_for("000"), pdf])
        rows = run_query(store, "inspections", authority="Wandsworth")
    assert [(r["inspection_start"].isoformat(), sorted(r["files"].split())) for r in rows] == [
        ("2015-11-24", ["000_f87a246b47a8ad74.txt", pdf.name])
    ]


def test_a_pdf_gives_pages_where_its_text_conversion_states_none(tmp_path, corpus_dir, nlp):
    # seed 000 is a text conversion of the PDF below; both are in the graph, and the query cites each file
    pdf = corpus_dir / "report-7e1fa85f6d0e.pdf"
    if not pdf.is_file():
        pytest.skip(f"{pdf.name} not in the shared corpus")
    with open_store(tmp_path / "store") as store:
        add_reports(store, [seed_path_for("000"), pdf], nlp)
        rows = run_query(store, "weaknesses", weakness="weak-management-oversight", authority="Wandsworth")
    pages = {(r["file"], r["sentence"]): r["page"] for r in rows}
    sentence = "Management oversight of casework is weak and lacks effective challenge."
    assert pages[(pdf.name, sentence)] == 12
    assert pages[(seed_path_for("000").name, sentence)] is None
    assert all(isinstance(page, int) for (file, _), page in pages.items() if file == pdf.name)


def _graph_texts(store, graph: str) -> set[str]:
    return {str(q) for q in store.graph_quads(graph)}


HARD_TEXTS = [  # what a report's text may hold that N-Quads and SPARQL must escape or leave alone
    'quoted "word"',
    "back\\slash and \\u0022 written out",
    "two\nlines\r",
    "\"} } ; DROP ALL ; INSERT DATA { <a> <b> 'c' } #",
    "tab\there, nul\x00, emoji 😀 and \\U0001F600",
]


def _nquads(graph: str, texts: list[str]) -> bytes:
    from kg.build import _node, _Quads

    quads = _Quads(graph)
    for number, text in enumerate(texts):
        quads.add(f"{graph}/s{number}", _node("https://example.org/p"), text)
    return quads.nquads()


def test_replacing_a_graph_changes_only_it_and_keeps_hard_literals(tmp_path):
    graph, other, older = (f"https://example.org/g/{name}" for name in ("new", "other", "old"))
    with open_store(tmp_path / "store") as store:
        store.add_new_graphs_nquads(_nquads(graph, HARD_TEXTS) + _nquads(other, ["kept"]))
        store.add_graph_nquads(older, _nquads(older, ["old copy"]))
        assert {q.object.value for q in store.graph_quads(graph)} == set(HARD_TEXTS)
        kept = _graph_texts(store, other)
        changed = [text + " (v2)" for text in HARD_TEXTS[:3]] + HARD_TEXTS[3:]
        store.add_graph_nquads(graph, _nquads(graph, changed), replaces=[graph, older])  # in place, one update
        assert {q.object.value for q in store.graph_quads(graph)} == set(changed)
        assert _graph_texts(store, other) == kept
        assert {g.value for g in store.oxigraph.named_graphs()} == {graph, other}  # no old graph, no staging


def test_unchanged_rebuild_reads_no_unchanged_file_and_repeats_remembered_failures(tmp_path, nlp, monkeypatch):
    import kg.pipeline

    monkeypatch.setattr(kg.pipeline.BuildCache, "RACY_NS", -(10**18))  # the files were written just now
    paths = _copy_seeds(tmp_path, ("002",))
    web_page = tmp_path / "reports" / "saved-page.pdf"
    web_page.write_bytes(b"<!DOCTYPE html><html><head><title>Children's services</title></head></html>")
    with open_store(tmp_path / "store") as store:
        first_errors = []
        first = add_reports(store, [tmp_path / "reports"], nlp=nlp, on_error=first_errors.append)
        assert (first.added, [str(e) for e in first.errors]) == ([paths[0].name], [str(first_errors[0])])

        def no_reading(*args, **kwargs):
            raise AssertionError("an unchanged file was read")

        with monkeypatch.context() as patch:
            patch.setattr(Path, "read_bytes", no_reading)
            patch.setattr(kg.pipeline, "load_report", no_reading)
            again_errors = []
            again = add_reports(store, [tmp_path / "reports"], nlp=nlp, on_error=again_errors.append)
        assert (again.added, again.unchanged) == ([], [paths[0].name])
        assert [str(e) for e in again_errors] == [str(e) for e in first_errors]  # same error line, no reading
        assert again_errors[0].reason == first_errors[0].reason

        web_page.write_bytes(web_page.read_bytes() + b" ")  # new content: read again
        third = add_reports(store, [tmp_path / "reports"], nlp=nlp)
        assert [e.path.name for e in third.errors] == [web_page.name]
        structure_only = add_reports(store, [web_page])  # another extractor version: read again
        assert [e.path.name for e in structure_only.errors] == [web_page.name]


def test_a_report_the_store_cannot_parse_fails_alone(tmp_path):
    from kg.pipeline import BuildCache, BuildOutcome, _Writer

    outcome = BuildOutcome()
    paths = [tmp_path / f"{name}.txt" for name in ("a", "bad", "c")]
    graphs = [f"https://example.org/g/{path.stem}" for path in paths]
    with open_store(tmp_path / "store") as store:
        writer = _Writer(store, outcome, None, None, {}, BuildCache(None), dict.fromkeys(paths, "0" * 64), "v")
        for path, graph in zip(paths, graphs, strict=True):
            nquads = _nquads(graph, ["text"])
            if path.stem == "bad":
                nquads = nquads.replace(b"/s0>", b"/s 0>", 1)  # an IRI with a space
            writer.put(path, (path.name, graph, nquads))
        writer.flush()
        assert outcome.added == ["a.txt", "c.txt"]
        assert [e.path.name for e in outcome.errors] == ["bad.txt"]
        assert "unexpected error" in str(outcome.errors[0])
        assert sorted(g.value for g in store.oxigraph.named_graphs()) == [graphs[0], graphs[2]]


def test_the_software_version_covers_every_file_that_decides_a_reports_findings():
    from kg.build import fingerprinted_files

    root = Path(__file__).resolve().parent.parent.parent
    names = {path.relative_to(root).as_posix() for path in fingerprinted_files()}
    # the polarity cues, the trained polarity model, the weakness rules, the concept schemes, the loaders
    for name in (
        "loaders/patterns/polarity.json",
        "loaders/models/polarity/textcat/model",
        "loaders/models/themes/textcat_multilabel/model",
        "loaders/patterns/weaknesses.jsonl",
        "ontology/schemes/themes.ttl",
        "loaders/components/polarity_model.py",
    ):
        assert name in names, name
