"""The entity view (kg.viz.fragments) in a real browser: Debian's Chromium via Playwright, offline.

The pages are merged from per-chunk fragments of the bundled articles (cut into chunks of
different sizes, as a build with the cache would) and of the script-payload sample.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from explorer_sample import PAYLOAD_NAME, sample_extractions

from kg.build import list_inputs, process_file
from kg.resolve import resolve
from kg.viz import render_view
from kg.viz.fragments import ENTITY_KINDS, explorer_fragment, merge_fragments

ROOT = Path(__file__).resolve().parents[2]
ALLOWED_SCHEMES = ("file:", "data:", "blob:")
PERSON = "Nguyễn Thị Nghĩa"  # the README's example, attested by two bundled articles


def _page(folder: Path, extractions, cuts: list[int], max_evidence: int) -> Path:
    res = resolve(extractions)
    bounds = [0, *cuts, len(extractions)]
    chunks = (extractions[a:b] for a, b in zip(bounds, bounds[1:]))
    path = folder / "entities.html"
    path.write_text(render_view(merge_fragments((explorer_fragment(c, res) for c in chunks), max_evidence)),
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def bundled():
    files = list_inputs([ROOT / "data/articles"])
    return [ex for ex, _ in (process_file(p) for p in files) if ex is not None]


@pytest.fixture(scope="module")
def bundled_html(bundled, tmp_path_factory) -> Path:
    return _page(tmp_path_factory.mktemp("entities"), bundled, [1, 3], max_evidence=1)


@pytest.fixture
def page(open_explorer, bundled_html):
    return open_explorer(bundled_html)


def _posts_of(extractions, person: str):
    """(title, article, sentence) of the person's posts, in article order."""
    return [(rec.title, ex.article.name, rec.evidence.sentence)
            for ex in extractions for rec in ex.positions if rec.person == person]


def test_entity_view_loads_offline_with_no_error_and_only_entities(page, bundled):
    assert page.console_errors() == []
    assert page.requests and [u for u in page.requests if not u.startswith(ALLOWED_SCHEMES)] == []
    meta = page.data["meta"]
    assert meta["view"] == "entities" and meta["articles"] == len(bundled)
    kinds = {meta["kinds"][n["k"]] for n in page.data["nodes"]}
    assert kinds <= set(ENTITY_KINDS) and {"person", "organisation"} <= kinds
    labels = page.page.evaluate("network.body.data.nodes.get().map((n) => n.label)")
    assert sorted(labels) == sorted(n["l"] for n in page.data["nodes"])
    assert PERSON in labels and all(unicodedata.is_normalized("NFC", label) for label in labels)
    note = page.page.locator("#view-note")
    assert note.is_visible() and "Entity view" in note.inner_text() and "graph.trig" in note.inner_text()
    # no class box for the kinds this view has no node of
    assert page.page.locator("#class-event").count() == 0 and page.page.locator("#class-article").count() == 0


def test_search_without_diacritics_selects_the_person(page):
    person = page.node_id(PERSON, "person")
    folded = unicodedata.normalize("NFD", PERSON).encode("ascii", "ignore").decode().lower()
    assert folded != PERSON
    assert page.search(folded) == [person]
    assert page.page.inner_text("#details h2") == PERSON


def test_person_panel_shows_posts_with_evidence_sentence_and_article_file(page, bundled):
    posts = _posts_of(bundled, PERSON)
    assert len({a for _, a, _ in posts}) > 1, "the person must be attested by several articles"
    page.click_node(page.node_id(PERSON, "person"))
    details = page.page.inner_text("#details")
    assert page.page.inner_text("#details h2") == PERSON and "Posts (" in details
    first_article = posts[0][1]
    for title, article, sentence in posts:
        assert title in details
        if article == first_article:  # max_evidence=1: each post's first attestation is listed
            assert sentence in details
    refs = page.page.locator("#details .article-ref").all_inner_texts()
    assert refs and any(r.startswith(first_article) for r in refs)
    # articles are not nodes: no link may point outside the node list
    targets = page.page.evaluate(
        "[...document.querySelectorAll('#details [data-node]')].map((b) => Number(b.dataset.node))")
    assert targets and all(0 <= t < len(page.data["nodes"]) for t in targets)
    assert page.console_errors() == []


def test_edge_panel_counts_every_attestation(page, bundled):
    nodes, rels = page.data["nodes"], [r[0] for r in page.data["meta"]["rels"]]
    person = page.node_id(PERSON, "person")
    edges = [e for e in page.data["edges"] if e[0] == person and rels[e[2]] == "post" and e[5] > 1]
    assert edges, "a post attested twice is capped to one listed fact"
    s, o, rel, _, _, count = edges[0]
    page.page.evaluate(f"kgPanel.showEdge({s}, {o}, {rel}, {count})")
    details = page.page.inner_text("#details")
    assert f"{count} attestations; the first 1" in details and nodes[o]["l"] in details


def test_organiser_panel_lists_the_events_folded_onto_it(page):
    nodes, rels = page.data["nodes"], [r[0] for r in page.data["meta"]["rels"]]
    chairs = [f for f in page.data["facts"] if rels[f[1]] == "chair"]
    assert chairs
    host, _, chair, ev, label = chairs[0][:5]
    page.click_node(host)
    details = page.page.inner_text("#details")
    assert label in details and nodes[chair]["l"] in details
    assert page.data["evidence"][ev][0] in details


def test_province_nation_view_counts_articles_and_follows_the_year_filter(page):
    nodes, pn = page.data["nodes"], page.data["pn"]
    assert pn
    page.page.select_option("#view", "pn")

    def drawn():
        edges = page.page.evaluate("network.body.data.edges.get().map((e) => [e.from, e.to, e.label])")
        return {(a, b): int(w) for a, b, w in edges}

    assert drawn() == {(r[0], r[1]): sum(n for _, n in r[2]) for r in pn}
    year = min(y for r in pn for y, _ in r[2] if y)
    page.page.fill("#year-from", str(year))
    page.page.fill("#year-to", str(year))
    page.page.dispatch_event("#year-to", "change")
    page.page.dispatch_event("#year-from", "change")
    expected = {(r[0], r[1]): sum(n for y, n in r[2] if y == year) for r in pn}
    assert drawn() == {k: v for k, v in expected.items() if v}
    assert nodes and page.console_errors() == []


def test_script_payloads_in_the_entity_view_show_as_text(open_explorer, tmp_path):
    exs = sample_extractions()
    ex = open_explorer(_page(tmp_path, exs, [2], max_evidence=3))
    person = ex.node_id(PAYLOAD_NAME, "person")
    assert ex.search("tran van doc") == [person]
    assert ex.page.inner_text("#details h2") == PAYLOAD_NAME
    refs = " ".join(ex.page.locator("#details .article-ref").all_inner_texts())
    assert "payload.txt" in refs and "</title><script>window.__pwned=4</script>" in refs
    ex.click_node(person)
    ex.page.mouse.move(5, 5)
    ex.page.wait_for_timeout(200)
    assert ex.page.evaluate("window.__pwned") is None
    assert ex.page.evaluate("document.querySelectorAll('img, svg, b[onmouseover]').length") == 0
    assert ex.page.evaluate("document.scripts.length") == 4
    assert ex.console_errors() == []
