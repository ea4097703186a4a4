"""Bad inputs, hostile text, a build killed mid-way, two builds at once, and --jobs 2 == --jobs 1.

The crafted bad files are committed in tests/data/bad/ (made by make_bad_files.py there); files derived from
the seeds (re-encoded, with hostile sentences, copies, a 50 MB text) are made here in tmp_path.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import Literal

from kg import iris
from kg.build import reference_quads
from kg.cli import cli
from kg.pipeline import add_reports
from kg.query import run_query, run_sparql
from kg.store import open_store
from kg.tables import format_rows
from tests.conftest import BAD_DIR, seed_path_for

STARTED_AT = "http://www.w3.org/ns/prov#startedAtTime"  # the run's timestamp: differs between any two builds
HOSTILE = {  # what is inserted into a seed's paragraph 11 -> the kind of injection it tries
    'Supervision notes quoted "</script><img src=x onerror=alert(1)>" word for word.': "html",
    "Social workers recorded \"} } ; DROP ALL ; INSERT DATA { <a> <b> 'c' } #\" in supervision.": "sparql",
    "Managers found `rm -rf / ; $(whoami) | cat /etc/passwd > x` in supervision records.": "shell",
    '=HYPERLINK("http://evil.example/","Click here") was pasted into supervision records by managers.': "formula",
}
BAD_REASONS = {  # every crafted bad file -> the reason its one error line gives
    "empty.pdf": "file is empty",
    "encrypted.pdf": "PDF is encrypted; save an unprotected copy first",
    "junk.pdf": "binary data, not text or PDF",
    "junk.txt": "binary data, not text or PDF",
    "not-a-report.pdf": "not an Ofsted children's services inspection report (no framework or judgements found)",
    "scanned.pdf": "PDF has no text layer (scanned?); OCR it first",
    "truncated.pdf": "PDF cannot be opened (Failed to load document (PDFium: Data format error).); "
    "the file may be truncated or damaged",
    "huge.txt": "text file is 48 MB, larger than any report",
}


def _kg(*args: str, **popen) -> subprocess.Popen:
    """`kg ARGS` in a child process, as a user runs it."""
    return subprocess.Popen(
        [sys.executable, "-m", "kg", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen
    )


def _quads(store, graph_iri: str) -> set[tuple[str, str, str]]:
    """A graph's triples as text, without the run timestamp."""
    return {
        (str(q.subject), str(q.predicate), str(q.object))
        for q in store.graph_quads(graph_iri)
        if q.predicate.value != STARTED_AT
    }


def _store_quads(store_dir: Path) -> dict[str, set[tuple[str, str, str]]]:
    with open_store(store_dir, read_only=True) as store:
        return {graph: _quads(store, graph) for graph in store.report_graphs()}


def _reopen_for_writing(store_dir: Path) -> list[str]:
    """Open the store as a writer (as a rerun would); the staging graphs it then holds."""
    # In a function, so that the Store is freed on return: pyoxigraph has no close(), and a live Store
    # keeps the RocksDB lock that a `kg build` child process needs.
    with open_store(store_dir) as store:
        return [g.value for g in store.oxigraph.named_graphs() if g.value.endswith("/staging")]


def _report_files(store_dir: Path) -> dict[str, str]:
    """Report graph IRI -> source file name, of every report in the store."""
    with open_store(store_dir, read_only=True) as store:
        return {graph: file_name for graph, _, file_name in store.report_versions().values()}


def _build(store_dir: Path, paths: list[Path], nlp, jobs: int = 1):
    """add_reports in this process; the outcome (the Store is freed on return, see _reopen_for_writing)."""
    with open_store(store_dir) as store:
        return add_reports(store, paths, nlp=nlp, jobs=jobs)


def _copies(folder: Path, count: int) -> list[Path]:
    """Copies of the smallest seed, each with a distinct last line, so each is a report of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    text = seed_path_for("002").read_text(encoding="utf-8")
    paths = []
    for number in range(count):
        path = folder / f"copy-{number:03}.txt"
        path.write_text(f"{text}\n\nCopy number {number}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def _hostile_seed(folder: Path) -> Path:
    """Seed 002 with the HOSTILE sentences at the end of paragraph 11, the formula in a paragraph after it."""
    text = seed_path_for("002").read_text(encoding="utf-8")
    lines = text.split("\n")
    (index,) = [i for i, line in enumerate(lines) if line.startswith("- 11. ")]
    lines[index] += " " + " ".join(s for s, kind in HOSTILE.items() if kind != "formula")
    # a paragraph of its own, so that the cell starts with "=" (a sentence never starts mid-line with one)
    lines[index] += "\n\n" + " ".join(s for s, kind in HOSTILE.items() if kind == "formula")
    path = folder / "hostile.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _cp1252_seed(folder: Path) -> Path:
    """Seed 000 re-encoded as Windows-1252, as a text export from Word on Windows would be."""
    path = folder / "seed-000-cp1252.txt"
    text = seed_path_for("000").read_text(encoding="utf-8")
    assert any(ord(c) > 127 for c in text)  # curly quotes and dashes, so the encoding matters
    path.write_bytes(text.encode("cp1252"))
    return path


def _wait_for_reports(store_dir: Path, process: subprocess.Popen, count: int, seconds: float = 300.0) -> int:
    """Poll the store read-only until it holds at least `count` report graphs; how many it holds then."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the build ended before it could be interrupted: {process.communicate()}"
        try:
            with open_store(store_dir, read_only=True) as store:
                found = len(store.report_graphs())
        except Exception:  # not created yet, or RocksDB compaction raced the read-only open: poll again
            found = 0
        if found >= count:
            return found
        time.sleep(0.1)
    pytest.fail(f"no report reached the store within {seconds} s")


