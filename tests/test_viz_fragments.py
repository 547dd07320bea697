"""The explorer's entity view (kg.viz.fragments): per-chunk fragments and their merge.

The build makes one fragment per chunk of consecutive articles (chunks of any size, some
from the cache) and merges them in order, so the page must not depend on where the chunks
were cut: every test of the merge compares it with the fragment of the whole corpus.
"""
from __future__ import annotations

import itertools
import json
import pickle
import re
import sys
from dataclasses import asdict, replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.build import list_inputs, process_file
from kg.graph import document_iri, org_iri, person_iri, place_iri
from kg.model import (Article, DocumentRecord, Evidence, EventRecord, Extraction, OrganisationRecord,
                      PersonRecord, PositionRecord)
from kg.resolve import resolve
from kg.synth import synth
from kg.viz import explorer_payload, render_view
from kg.viz.fragments import ENTITY_KINDS, explorer_fragment, merge_fragments
from kg.viz.model import view_model
from kg.viz.records import record_index

sys.path.insert(0, str(Path(__file__).resolve().parent / "browser"))
from explorer_sample import NGHIA, NGHIA_SENTENCE, sample_extractions  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _extractions(folder: Path) -> list[Extraction]:
    return [ex for ex, _ in (process_file(p) for p in list_inputs([folder])) if ex is not None]


@pytest.fixture(scope="module")
def bundled():
    exs = _extractions(ROOT / "data/articles")
    return exs, resolve(exs)


@pytest.fixture(scope="module")
def corpus():
    exs = _extractions(ROOT / "tests/corpus/articles")
    return exs, resolve(exs)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synth")
    synth(70, folder, seed=5)  # people and bodies recurring across articles
    exs = _extractions(folder / "articles")
    return exs, resolve(exs)


