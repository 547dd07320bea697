"""`kg eval`: score the extractor on annotated articles (the shared gold format), P/R/F1 per kind.

The project's own implementation of the gold format's rules (FORMAT.md): names
compared after ``norm`` (case, punctuation, tone marks, common abbreviations,
"Liên hiệp các tổ chức hữu nghị" = "Liên hiệp hữu nghị", "Việt Nam – X" =
"Việt – X", unit words), aliases accepted, a position's title and
organisation matched apart or joined, events matched on organiser and a
compatible date, one-to-one by maximum matching. It reads the competency
queries' answers from a build, as an outside scorer would, so it measures the
whole path from text to graph.

Example:
    >>> norm("UBND tỉnh Thái Bình") == norm("Ủy ban nhân dân Thái Bình")
    True
"""
from __future__ import annotations

import json
import re
import tempfile
import unicodedata
from pathlib import Path

from .errors import KGError

CATEGORIES = ("persons", "positions", "organisations", "countries", "events", "documents")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_ABBREV = {"ubnd": "uy ban nhân dân", "hđnd": "hôi đông nhân dân", "mttq": "măt trân tô quôc",
           "đbqh": "đai biêu quôc hôi", "lhhn": "liên hiêp hưu nghi", "tp": "thanh phô",
           "tphcm": "hô chi minh", "hcm": "hô chi minh"}
_FOLDS = ((" liên hiêp cac tô chưc hưu nghi ", " liên hiêp hưu nghi "), (" hưu nghi viêt nam ", " hưu nghi viêt "))
_KINDS = ("chỉ thị", "nghị quyết", "quyết định", "công văn", "kế hoạch", "thông báo", "kết luận",
          "quy định", "hướng dẫn", "thông tư", "nghị định")
_DOC_PREFIX = re.compile(r"^\s*(%s)(\s+số)?\s*:?\s*" % "|".join(_KINDS), re.I)