def test_bad_files_match_their_generator(tmp_path):
    """The committed files are exactly what make_bad_files.py writes (so they can be reviewed and remade)."""
    spec = importlib.util.spec_from_file_location("make_bad_files", BAD_DIR / "make_bad_files.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for path in module.write_bad_files(tmp_path):
        assert path.read_bytes() == (BAD_DIR / path.name).read_bytes(), path.name
    assert sorted(module.BAD_FILES) == sorted(name for name in BAD_REASONS if name != "huge.txt")


def test_build_bad_inputs_one_line_each_and_seeds_stored(tmp_path, seed_paths):
    """Bad files among good ones: exit 1, one 'Error: <file>: <reason>' line per bad file, every good file stored."""
    huge = tmp_path / "huge.txt"
    paragraph = "The committee met on Tuesday to discuss the garden, the weather and the new bins. " * 12 + "\n\n"
    with huge.open("w", encoding="utf-8") as f:  # 50 MB of plain English that is no report, never committed
        for _ in range(50_000_000 // len(paragraph)):
            f.write(paragraph)
    good = [*seed_paths, _cp1252_seed(tmp_path), _hostile_seed(tmp_path)]
    bad = [*sorted(BAD_DIR.glob("*.pdf")), *sorted(BAD_DIR.glob("*.txt")), huge]
    store_dir = tmp_path / "store"
    args = ["build", "--store", str(store_dir), "--jobs", "2", *map(str, bad + good)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert sorted(result.stderr.splitlines()) == sorted(
        f"Error: {name}: {reason}" for name, reason in BAD_REASONS.items()
    )
    assert result.stdout == f"{len(good)} reports added, 0 unchanged, {len(bad)} failed\n"
    with open_store(store_dir, read_only=True) as store:
        stored_files = {file for _, _, file in store.report_versions().values()}
    assert stored_files == {path.name for path in good}
    validated = CliRunner().invoke(cli, ["validate", "--store", str(store_dir)])
    assert validated.exit_code == 0, validated.output
    assert validated.stdout.endswith(f"{len(good)} graphs checked, 0 violations\n")


def test_build_cp1252_text_reads_like_the_utf8_seed(tmp_path, nlp):
    """A Windows-1252 copy of a seed loads, and gives the same sentences and grades as the UTF-8 original."""
    store_dir = tmp_path / "store"
    with open_store(store_dir) as store:
        outcome = add_reports(store, [seed_path_for("000"), _cp1252_seed(tmp_path)], nlp=nlp)
        assert outcome.errors == []
        rows = run_query(store, "judgements")
        texts = run_sparql(store, "SELECT ?g ?text WHERE { GRAPH ?g { ?s oa:exact ?text } }")
    by_file: dict[str, set] = {}
    for row in rows:
        by_file.setdefault(row["file"], set()).add((row["area"], row["grade"]))
    assert by_file[seed_path_for("000").name] == by_file["seed-000-cp1252.txt"] != set()
    by_graph: dict[str, set] = {}
    for row in texts:
        by_graph.setdefault(row["g"], set()).add(row["text"])
    first, second = by_graph.values()
    assert first == second != set()


def test_build_hostile_text_stays_inert(tmp_path, nlp):
    """HTML, SPARQL, shell and spreadsheet-formula text loads as plain literals and comes out inert."""
    store_dir = tmp_path / "store"
    assert _build(store_dir, [_hostile_seed(tmp_path)], nlp).errors == []
    with open_store(store_dir, read_only=True) as store:
        sentences = run_sparql(store, "SELECT DISTINCT ?text WHERE { GRAPH ?g { ?s oa:exact ?text } }")
        texts = {row["text"] for row in sentences}
        for sentence in HOSTILE:  # each one a sentence of its own, character for character
            assert sentence in texts
            found = run_sparql(store, "ASK { GRAPH ?g { ?s oa:exact ?text } }", text=Literal(sentence))
            assert found is True  # bound as a term, the quotes and braces are just characters
        # the "DROP ALL" text dropped nothing: the reference graph is whole (+1: its version triple)
        assert len(store.graph_quads(iris.REFERENCE_GRAPH)) == len(set(reference_quads())) + 1
        rows = run_query(store, "findings")
    cells = [cell for line in csv.reader(io.StringIO(format_rows(rows, "csv"))) for cell in line]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "@"))]
    formula = next(s for s, kind in HOSTILE.items() if kind == "formula")
    assert formula in {row["sentence"] for row in rows}  # a finding (it names a theme), so it is in the table
    assert "'" + formula in cells


