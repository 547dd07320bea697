"""Organisation records: every resolved organisation mention, once per name.

Example:
    >>> from kg.ingest import clean
    >>> from kg.lexicon import load_lexicon
    >>> from kg.extract.analysis import analyse
    >>> [o.name for o in extract_organisations(analyse(clean("a", "Thành ủy Hà Nội họp."), load_lexicon()))]
    ['Thành ủy Hà Nội']
"""
from __future__ import annotations

from ..model import OrganisationRecord
from .analysis import Doc


def extract_organisations(doc: Doc) -> tuple[OrganisationRecord, ...]:
    seen: dict[str, OrganisationRecord] = {}
    for m in sorted(doc.orgs, key=lambda m: m.start):
        if not m.name or m.name == "Trung ương":
            continue
        conf = 0.9 if m.surface.startswith(m.name.split()[0]) and len(m.surface) >= len(m.name) - 2 else 0.75
        if m.name in seen:
            old = seen[m.name]
            if m.aliases and not set(m.aliases) <= set(old.aliases):
                seen[m.name] = OrganisationRecord(old.name, old.kind, old.evidence, old.surface,
                                                  tuple(dict.fromkeys(old.aliases + m.aliases)),
                                                  old.locality, old.country, old.explicit)
            continue
        seen[m.name] = OrganisationRecord(m.name, m.kind, doc.evidence(m.sent, conf), m.surface,
                                          m.aliases, m.locality, m.country, m.explicit)
    return tuple(seen.values())
