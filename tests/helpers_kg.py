"""Helpers shared by the extraction tests: run the pipeline on a text written in the test."""
from __future__ import annotations

from kg.extract import extract
from kg.ingest import clean
from kg.model import Extraction


def run(text: str, name: str = "t.txt") -> Extraction:
    """Clean and extract a text as if it were an input file."""
    return extract(clean(name, text))


def posts(ex: Extraction) -> set[tuple[str, str, str]]:
    return {(p.person, p.title, p.organisation) for p in ex.positions}


def orgs(ex: Extraction) -> set[str]:
    return {o.name for o in ex.organisations}


def bench_store_module():
    """bench/bench_store.py as a module: its synthetic corpora feed the store, export and query tests."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "bench" / "bench_store.py"
    spec = importlib.util.spec_from_file_location("bench_store", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
