"""Build the shared corpus and print what it costs: reports/s, rebuild time, memory, disk, query latency.

    python benchmarks/build_corpus.py [--corpus ../shared/corpus/pdf] [--limit N] [--repeat 20] [--no-rdflib]
                                      [--no-queries] [--no-serial] [--work DIR [--no-build]]

Aims (issue 9): >= 10 reports/s with 2 jobs, an unchanged rebuild <= 2 s, every named query <= 100 ms (p95).
Builds run as `kg build` child processes, as a user runs them; peak memory is the largest sum of resident
memory over the build's whole process tree (the workers included), sampled every 50 ms; CPU seconds are user +
system time of that tree, which other load on the machine does not inflate the way it does wall time. The same named
queries are then run on rdflib's in-memory Dataset, each in a forked child that is stopped after --timeout
(in the plain SPARQL 1.1 of kg/queries/portable/ where the named query uses Oxigraph's LATERAL). Last, whole
`kg` commands as a user runs them, each a new process: a query, the graph HTML, a theme report.
Not a test: nothing here asserts; it prints.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = Path(os.environ.get("KG_SHARED_DIR", ROOT.parent / "shared"))
# Values for parameters a query cannot run without; optional ones stay unbound (the query's default).
REQUIRED_VALUES = {
    "weakness": "return-home-interviews-not-effective",
    "theme": "strategy-discussions",
    "about": "strategy-discussions",
}


def _tree_rss(root_pid: int) -> int:
    """Resident bytes of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry))
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        if match := re.search(r"VmRSS:\s+(\d+) kB", status):
            total += int(match.group(1)) * 1024
    return total