def test_build_jobs_2_gives_the_same_graph_as_jobs_1(tmp_path, seed_paths, nlp):
    stores = {}
    for jobs in (1, 2):
        assert _build(tmp_path / f"jobs-{jobs}", seed_paths, nlp, jobs).errors == []
        stores[jobs] = _store_quads(tmp_path / f"jobs-{jobs}")
    assert len(stores[1]) == len(seed_paths)
    assert stores[1].keys() == stores[2].keys()
    for graph in stores[1]:
        assert stores[1][graph] == stores[2][graph], graph


def test_build_killed_mid_way_keeps_finished_reports_whole(tmp_path, nlp):
    """SIGKILL after the first report lands: the store opens, each stored report is whole, a rerun finishes."""
    # enough copies that the build is still writing batches (one a second at most) when the first one lands
    copies = _copies(tmp_path / "copies", 80)
    store_dir = tmp_path / "store"
    process = _kg("build", "--store", str(store_dir), "--jobs", "1", str(tmp_path / "copies"))
    try:
        _wait_for_reports(store_dir, process, 1)
    finally:
        process.send_signal(signal.SIGKILL)  # no-op if it already ended
        process.communicate()
    assert process.returncode == -signal.SIGKILL
    killed = _store_quads(store_dir)
    assert 1 <= len(killed) < len(copies)  # interrupted mid-way, not before the first or after the last
    assert _reopen_for_writing(store_dir) == []  # no stale lock, no staging graph left over
    # each stored report equals the same file built by an uninterrupted build (one graph per file, so one
    # build of all the copies gives each file's graph as a build of that file alone would)
    whole = _store_quads(tmp_path / "whole") if _build(tmp_path / "whole", copies, nlp).errors == [] else {}
    for graph, file_name in _report_files(store_dir).items():
        assert killed[graph] == whole[graph], file_name
    rerun = _kg("build", "--store", str(store_dir), "--jobs", "1", str(tmp_path / "copies"))
    stdout, stderr = rerun.communicate(timeout=600)
    assert (rerun.returncode, stderr) == (0, "")
    assert stdout == f"{len(copies) - len(killed)} reports added, {len(killed)} unchanged, 0 failed\n"
    assert len(_store_quads(store_dir)) == len(copies)


def test_build_second_writer_fails_clearly_or_waits(tmp_path, seed_paths):
    """While one build writes, a second fails at once with one line, or with --wait, waits and then succeeds."""
    count = 40  # enough that the first build is still writing when the second has started and given up
    _copies(tmp_path / "copies", count)
    store_dir = tmp_path / "store"
    first = _kg("build", "--store", str(store_dir), "--jobs", "1", str(tmp_path / "copies"))
    try:
        _wait_for_reports(store_dir, first, 1)
        refused = _kg("build", "--store", str(store_dir), "--jobs", "1", *map(str, seed_paths))
        stdout, stderr = refused.communicate(timeout=600)
        waiting = _kg("build", "--store", str(store_dir), "--jobs", "1", "--wait", "600", *map(str, seed_paths))
        assert first.poll() is None, "the first build ended too soon to test a second writer"
    finally:
        first_out = first.communicate(timeout=600)
    assert (refused.returncode, stdout) == (1, "")
    assert re.fullmatch(
        rf"Error: {re.escape(str(store_dir))}: store is being written by kg \(pid {first.pid}\); "
        r"wait for it to finish or use another --store\n",
        stderr,
    ), stderr
    assert (first.returncode, first_out) == (0, (f"{count} reports added, 0 unchanged, 0 failed\n", ""))
    assert waiting.communicate(timeout=600) == (f"{len(seed_paths)} reports added, 0 unchanged, 0 failed\n", "")
    assert waiting.returncode == 0
    assert len(_store_quads(store_dir)) == count + len(seed_paths)
    validated = CliRunner().invoke(cli, ["validate", "--store", str(store_dir)])
    assert validated.exit_code == 0, validated.output


@pytest.mark.slow
def test_build_corpus_twice_second_run_changes_nothing(tmp_path, corpus_dir):
    """The whole corpus: one error line per unreadable file; a second build adds nothing and fails the same."""
    store_dir = tmp_path / "store"
    first = CliRunner().invoke(cli, ["build", "--store", str(store_dir), "--jobs", "2", str(corpus_dir)])
    assert first.exit_code in (0, 1), first.output
    for line in first.stderr.splitlines():
        assert re.fullmatch(r"Error: [\w.-]+: \S.*", line), line
    before = _store_quads(store_dir)
    second = CliRunner().invoke(cli, ["build", "--store", str(store_dir), "--jobs", "2", str(corpus_dir)])
    assert second.stderr == first.stderr
    assert second.stdout == f"0 reports added, {len(before)} unchanged, {len(first.stderr.splitlines())} failed\n"
    assert _store_quads(store_dir) == before
