"""Exports re-read: N-Quads and JSON-LD by rdflib and pyoxigraph, CSV by csv, GraphML/GEXF by networkx."""
from __future__ import annotations

import csv
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.namespace import XSD as _XSD  # private: pytest probes public module names

from helpers_kg import bench_store_module
from kg.build import FileReport, write_outputs
from kg.cli import cli
from kg.exports import export_dir, to_networkx
from kg.namespace import KG, ORG, SCHEMA
from kg.store import named_quads, open_read_only


ROOT = Path(__file__).resolve().parent.parent


def _bench():
    return bench_store_module()


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Path:
    exs = _bench().synthetic_extractions(10, seed=9)
    out = tmp_path_factory.mktemp("exports")
    write_outputs(out, exs, [FileReport(e.article.name, "ok") for e in exs], 0.0)
    return out


@pytest.fixture(scope="module")
def quads(build) -> set[str]:
    q = {str(x) for x in named_quads(open_read_only(build / "store"))}
    assert len(q) > 1000
    return q


@pytest.fixture(scope="module")
def dataset(build) -> Dataset:
    ds = Dataset(default_union=True)
    ds.parse(build / "graph.trig", format="trig")
    return ds


def _norm(term):
    # Oxigraph stores xsd:decimal by value ("0.80" comes back as "0.8"); compare decimals so.
    if isinstance(term, Literal) and term.datatype == _XSD.decimal:
        return ("decimal", Decimal(str(term)))
    return term


def _rdflib_quads(ds: Dataset) -> set[tuple]:
    return {(s, p, _norm(o), g) for s, p, o, g in ds.quads((None, None, None, None))}


def test_nquads_rereads_in_rdflib_and_pyoxigraph(build, quads, dataset):
    [path] = export_dir(build, "nquads")
    assert path == build / "graph.nq"
    assert {str(q) for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)} == quads
    ds = Dataset()
    ds.parse(path, format="nquads")
    assert _rdflib_quads(ds) == _rdflib_quads(dataset)


def test_jsonld_reads_as_plain_json_and_as_rdf(build, quads, dataset):
    doc = json.loads((build / "graph.jsonld").read_text(encoding="utf-8"))
    keys = Counter()

    def walk(node):
        if isinstance(node, dict):
            keys.update(list(node))
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(doc["@graph"])
    # Short keys throughout: no IRI and no prefixed name is used as a key.
    assert not [k for k in keys if not k.startswith("@") and ":" in k], keys
    for key in ("name", "title", "organisation", "member", "sentence", "partnerNation",
                "attestedOn", "chair", "organizer"):
        assert keys[key] > 0, key
    ds = Dataset()
    ds.parse(build / "graph.jsonld", format="json-ld")
    assert _rdflib_quads(ds) == _rdflib_quads(dataset)
    store = ox.Store()
    store.bulk_load(path=str(build / "graph.jsonld"), format=ox.RdfFormat.JSON_LD)
    assert {str(q) for q in store} == quads


def test_jsonld_export_command_rewrites_the_same_dataset(build, tmp_path, dataset):
    [path] = export_dir(build, "jsonld", tmp_path / "x.jsonld")
    ds = Dataset()
    ds.parse(path, format="json-ld")
    assert _rdflib_quads(ds) == _rdflib_quads(dataset)


def test_context_terms_are_ontology_terms():
    ctx = json.loads((ROOT / "ontology" / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    onto = Graph().parse(ROOT / "ontology" / "kg.ttl", format="turtle")
    defined = set(onto.subjects())
    kg_terms = [(v["@id"] if isinstance(v, dict) else v) for v in ctx.values()]
    kg_terms = [t.split(":", 1)[1] for t in kg_terms if isinstance(t, str) and t.startswith("kg:")]
    assert len(kg_terms) > 30
    for local in kg_terms:
        assert URIRef(str(KG._NS) + local) in defined, local
    # Every predicate and class the graph uses has a short term.
    assert len(set(ctx)) == len(ctx)


def test_csv_nodes_and_edges(build, dataset):
    export_dir(build, "csv")
    with open(build / "nodes.csv", newline="", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with open(build / "edges.csv", newline="", encoding="utf-8") as f:
        edges = list(csv.DictReader(f))
    ids = {n["id"] for n in nodes}
    persons = {str(s) for s in dataset.subjects(RDF.type, SCHEMA.Person)}
    orgs = {str(s) for s in dataset.subjects(RDF.type, SCHEMA.Organization)}
    events = {str(s) for s in dataset.subjects(RDF.type, SCHEMA.Event)}
    assert persons and orgs and events and persons | orgs | events <= ids
    assert {n["type"] for n in nodes if n["id"] in persons} == {"Person"}
    assert all(n["label"] for n in nodes)
    assert all(e["source"] in ids and e["target"] in ids for e in edges)
    # Every post with a person and an organisation is a "post" edge with its title.
    post_edges = {(e["source"], e["target"], e["title"]) for e in edges if e["label"] == "post"}
    want = set()
    for post in dataset.subjects(RDF.type, KG.Post):
        person, org = dataset.value(post, ORG.member), dataset.value(post, ORG.organization)
        if person is not None and org is not None:
            want.add((str(person), str(org), str(dataset.value(post, KG.title))))
    assert want and post_edges == want
    chair_edges = {(e["source"], e["target"]) for e in edges if e["label"] == "chair"}
    assert chair_edges == {(str(s), str(o)) for s, o in dataset.subject_objects(KG.chair)}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphml_and_gexf_reread_in_networkx(build, fmt):
    [path] = export_dir(build, fmt)
    g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    ref = to_networkx(open_read_only(build / "store"))
    assert set(g.nodes) == set(ref.nodes)
    assert g.number_of_edges() == ref.number_of_edges() > 100
    assert Counter((s, t, d["label"]) for s, t, d in g.edges(data=True)) == \
        Counter((s, t, d["label"]) for s, t, d in ref.edges(data=True))
    for n, d in ref.nodes(data=True):
        assert g.nodes[n]["type"] == d["type"]
        assert g.nodes[n]["label"] == d["label"]


def test_cli_export(build, tmp_path):
    runner = CliRunner()
    for fmt, name in (("nquads", "a.nq"), ("graphml", "a.graphml"), ("gexf", "a.gexf")):
        result = runner.invoke(cli, ["export", str(build), "--format", fmt, "--out",
                                     str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).stat().st_size > 1000
    result = runner.invoke(cli, ["export", str(build), "--format", "csv", "--out", str(tmp_path)])
    assert result.exit_code == 0 and (tmp_path / "edges.csv").is_file()
    bad = runner.invoke(cli, ["export", str(tmp_path / "nothing"), "--format", "csv"])
    assert bad.exit_code != 0
