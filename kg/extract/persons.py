"""Person and position records.

A person is recorded once per article under the spelling of its fullest
mention (tone placement already normalised); posts come from the title
chains found in the analysis, dated with the date the article attests them.

Example:
    >>> from kg.ingest import clean
    >>> from kg.lexicon import load_lexicon
    >>> from kg.extract.analysis import analyse
    >>> d = analyse(clean("a", "Ông Trần Văn Bình, Chủ tịch UBND tỉnh Nghệ An dự."), load_lexicon())
    >>> [(p.person, p.title, p.organisation) for p in extract_positions(d)]
    [('Trần Văn Bình', 'Chủ tịch', 'Ủy ban nhân dân tỉnh Nghệ An')]
"""
from __future__ import annotations

from ..model import PersonRecord, PositionRecord
from .analysis import Doc


def extract_persons(doc: Doc) -> tuple[PersonRecord, ...]:
    seen: dict[str, PersonRecord] = {}
    for p in doc.persons:
        if p.name in seen:
            continue
        conf = 0.9 if any(post.person.name == p.name for post in doc.posts) else 0.7
        seen[p.name] = PersonRecord(p.name, p.surface, doc.evidence(p.sent, conf),
                                    tuple(sorted(doc.aliases.get(p.name, ()))), p.foreign)
    return tuple(seen.values())


def extract_positions(doc: Doc) -> tuple[PositionRecord, ...]:
    from .events import article_date, extract_events

    date = doc.article.published or article_date(doc, extract_events(doc))
    seen: dict[tuple[str, str, str], PositionRecord] = {}
    for post in doc.posts:
        org = post.org.name if post.org and post.org.name else ""
        if post.org is not None and not post.org.name:
            continue  # a body that cannot be resolved (bare "Tỉnh ủy" in a central article)
        key = (post.person.name, post.title, org)
        if key in seen:
            continue
        if not org and any(q.person.name == post.person.name and q.title == post.title and q.org
                           and q.org.name for q in doc.posts):
            continue  # "Đại sứ X" elsewhere said in full ("Đại sứ Lào X"): keep the full post only
        if not org and any(q.person.name == post.person.name and q.title.startswith(post.title + " ")
                           for q in doc.posts):
            continue  # "Thống đốc X" after "X, Thống đốc tỉnh Shimane": the same office, said short
        conf = 0.9 if org else 0.7
        seen[key] = PositionRecord(post.person.name, post.title, org, doc.evidence(post.sent, conf),
                                   date, post.former)
    return tuple(seen.values())
