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


def test_the_scorer_gives_each_row_to_one_article_the_longest_name_it_ends_with(tmp_path):
    from kg.evaluate import score
    gold = {"persons": [{"name": "Nguyễn Văn An"}]}
    for name in ("b.txt", "a_b.txt"):
        (tmp_path / name.replace(".txt", ".json")).write_text(
            json.dumps({"article": name, **gold}, ensure_ascii=False), encoding="utf-8")
    rows = [{"article": "a_b.txt", "name": "Nguyễn Văn An"},   # a_b.txt's, not b.txt's too
            {"article": "a_b.txt", "name": "Lê Văn Cường"},    # so one false positive, not two
            {"article": "<https://x/dir/b.txt>", "name": "Nguyễn Văn An"},  # an IRI ending with it
            {"article": "other.txt", "name": "Trần Thị Bình"}]  # not a gold article: ignored
    result = score(tmp_path, {"persons": rows})
    assert result["categories"]["persons"] | {"precision": 1, "recall": 1} == {
        "tp": 2, "fp": 1, "fn": 0, "precision": 1, "recall": 1, "f1": 0.8}
    assert result["per_article"]["b.txt"]["persons"] == {"tp": 1, "fp": 0, "fn": 0}


def test_the_eval_table_stays_aligned_with_six_digit_counts():
    from kg.evaluate import CATEGORIES, format_report
    big = {"tp": 124175, "fp": 100, "fn": 238, "precision": 0.999, "recall": 0.998, "f1": 0.999}
    small = {"tp": 5, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    for counts in (big, small):
        table = format_report({"categories": {c: counts for c in CATEGORIES}, "micro": counts,
                               "per_article": {}}).splitlines()[:-1]
        assert len({len(line) for line in table}) == 1  # every row as wide as the header
        assert [int(x) for x in table[-1].split()[-3:]] == [counts[k] for k in ("tp", "fp", "fn")]
