"""End to end on the bundled corpus: build, re-read every export, SHACL, competency queries, scores."""
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = {"persons": ["article", "name"], "positions": ["article", "person", "title", "organisation"],
           "organisations": ["article", "name"], "countries": ["article", "country"],
           "events": ["article", "organiser", "date", "location", "chair"], "documents": ["article", "code"]}


def kg(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("e2e") / "out"
    r = kg("build", "data/articles", "--out", out)
    assert r.returncode == 0, r.stderr
    return out


def test_outputs_exist_and_reparse(built):
    for name in ("graph.trig", "graph.ttl", "graph.jsonld", "explorer.html", "report.json", "merges.json"):
        assert (built / name).stat().st_size > 0
    ttl = Graph().parse(built / "graph.ttl")
    ds = Dataset()
    ds.parse(built / "graph.trig", format="trig")
    jl = Dataset()
    jl.parse(built / "graph.jsonld", format="json-ld")
    quads = {(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}
    assert set(ttl) == quads
    assert {(s, p, o) for s, p, o, _ in jl.quads((None, None, None, None))} == quads
    import pyoxigraph
    store = pyoxigraph.Store()
    store.load(path=str(built / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(ttl)


def test_report_lists_every_file(built):
    rep = json.loads((built / "report.json").read_text(encoding="utf-8"))
    files = {Path(f["file"]).name: f for f in rep["files"]}
    assert set(files) == {p.name for p in (ROOT / "data/articles").iterdir()}
    assert all(f["status"] == "ok" for f in files.values())


def test_validate_command(built):
    r = kg("validate", built)
    assert r.returncode == 0 and "conforms" in r.stdout


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_competency_queries_keep_their_columns(built, name):
    r = kg("query", built, f"ontology/queries/{name}.rq", "--format", "csv")
    assert r.returncode == 0, r.stderr
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert rows[0] == COLUMNS[name]
    assert len(rows) > 1
    assert all(row[0].endswith(".txt") for row in rows[1:])


def test_sample_answers(built):
    r = kg("query", built, "positions", "--format", "json")
    bindings = json.loads(r.stdout)["results"]["bindings"]
    nghia = {(b["title"]["value"], b.get("organisation", {}).get("value", ""))
             for b in bindings if b["person"]["value"] == "Nguyễn Thị Nghĩa"}
    assert ("Chủ tịch", "Liên hiệp các tổ chức hữu nghị thành phố Hải Phòng") in nghia
    assert ("Phó Bí thư Thường trực", "Thành ủy Hải Phòng") in nghia


def _micro(stdout: str) -> float:
    return float(stdout.strip().splitlines()[-1].split("=")[1])


def test_eval_on_the_samples():
    r = kg("eval", "--gold", "data/gold", "data/articles")
    assert r.returncode == 0, r.stderr
    assert _micro(r.stdout) >= 0.95
    for line in r.stdout.splitlines()[1:7]:
        assert float(line.split()[3]) >= 0.90, line


def test_eval_on_the_test_corpus():
    r = kg("eval", "--gold", "tests/corpus/gold", "tests/corpus/articles")
    assert r.returncode == 0, r.stderr
    assert _micro(r.stdout) >= 0.90
