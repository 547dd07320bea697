"""Typed records that flow through the pipeline.

text -> ``Article`` -> records (each with its ``Evidence``) -> ``Extraction``
(all records of one article) -> resolution -> RDF.  Records are frozen
dataclasses so a stage can never change what an earlier stage produced.

Example:
    >>> ev = Evidence("a.txt", "Ông A chủ trì.", 0, 14, 0.9)
    >>> PersonRecord("Nguyễn Văn A", "Nguyễn Văn A", ev).name
    'Nguyễn Văn A'
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Evidence:
    """Where a record comes from: the sentence and character offsets in the cleaned text."""

    article: str  # source file name
    sentence: str
    start: int  # offset of the sentence (or mention) in Article.text
    end: int
    confidence: float = 0.8


@dataclass(frozen=True)
class Article:
    """A cleaned article: text without site chrome, NFC, modern tone placement."""

    name: str  # the source file's name, e.g. 000_2359d3971b14e0d4.txt
    text: str
    published: str | None = None  # ISO date as precise as given
    byline: str | None = None
    source: str | None = None  # outlet or source tag named by the text
    title: str | None = None
    locality: str | None = None  # province/city the article is about (canonical name)
    raw_sha256: str = ""


@dataclass(frozen=True)
class OrganisationRecord:
    """An organisation named by the article, already resolved to its locality."""

    name: str  # full resolved name
    kind: str  # FriendshipUnion, FriendshipAssociation, PartyCommittee, StateBody, ...
    evidence: Evidence
    surface: str = ""  # the text as written
    aliases: tuple[str, ...] = ()
    locality: str | None = None
    country: str | None = None  # ISO code of a partner nation the body is named after / belongs to
    explicit: bool = True  # named on its own (not only inside a title or as an issuer)


@dataclass(frozen=True)
class PersonRecord:
    name: str  # canonical spelling
    surface: str
    evidence: Evidence
    aliases: tuple[str, ...] = ()
    foreign: bool = False
    country: str | None = None


@dataclass(frozen=True)
class PositionRecord:
    """A person holds a post (title) in an organisation, as the article attests on a date."""

    person: str
    title: str
    organisation: str  # "" when the text names no body
    evidence: Evidence
    date: str | None = None  # date the article attests the post
    former: bool = False  # "nguyên": the post has ended


@dataclass(frozen=True)
class AwardRecord:
    kind: str  # Bằng khen, Giấy khen, Kỷ niệm chương ...
    recipients: str  # as written ("21 tập thể và 36 cá nhân", a name)
    evidence: Evidence
    collectives: int | None = None
    individuals: int | None = None
    giver: str | None = None


@dataclass(frozen=True)
class EventRecord:
    label: str
    kind: str  # Conference, Congress, Meeting, Reception, Visit, Ceremony, Workshop ...
    evidence: Evidence
    date: str | None = None
    location: str | None = None
    organiser: str | None = None
    chair: str | None = None
    attendees: tuple[str, ...] = ()
    awards: tuple[AwardRecord, ...] = ()
    countries: tuple[str, ...] = ()


@dataclass(frozen=True)
class CountryRecord:
    code: str  # ISO 3166-1 alpha-2 or EU
    surface: str
    evidence: Evidence


@dataclass(frozen=True)
class DocumentRecord:
    code: str  # 04-CT/TW
    kind: str | None  # Chỉ thị, Nghị quyết ...
    evidence: Evidence
    issuer: str | None = None
    date: str | None = None
    surface: str = ""


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    organisations: tuple[OrganisationRecord, ...] = ()
    persons: tuple[PersonRecord, ...] = ()
    positions: tuple[PositionRecord, ...] = ()
    events: tuple[EventRecord, ...] = ()
    countries: tuple[CountryRecord, ...] = ()
    documents: tuple[DocumentRecord, ...] = ()
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Entity:
    """One real person or organisation after cross-article resolution."""

    key: str  # stable, IRI-safe identifier (a slug)
    kind: str  # "person" or "organisation"
    name: str  # canonical name
    aliases: tuple[str, ...] = ()
    org_kind: str | None = None
    locality: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Merge:
    """One line of the merge log: which mentions became one entity, and why."""

    key: str
    name: str
    mention: str
    article: str
    rule: str


@dataclass(frozen=True)
class Resolution:
    """Resolved entities and, per article, the entity key of every name it uses."""

    entities: dict[str, Entity]
    keys: dict[tuple[str, str, str], str]  # (article, "person"|"organisation", name) -> key
    merges: tuple[Merge, ...] = ()

    def key(self, article: str, kind: str, name: str) -> str | None:
        return self.keys.get((article, kind, name))
