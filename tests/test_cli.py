"""The `kg` command as a user runs it: help everywhere, exit codes, one error line per bad file."""

from __future__ import annotations

import csv
import io
import json

import click
import pytest
from click.testing import CliRunner

from kg.cli import cli


def _commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


@pytest.mark.parametrize("words", sorted(_commands(cli)), ids=" ".join)
def test_every_command_has_help_text(words):
    result = CliRunner().invoke(cli, [*words, "--help"])
    assert result.exit_code == 0, result.output
    command = cli
    for word in words:
        command = command.commands[word]
    assert command.help and len(command.help.strip()) > 20


def test_build_reports_bad_file_and_keeps_going(tmp_path, seed_paths):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n")
    args = ["build", "--store", str(tmp_path / "store"), "--jobs", "1", str(broken), *map(str, seed_paths)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: broken.pdf: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert f"{len(seed_paths)} reports added, 0 unchanged, 1 failed" in result.stdout


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "table"])
def test_query_formats(seed_store_dir, fmt):
    result = CliRunner().invoke(
        cli, ["query", "judgements", "--store", str(seed_store_dir), "-f", fmt, "--param", "authority=Waltham Forest"]
    )
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert {r["grade"] for r in rows} == {"requires-improvement"}
        assert len(rows) == 7  # six areas and the LSCB
    elif fmt == "json":
        assert {r["authority"] for r in json.loads(result.stdout)} == {"Waltham Forest"}
    elif fmt == "tsv":
        assert result.stdout.splitlines()[0].split("\t")[:3] == ["file", "authority", "gss_code"]
    else:
        assert "(7 rows)" in result.stdout


def test_query_unknown_name_is_one_line_with_suggestion(seed_store_dir):
    result = CliRunner().invoke(cli, ["query", "judgement", "--store", str(seed_store_dir)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: judgement: unknown query; did you mean judgements")
    assert len(result.stderr.strip().splitlines()) == 1


def test_query_on_missing_store_says_how_to_build(tmp_path):
    result = CliRunner().invoke(cli, ["query", "judgements", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "no graph store here; build one with `kg build" in result.stderr


def test_validate_seed_store_is_clean(seed_store_dir):
    result = CliRunner().invoke(cli, ["validate", "--store", str(seed_store_dir)])
    assert result.stdout.strip().endswith("5 graphs checked, 0 violations"), result.stdout
    assert result.exit_code == 0


def test_export_csv_neutralises_formulas(tmp_path, seed_store_dir):
    result = CliRunner().invoke(cli, ["export", "csv", "--store", str(seed_store_dir), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "findings.csv").read_text(encoding="utf-8-sig")
    for row in csv.reader(io.StringIO(text)):
        assert not any(cell.startswith(("=", "+", "@")) for cell in row)


def test_query_command_loads_no_library_it_does_not_use(seed_store_dir):
    """`kg query` answers in well under a second because it loads neither rdflib (the schemes are parsed with
    pyoxigraph), nor networkx, spaCy or the build pipeline: a new process shows what the command imports."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from kg.cli import main\n"
        "sys.argv = ['kg', 'query', 'weaknesses', '--param', 'weakness=poor-supervision', '--store', sys.argv[1]]\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    print('loaded:', *sorted(m for m in ('rdflib', 'networkx', 'spacy', 'kg.pipeline') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(seed_store_dir)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    table, loaded = done.stdout.rstrip("\n").rsplit("\n", 1)
    assert "poor-supervision" in table
    assert loaded == "loaded:"
