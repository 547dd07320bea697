"""The explorer's index made from the records equals the one read back from the RDF.

The build draws the explorer from the records (kg.viz.records) instead of re-parsing
its own N-Quads; this checks, on every test corpus (the samples, the hand-annotated,
held-out and blind sets and a synthetic corpus), that the whole view
model (nodes, facts, edges, evidence, awards, province-nation table) is the same either
way, so the two mappings cannot drift apart.
"""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest

from kg.build import list_inputs, process_file
from kg.graph import to_quads
from kg.resolve import resolve
from kg.synth import synth
from kg.viz.model import view_model
from kg.viz.records import record_index

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ["data/articles", "tests/corpus/articles", "tests/heldout/articles",
           "tests/blind/articles", "tests/blind2/articles"]


def _extractions(folder: Path):
    return [ex for ex, _ in (process_file(p) for p in list_inputs([folder])) if ex is not None]


def _assert_same_view(extractions) -> None:
    res = resolve(extractions)
    from_rdf = asdict(view_model(to_quads(extractions, res)))
    from_records = asdict(view_model(record_index(extractions, res)))
    assert from_rdf["nodes"], "an empty view proves nothing"
    for key in from_rdf:
        assert from_records[key] == from_rdf[key], key


@pytest.mark.parametrize("corpus", CORPORA)
def test_view_from_records_equals_view_from_rdf(corpus):
    extractions = _extractions(ROOT / corpus)
    assert extractions
    _assert_same_view(extractions)


def test_view_from_records_equals_view_from_rdf_on_a_synthetic_corpus(tmp_path):
    synth(60, tmp_path, seed=11)  # people and bodies recurring across articles: merged nodes
    _assert_same_view(_extractions(tmp_path / "articles"))
