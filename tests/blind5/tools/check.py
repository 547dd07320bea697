"""Grounding and consistency checks for tests/blind5 (articles + gold).  Usage: python3 check.py [path/to/score.py]"""
import html, importlib.util, json, re, sys, unicodedata
from pathlib import Path
spec = importlib.util.spec_from_file_location("score", sys.argv[1] if len(sys.argv) > 1 else "/work/shared/eval/score.py")
score = importlib.util.module_from_spec(spec); spec.loader.exec_module(score)
norm = score.norm
ROOT = Path(__file__).resolve().parent.parent
COUNTRY_FORMS = {"CN": ["Trung Quốc"], "LA": ["Lào"], "AU": ["Ô-xtrây-li-a"], "TH": ["Thái Lan"],
                 "RU": ["Nga"], "JP": ["Nhật Bản"], "KR": ["Hàn Quốc"], "FR": ["Pháp"], "DE": ["Đức"],
                 "US": ["Hoa Kỳ"], "CU": ["Cuba", "Cu-ba"]}
OLD_TONE = re.compile(r"(?i)(o[àáảãạ]|(?<!q)u[ỳýỷỹỵ]|o[èéẻẽẹ])(?![a-zđăâêôơư])")  # hoà, thuý, khoẻ at syllable end
problems, stats = [], []

def bad(msg): problems.append(msg)

def read_article(path):
    raw = path.read_bytes()
    try:
        text, enc = raw.decode("utf-8"), "utf-8"
        if text != unicodedata.normalize("NFC", text): bad(f"{path.name}: UTF-8 text is not NFC")
    except UnicodeDecodeError:
        text, enc = raw.decode("cp1258"), "cp1258"
    text = unicodedata.normalize("NFC", text)
    if "<html" in text.lower():
        text = html.unescape(text)
    return text, enc

def walk_strings(x):
    if isinstance(x, str): yield x
    elif isinstance(x, list):
        for v in x: yield from walk_strings(v)
    elif isinstance(x, dict):
        for v in x.values(): yield from walk_strings(v)

arts = sorted((ROOT / "articles").glob("*.txt")); golds = sorted((ROOT / "gold").glob("*.json"))
if [p.stem for p in arts] != [p.stem for p in golds]: bad("article and gold stems differ")
for ap in arts:
    gp = ROOT / "gold" / (ap.stem + ".json")
    g = json.loads(gp.read_text(encoding="utf-8"))
    text, enc = read_article(ap)
    nt = f" {norm(text)} "
    def grounded(s): return f" {norm(s)} " in nt
    if g["article"] != ap.name: bad(f"{gp.name}: article field {g['article']}")
    for s in walk_strings(g):
        if s != unicodedata.normalize("NFC", s): bad(f"{gp.name}: not NFC: {s!r}")
        if OLD_TONE.search(s): bad(f"{gp.name}: old tone placement: {s!r}")
    persons = {}
    for p in g["persons"]:
        for n in [p["name"], *p["aliases"]]:
            persons[norm(n)] = p["name"]
            if not grounded(n): bad(f"{ap.name}: person name/alias not in text: {n}")
    orgs = set()
    for o in g["organisations"]:
        orgs |= {norm(n) for n in [o["name"], *o["aliases"]]}
    for p in g["persons"]:
        for pos in p["positions"]:
            if pos["organisation"] and norm(pos["organisation"]) not in orgs:
                bad(f"{ap.name}: position org not annotated: {pos}")
            if not pos["title"]: bad(f"{ap.name}: empty title for {p['name']}")
    for e in g["events"]:
        if e["organiser"] and norm(e["organiser"]) not in orgs: bad(f"{ap.name}: organiser not annotated: {e['organiser']}")
        if e["chair"] and norm(e["chair"]) not in persons: bad(f"{ap.name}: chair not annotated: {e['chair']}")
        if not e["organiser"] and not e["date"]: bad(f"{ap.name}: event with neither organiser nor date")
        if e["date"] and not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", e["date"]): bad(f"{ap.name}: bad date {e['date']}")
    for d in g["documents"]:
        if d not in text: bad(f"{ap.name}: document code not in text: {d}")
    for c in g["countries"]:
        if not any(f in text for f in COUNTRY_FORMS[c]): bad(f"{ap.name}: country {c} not mentioned")
    if g["countries"] != sorted(g["countries"]) or g["documents"] != sorted(g["documents"]):
        bad(f"{gp.name}: countries/documents not sorted")
    body = text
    if "<html" in text.lower():
        body = re.sub(r"(?is)<script.*?</script>|<head>.*?</head>", " ", text)
        body = re.sub(r"<[^>]+>", " ", body)
    words = len([w for w in body.split() if re.search(r"\w", w)])
    stats.append((ap.name, enc, words, len(g["persons"]), sum(len(p["positions"]) for p in g["persons"]),
                  len(g["organisations"]), len(g["countries"]), len(g["events"]), len(g["documents"])))

# a body has the same alias list in every file
seen = {}
for gp in golds:
    for o in json.loads(gp.read_text(encoding="utf-8"))["organisations"]:
        key = norm(o["name"]); al = sorted(o["aliases"])
        if key in seen and seen[key][0] != al: bad(f"alias lists differ for {o['name']}: {gp.name} vs {seen[key][1]}")
        seen.setdefault(key, (al, gp.name))

print(f"{'file':<38}{'enc':<8}{'words':>6}{'pers':>6}{'pos':>5}{'orgs':>6}{'ctry':>6}{'evts':>6}{'docs':>6}")
for s in stats: print(f"{s[0]:<38}{s[1]:<8}" + "".join(f"{v:>6}" for v in s[2:3]) + f"{s[3]:>6}{s[4]:>5}{s[5]:>6}{s[6]:>6}{s[7]:>6}{s[8]:>6}")
tot = [sum(s[i] for s in stats) for i in range(3, 9)]
print("totals: persons %d, positions %d, organisations %d, countries %d, events %d, documents %d" % tuple(tot))
print("problems:", len(problems))
for p in problems: print("  -", p)
sys.exit(1 if problems else 0)
