"""Benchmark: the reader's encoding detection and HTML extraction on large inputs.

Builds one large text from the sample articles (data/articles, repeated to the
size asked) and times ``kg.reader.decode`` on it in every form the reader
recognises (UTF-8, UTF-8 with BOM, UTF-16 with and without BOM, Windows-1258,
TCVN3, VNI, TCVN3 saved as UTF-8, double-encoded UTF-8), and ``read_file`` on
the same text as a portal page (trafilatura). Detection looks at the first
64 KiB only; conversion is linear in the size.

Usage:
    python bench/bench_reader.py              # 4 MB (under the default 5 MB --max-bytes)
    python bench/bench_reader.py --mb 1 --runs 5
"""
from __future__ import annotations

import argparse
import codecs
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "messy"))

from forms import portal_page  # noqa: E402

from kg.legacy import encode, latin_view  # noqa: E402
from kg.reader import decode, detect, read_file  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=4.0, help="size of the text in MB (UTF-8)")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    sample = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "articles").glob("*.txt")))
    text = sample * max(1, int(args.mb * 1e6 / len(sample.encode("utf-8"))))
    forms = {
        "utf-8": text.encode("utf-8"),
        "utf-8 + BOM": codecs.BOM_UTF8 + text.encode("utf-8"),
        "utf-16 + BOM": text.encode("utf-16"),
        "utf-16-le, no BOM": text.encode("utf-16-le"),
        "cp1258": encode(text, "cp1258"),
        "tcvn3": encode(text, "tcvn3"),
        "vni": encode(text, "vni"),
        "tcvn3 saved as utf-8": encode(text, "tcvn3").decode("cp1252").encode("utf-8"),
        "double-encoded utf-8": latin_view(text.encode("utf-8")).encode("utf-8"),
    }
    print(f"text: {len(text):,} characters, {len(text.encode('utf-8')) / 1e6:.1f} MB as UTF-8; "
          f"median of {args.runs} runs")
    print(f"{'form':24} {'bytes':>12} {'detected':>24} {'seconds':>8} {'MB/s':>7}")
    for name, data in forms.items():
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            decode(data)
            times.append(time.perf_counter() - t0)
        s = statistics.median(times)
        print(f"{name:24} {len(data):>12,} {detect(data)[1]:>24} {s:>8.3f} {len(data) / 1e6 / s:>7.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.html"
        page.write_bytes(portal_page(text).encode("utf-8"))
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            read_file(page, max_bytes=10**9)
            times.append(time.perf_counter() - t0)
        s = statistics.median(times)
        size = page.stat().st_size
        print(f"{'portal page (html)':24} {size:>12,} {'trafilatura':>24} {s:>8.3f} {size / 1e6 / s:>7.1f}")


if __name__ == "__main__":
    main()
