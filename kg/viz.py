"""The explorer: the graph as an interactive, self-contained HTML page (pyvis / vis-network).

Dataset -> view model (plain node and edge dicts, networkx for measures) -> HTML.
Every string that reaches the page is escaped.

Example:
    >>> from kg.graph import new_dataset
    >>> "<html" in render_explorer(new_dataset())
    True
"""
from __future__ import annotations

import html

import networkx as nx
from rdflib import RDF, Dataset

from .export import union_graph
from .namespace import KG, ORG, SCHEMA

CLASS_COLOURS = {"Person": "#e4572e", "Organization": "#29335c", "Event": "#f3a712",
                 "Country": "#669bbc", "Document": "#8f2d56", "Article": "#a8c686"}


def view_model(ds: Dataset) -> nx.MultiDiGraph:
    g = union_graph(ds)
    graph = nx.MultiDiGraph()
    kinds = {SCHEMA.Person: "Person", SCHEMA.Organization: "Organization", SCHEMA.Event: "Event",
             SCHEMA.Country: "Country", KG.PartyStateDocument: "Document",
             SCHEMA.NewsArticle: "Article"}
    for cls, kind in kinds.items():
        for node in g.subjects(RDF.type, cls):
            name = g.value(node, SCHEMA.name) or g.value(node, KG.sourceFile) or node
            graph.add_node(str(node), label=str(name), kind=kind)
    for post in g.subjects(RDF.type, ORG.Membership):
        p, o = g.value(post, ORG.member), g.value(post, ORG.organization)
        if p is not None and o is not None:
            graph.add_edge(str(p), str(o), label=str(g.value(post, KG.title) or ""))
    for s, p, o in g:
        if str(s) in graph and str(o) in graph and p != RDF.type:
            graph.add_edge(str(s), str(o), label=str(p).rsplit("/", 1)[-1].rsplit("#", 1)[-1])
    return graph


def render_explorer(ds: Dataset) -> str:
    from pyvis.network import Network

    graph = view_model(ds)
    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line")
    for node, data in graph.nodes(data=True):
        net.add_node(node, label=data["label"], title=html.escape(f"{data['kind']}: {data['label']}"),
                     color=CLASS_COLOURS[data["kind"]])
    for u, v, data in graph.edges(data=True):
        net.add_edge(u, v, title=html.escape(data.get("label", "")))
    return net.generate_html()
