"""The explorer's Python side: view model, networkx measures and layout, safe page assembly."""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent / "browser"))
from explorer_sample import (NGHIA, NGHIA_SENTENCE, NGHIA_SENTENCE_2021, PAYLOAD_NAME,  # noqa: E402
                             sample_dataset)

from kg.export import serialize  # noqa: E402
from kg.viz import explorer_payload, render_explorer, safe_json, view_model  # noqa: E402
from kg.viz import measures as measures_mod  # noqa: E402
from kg.viz.measures import (MeasuresMemo, centrality, communities, layout, measure,  # noqa: E402
                             shape_key, to_graph)


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.found: list[tuple[dict, str]] = []
        self._open: dict | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._open = dict(attrs)
            self.found.append((self._open, ""))

    def handle_data(self, data):
        if self._open is not None:
            attrs, body = self.found[-1]
            self.found[-1] = (attrs, body + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._open = None


def _script_elements(page: str) -> list[tuple[dict, str]]:
    """The page's <script> elements as a browser's tokenizer sees them: (attributes, text)."""
    parser = _Scripts()
    parser.feed(page)
    return parser.found


def _by_label(vm, label, kind):
    found = [i for i, n in enumerate(vm.nodes) if n["label"] == label and n["kind"] == kind]
    assert len(found) == 1, (label, found)
    return found[0]


def test_view_model_person_posts_carry_title_org_date_and_evidence():
    vm = view_model(sample_dataset())
    nghia = _by_label(vm, NGHIA, "person")
    posts = [f for f in vm.facts if f["s"] == nghia and f["rel"] == "post"]
    got = {(f["label"], vm.nodes[f["o"]]["label"], f["date"]) for f in posts}
    assert got == {("Trưởng đoàn", "Đoàn Đại biểu Quốc hội thành phố Hải Phòng", "2019-07-23"),
                   ("Phó Bí thư Thường trực", "Thành ủy Hải Phòng", "2019-07-23"),
                   ("Chủ tịch", "Liên hiệp các tổ chức hữu nghị thành phố Hải Phòng", "2019-07-23"),
                   ("Chủ tịch", "Liên hiệp các tổ chức hữu nghị thành phố Hải Phòng", "2021-03-02")}
    for f in posts:
        ev = vm.evidence[f["ev"]]
        expected = ((NGHIA_SENTENCE, 0.93, "hp_2019_6thang.txt") if f["date"] == "2019-07-23"
                    else (NGHIA_SENTENCE_2021, 0.81, "hp_2021_lao.txt"))
        assert (ev["sentence"], ev["confidence"], vm.nodes[ev["article"]]["label"]) == expected


def test_view_model_filter_attributes():
    vm = view_model(sample_dataset())
    hp, qn = _by_label(vm, "Hải Phòng", "place"), _by_label(vm, "Quảng Ninh", "place")
    nghia = vm.nodes[_by_label(vm, NGHIA, "person")]
    assert nghia["prov"] == {hp}  # through the organisations of her posts
    assert nghia["years"] == {2019, 2021}
    # partner nations of her event (2019) and of the article attesting her 2021 post
    nations = {vm.nodes[c]["label"] for c in nghia["nations"]}
    assert nations == {"Nhật Bản", "Hàn Quốc", "Lào"}
    nam = vm.nodes[_by_label(vm, "Lê Khắc Nam", "person")]
    assert {vm.nodes[c]["label"] for c in nam["nations"]} == {"Lào"}
    union = vm.nodes[_by_label(vm, "Liên hiệp các tổ chức hữu nghị thành phố Hải Phòng", "organisation")]
    assert union["years"] == {2019, 2021} and union["prov"] == {hp}
    assert "lhhn hai phong" in union["fold"]  # the alt label, folded for search
    china = vm.nodes[_by_label(vm, "Trung Quốc", "country")]
    assert china["prov"] == {qn}


def test_province_nation_counts_articles():
    vm = view_model(sample_dataset())
    rows = {(vm.nodes[r["place"]]["label"], vm.nodes[r["nation"]]["label"]): len(r["articles"])
            for r in vm.province_nation}
    assert rows == {("Hải Phòng", "Nhật Bản"): 1, ("Hải Phòng", "Hàn Quốc"): 1,
                    ("Hải Phòng", "Lào"): 1, ("Quảng Ninh", "Trung Quốc"): 1}


def test_edges_fold_repeated_facts_into_one():
    vm = view_model(sample_dataset())
    keys = [(e["s"], e["o"], e["rel"]) for e in vm.edges]
    assert len(keys) == len(set(keys))
    assert {(f["s"], f["o"], f["rel"]) for f in vm.facts if f["o"] >= 0} == set(keys)


@given(st.text())
def test_safe_json_is_inert_in_a_script_element_and_round_trips(text):
    out = safe_json({"t": text, "l": [text]})
    assert not set(out) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(out) == {"t": text, "l": [text]}


def test_page_is_self_contained_and_payloads_stay_inside_json():
    page = render_explorer(sample_dataset())
    scripts = _script_elements(page)
    assert [attrs for attrs, _ in scripts] == [{"id": "kg-data", "type": "application/json"}, {}, {}, {}]
    assert PAYLOAD_NAME not in page and "<img" not in page and "<svg" not in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    data = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page, re.S).group(1)
    labels = [n["l"] for n in json.loads(data)["nodes"]]
    assert PAYLOAD_NAME in labels and NGHIA in labels


