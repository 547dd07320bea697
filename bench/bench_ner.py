"""Benchmark: our extractor against underthesea's NER on persons and organisations.

Both systems see the same texts: every annotated article of the test corpus
(tests/corpus) and of the samples (data), read and cleaned by the project's
own ``kg.reader.read_file`` and ``kg.ingest.clean``. Then

* ours: ``kg.build.process_file`` -> names of ``Extraction.persons`` and
  ``Extraction.organisations``;
* underthesea: ``underthesea.ner`` (the CRF model shipped inside the PyPI wheel,
  run with ``HF_HUB_OFFLINE=1`` so nothing can be fetched) per sentence, B-/I-PER
  spans as persons and B-/I-ORG spans as organisations, each span cut out of
  the sentence so the surface string is the text as written.

Both are scored against the gold with the rules of ``kg eval``
(``kg.evaluate.norm``, aliases accepted, one-to-one maximum matching, micro
P/R/F1 over articles). A lenient variant also counts a prediction as matching a
gold entity when one normalised name contains the other (on word boundaries),
and a prediction that only repeats an entity found already is not counted false:
underthesea finds "UBND tỉnh" but does not resolve it to the article's locality,
so the strict rules alone would be unfair to it. Its 2017 CRF model tags
bodies such as "UBND tỉnh Quảng Ninh" as locations and almost never as ORG, so a
third row, "underthesea+LOC", reads its LOC spans as organisations too: an
upper bound for it on organisations, not a real reading. Speed: articles per second on
the same cleaned texts, after a warm-up (model/lexicon loading timed apart).

underthesea is GPL-3.0: it is only the optional ``bench`` extra and only this
script imports it (``pip install -e ".[bench]"``).

Usage:
    python bench/bench_ner.py                 # table of figures
    python bench/bench_ner.py --errors        # also each system's misses and false alarms
    python bench/bench_ner.py --runs 5 --json /tmp/ner.json
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.build import process_file  # noqa: E402
from kg.evaluate import _gold_items, norm  # noqa: E402  (the same gold rules as kg eval)
from kg.extract import extract  # noqa: E402
from kg.ingest import clean  # noqa: E402
from kg.model import Article  # noqa: E402
from kg.reader import read_file  # noqa: E402

KINDS = ("persons", "organisations")
SETS = (("tests/corpus", ROOT / "tests/corpus/articles", ROOT / "tests/corpus/gold"),
        ("data", ROOT / "data/articles", ROOT / "data/gold"))
UTS_TAGS = {"PER": "persons", "ORG": "organisations", "LOC": "locations"}


@dataclass
class Item:
    """One annotated article: its cleaned text and gold name sets per kind."""

    corpus: str
    path: Path
    article: Article
    gold: dict[str, list[dict]]
    preds: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # system -> kind -> names


def load_items() -> list[Item]:
    """Every gold file of both sets with its article, read and cleaned once."""
    items = []
    for corpus, art_dir, gold_dir in SETS:
        for gold_path in sorted(gold_dir.glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            path = art_dir / (gold.get("article") or gold_path.stem + ".txt")
            article = clean(path.name, read_file(path))
            items.append(Item(corpus, path, article, _gold_items(gold)))
    return items


# --- underthesea -----------------------------------------------------------------------------

def load_underthesea() -> tuple[Callable, Callable]:
    """underthesea's ner and sent_tokenize, offline; one clear line and exit if missing."""
    # A model that had to come from the Hugging Face hub would fail here instead of downloading.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        from underthesea import ner, sent_tokenize
    except ImportError as error:
        sys.exit(f"bench_ner: underthesea is not installed ({error}); "
                 f"run: pip install -e \".[bench]\"")
    return ner, sent_tokenize


def sentences(text: str, sent_tokenize: Callable) -> list[str]:
    """Lines of the cleaned text (titles, paragraphs, captions), each split into sentences."""
    out = []
    for line in text.splitlines():
        if line.strip():
            out.extend(s for s in sent_tokenize(line.strip()) if s.strip())
    return out


