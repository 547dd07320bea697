"""Regenerate the generated lexicons from their sources (run by maintainers, not by builds).

    python data/lexicons/make_lexicons.py OLD_DIVISIONS_JSON

- provinces.tsv, districts.tsv: the `vietnam-provinces` package. The installed
  release (2025.x) gives the 34 provinces and cities after the 2025 merger; the
  63 provinces and their districts before it come from the nested-divisions.json
  of release 0.6.0 (`pip download --no-deps vietnam-provinces==0.6.0`, unzip,
  pass vietnam_provinces/data/nested-divisions.json).
- countries.tsv: babel's CLDR Vietnamese and English territory names, with the
  Wikidata items from wikidata_countries.tsv (hand-checked, see README.md).
Hand-kept aliases stay in country_aliases.tsv and province_aliases.tsv.
"""
from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent.parent))
from kg.text import normalize_tones  # noqa: E402  (tone placement of the press: Hòa Bình)


def nfc(s: str) -> str:
    return normalize_tones(unicodedata.normalize("NFC", s))


def split_unit(full: str) -> tuple[str, str]:
    for unit in ("Thành phố", "Tỉnh", "Quận", "Huyện", "Thị xã", "Thị trấn"):
        if full.startswith(unit + " "):
            return unit.lower(), full[len(unit) + 1:]
    return "", full


def provinces(old_json: Path) -> None:
    from vietnam_provinces import Province
    current = {}
    for p in Province.iter_all():
        unit, short = split_unit(nfc(p.name))
        current[short] = ("thành phố" if "thành phố" in p.division_type.value else "tỉnh")
    old = json.loads(old_json.read_text(encoding="utf-8"))
    rows, districts = {}, []
    for p in old:
        unit, short = split_unit(nfc(p["name"]))
        rows[short] = (unit, "current" if short in current else "former")
        for d in p.get("districts", []):
            dunit, dshort = split_unit(nfc(d["name"]))
            districts.append((dshort, dunit, short))
    for short, unit in current.items():
        rows.setdefault(short, (unit, "current"))
    # names in neither release but still in the archives: Thừa Thiên Huế (renamed Huế in 2025,
    # 0.6.0 already has the new name) and Hà Tây (merged into Hà Nội in 2008)
    rows.setdefault("Thừa Thiên Huế", ("tỉnh", "former"))
    rows.setdefault("Hà Tây", ("tỉnh", "former"))
    with open(HERE / "provinces.tsv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["name", "unit", "status"])
        for short in sorted(rows):
            w.writerow([short, *rows[short]])
    with open(HERE / "districts.tsv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["name", "unit", "province"])
        for row in sorted(set(districts)):
            w.writerow(row)


def countries() -> None:
    from babel import Locale
    vi, en = Locale("vi").territories, Locale("en").territories
    wd = {}
    with open(HERE / "wikidata_countries.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            wd[row["code"]] = row["wikidata"]
    with open(HERE / "countries.tsv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "name_vi", "name_en", "wikidata"])
        for code in sorted(vi):
            # not nations: unknown, outlying Oceania, pseudo-locales, the United Nations, the Eurozone
            if re.fullmatch(r"[A-Z]{2}", code) and code not in ("ZZ", "QO", "XA", "XB", "UN", "EZ"):
                w.writerow([code, nfc(vi[code]), en.get(code, code), wd.get(code, "")])


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    provinces(Path(sys.argv[1]))
    countries()
