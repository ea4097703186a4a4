"""The one conftest: every fixture the tests share, so that each one's source is obvious."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "data" / "reports"
SHARED_DIR = Path(os.environ.get("KG_SHARED_DIR", ROOT.parent / "shared"))
CORPUS_DIR = SHARED_DIR / "corpus" / "pdf"
MANIFEST_PATH = SHARED_DIR / "corpus" / "manifest.csv"
LOOKUP_PATH = SHARED_DIR / "reference" / "la_lookup.csv"
CONCEPTS_DOC_PATH = SHARED_DIR / "design" / "concepts.md"
BAD_DIR = Path(__file__).resolve().parent / "data" / "bad"


def seed_path_for(prefix: str) -> Path:
    """The bundled seed whose name starts with prefix ('000' ... '004')."""
    (path,) = SEED_DIR.glob(f"{prefix}_*.txt")
    return path


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(SEED_DIR.glob("*.txt"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS_DIR.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS_DIR} (set KG_SHARED_DIR to its parent folder)")
    return CORPUS_DIR


@pytest.fixture(scope="session")
def corpus_manifest(corpus_dir) -> list[dict[str, str]]:
    with MANIFEST_PATH.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="session")
def corpus_reports(corpus_dir, corpus_manifest) -> dict[str, object]:
    """Every corpus file read once, structure only: file name -> its Report, or the ReportError it raised.
    Several corpus tests walk the whole corpus; reading it once saves a full pass (about 6 s) for each."""
    from loaders import ReportError, load_report

    reports: dict[str, object] = {}
    for row in corpus_manifest:
        try:
            reports[row["file"]] = load_report(corpus_dir / row["file"], None)
        except ReportError as error:
            reports[row["file"]] = error
    return reports


@pytest.fixture(scope="session")
def concepts_doc() -> str:
    """The text of design/concepts.md, which fixes the concept ids."""
    if not CONCEPTS_DOC_PATH.is_file():
        pytest.skip(f"design/concepts.md not found at {CONCEPTS_DOC_PATH} (set KG_SHARED_DIR to its parent folder)")
    return CONCEPTS_DOC_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def la_lookup() -> list[dict[str, str]]:
    if not LOOKUP_PATH.is_file():
        pytest.skip(f"reference table not found at {LOOKUP_PATH} (set KG_SHARED_DIR to its parent folder)")
    with LOOKUP_PATH.open(encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="session")
def nlp():
    from loaders.nlp import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def rules_nlp():
    """The rules alone, without the trained models: what the vocabulary tests test."""
    from loaders.nlp import build_nlp

    return build_nlp(models=False)


@pytest.fixture(scope="session")
def seed_report(nlp):
    """seed_report('001') -> the Report of that seed, with findings; loaded once per session."""
    from loaders import load_report

    cache = {}

    def load(prefix: str):
        if prefix not in cache:
            cache[prefix] = load_report(seed_path_for(prefix), nlp)
        return cache[prefix]

    return load


@pytest.fixture(scope="session")
def seed_store_dir(tmp_path_factory, seed_paths, nlp) -> Path:
    """A store folder holding the graph of the five seeds, built once per session."""
    from kg.pipeline import add_reports
    from kg.store import open_store

    store_dir = tmp_path_factory.mktemp("seed-store")
    with open_store(store_dir) as store:
        outcome = add_reports(store, seed_paths, nlp=nlp, jobs=1)
    assert not outcome.errors, outcome.errors
    return store_dir


@pytest.fixture(scope="session")
def seed_store(seed_store_dir):
    """The seed graph store, opened read-only for the session."""
    from kg.store import open_store

    with open_store(seed_store_dir, read_only=True) as store:
        yield store