def _spans(sentence: str, tagged: list[tuple]) -> list[tuple[str, str]]:
    """(kind, surface) of each PER/ORG span, cut from the sentence by locating its tokens.

    Tokens come back as words (syllables joined by spaces, or by underscores in
    older versions); a token that can't be found verbatim (underthesea may
    normalise it) is joined with spaces instead.
    """
    out: list[tuple[str, str]] = []
    pos = 0
    current: list | None = None  # [kind, start, end, words]
    for token, *_rest, tag in tagged:
        word = token.replace("_", " ")
        at = sentence.find(word, pos)
        start, end = (at, at + len(word)) if at >= 0 else (-1, -1)
        if at >= 0:
            pos = end
        prefix, _, label = tag.partition("-")
        kind = UTS_TAGS.get(label)
        if kind and (prefix == "B" or current is None or current[0] != kind):
            if current:
                out.append(_surface(sentence, current))
            current = [kind, start, end, [word]]
        elif kind:  # I- continuing the open span
            current[2] = end if end >= 0 and current[1] >= 0 else -1
            current[3].append(word)
        elif current:
            out.append(_surface(sentence, current))
            current = None
    if current:
        out.append(_surface(sentence, current))
    return out


def _surface(sentence: str, span: list) -> tuple[str, str]:
    kind, start, end, words = span
    return kind, sentence[start:end] if 0 <= start < end else " ".join(words)


def underthesea_names(article: Article, ner: Callable, sent_tokenize: Callable
                      ) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {k: [] for k in (*KINDS, "locations")}
    for sentence in sentences(article.text, sent_tokenize):
        for kind, surface in _spans(sentence, ner(sentence)):
            names[kind].append(surface)
    return names


def our_names(path: Path, article: Article) -> dict[str, list[str]]:
    ex, report = process_file(path)
    if ex is None:
        sys.exit(f"bench_ner: {path}: {report.reason}")
    if ex.article.text != article.text:  # the comparison is only fair on identical text
        sys.exit(f"bench_ner: {path}: process_file saw a different text than clean()")
    return {"persons": [p.name for p in ex.persons],
            "organisations": [o.name for o in ex.organisations]}


# --- scoring -----------------------------------------------------------------------------------

def _strict(pred: str, names: set[str]) -> bool:
    return pred in names


def _lenient(pred: str, names: set[str]) -> bool:
    p = f" {pred} "
    return any(pred == n or p in f" {n} " or f" {n} " in p for n in names if n)


def match(preds: list[str], golds: list[dict], ok: Callable[[str, set[str]], bool]
          ) -> tuple[dict[int, int], list[list[int]]]:
    """Maximum one-to-one matching gold index -> prediction index (augmenting paths),
    and each prediction's compatible gold indexes."""
    from kg.evaluate import maximum_matching

    cands = [[g for g, gold in enumerate(golds) if ok(p, gold["names"])] for p in preds]
    return maximum_matching(cands), cands


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0}


def score(items: list[Item], system: str, kind: str, lenient: bool, errors: list[str] | None = None
          ) -> dict:
    """Micro P/R/F1 of one system on one kind over the items."""
    tp = fp = fn = 0
    for item in items:
        # predictions compared after norm, each normalised name once (as kg eval does)
        preds = list(dict.fromkeys(n for n in map(norm, item.preds[system][kind]) if n))
        golds = item.gold[kind]
        owner, cands = match(preds, golds, _lenient if lenient else _strict)
        used = set(owner.values())
        # lenient: a prediction that only repeats an entity found already ("Tuấn" after
        # "Huỳnh Văn Tuấn", "Mr. Gary Nelson" and "Gary Nelson") is not a false alarm
        false = [i for i in range(len(preds)) if i not in used and not (lenient and cands[i])]
        tp += len(owner)
        fp += len(false)
        fn += len(golds) - len(owner)
        if errors is not None:
            errors.extend(f"  {item.path.name}: missed {g['show']!r}"
                          for i, g in enumerate(golds) if i not in owner)
            errors.extend(f"  {item.path.name}: false {p!r}"
                          for i, p in enumerate(preds) if i in false)
    return prf(tp, fp, fn)


# --- timing ------------------------------------------------------------------------------------