def _children_cpu() -> float:
    """User + system seconds of every finished descendant (the build's workers too, once they are reaped)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_build(store_dir: Path, files_dir: Path, jobs: int, flags: list[str]) -> tuple[float, float, int, str]:
    """(seconds, CPU seconds, peak tree RSS in bytes, summary line) of one `kg build` child process."""
    command = [
        sys.executable,
        "-m",
        "kg",
        "build",
        "--store",
        str(store_dir),
        "--jobs",
        str(jobs),
        *flags,
        str(files_dir),
    ]
    started, cpu_before = time.perf_counter(), _children_cpu()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode not in (0, 1):
        raise SystemExit(f"kg build failed ({process.returncode}):\n{stderr[-3000:]}")
    return seconds, _children_cpu() - cpu_before, peak, stdout.strip().splitlines()[-1]


def time_unchanged_rebuild(store_dir: Path, files_dir: Path, with_nlp: bool) -> tuple[float, str]:
    """(seconds, summary) of add_reports over files already in the store, in this process, NLP built first."""
    from kg.pipeline import add_reports
    from kg.store import open_store

    nlp = None
    if with_nlp:  # the real pipeline, so that a file that did change is read as `kg build` would read it
        from loaders.nlp import build_nlp

        nlp = build_nlp()

    # In a function, so the writer's Store is freed on return: a read-only open beside a live writer in one
    # process can find files that the writer's compaction has already removed.
    with open_store(store_dir) as store:
        started = time.perf_counter()
        outcome = add_reports(store, [files_dir], nlp=nlp, jobs=2)
        return time.perf_counter() - started, outcome.summary()


def _dir_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def _mb(size: int) -> str:
    return f"{size / 1e6:.0f} MB"


def query_values(store) -> dict[str, dict[str, object]]:
    """name -> the parameter values each named query gets: required ones filled in, optional ones unbound."""
    from kg.query import named_queries, run_query

    authority = next((row["authority"] for row in run_query(store, "inspections") if row.get("authority")), None)
    values = {}
    for name, query in named_queries().items():
        values[name] = {}
        for param in query.params:
            if "optional" in param.description or "default" in param.description:
                continue
            values[name][param.name] = authority if param.kind == "authority" else REQUIRED_VALUES[param.name]
    return values


def time_queries(store, values: dict[str, dict], repeat: int) -> dict[str, tuple[int, float, float]]:
    """name -> (rows, p50 ms, p95 ms) of every named query on the store, after one warm-up run."""
    from kg.query import run_query

    timings = {}
    for name, params in values.items():
        rows = len(run_query(store, name, **params))
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            run_query(store, name, **params)
            samples.append((time.perf_counter() - started) * 1000)
        timings[name] = (rows, statistics.median(samples), _p95(samples))
    return timings


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


# --- rdflib, for comparison -------------------------------------------------------------------------

_dataset = None  # loaded once in the parent; forked children inherit it


def _rdflib_bindings(query, params: dict) -> dict:
    """The same parameter values as rdflib terms, under the ?param_ names the query uses."""
    from pyoxigraph import NamedNode
    from rdflib import Literal, URIRef

    from kg.query import PARAM_PREFIX, to_term

    kinds = {param.name: param.kind for param in query.params}
    bindings = {}
    for name, value in params.items():
        term = to_term(kinds[name], value)
        bindings[PARAM_PREFIX + name] = (
            URIRef(term.value) if isinstance(term, NamedNode) else Literal(term.value, datatype=term.datatype.value)
        )
    return bindings


def _rdflib_child(text: str, bindings: dict, repeat: int, pipe) -> None:
    from kg.namespaces import PREFIXES

    samples, rows = [], 0
    try:
        for _ in range(repeat):
            started = time.perf_counter()
            rows = len(list(_dataset.query(text, initNs=dict(PREFIXES), initBindings=bindings)))
            samples.append((time.perf_counter() - started) * 1000)
    except Exception as error:  # rdflib's engine fails on some SPARQL that Oxigraph runs: say which
        pipe.send((type(error).__name__, []))
        return
    pipe.send((rows, samples))


def time_rdflib(store, values: dict[str, dict], repeat: int, timeout: float) -> tuple[float, dict]:
    """(load seconds, name -> (rows, p50 ms, p95 ms), an error name, or None past the timeout) on rdflib."""
    global _dataset
    from pyoxigraph import RdfFormat
    from rdflib import Dataset

    from kg.query import PORTABLE_DIR, load_query, named_queries

    started = time.perf_counter()
    _dataset = Dataset(default_union=True)
    _dataset.parse(data=store.dump(RdfFormat.N_QUADS), format="nquads")
    load_seconds = time.perf_counter() - started
    context = multiprocessing.get_context("fork")
    results = {}
    for name, params in values.items():
        receive, send = context.Pipe(duplex=False)
        query = named_queries()[name]
        portable = PORTABLE_DIR / f"{name}.rq"  # rdflib cannot parse Oxigraph's LATERAL: its plain SPARQL 1.1
        if portable.is_file():
            query = load_query(portable)
        child = context.Process(target=_rdflib_child, args=(query.text, _rdflib_bindings(query, params), repeat, send))
        child.start()
        if receive.poll(timeout):
            rows, samples = receive.recv()
            results[name] = (rows, statistics.median(samples), _p95(samples)) if samples else rows
        else:
            results[name] = None
        child.kill()
        child.join()
    return load_seconds, results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=SHARED_DIR / "corpus" / "pdf", help="folder of reports")
    parser.add_argument("--limit", type=int, default=None, help="only the first N files (sorted by name)")
    parser.add_argument("--repeat", type=int, default=20, help="timed runs of each query")
    parser.add_argument("--no-findings", action="store_true", help="build structure only (kg build --no-findings)")
    parser.add_argument("--no-serial", action="store_true", help="skip the --jobs 1 build")
    parser.add_argument("--no-rdflib", action="store_true", help="skip the rdflib comparison")
    parser.add_argument("--no-queries", action="store_true", help="time the builds only, no query latency")
    parser.add_argument("--rdflib-repeat", type=int, default=3, help="timed runs of each query on rdflib")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before an rdflib query is given up")
    parser.add_argument("--work", type=Path, default=None, help="folder for the stores [default: a temp folder]")
    parser.add_argument(
        "--no-build", action="store_true", help="time queries and commands on the store an earlier run left in --work"
    )
    args = parser.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"{args.corpus}: corpus not found (set KG_SHARED_DIR or pass --corpus)")

    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    files_dir = work / "files"  # a folder of links, so that --limit needs no copying
    shutil.rmtree(files_dir, ignore_errors=True)
    files_dir.mkdir(parents=True)
    files = sorted(p for p in args.corpus.iterdir() if p.suffix.lower() in (".pdf", ".txt"))[: args.limit]
    for path in files:
        (files_dir / path.name).symlink_to(path.resolve())
    print(f"corpus: {len(files)} files, {_mb(sum(p.stat().st_size for p in files))}, {os.cpu_count()} cores")

    if args.no_build:
        measure_store(work / "store-jobs-2", args)
        return
    flags = ["--no-findings"] if args.no_findings else []
    builds = [] if args.no_serial else [1]
    builds.append(2)
    for jobs in builds:
        store_dir = work / f"store-jobs-{jobs}"
        shutil.rmtree(store_dir, ignore_errors=True)
        seconds, cpu, peak, summary = run_build(store_dir, files_dir, jobs, flags)
        added = int(summary.split()[0])
        print(
            f"build --jobs {jobs}: {seconds:.1f} s, {added / seconds:.1f} reports/s, "
            f"{cpu:.1f} CPU s ({cpu / max(added, 1):.3f} per report), peak memory {_mb(peak)}  ({summary})"
        )
    measure_store(store_dir, args)

    # Last, because a rebuild that finds changes (the extractor's code changed meanwhile) rewrites the store.
    seconds, cpu, peak, summary = run_build(store_dir, files_dir, 2, flags)
    print(
        f"\nunchanged rebuild (kg build --jobs 2, whole command): {seconds:.2f} s, {cpu:.2f} CPU s, peak {_mb(peak)}"
        f"  ({summary})"
    )
    seconds, summary = time_unchanged_rebuild(store_dir, files_dir, with_nlp=not args.no_findings)
    print(f"unchanged rebuild (add_reports only, no process start or NLP set-up): {seconds:.2f} s  ({summary})")


def measure_store(store_dir: Path, args) -> None:
    """Size, named-query latency and whole-command times of a built store."""
    from kg.store import open_store

    if not (store_dir / "CURRENT").is_file():
        raise SystemExit(f"{store_dir}: no store here (run once without --no-build, with the same --work)")
    print(f"store on disk: {_mb(_dir_size(store_dir))}")
    with open_store(store_dir, read_only=True) as store:
        quads = len(store.oxigraph)
        graphs = len(store.report_graphs())
        print(f"store holds {quads} quads in {graphs} report graphs + reference")
        if not args.no_queries:
            time_all_queries(store, args)
    if not args.no_queries:
        time_commands(store_dir)


def time_commands(store_dir: Path, repeat: int = 5) -> None:
    """Wall time of whole `kg` commands, each a new process as a user runs it (median of `repeat`)."""
    out = Path(tempfile.mkdtemp(prefix="kg-bench-out-"))
    commands = {
        "kg query weaknesses --param weakness=…": [
            "query", "weaknesses", "--param", "weakness=police-only-strategy-discussions", "-o", str(out / "w.txt"),
        ],
        "kg query judgements --param authority=…": [
            "query", "judgements", "--param", "authority=Wandsworth", "-o", str(out / "j.txt"),
        ],
        "kg export html (authority-weakness)": ["export", "html", "-o", str(out / "graph.html")],
        "kg export html --view authority": [
            "export", "html", "--view", "authority", "--authority", "Wandsworth", "-o", str(out / "ego.html"),
        ],
        "kg report theme strategy-discussions": [
            "report", "theme", "strategy-discussions", "-o", str(out / "theme.md"),
        ],
    }  # fmt: skip
    print(f"\n{'whole command (new process each)':44} {'p50 s':>7} {'max s':>7}")
    for label, arguments in commands.items():
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "kg", *arguments, "--store", str(store_dir)], capture_output=True, text=True
            )
            if done.returncode:
                raise SystemExit(f"{label}: exit {done.returncode}: {done.stderr.strip()}")
            samples.append(time.perf_counter() - started)
        print(f"{label:44} {statistics.median(samples):7.2f} {max(samples):7.2f}")
    shutil.rmtree(out, ignore_errors=True)


def time_all_queries(store, args) -> None:
    """Print every named query's latency on the store (and on rdflib unless --no-rdflib)."""
    values = query_values(store)
    oxigraph = time_queries(store, values, args.repeat)
    rdflib_load, rdflib = (None, {}) if args.no_rdflib else time_rdflib(store, values, args.rdflib_repeat, args.timeout)
    print_queries(oxigraph, rdflib, rdflib_load, args.timeout)


def print_queries(oxigraph: dict, rdflib: dict, rdflib_load: float | None, timeout: float) -> None:
    """The latency table: Oxigraph on disk beside rdflib in memory."""
    if rdflib_load is not None:
        print(f"rdflib Dataset load of the same quads: {rdflib_load:.1f} s")
    print(f"\n{'query':34} {'rows':>6} {'p50 ms':>8} {'p95 ms':>8}   {'rdflib p50 ms':>14} {'rows':>6}")
    for name, (rows, p50, p95) in oxigraph.items():
        flag = "  SLOW" if p95 > 100 else ""
        other = rdflib.get(name, "skipped")
        if isinstance(other, str) and other != "skipped":
            other_text = f"{'fails: ' + other:>21}"
        elif other is None:
            other_text = f"{'> ' + str(int(timeout)) + ' s':>14} {'':>6}"
        elif other == "skipped":
            other_text = f"{'-':>14} {'':>6}"
        else:
            other_text = f"{other[1]:14.0f} {other[0]:6}"
        print(f"{name:34} {rows:6} {p50:8.1f} {p95:8.1f}   {other_text}{flag}")


if __name__ == "__main__":
    main()
