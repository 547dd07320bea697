"""kg synth: deterministic files, gold that scores itself perfectly, a shared population."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.synth import synth

SCORER = Path("/work/shared/eval/score.py")


def _files(d: Path) -> dict[str, bytes]:
    return {str(p.relative_to(d)): p.read_bytes() for p in sorted(d.rglob("*")) if p.is_file()}


def test_same_seed_same_bytes_other_seed_other_files(tmp_path):
    synth(40, tmp_path / "a", seed=5)
    synth(40, tmp_path / "b", seed=5)
    synth(40, tmp_path / "c", seed=6)
    a, b, c = (_files(tmp_path / x) for x in "abc")
    assert len(a) == 80 and a == b
    assert a != c


def test_cli_writes_articles_and_gold_with_the_same_stems(tmp_path):
    result = CliRunner().invoke(cli, ["synth", "12", str(tmp_path / "s"), "--seed", "3"])
    assert result.exit_code == 0, result.output
    arts = sorted(p.stem for p in (tmp_path / "s" / "articles").glob("*.txt"))
    golds = sorted(p.stem for p in (tmp_path / "s" / "gold").glob("*.json"))
    assert len(arts) == 12 and arts == golds


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("synth")
    synth(300, d, seed=11)
    return d


def _golds(corpus: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((corpus / "gold").glob("*.json"))]


def test_gold_states_only_what_the_text_says(corpus):
    for gold in _golds(corpus):
        text = (corpus / "articles" / gold["article"]).read_text(encoding="utf-8")
        orgs = {o["name"] for o in gold["organisations"]}
        persons = {p["name"] for p in gold["persons"]}
        for name in persons:
            assert name in text, (gold["article"], name)
        for person in gold["persons"]:
            for pos in person["positions"]:
                assert pos["organisation"] in orgs and pos["title"] in text
        for ev in gold["events"]:
            assert ev["chair"] is None or ev["chair"] in persons
            assert ev["organiser"] is None or ev["organiser"] in orgs
            assert ev["date"] and ev["date"][:4].isdigit()
        for code in gold["documents"]:
            assert code in text
        assert gold["countries"] == sorted(gold["countries"]) and "VN" not in gold["countries"]
        if gold["published"]:  # the stamp's date, written dd/mm/yyyy
            y, m, d = gold["published"].split("-")
            assert f"{d}/{m}/{y}" in text


def test_people_recur_with_consistent_posts(corpus):
    posts: dict[str, set] = defaultdict(set)
    articles: dict[str, set] = defaultdict(set)
    for gold in _golds(corpus):
        for p in gold["persons"]:
            articles[p["name"]].add(gold["article"])
            posts[p["name"]].add(frozenset((q["title"], q["organisation"]) for q in p["positions"]))
    recurring = [n for n, arts in articles.items() if len(arts) >= 3]
    assert len(recurring) >= 10
    for name in articles:  # a person's posts in one article are a subset of the union, never another body's
        union = set().union(*posts[name])
        orgs = {o for _, o in union}
        assert len({o.rsplit(" ", 1)[-1] for o in orgs if o.startswith("Liên hiệp")}) <= 1


def test_templates_provinces_and_years_vary(corpus):
    golds = _golds(corpus)
    assert len({g["locality"] for g in golds}) >= 40
    assert len({e["date"][:4] for g in golds for e in g["events"]}) >= 12
    labels = {e["label"].split()[0] for g in golds for e in g["events"]}
    assert {"Hội", "Đại", "Tiếp", "Lễ"} <= labels


def _gold_to_csv(gold_dir: Path, pred: Path) -> None:
    cols = {"persons": ("article", "name"), "positions": ("article", "person", "title", "organisation"),
            "organisations": ("article", "name"), "countries": ("article", "country"),
            "events": ("article", "organiser", "date", "location", "chair"),
            "documents": ("article", "code")}
    rows: dict[str, list] = {k: [] for k in cols}
    for p in sorted(gold_dir.glob("*.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        a = g["article"]
        for per in g["persons"]:
            rows["persons"].append((a, per["name"]))
            rows["positions"] += [(a, per["name"], q["title"], q["organisation"]) for q in per["positions"]]
        rows["organisations"] += [(a, o["name"]) for o in g["organisations"]]
        rows["countries"] += [(a, c) for c in g["countries"]]
        rows["events"] += [(a, e["organiser"] or "", e["date"] or "", e["location"] or "",
                            e["chair"] or "") for e in g["events"]]
        rows["documents"] += [(a, c) for c in g["documents"]]
    pred.mkdir()
    for kind, header in cols.items():
        with open(pred / f"{kind}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerows(rows[kind])


@pytest.mark.skipif(not SCORER.is_file(), reason="the shared scorer is not on this machine")
def test_gold_loads_in_the_shared_scorer_and_scores_itself_perfectly(corpus, tmp_path):
    _gold_to_csv(corpus / "gold", tmp_path / "pred")
    out = subprocess.run([sys.executable, str(SCORER), "--gold", str(corpus / "gold"),
                          "--pred", str(tmp_path / "pred")], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "micro F1 = 1.000"
    assert "(300 articles)" in out.stdout
