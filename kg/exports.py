"""Exports people ask for: N-Quads, JSON-LD with the published context, and the graph as a
network of entities (nodes and edges as CSV, GraphML and GEXF for Gephi and Cytoscape).

The network view keeps what a person thinks of as things and links: persons,
organisations, events, countries, places, documents and articles are nodes;
a triple between two of them is an edge named by its short JSON-LD term
(ontology/context.jsonld: "organizer", "partnerNation" ...). Two RDF shapes
are folded into edges: a post (kg:Post) becomes a "post" edge person ->
organisation carrying the title, the first and last attestation dates and
whether the latest says "former"; a mention (kg:Mention) becomes a "mentions"
edge article -> entity. Evidence nodes stay in the RDF exports only. Every
edge counts the articles (named graphs) that assert it. The exports hold the
article graphs, not the store's default graph (their union, an index).

Example:
    kg export out --format graphml      # out/graph.graphml
"""
from __future__ import annotations

import csv
import io
import tempfile
from collections import defaultdict
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from .errors import KGError
from .export import atomic_write, jsonld_context, serialize
from .namespace import KG, ORG, SCHEMA
from .store import named_quads

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
NODE_TYPES = {  # class IRI -> node type, in order of preference
    str(SCHEMA.Person): "Person", str(SCHEMA.Organization): "Organization",
    str(SCHEMA.Event): "Event", str(SCHEMA.Country): "Country",
    str(SCHEMA.AdministrativeArea): "Place", str(KG.PartyStateDocument): "Document",
    str(SCHEMA.NewsArticle): "Article",
}
KG_NS = str(KG._NS)
NODE_COLUMNS = ["id", "label", "type", "kinds", "articles"]
EDGE_COLUMNS = ["source", "target", "label", "title", "first", "last", "former", "articles"]


def _short_names() -> dict[str, str]:
    """Predicate IRI -> its short term in the published JSON-LD context."""
    ctx = jsonld_context()
    prefixes = {k: v for k, v in ctx.items() if isinstance(v, str) and v.endswith(("/", "#"))}
    out = {}
    for term, value in ctx.items():
        iri = value.get("@id") if isinstance(value, dict) else value
        if not isinstance(iri, str) or term in prefixes:
            continue
        prefix, _, local = iri.partition(":")
        out[prefixes[prefix] + local if prefix in prefixes else iri] = term
    return out


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def to_networkx(store: ox.Store) -> nx.MultiDiGraph:
    """The entity network of a store (see the module docstring)."""
    names = _short_names()
    types: dict[str, set[str]] = defaultdict(set)
    props: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    graphs_of: dict[str, set[str]] = defaultdict(set)
    links: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for q in named_quads(store):
        s, p, o = q.subject.value, q.predicate.value, q.object
        g = q.graph_name.value
        graphs_of[s].add(g)
        if p == RDF_TYPE:
            types[s].add(o.value)
        elif isinstance(o, ox.Literal):
            props[s][p].append(o)
        else:
            links[(s, p, o.value)].add(g)
    node_type = {}
    for s, classes in types.items():
        for cls, name in NODE_TYPES.items():
            if cls in classes:
                node_type[s] = name
                break
    graph = nx.MultiDiGraph()
    for s, kind in node_type.items():
        graph.add_node(s, label=_label(props[s], s), type=kind, articles=len(graphs_of[s]),
                       kinds=" ".join(sorted(_local(c) for c in types[s] if c.startswith(KG_NS))))
    _add_posts(graph, types, props, links, graphs_of)
    _add_mentions(graph, types, links)
    for (s, p, o), gs in links.items():
        if s in node_type and o in node_type:
            label = names.get(p, _local(p))
            graph.add_edge(s, o, key=label, label=label, articles=len(gs))
    return graph


def _label(p: dict[str, list], fallback: str) -> str:
    names = p.get(str(SCHEMA.name), []) or p.get(RDFS_LABEL, []) or \
        p.get(str(SCHEMA.headline), []) or p.get(str(KG.sourceFile), [])
    if not names:
        return _local(fallback)
    # Countries have @vi and @en names: prefer Vietnamese, the corpus's language.
    return sorted(names, key=lambda lit: (lit.language != "vi", lit.value))[0].value


