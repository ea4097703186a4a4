"""Every notebook runs top to bottom on the bundled seeds without an error, and is stored without outputs."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CELL_TIMEOUT = 600  # seconds per cell: a generous bound on a busy machine, not a measure of speed


@pytest.fixture(scope="module")
def notebook_store(tmp_path_factory) -> Path:
    """One store folder shared by the notebooks: the first builds it, the others find the seeds unchanged."""
    return tmp_path_factory.mktemp("notebook-store") / "store"


def test_notebooks_present():
    assert [path.name for path in NOTEBOOKS] == [
        "01-getting-started.ipynb",
        "02-recurring-weaknesses.ipynb",
        "03-grades.ipynb",
        "04-theme-network.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_stored_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    stored = [
        (index, cell.execution_count, len(cell.outputs))
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "code"
    ]
    assert stored == [(index, None, 0) for index, _, _ in stored]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_runs_on_the_seeds(path, notebook_store, monkeypatch):
    monkeypatch.delenv("KG_REPORTS", raising=False)  # the bundled seeds, whatever the caller's shell says
    monkeypatch.setenv("KG_NOTEBOOK_STORE", str(notebook_store))
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook, timeout=CELL_TIMEOUT, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}
    )
    client.execute()  # raises CellExecutionError, with the cell and its traceback, on any error
    errors = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "error"
    ]
    assert errors == []