def test_csp_admits_exactly_the_inline_scripts():
    page = render_explorer(sample_dataset())
    csp = html.unescape(
        re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1))
    assert "default-src 'none'" in csp and "unsafe-eval" not in csp
    allowed = set(re.findall(r"'sha256-([^']+)'", csp))
    bodies = [body for attrs, body in _script_elements(page) if not attrs]
    assert len(bodies) == 3
    assert {base64.b64encode(hashlib.sha256(b.encode()).digest()).decode() for b in bodies} == allowed


def test_large_threshold_switches_mode_and_positions_every_node():
    vm = view_model(sample_dataset())
    small, large = explorer_payload(vm, 1000), explorer_payload(vm, 5)
    assert small["meta"]["large"] is False and large["meta"]["large"] is True
    assert all(isinstance(n["px"], float) and isinstance(n["py"], float) for n in large["nodes"])


def test_measures_on_a_graph_of_two_cliques_and_a_bridge():
    g = nx.union(nx.complete_graph(5), nx.complete_graph(range(5, 10)))
    g.add_edge(4, 5)
    measures = centrality(g)
    assert max(measures["degree"].values()) == 1.0
    assert max(measures["betweenness"], key=measures["betweenness"].get) in (4, 5)
    parts = communities(g)
    assert sorted(map(sorted, parts)) == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]


def test_measures_memo_serves_the_same_shape_only(tmp_path, monkeypatch):
    """The memo returns exactly what the measures give, only for a graph of the same shape:
    the same edges inserted in another order are another shape (the seeded algorithms walk
    the adjacency in order), and an unreadable memo file is a miss, not an error."""
    def make():
        return nx.connected_caveman_graph(6, 5)

    g = make()
    memo = MeasuresMemo(tmp_path / "cache" / "measures.pickle")
    fresh = measure(g)
    assert measure(g, memo) == fresh
    computed = []
    real = measures_mod.communities
    monkeypatch.setattr(measures_mod, "communities", lambda graph: computed.append(1) or real(graph))
    assert measure(make(), memo) == fresh and computed == []  # served from the file
    reordered = nx.Graph()
    reordered.add_nodes_from(g)
    reordered.add_edges_from(reversed(list(g.edges())))
    assert shape_key(reordered) != shape_key(g)
    measure(reordered, memo)
    assert computed == [1]
    bigger = make()
    bigger.add_edge(0, 29)
    assert measure(bigger, memo) == measure(bigger) and len(computed) == 3
    (tmp_path / "cache" / "measures.pickle").write_bytes(b"\x80\x05garbage")
    assert measure(g, memo) == fresh and len(computed) == 4
    assert measure(g, memo) == fresh and len(computed) == 4  # stored again


def test_layout_shared_with_a_child_process_places_every_node_the_same(monkeypatch):
    g = nx.connected_caveman_graph(12, 50)  # 12 spring layouts of 50: over the threshold
    parts = communities(g)
    forked = []
    real = measures_mod._fork
    monkeypatch.setattr(measures_mod, "_fork", lambda fn: forked.append(1) or real(fn))
    assert layout(g, parts, parallel=True) == layout(g, parts)
    assert forked == [1]