def _add_posts(graph, types, props, links, graphs_of) -> None:
    member, organisation = str(ORG.member), str(ORG.organization)
    ends: dict[str, dict[str, str]] = defaultdict(dict)
    for (s, p, o) in links:
        if p in (member, organisation) and str(KG.Post) in types.get(s, ()):
            ends[s][p] = o
    folded: dict[tuple[str, str, str], dict] = {}
    for post, e in ends.items():
        if member not in e or organisation not in e:
            continue
        if e[member] not in graph or e[organisation] not in graph:
            continue
        title = next(iter(v.value for v in props[post].get(str(KG.title), [])), "")
        dates = sorted(v.value for v in props[post].get(str(KG.attestedOn), []))
        former = any(v.value == "true" for v in props[post].get(str(KG.former), []))
        edge = folded.setdefault((e[member], e[organisation], title),
                                 {"dates": [], "latest": ("", False), "graphs": set()})
        edge["dates"] += dates
        edge["graphs"] |= graphs_of[post]
        if dates and dates[-1] >= edge["latest"][0]:
            edge["latest"] = (dates[-1], former)
    for (person, org, title), e in folded.items():
        dates = sorted(e["dates"])
        graph.add_edge(person, org, key=f"post:{title}", label="post", title=title,
                       first=dates[0] if dates else "", last=dates[-1] if dates else "",
                       former=e["latest"][1], articles=len(e["graphs"]))


def _add_mentions(graph, types, links) -> None:
    denotes, quoted = str(KG.denotes), "http://www.w3.org/ns/prov#wasQuotedFrom"
    target: dict[str, str] = {}
    article: dict[str, str] = {}
    for (s, p, o) in links:
        if str(KG.Mention) in types.get(s, ()):
            if p == denotes:
                target[s] = o
            elif p == quoted:
                article[s] = o
    pairs = {(article[m], t) for m, t in target.items() if m in article}
    for a, t in pairs:
        if a in graph and t in graph:
            graph.add_edge(a, t, key="mentions", label="mentions", articles=1)


def _csv(rows: list[dict], columns: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in columns})
    return buf.getvalue()


def nodes_edges_csv(graph: nx.MultiDiGraph) -> tuple[str, str]:
    """nodes.csv and edges.csv texts (RFC 4180, header row, UTF-8)."""
    nodes = [{"id": n, **d} for n, d in sorted(graph.nodes(data=True))]
    edges = sorted(({"source": s, "target": t, **d} for s, t, d in graph.edges(data=True)),
                   key=lambda r: (r["source"], r["target"], r["label"], r.get("title", "")))
    return _csv(nodes, NODE_COLUMNS), _csv(edges, EDGE_COLUMNS)


def _network_text(graph: nx.MultiDiGraph, fmt: str) -> bytes:
    buf = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, buf, encoding="utf-8")
    else:
        nx.write_gexf(graph, buf, encoding="utf-8")
    return buf.getvalue()


def export_dir(out_dir: str | Path, fmt: str, out: str | Path | None = None) -> list[Path]:
    """Write one export of a build; returns the files written."""
    from .query import open_store

    out_dir = Path(out_dir)
    store = open_store(out_dir)
    if fmt == "nquads":
        target = Path(out or out_dir / "graph.nq")
        with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".nq-", delete=False) as tmp:
            ox.serialize(named_quads(store), tmp, format=ox.RdfFormat.N_QUADS)
        Path(tmp.name).chmod(0o644)
        Path(tmp.name).replace(target)
        return [target]
    if fmt == "jsonld":
        from rdflib import Dataset

        ds = Dataset()
        ds.parse(data=ox.serialize(named_quads(store), format=ox.RdfFormat.N_QUADS)
                 .decode("utf-8"), format="nquads")
        target = Path(out or out_dir / "graph.jsonld")
        atomic_write(target, serialize(ds, "jsonld"))
        return [target]
    if fmt not in ("csv", "graphml", "gexf"):
        raise KGError(f"unknown export format {fmt!r}")
    graph = to_networkx(store)
    if fmt == "csv":
        folder = Path(out or out_dir)
        nodes, edges = nodes_edges_csv(graph)
        atomic_write(folder / "nodes.csv", nodes)
        atomic_write(folder / "edges.csv", edges)
        return [folder / "nodes.csv", folder / "edges.csv"]
    target = Path(out or out_dir / f"graph.{fmt}")
    atomic_write(target, _network_text(graph, fmt))
    return [target]