def norm(text: str | None) -> str:
    """Normalised name for comparison (see the module docstring)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())
    text = unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", text)
                                                if c not in _TONES))
    chars = []
    for c in text:
        cat = unicodedata.category(c)
        if cat.startswith("P") or c == "\u2212":
            chars.append(" ")
        elif cat != "Cf":
            chars.append(c)
    text = " " + " ".join(_ABBREV.get(w, w) for w in "".join(chars).split()) + " "
    for a, b in _FOLDS:
        text = text.replace(a, b)
    words = text.split()
    kept = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if (w == "tinh" and nxt != "uy") or (w == "thanh" and nxt == "phô") or \
                (w == "phô" and i and words[i - 1] == "thanh"):
            continue
        kept.append(w)
    return " ".join(kept)


def norm_code(code: str) -> str:
    code = _DOC_PREFIX.sub("", unicodedata.normalize("NFC", code or ""))
    code = "".join("-" if unicodedata.category(c) == "Pd" or c == "\u2212" else c for c in code)
    return "".join(c for c in code.upper() if not c.isspace())


def _joined(title: str, org: str) -> set[str]:
    """title+org joined, also with the words repeated across the join said once."""
    t, o = norm(title).split(), norm(org).split()
    out = {" ".join(t + o)}
    for k in range(1, min(len(t), len(o)) + 1):
        if t[-k:] == o[:k]:
            out.add(" ".join(t + o[k:]))
    return out


def _gold_items(gold: dict) -> dict[str, list[dict]]:
    orgs = gold.get("organisations") or []
    names_of = {}
    for o in orgs:
        names = {norm(o["name"])} | {norm(a) for a in o.get("aliases") or []}
        for n in list(names):
            names_of.setdefault(n, set()).update(names)

    def org_names(name: str) -> set[str]:
        return names_of.get(norm(name), set()) | {norm(name)}

    items: dict[str, list[dict]] = {c: [] for c in CATEGORIES}
    for p in gold.get("persons") or []:
        names = {norm(p["name"])} | {norm(a) for a in p.get("aliases") or []}
        items["persons"].append({"names": names, "show": p["name"]})
        for pos in p.get("positions") or []:
            org = pos.get("organisation") or ""
            orgs_ok = org_names(org) if org else {""}
            combined = set()
            for o in (orgs_ok if org else {""}):
                combined |= _joined(pos["title"], o)
            items["positions"].append({"person": names, "title": norm(pos["title"]), "orgs": orgs_ok,
                                       "combined": combined,
                                       "show": f"{p['name']} | {pos['title']} | {org}"})
    for o in orgs:
        items["organisations"].append({"names": org_names(o["name"]), "show": o["name"]})
    items["countries"] = [{"code": c.upper(), "show": c} for c in sorted(set(gold.get("countries") or []))]
    items["documents"] = [{"code": norm_code(d), "show": d} for d in sorted(set(gold.get("documents") or []))]
    seen = set()
    for e in gold.get("events") or []:
        key = (norm(e.get("organiser")), e.get("date"), norm(e.get("location")), norm(e.get("chair")))
        if key in seen:
            continue
        seen.add(key)
        items["events"].append({"orgs": org_names(e["organiser"]) if e.get("organiser") else None,
                                "date": e.get("date") or "",
                                "show": " | ".join(str(e.get(k) or "-") for k in ("organiser", "date"))})
    return items


def _compatible(cat: str, pred: dict, gold: dict) -> bool:
    if cat in ("persons", "organisations"):
        return pred["name"] in gold["names"]
    if cat == "positions":
        if pred["person"] not in gold["person"]:
            return False
        return (pred["title"] == gold["title"] and pred["organisation"] in gold["orgs"]) or \
            bool(_joined(pred["title_raw"], pred["org_raw"]) & gold["combined"])
    if cat in ("countries", "documents"):
        return pred["code"] == gold["code"]
    g, p = gold["date"], pred["date"]
    dates = not g or p.startswith(g) or (len(p) >= 7 and g.startswith(p))
    return (gold["orgs"] is None or pred["organiser"] in gold["orgs"]) and dates


def maximum_matching(cands: list[list[int]]) -> dict[int, int]:
    """A maximum one-to-one matching {gold index: prediction index} (augmenting paths), where
    ``cands[i]`` lists the gold items prediction i may match."""
    owner: dict[int, int] = {}

    def assign(i: int, seen: set[int]) -> bool:
        for g in cands[i]:
            if g not in seen:
                seen.add(g)
                if g not in owner or assign(owner[g], seen):
                    owner[g] = i
                    return True
        return False

    for i in range(len(cands)):
        assign(i, set())
    return owner


def _match(cat: str, preds: list[dict], golds: list[dict]) -> int:
    """Size of a maximum one-to-one matching of predictions to gold items."""
    return len(maximum_matching([[g for g, gold in enumerate(golds) if _compatible(cat, p, gold)]
                                 for p in preds]))


def _pred_item(cat: str, row: dict[str, str]) -> dict | None:
    if cat in ("persons", "organisations"):
        return {"name": norm(row["name"])} if row["name"] else None
    if cat == "positions":
        if not row["person"] or not row["title"]:
            return None
        return {"person": norm(row["person"]), "title": norm(row["title"]),
                "organisation": norm(row["organisation"]), "title_raw": row["title"],
                "org_raw": row["organisation"]}
    if cat == "countries":
        return {"code": row["country"].upper()} if row["country"] else None
    if cat == "documents":
        return {"code": norm_code(row["code"])} if row["code"] else None
    # location and chair tell rows apart (as in the reference scorer) but are not matched on
    return {"organiser": norm(row["organiser"]), "date": row["date"],
            "location": norm(row.get("location")), "chair": norm(row.get("chair"))}


class _ArticleResolver:
    """An ``article`` cell (a file name, a path or an IRI ending with it) to the longest gold
    article name it ends with, or None; each distinct cell looked up once."""

    def __init__(self, articles: list[str]):
        self.names = set(articles)
        self.by_length = sorted(self.names, key=len, reverse=True)
        self.cache: dict[str, str | None] = {}

    def __call__(self, value: str) -> str | None:
        value = value.strip().strip("<>").strip()
        if value in self.names:  # the usual case, and the longest name it can end with
            return value
        if value not in self.cache:
            self.cache[value] = next((a for a in self.by_length if value.endswith(a)), None)
        return self.cache[value]


def score(gold_dir: Path, predictions: dict[str, list[dict[str, str]]]) -> dict:
    """Figures per kind and micro, from gold files and competency-query rows."""
    totals = {c: [0, 0, 0] for c in CATEGORIES}
    per_article = {}
    golds = sorted(Path(gold_dir).glob("*.json"))
    if not golds:
        raise KGError(f"{gold_dir}: no gold .json files")
    docs = [json.loads(path.read_text(encoding="utf-8")) for path in golds]
    articles = [gold.get("article") or path.stem + ".txt" for gold, path in zip(docs, golds)]
    # each row to its article once (it was every gold file times every row: 20 minutes at
    # 10k articles), as the reference scorer does: the longest gold name the cell ends with
    article_of = _ArticleResolver(articles)
    rows_of: dict[tuple[str, str], list[dict[str, str]]] = {}
    for cat in CATEGORIES:
        for r in predictions.get(cat, []):
            name = article_of(r.get("article", ""))
            if name is not None:
                rows_of.setdefault((cat, name), []).append(r)
    for gold, article in zip(docs, articles):
        items = _gold_items(gold)
        row = {}
        for cat in CATEGORIES:
            preds, keys = [], set()
            for r in rows_of.get((cat, article), ()):
                item = _pred_item(cat, r)
                if item is None:
                    continue
                key = json.dumps(item, sort_keys=True, default=sorted)
                if key not in keys:
                    keys.add(key)
                    preds.append(item)
            tp = _match(cat, preds, items[cat])
            counts = (tp, len(preds) - tp, len(items[cat]) - tp)
            for k in range(3):
                totals[cat][k] += counts[k]
            row[cat] = dict(zip(("tp", "fp", "fn"), counts))
        per_article[article] = row
    return {"articles": len(golds), "categories": {c: _prf(*totals[c]) for c in CATEGORIES},
            "micro": _prf(*(sum(t[k] for t in totals.values()) for k in range(3))),
            "per_article": per_article}


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}


def evaluate(articles: str | Path, gold_dir: str | Path, jobs: int = 1) -> dict:
    """Build the articles into a temporary folder (``jobs`` extraction processes), run the
    competency queries, score them."""
    from .build import build
    from .query import QUERY_DIR, run_query

    with tempfile.TemporaryDirectory() as tmp:
        result = build([articles], Path(tmp) / "out", jobs=jobs)
        if result.exit_status == 1:
            raise KGError(f"{articles}: nothing could be built")
        preds = {}
        for cat in CATEGORIES:
            _vars, rows = run_query(Path(tmp) / "out", str(QUERY_DIR / f"{cat}.rq"))
            preds[cat] = rows
    return score(Path(gold_dir), preds)


def format_report(result: dict, verbose: bool = False) -> str:
    rows = list(result["categories"].items()) + [("micro", result["micro"])]
    # counts columns as wide as the largest count needs (100k articles: 7 digits)
    w = max(6, 1 + max(len(str(f[k])) for _, f in rows for k in ("tp", "fp", "fn")))
    lines = [f"{'category':<14}{'P':>7}{'R':>7}{'F1':>7}{'TP':>{w}}{'FP':>{w}}{'FN':>{w}}"]
    for name, f in rows:
        lines.append(f"{name:<14}{f['precision']:>7.3f}{f['recall']:>7.3f}{f['f1']:>7.3f}"
                     f"{f['tp']:>{w}}{f['fp']:>{w}}{f['fn']:>{w}}")
    if verbose:
        for article, row in result["per_article"].items():
            lines.append(f"{article}: " + ", ".join(f"{c} {v['tp']}/{v['fp']}/{v['fn']}"
                                                    for c, v in row.items()))
    lines.append(f"micro F1 = {result['micro']['f1']:.3f}")
    return "\n".join(lines)