def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time of this process over ``runs`` calls.

    CPU time is reported too because the machine is shared: wall time grows
    with other people's load, CPU time much less.
    """
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="timing runs over all articles (median)")
    ap.add_argument("--errors", action="store_true", help="list each system's misses and false alarms")
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = ap.parse_args(argv)

    items = load_items()
    start = time.perf_counter()
    ner, sent_tokenize = load_underthesea()
    ner("Ông Nguyễn Văn An làm việc tại Hà Nội.")  # loads the CRF models
    uts_load = time.perf_counter() - start
    start = time.perf_counter()
    extract(items[0].article)  # loads the lexicons
    our_load = time.perf_counter() - start

    for item in items:
        item.preds["ours"] = our_names(item.path, item.article)
        uts = underthesea_names(item.article, ner, sent_tokenize)
        item.preds["underthesea"] = uts
        # its 2017 CRF model tags bodies such as "UBND tỉnh Quảng Ninh" as LOC, hardly ever ORG:
        # an upper bound for it reads every LOC span as an organisation too
        item.preds["underthesea+LOC"] = {"persons": uts["persons"],
                                         "organisations": uts["organisations"] + uts["locations"]}

    n = len(items)
    load_before = os.getloadavg()[0]
    times = {
        "ours": timed(lambda: [extract(i.article) for i in items], args.runs),
        "ours (read+clean+extract)": timed(lambda: [process_file(i.path) for i in items], args.runs),
        "underthesea": timed(lambda: [underthesea_names(i.article, ner, sent_tokenize)
                                      for i in items], args.runs),
    }
    speed = {s: {"wall": n / w, "cpu": n / c} for s, (w, c) in times.items()}
    chars = sum(len(i.article.text) for i in items)

    import underthesea
    results: dict = {"articles": n, "chars": chars, "underthesea_version": underthesea.__version__,
                     "load_seconds": {"ours": our_load, "underthesea": uts_load},
                     "load_average": load_before, "cores": os.cpu_count(),
                     "articles_per_second": speed, "scores": {}}
    corpora = [("all", items)] + [(c, [i for i in items if i.corpus == c]) for c, _a, _g in SETS]
    print(f"{n} articles ({chars} characters of cleaned text), underthesea {underthesea.__version__}")
    header = f"{'corpus':<14}{'kind':<15}{'system':<17}{'match':<9}{'P':>7}{'R':>7}{'F1':>7}" \
             f"{'TP':>5}{'FP':>5}{'FN':>5}"
    print(header)
    print("-" * len(header))
    for corpus, subset in corpora:
        for kind in KINDS:
            for system in ("ours", "underthesea", "underthesea+LOC"):
                if system == "underthesea+LOC" and kind == "persons":
                    continue  # the same persons as underthesea
                for lenient in (False, True):
                    f = score(subset, system, kind, lenient)
                    mode = "lenient" if lenient else "strict"
                    results["scores"][f"{corpus}/{kind}/{system}/{mode}"] = f
                    print(f"{corpus:<14}{kind:<15}{system:<17}{mode:<9}{f['precision']:>7.3f}"
                          f"{f['recall']:>7.3f}{f['f1']:>7.3f}{f['tp']:>5}{f['fp']:>5}{f['fn']:>5}")
    print()
    print(f"load average before timing: {load_before:.1f} on {os.cpu_count()} cores")
    print(f"load: ours {our_load:.2f} s (lexicons), underthesea {uts_load:.2f} s (import + CRF models)")
    for system, aps in speed.items():
        print(f"speed: {system:<27}{aps['wall']:>7.1f} articles/s wall, {aps['cpu']:>7.1f} per CPU second"
              f"  ({aps['wall'] * chars / n / 1000:.1f} k chars/s wall)")
    for kind in KINDS:
        ours = results["scores"][f"all/{kind}/ours/strict"]["f1"]
        best = max(f["f1"] for key, f in results["scores"].items()
                   if key.startswith(f"all/{kind}/underthesea"))
        verdict = "higher" if ours > best else "NOT higher"
        print(f"{kind}: ours strict F1 {ours:.3f} is {verdict} than underthesea's best F1 {best:.3f}")

    if args.errors:
        for system in ("ours", "underthesea"):
            for kind in KINDS:
                errs: list[str] = []
                score(items, system, kind, system == "underthesea", errs)
                mode = "lenient" if system == "underthesea" else "strict"
                print(f"\n{system} {kind} ({mode}): {len(errs)} errors")
                print("\n".join(errs))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
