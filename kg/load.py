"""`kg load`: push a build into another triple store over the SPARQL 1.1 Graph Store Protocol.

Each article's named graph is sent to ``ENDPOINT?graph=IRI``: the first batch
with PUT (which replaces whatever the store held under that name) and further
batches of the same graph with POST (which adds). Loading the same build twice
therefore leaves the store as after one load: nothing is duplicated, and a
graph whose article changed is replaced. The default graph of kg's store is
not sent: it is the union of the article graphs, an index that the target
store can provide its own way (most have a union-default-graph setting).
Graphs of articles no longer in the build are left alone (the loader never
deletes what it did not send).

The quads are read from DIR/store (or graph.trig) with pyoxigraph and sent as
N-Triples, which every Graph Store implementation accepts.

Example:
    kg load out --endpoint http://127.0.0.1:7878/store
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import httpx
import pyoxigraph as ox

from .errors import KGError

NTRIPLES = "application/n-triples"


@dataclass
class LoadStats:
    graphs: int = 0
    triples: int = 0
    requests: int = 0


def _batches(quads: Iterable[ox.Quad], size: int) -> Iterator[list[ox.Triple]]:
    it = iter(quads)
    while batch := [q.triple for q in islice(it, size)]:
        yield batch


def _send(client: httpx.Client, method: str, endpoint: str, params: dict, body: bytes,
          what: str) -> None:
    try:
        r = client.request(method, endpoint, params=params, content=body,
                           headers={"content-type": NTRIPLES})
    except httpx.HTTPError as error:
        raise KGError(f"{endpoint}: {type(error).__name__} while sending {what}: {error}") from None
    if not 200 <= r.status_code < 300:
        raise KGError(f"{endpoint}: HTTP {r.status_code} for {what}: {r.text.strip()[:200]}")


def load_store(store: ox.Store, endpoint: str, batch_size: int = 50_000,
               auth: str | None = None, timeout_s: float = 120.0) -> LoadStats:
    """Send every graph of ``store`` to a Graph Store endpoint; PUT per graph, then POSTs."""
    if batch_size < 1:
        raise KGError("--batch-size must be at least 1")
    basic = tuple(auth.split(":", 1)) if auth else None
    if basic is not None and len(basic) != 2:
        raise KGError("--user must be USER:PASSWORD")
    stats = LoadStats()
    targets: list[tuple[dict, object, str]] = [
        ({"graph": g.value}, g, f"graph <{g.value}>")
        for g in sorted(store.named_graphs(), key=lambda g: g.value)]
    with httpx.Client(auth=basic, timeout=timeout_s) as client:
        for params, graph, what in targets:
            quads = store.quads_for_pattern(None, None, None, graph)
            sent = False
            for batch in _batches(quads, batch_size):
                body = ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES)
                _send(client, "POST" if sent else "PUT", endpoint, params, body, what)
                sent = True
                stats.requests += 1
                stats.triples += len(batch)
            if sent:
                stats.graphs += 1
    return stats


def load_dir(out_dir: str | Path, endpoint: str, batch_size: int = 50_000,
             auth: str | None = None, timeout_s: float = 120.0) -> LoadStats:
    """Send a build (DIR/store, else DIR/graph.trig) to a Graph Store endpoint."""
    from .query import open_store

    if not endpoint.startswith(("http://", "https://")):
        raise KGError(f"{endpoint}: the endpoint must be an http:// or https:// URL")
    return load_store(open_store(out_dir), endpoint, batch_size, auth, timeout_s)