@pytest.mark.parametrize("seed", [1, 2, 7])
def test_louvain_is_networkxs_partition(seed):
    """kg's Louvain on plain lists: networkx's random order, gains and modularity sums, so
    the very same communities."""
    graphs = [nx.connected_caveman_graph(8, 6), nx.gnm_random_graph(600, 2000, seed=3),
              nx.barabasi_albert_graph(300, 3, seed=1), nx.les_miserables_graph(),
              nx.relabel_nodes(nx.gnm_random_graph(150, 400, seed=9),
                               {i: f"n{149 - i}" for i in range(150)})]
    for g in graphs:
        plain = nx.Graph()  # unweighted, as the explorer's graph is
        plain.add_nodes_from(g)
        plain.add_edges_from(g.edges())
        plain.add_nodes_from(["isolated"])
        assert measures_mod.louvain(plain, seed=seed) == \
            nx.community.louvain_communities(plain, seed=seed)


@pytest.mark.parametrize("k", [None, 16, 70])
def test_betweenness_is_networkxs_to_the_last_bit(k):
    """kg's Brandes on plain lists: the same sampled sources and the same sums in the same
    order as nx.betweenness_centrality, so the same floats (not merely close ones)."""
    for g in (nx.connected_caveman_graph(10, 8), nx.gnm_random_graph(300, 900, seed=3),
              nx.barabasi_albert_graph(200, 2, seed=1)):
        g.add_node(len(g))  # an isolated node too
        assert measures_mod.betweenness(g, k=k, seed=7) == nx.betweenness_centrality(g, k=k, seed=7)


def test_layout_places_every_node_apart_and_keeps_communities_together():
    g = nx.connected_caveman_graph(40, 8)  # 320 nodes
    g.add_nodes_from(range(320, 2000))  # and many isolates, as sunflower/shelf packing must handle
    for n in range(320, 2000, 2):
        g.add_edge(n, n + 1)
    parts = communities(g)
    pos = layout(g, parts)
    assert set(pos) == set(g)
    assert len({(round(x), round(y)) for x, y in pos.values()}) == len(g)
    # a node is nearer its own community's centre than most other nodes are
    part = next(p for p in parts if len(p) == 8)
    cx = sum(pos[n][0] for n in part) / 8
    cy = sum(pos[n][1] for n in part) / 8
    own = max(((pos[n][0] - cx) ** 2 + (pos[n][1] - cy) ** 2) ** 0.5 for n in part)
    others = sorted(((x - cx) ** 2 + (y - cy) ** 2) ** 0.5 for n, (x, y) in pos.items() if n not in part)
    assert own < others[len(others) // 2]


def test_community_spring_layout_is_networkx_fruchterman_reingold():
    """measures._spring is networkx's dense spring layout without its overheads: the same
    positions, for a community taken out of a larger graph (its edges to others ignored)."""
    g = nx.connected_caveman_graph(6, 9)
    g.add_edge(0, 40)
    part = sorted(range(9, 18))  # a cave, linked to its neighbours by one edge each
    sub = nx.Graph()
    sub.add_nodes_from(part)
    sub.add_edges_from(g.subgraph(part).edges())
    expected = nx.spring_layout(sub, seed=1, iterations=40, scale=25.0)
    got = measures_mod._spring(g, part, 25.0)
    assert set(got) == set(part)
    assert max(abs(got[n][0] - expected[n][0]) + abs(got[n][1] - expected[n][1])
               for n in part) < 1e-9
    assert len({(round(x, 3), round(y, 3)) for x, y in got.values()}) == len(part)


def test_view_model_graph_matches_edges():
    vm = view_model(sample_dataset())
    g = to_graph(vm)
    assert g.number_of_nodes() == len(vm.nodes)
    assert g.number_of_edges() == len({frozenset((e["s"], e["o"])) for e in vm.edges})


def test_cli_viz_rewrites_the_page_from_graph_trig(tmp_path):
    from kg.cli import cli

    (tmp_path / "graph.trig").write_text(serialize(sample_dataset(), "trig"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["viz", str(tmp_path)])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "explorer.html").read_text(encoding="utf-8")
    assert "Nguy\u1ec5n Th\u1ecb Ngh\u0129a" in page and PAYLOAD_NAME not in page


def test_measures_with_a_second_process_are_the_same():
    """Above BETWEENNESS_EXACT nodes betweenness is computed in a forked child meanwhile:
    the same numbers, communities and positions as in one process."""
    g = nx.connected_caveman_graph(90, 8)  # 720 nodes: sampled betweenness
    assert len(g) > measures_mod.BETWEENNESS_EXACT
    assert measure(g, parallel=True) == measure(g)
