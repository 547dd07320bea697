"""notebooks/explore.ipynb runs top to bottom in a real kernel and draws its plot."""
from __future__ import annotations

import ast
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from kg.build import build
from kg.query import QUERY_DIR, run_query

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def test_notebook_executes_and_plots(tmp_path):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs)
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    for path in (QUERY_DIR / "examples").glob("*.rq"):
        assert f"== {path.stem}:" in text
    # The plotted figures are the partner nations per year of the same build, asked here.
    build([ROOT / "data" / "articles"], tmp_path / "out")
    _, rows = run_query(tmp_path / "out", str(QUERY_DIR / "examples" / "partner_nations_by_year.rq"))
    want: dict[str, set] = {}
    for r in rows:
        want.setdefault(r["year"] or "?", set()).add(r["country"])
    plotted = next(ln for ln in text.splitlines() if ln.startswith("{"))
    assert ast.literal_eval(plotted) == {y: len(c) for y, c in sorted(want.items())}