def _split(exs, cuts):
    bounds = [0, *sorted(set(cuts)), len(exs)]
    return [exs[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]


def _merged(parts, res, k=3):
    return merge_fragments((explorer_fragment(p, res) for p in parts), k)


def _iri_facts(vm, rel):
    label = lambda n: vm.nodes[n]["iri"] if n >= 0 else None  # noqa: E731
    return [(label(f["s"]), label(f["o"]), f) for f in vm.facts if f["rel"] == rel]


# ---------------------------------------------------------------- what a fragment holds

def test_fragment_is_plain_picklable_data(bundled):
    exs, res = bundled
    fr = explorer_fragment(exs, res)

    def plain(x):
        if isinstance(x, tuple):
            return all(plain(y) for y in x)
        return x is None or type(x) in (str, int, float, bool)

    assert all(plain(part) for part in fr)
    again = pickle.loads(pickle.dumps(fr))
    assert again == fr
    assert len(fr.articles) == len(exs)


def test_every_post_of_the_records_is_a_fact_with_its_evidence(bundled):
    exs, res = bundled
    vm = merge_fragments([explorer_fragment(exs, res)], max_evidence=100)
    got = {(s, o, f["label"], vm.evidence[f["ev"]]["sentence"],
            vm.articles[vm.evidence[f["ev"]]["doc"]]["file"]) for s, o, f in _iri_facts(vm, "post")}
    expected = set()
    for ex in exs:
        for rec in ex.positions:
            person = res.key(ex.article.name, "person", rec.person)
            org = res.key(ex.article.name, "organisation", rec.organisation) if rec.organisation else None
            if person is None:
                continue
            expected.add((str(person_iri(person)), str(org_iri(org)) if org else None, rec.title,
                          rec.evidence.sentence, ex.article.name))
    assert expected and got == expected
    # the README's example: Nguyễn Thị Nghĩa, Chủ tịch of the Hải Phòng union, with its sentence
    nghia = [(vm.nodes[vm.index[o]]["label"], f) for s, o, f in _iri_facts(vm, "post")
             if vm.nodes[vm.index[s]]["label"] == NGHIA and o]
    union = [f for org, f in nghia if org == "Liên hiệp các tổ chức hữu nghị thành phố Hải Phòng"]
    assert union and all(f["label"] == "Chủ tịch" for f in union)
    assert all(NGHIA in vm.evidence[f["ev"]]["sentence"] for f in union)


def test_event_facts_are_folded_onto_the_organiser_with_the_event_evidence(corpus):
    exs, res = corpus
    vm = merge_fragments([explorer_fragment(exs, res)], max_evidence=100)
    assert {n["kind"] for n in vm.nodes} <= set(ENTITY_KINDS)
    chairs = {(s, o, f["label"], vm.evidence[f["ev"]]["sentence"]) for s, o, f in _iri_facts(vm, "chair")}
    expected = set()
    for ex in exs:
        key = lambda kind, name: res.key(ex.article.name, kind, name)  # noqa: E731
        for ev in ex.events:
            org = ev.organiser and key("organisation", ev.organiser)
            chair = ev.chair and key("person", ev.chair)
            if org and chair:
                expected.add((str(org_iri(org)), str(person_iri(chair)), ev.label, ev.evidence.sentence))
    assert expected and expected <= chairs


def test_an_event_with_no_organiser_folds_onto_the_article_province():
    text = "Ông Nguyễn Văn An dự lễ kỷ niệm."
    art = Article("a.txt", text, published="2020-05-01", locality="Nam Định")
    ev = Evidence("a.txt", text, 0, len(text), 0.9)
    ex = Extraction(art, persons=(PersonRecord("Nguyễn Văn An", "Nguyễn Văn An", ev),),
                    events=(EventRecord("Lễ kỷ niệm", "Ceremony", ev, date="2020-05-01",
                                        attendees=("Nguyễn Văn An",)),))
    res = resolve([ex])
    vm = merge_fragments([explorer_fragment([ex], res)])
    facts = _iri_facts(vm, "attendee")
    assert [(s, f["label"], f["date"]) for s, _, f in facts] == [(str(place_iri("Nam Định")), "Lễ kỷ niệm",
                                                                  "2020-05-01")]
    # with no province either, the event's facts are dropped
    alone = replace(ex, article=replace(art, locality=None))
    vm = merge_fragments([explorer_fragment([alone], resolve([alone]))])
    assert _iri_facts(vm, "attendee") == [] and any(n["label"] == "Nguyễn Văn An" for n in vm.nodes)


# ---------------------------------------------------------------- the merge

def _assert_same(a, b) -> None:
    da, db = asdict(a), asdict(b)
    assert [k for k in da if da[k] != db[k]] == []


def test_every_split_of_the_bundled_corpus_gives_the_same_page(bundled):
    exs, res = bundled
    whole = _merged([exs], res)
    page = render_view(whole)
    assert whole.nodes and whole.edges
    for n_cuts in range(1, len(exs)):
        for cuts in itertools.combinations(range(1, len(exs)), n_cuts):
            vm = _merged(_split(exs, cuts), res)
            _assert_same(vm, whole)
            assert render_view(vm) == page


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_merge_is_associative_over_any_consecutive_split(synthetic, data):
    exs, res = synthetic
    k = data.draw(st.integers(1, 4), label="max_evidence")
    cuts = data.draw(st.lists(st.integers(1, len(exs) - 1), max_size=12), label="cuts")
    whole = _merged([exs], res, k)
    _assert_same(_merged(_split(exs, cuts), res, k), whole)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_combining_merged_groups_equals_adding_their_fragments(synthetic, data):
    """An incremental build combines cached merged states of groups of chunks (combine):
    any grouping of any split gives the state, and the page, of adding every fragment."""
    from kg.viz.fragments import FragmentMerger
    exs, res = synthetic
    k = data.draw(st.integers(1, 4), label="max_evidence")
    cuts = data.draw(st.lists(st.integers(1, len(exs) - 1), max_size=12), label="cuts")
    parts = _split(exs, cuts)
    group_cuts = data.draw(st.lists(st.integers(1, max(1, len(parts) - 1)), max_size=5),
                           label="group cuts") if len(parts) > 1 else []
    fragments = [explorer_fragment(p, res) for p in parts]
    whole = _merged([exs], res, k)
    combined = FragmentMerger(k)
    for group in _split(fragments, group_cuts):
        acc = FragmentMerger(k)
        for fragment in group:
            acc.add(fragment)
        before = pickle.dumps(acc)
        combined.combine(pickle.loads(pickle.dumps(acc)))  # as read back from the cache
        assert pickle.dumps(acc) == before
    _assert_same(combined.view(), whole)
    assert render_view(combined.view()) == render_view(whole)


def test_split_page_is_byte_identical(synthetic):
    exs, res = synthetic
    page = render_view(_merged([exs], res, 2))
    assert render_view(_merged(_split(exs, [1, 2, 17, 40, 41]), res, 2)) == page
    assert render_view(_merged([exs], res, 2)) == page  # and deterministic


def test_attributes_match_the_full_view(synthetic):
    """Years, provinces and nations of the entities are the ones the full view gives them."""
    exs, res = synthetic
    vm, full = _merged(_split(exs, [9, 30, 31]), res), view_model(record_index(exs, res))
    by_iri = {n["iri"]: n for n in full.nodes}
    iris = lambda view, ids: {view.nodes[i]["iri"] for i in ids}  # noqa: E731
    checked = 0
    for n in vm.nodes:
        f = by_iri[n["iri"]]
        assert (n["label"], n["alt"], n["kind"], n["years"]) == (f["label"], f["alt"], f["kind"], f["years"])
        assert iris(vm, n["nations"]) == iris(full, f["nations"])
        assert iris(vm, n["prov"]) == iris(full, f["prov"])
        checked += bool(n["prov"]) and bool(n["nations"])
    assert checked


def test_person_province_comes_from_posts_before_events_whatever_the_split():
    """Not a union: a person with a post keeps the post's province even if a later chunk has
    them at an event elsewhere (the full view's rule), so the split must not matter."""
    def ev(name, text):
        return Evidence(name, text, 0, len(text), 0.9)
    t1, t2 = "Bà Trần Thị Bình, Chủ tịch Liên hiệp, phát biểu.", "Bà Trần Thị Bình dự hội nghị."
    union = "Liên hiệp các tổ chức hữu nghị tỉnh Nam Định"
    a1 = Extraction(Article("1.txt", t1, "2020-01-01", locality="Nam Định"),
                    organisations=(OrganisationRecord(union, "FriendshipUnion", ev("1.txt", t1),
                                                      locality="Nam Định"),),
                    persons=(PersonRecord("Trần Thị Bình", "Trần Thị Bình", ev("1.txt", t1)),),
                    positions=(PositionRecord("Trần Thị Bình", "Chủ tịch", union, ev("1.txt", t1)),),
                    documents=(DocumentRecord("04-CT/TW", None, ev("1.txt", t1), date="2019-05-05"),))
    a2 = Extraction(Article("2.txt", t2, "2021-01-01", locality="Thái Bình"),
                    persons=(PersonRecord("Trần Thị Bình", "Trần Thị Bình", ev("2.txt", t2)),),
                    events=(EventRecord("Hội nghị", "Conference", ev("2.txt", t2), date="2021-01-01",
                                        attendees=("Trần Thị Bình",)),),
                    documents=(DocumentRecord("04-CT/TW", "Chỉ thị", ev("2.txt", t2), date="2021-01-01"),))
    exs = [a1, a2]
    res = resolve(exs)
    whole, split = _merged([exs], res), _merged([[a1], [a2]], res)
    _assert_same(split, whole)
    binh = next(n for n in whole.nodes if n["label"] == "Trần Thị Bình")
    assert {whole.nodes[p]["label"] for p in binh["prov"]} == {"Nam Định"}
    alone = next(n for n in _merged([[a2]], res).nodes if n["label"] == "Trần Thị Bình")
    assert alone["prov"]  # from the event, when there is no post
    # a document's name and date: the first article's name, the first date given
    doc = whole.nodes[whole.index[str(document_iri("04-CT/TW"))]]
    full = view_model(record_index(exs, res))
    full_doc = full.nodes[full.index[doc["iri"]]]
    assert [doc[k] for k in ("label", "date", "years")] == [full_doc[k] for k in ("label", "date", "years")]
    assert doc["date"] == a1.documents[0].date and doc["label"] != "Chỉ thị 04-CT/TW"


def test_max_evidence_keeps_the_first_facts_and_counts_them_all(synthetic):
    exs, res = synthetic
    parts = _split(exs, [5, 23, 50])
    everything = _merged(parts, res, 10_000)
    for k in (1, 2):
        capped = _merged(parts, res, k)
        assert {(e["s"], e["o"], e["rel"], e["n"]) for e in capped.edges} == \
               {(e["s"], e["o"], e["rel"], e["n"]) for e in everything.edges}
        over = [e for e in everything.edges if e["rel"] != "post" and e["n"] > k]
        assert over, "no relation attested more often than the cap: the test would prove nothing"
        for e in over:
            def listed(vm, with_evidence=True):
                return [(f["label"], f["date"], vm.evidence[f["ev"]]["sentence"] if f["ev"] >= 0 else None)
                        for f in vm.facts if (f["s"], f["o"], f["rel"]) == (e["s"], e["o"], e["rel"])
                        and (f["ev"] >= 0 or not with_evidence)]
            assert len(listed(everything, with_evidence=False)) == e["n"]
            assert listed(capped) == listed(everything)[:k]  # the first k, in article order


def test_merging_the_same_fragment_again_does_not_grow_the_view(synthetic):
    exs, res = synthetic
    fr = explorer_fragment(exs, res)
    once = merge_fragments([fr], 2)
    twice = merge_fragments(itertools.repeat(fr, 2), 2)
    many = merge_fragments(itertools.repeat(fr, 40), 2)  # an iterator: read one by one
    assert [n["iri"] for n in many.nodes] == [n["iri"] for n in once.nodes]
    # once every relation has its 2 facts, more articles add counts, not facts or evidence
    assert (many.facts, many.evidence, many.articles) == (twice.facts, twice.evidence, twice.articles)
    assert len(many.evidence) == len(once.evidence) and many.article_count == 40 * len(exs)
    once_n = {(e["s"], e["o"], e["rel"]): e["n"] for e in once.edges}
    # facts with evidence are counted each time; entity-level facts (no evidence) once
    plain = {(f["s"], f["o"], f["rel"]) for f in once.facts if f["ev"] < 0}
    assert plain
    for e in many.edges:
        key = (e["s"], e["o"], e["rel"])
        assert e["n"] == 40 * (once_n[key] - (key in plain)) + (key in plain)


def test_payload_of_the_entity_view(bundled):
    exs, res = bundled
    vm = _merged([exs], res)
    payload = explorer_payload(vm)
    meta = payload["meta"]
    assert (meta["view"], meta["articles"], meta["maxEvidence"]) == ("entities", len(exs), 3)
    assert {meta["kinds"][n["k"]] for n in payload["nodes"]} <= set(ENTITY_KINDS)
    assert all(len(e) == 6 and e[2] == -1 and 0 <= e[5] < len(payload["arts"]) for e in payload["evidence"])
    assert [e[5] for e in payload["edges"]] == [e["n"] for e in vm.edges]
    files = {a[0] for a in payload["arts"]}
    assert files <= {ex.article.name for ex in exs} and files
    # the full view's payload has none of it
    full = explorer_payload(view_model(record_index(exs, res)))
    assert "view" not in full["meta"] and "arts" not in full and all(len(e) == 5 for e in full["evidence"])


def test_page_escapes_the_entity_view_data():
    exs = sample_extractions()
    page = render_view(_merged([exs], resolve(exs)))
    data = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page, re.S).group(1)
    assert "<" not in data and ">" not in data
    payload = json.loads(data)
    assert any("</title><script>" in a[1] for a in payload["arts"])  # the payload headline, inert
    assert any(NGHIA_SENTENCE == e[0] for e in payload["evidence"])
