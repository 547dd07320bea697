"""Turns the gold JSON files into the six prediction CSVs that score.py reads.  Usage: python3 gold_to_csv.py GOLD_DIR OUT_DIR"""
import csv, json, sys
from pathlib import Path
gold_dir, out = Path(sys.argv[1]), Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
rows = {k: [] for k in ("persons", "positions", "organisations", "countries", "events", "documents")}
for path in sorted(gold_dir.glob("*.json")):
    g = json.loads(path.read_text(encoding="utf-8"))
    a = g["article"]
    for p in g["persons"]:
        rows["persons"].append([a, p["name"]])
        for pos in p["positions"]:
            rows["positions"].append([a, p["name"], pos["title"], pos["organisation"]])
    for o in g["organisations"]:
        rows["organisations"].append([a, o["name"]])
    for c in g["countries"]:
        rows["countries"].append([a, c])
    for e in g["events"]:
        rows["events"].append([a] + [e[k] or "" for k in ("organiser", "date", "location", "chair")])
    for d in g["documents"]:
        rows["documents"].append([a, d])
header = {"persons": ["article", "name"], "positions": ["article", "person", "title", "organisation"],
          "organisations": ["article", "name"], "countries": ["article", "country"],
          "events": ["article", "organiser", "date", "location", "chair"], "documents": ["article", "code"]}
for k, rs in rows.items():
    with open(out / f"{k}.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f); w.writerow(header[k]); w.writerows(rs)
    print(f"{k}.csv: {len(rs)} rows")
