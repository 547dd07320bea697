"""What networkx computes for the explorer: centrality, communities and a layout that scales.

- Degree centrality always; betweenness exactly on small graphs and from a
  sample of source nodes above ``BETWEENNESS_EXACT`` (its cost is
  sources x edges), left out above ``BETWEENNESS_MAX``.
- Communities by Louvain modularity (seeded, so a rebuild colours alike);
  label propagation above ``LOUVAIN_MAX``, where Louvain gets slow. Louvain and
  betweenness are networkx's algorithms rewritten on plain lists, giving networkx's
  exact results (tested) in less than half its time.
- Positions for every node: each community laid out on its own (a short
  spring layout when small, a sunflower disc with hubs in the middle when
  large) and the community discs packed in rows.  The cost is linear in the
  graph apart from the small spring layouts, so 30k nodes take seconds, where
  one spring layout of the whole graph would take minutes.

All three depend only on the graph's shape (its number of nodes and its edges in
order), so ``measure`` can keep them in a ``MeasuresMemo``: an incremental build
whose changed articles add evidence but no new node or edge (the usual case: new
reports about known people and bodies) reuses them exactly instead of spending
seconds on betweenness and Louvain again.

Example:
    >>> g = nx.union(nx.complete_graph(4), nx.complete_graph(range(4, 7)))
    >>> [sorted(c) for c in communities(g)]
    [[0, 1, 2, 3], [4, 5, 6]]
"""
from __future__ import annotations

import hashlib
import math
import os
import pickle
import random
import tempfile
from array import array
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from .model import ViewModel

BETWEENNESS_EXACT = 600
BETWEENNESS_MAX = 12000
LOUVAIN_MAX = 40000
SPRING_MAX = 120  # communities up to this size get a spring layout
PARALLEL_LAYOUT_MIN = 20_000  # spring work (sum of n²) worth a second process (~0.1 s)
NODE_SPACING = 38.0  # pixels between neighbouring nodes in the precomputed layout
_GOLDEN = math.pi * (3 - math.sqrt(5))


def to_graph(vm: ViewModel) -> nx.Graph:
    """The drawn edges as a simple undirected graph over node ids."""
    g = nx.Graph()
    g.add_nodes_from(range(len(vm.nodes)))
    g.add_edges_from((e["s"], e["o"]) for e in vm.edges if e["s"] != e["o"])
    return g


def _normalised(values: dict[int, float]) -> dict[int, float]:
    top = max(values.values(), default=0.0)
    return {n: (v / top if top > 0 else 0.0) for n, v in values.items()}


def centrality(g: nx.Graph) -> dict[str, dict[int, float]]:
    """Centrality measures, each scaled so the most central node has 1."""
    measures = {"degree": _normalised(nx.degree_centrality(g)) if len(g) > 1 else
                {n: 0.0 for n in g}}
    n, m = g.number_of_nodes(), g.number_of_edges()
    if 1 < n <= BETWEENNESS_MAX:
        # sample sources so the work stays near 400k edge visits (about a second)
        k = None if n <= BETWEENNESS_EXACT else max(16, min(n, 400_000 // max(m + n, 1)))
        measures["betweenness"] = _normalised(betweenness(g, k=k, seed=7))
    return measures


def betweenness(g: nx.Graph, k: int | None = None, seed: int = 7) -> dict[int, float]:
    """``nx.betweenness_centrality(g, k=k, seed=seed)`` of an undirected unweighted graph:
    the same sources, the same sums in the same order (Brandes' algorithm as networkx
    writes it), on lists indexed by node position instead of networkx's views, whose
    lookups were two thirds of its time (0.7 s -> 0.25 s for 1.3k nodes, 70 sources)."""
    nodes = list(g)
    n = len(nodes)
    at = {v: i for i, v in enumerate(nodes)}
    adj = [[at[w] for w in g.adj[v]] for v in nodes]
    if k == n:
        k = None
    sources = range(n) if k is None else [at[v] for v in random.Random(seed).sample(nodes, k)]
    total = [0.0] * n
    for s in sources:
        order, preds, sigma, dist = [], [[] for _ in range(n)], [0.0] * n, [-1] * n
        sigma[s], dist[s] = 1.0, 0
        queue = deque([s])
        while queue:  # shortest paths by BFS, counted
            v = queue.popleft()
            order.append(v)
            next_d, sv = dist[v] + 1, sigma[v]
            for w in adj[v]:
                if dist[w] < 0:
                    queue.append(w)
                    dist[w] = next_d
                if dist[w] == next_d:
                    sigma[w] += sv
                    preds[w].append(v)
        delta = [0.0] * n
        while order:  # dependencies accumulated back from the farthest
            w = order.pop()
            coeff = (1 + delta[w]) / sigma[w]
            for v in preds[w]:
                delta[v] += sigma[v] * coeff
            if w != s:
                total[w] += delta[w]
    # networkx's normalisation (endpoints excluded, undirected): over the pairs a node can
    # lie between, with the sampled sources (which are never between) apart
    pairs = n - 1
    if pairs >= 2:
        if k is None:
            total = [b * (1 / (pairs * (pairs - 1))) for b in total]
        else:
            source = 1 / ((k - 1) * (pairs - 1)) if k > 1 else math.nan
            other = 1 / (k * (pairs - 1))
            sampled = set(sources)
            total = [b * (source if i in sampled else other) for i, b in enumerate(total)]
    return dict(zip(nodes, total))


def louvain(g: nx.Graph, seed: int = 1, threshold: float = 0.0000001) -> list[set]:
    """``nx.community.louvain_communities(g, seed=seed)`` of an undirected graph, its edges
    unweighted (attributes are not read):
    the same random order, the same gains compared in the same order and the same
    modularity sums (networkx's algorithm as it writes it), on lists and plain dicts instead
    of networkx graphs, whose views and attribute dicts took most of its time (0.55 s ->
    0.21 s for 1.3k nodes and 4.3k edges)."""
    rng = random.Random(seed)
    labels = list(g)
    at = {v: i for i, v in enumerate(labels)}
    # the weighted copy networkx works on: its adjacency in the order G.edges() fills it
    adj: list[dict[int, int]] = [{} for _ in labels]
    seen: set[int] = set()
    for u, v in enumerate(labels):
        for w in g.adj[v]:
            j = at[w]
            if j not in seen:
                adj[u].setdefault(j, 1)
                adj[j].setdefault(u, 1)
        seen.add(u)
    degree = _degrees(adj)
    m = sum(degree) / 2
    members: list[set] = [{v} for v in labels]  # a level's node -> the labels it stands for
    partition = [{v} for v in labels]
    mod = _modularity([{u} for u in range(len(labels))], adj, degree)
    while True:
        partition, inner = _louvain_level(adj, degree, m, partition, members, rng)
        new_mod = _modularity(inner, adj, degree)
        if new_mod - mod <= threshold:
            return partition
        mod = new_mod
        adj, members = _aggregate(adj, inner, members)
        degree = _degrees(adj)


def _degrees(adj: list[dict[int, int]]) -> list[int]:
    """Weighted degrees, a self-loop counted twice (networkx's ``degree(weight=...)``)."""
    return [sum(a.values()) + a.get(u, 0) for u, a in enumerate(adj)]


def _louvain_level(adj: list[dict[int, int]], degree: list[int], m: float,
                   partition: list[set], members: list[set], rng) -> tuple[list, list]:
    """One level of moves (networkx's ``_one_level``, undirected, resolution 1)."""
    n = len(adj)
    node2com = list(range(n))
    inner = [{u} for u in range(n)]
    stot = list(degree)
    nbrs = [{v: w for v, w in a.items() if v != u} for u, a in enumerate(adj)]
    order = list(range(n))
    rng.shuffle(order)
    moves = 1
    while moves > 0:
        moves = 0
        for u in order:
            best_mod = 0
            best_com = node2com[u]
            weights2com: dict[int, float] = {}
            for nbr, wt in nbrs[u].items():
                c = node2com[nbr]
                weights2com[c] = weights2com.get(c, 0.0) + wt
            if best_com not in weights2com:  # networkx's defaultdict adds it, at the end
                weights2com[best_com] = 0.0
            d = degree[u]
            stot[best_com] -= d
            remove_cost = -weights2com[best_com] / m + 1 * (stot[best_com] * d) / (2 * m**2)
            for nbr_com, wt in weights2com.items():
                gain = remove_cost + wt / m - 1 * (stot[nbr_com] * d) / (2 * m**2)
                if gain > best_mod:
                    best_mod = gain
                    best_com = nbr_com
            stot[best_com] += d
            if best_com != node2com[u]:
                com = members[u]
                partition[node2com[u]].difference_update(com)
                inner[node2com[u]].remove(u)
                partition[best_com].update(com)
                inner[best_com].add(u)
                moves += 1
                node2com[u] = best_com
    return list(filter(len, partition)), list(filter(len, inner))


def _aggregate(adj: list[dict[int, int]], inner: list[set[int]], members: list[set]
               ) -> tuple[list[dict[int, int]], list[set]]:
    """The graph of the communities (networkx's ``_gen_graph``): edge weights summed, in the
    order networkx adds them (its adjacency order decides later ties)."""
    node2com = {}
    grouped = []
    for i, part in enumerate(inner):
        nodes: set = set()
        for node in part:
            node2com[node] = i
            nodes.update(members[node])
        grouped.append(nodes)
    out: list[dict[int, int]] = [{} for _ in inner]
    seen: set[int] = set()
    for u, a in enumerate(adj):
        for v, wt in a.items():
            if v in seen:
                continue
            c1, c2 = node2com[u], node2com[v]
            total = wt + out[c1].get(c2, 0)
            out[c1][c2] = total
            out[c2][c1] = total
        seen.add(u)
    return out, grouped


def _modularity(communities: list[set[int]], adj: list[dict[int, int]], degree: list[int]
                ) -> float:
    """networkx's ``modularity`` (resolution 1) of a partition of a level's graph."""
    deg_sum = sum(degree)
    m = deg_sum / 2
    norm = 1 / deg_sum**2

    def contribution(comm: set[int]) -> float:
        done: set[int] = set()
        inside = 0
        for u in comm:
            for v, wt in adj[u].items():
                if v not in done and v in comm:
                    inside += wt
            done.add(u)
        total = sum(degree[u] for u in comm)
        return inside / m - 1 * total * total * norm
    return sum(map(contribution, communities))


def communities(g: nx.Graph) -> list[set[int]]:
    """Communities, largest first."""
    if g.number_of_edges() == 0:
        parts = [{n} for n in g]
    elif len(g) <= LOUVAIN_MAX:
        parts = louvain(g, seed=1)
    else:
        parts = list(nx.community.label_propagation_communities(g))
    return sorted((set(p) for p in parts), key=lambda p: (-len(p), min(p)))


def _sunflower(order: list[int]) -> dict[int, tuple[float, float]]:
    """Points of a sunflower disc, the first of ``order`` in the middle."""
    return {node: (NODE_SPACING * 0.6 * math.sqrt(i) * math.cos(i * _GOLDEN),
                   NODE_SPACING * 0.6 * math.sqrt(i) * math.sin(i * _GOLDEN))
            for i, node in enumerate(order)}


def _spring(g: nx.Graph, nodes: list[int], scale: float, iterations: int = 40
            ) -> dict[int, tuple[float, float]]:
    """Fruchterman-Reingold on the subgraph of ``nodes``, as networkx's dense
    ``spring_layout`` computes it (seeded start, linear cooling, rescaled to ``scale``),
    without its conversions and checks: a build lays out dozens of small communities, and
    those cost more than the arithmetic (0.35 s -> 0.05 s for 30 communities)."""
    import numpy as np

    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    adjacency = np.zeros((n, n))
    for v in nodes:
        for w in g.adj[v]:
            j = index.get(w)
            if j is not None:
                adjacency[index[v], j] = 1.0
    pos = np.random.RandomState(1).rand(n, 2)
    k = math.sqrt(1.0 / n)
    t = float(max(np.ptp(pos[:, 0]), np.ptp(pos[:, 1]))) * 0.1  # the initial temperature
    dt = t / (iterations + 1)
    for _ in range(iterations):
        delta = pos[:, np.newaxis, :] - pos[np.newaxis, :, :]
        distance = np.sqrt(np.einsum("ijk,ijk->ij", delta, delta))
        np.clip(distance, 0.01, None, out=distance)
        force = k * k / distance ** 2 - adjacency * distance / k
        displacement = np.einsum("ijk,ij->ik", delta, force)
        length = np.sqrt(np.einsum("ij,ij->i", displacement, displacement))
        np.clip(length, 0.01, None, out=length)
        step = displacement * (t / length)[:, np.newaxis]
        pos += step
        t -= dt
        if math.sqrt(float(np.einsum("ij,ij->", step, step))) / n < 1e-4:
            break
    pos -= pos.mean(axis=0)
    top = float(np.abs(pos).max())
    if top > 0:
        pos *= scale / top
    return {v: (float(x), float(y)) for v, (x, y) in zip(nodes, pos.tolist())}


def _community_layout(g: nx.Graph, part: set[int]) -> dict[int, tuple[float, float]]:
    if len(part) == 1:
        return {next(iter(part)): (0.0, 0.0)}
    if len(part) <= SPRING_MAX:
        return _spring(g, sorted(part), NODE_SPACING * 0.6 * math.sqrt(len(part)))
    return _sunflower(sorted(part, key=lambda n: (-g.degree(n), n)))


def _community_layouts(g: nx.Graph, parts: list[set[int]], parallel: bool = False) -> list[dict]:
    """Each community's positions, in order; with ``parallel``, about half the spring
    layouts' work (n² a community) is done by a forked child meanwhile (the same function
    on the same subgraphs: the same positions)."""
    cost = [len(p) ** 2 if 1 < len(p) <= SPRING_MAX else 0 for p in parts]
    theirs: set[int] = set()
    if parallel and sum(cost) >= PARALLEL_LAYOUT_MIN:
        mine = other = 0
        for i in sorted(range(len(parts)), key=lambda i: -cost[i]):  # greedy halves
            if cost[i] and mine > other:
                theirs.add(i)
                other += cost[i]
            else:
                mine += cost[i]
    if theirs:
        import numpy  # noqa: F401 - imported once, before the fork, not in both processes
    child = _fork(lambda: {i: _community_layout(g, parts[i]) for i in theirs}) if theirs else None
    out = [None if i in theirs and child is not None else _community_layout(g, p)
           for i, p in enumerate(parts)]
    if child is not None:
        for i, pos in child.result().items():
            out[i] = pos
    return out


def _fork(fn: Callable[[], Any]):
    """``fn`` in a forked child (kg.workers.Background), or None where none can be forked."""
    import multiprocessing as mp

    from ..workers import Background, can_fork
    if can_fork() and not mp.current_process().daemon:  # a daemon may not fork
        return Background(fn)
    return None


def layout(g: nx.Graph, parts: list[set[int]], parallel: bool = False
           ) -> dict[int, tuple[float, float]]:
    """Positions for every node: communities laid out apart, packed in rows of discs
    (``parallel``: in two processes, as ``_community_layouts`` says)."""
    discs = []
    for pos in _community_layouts(g, parts, parallel):
        radius = max((math.hypot(x, y) for x, y in pos.values()), default=0.0) + NODE_SPACING
        discs.append((radius, pos))
    area = sum((2 * r) ** 2 for r, _ in discs)
    row_width = max(math.sqrt(area) * 1.15, max((2 * r for r, _ in discs), default=0.0))
    out: dict[int, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for radius, pos in discs:  # largest first: rows get shorter as the discs shrink
        if x > 0 and x + 2 * radius > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + radius, y + radius
        for node, (px, py) in pos.items():
            out[node] = (round(cx + px - row_width / 2, 1), round(cy + py, 1))
        x += 2 * radius
        row_height = max(row_height, 2 * radius)
    return out


Measures = tuple[dict[str, dict[int, float]], list[set[int]], dict[int, tuple[float, float]]]


def shape_key(g: nx.Graph) -> str:
    """A digest of everything the measures read: the code and library computing them, and
    the adjacency in iteration order (the seeded algorithms visit nodes and neighbours in
    that order, so the same edges inserted in another order may give other communities)."""
    h = hashlib.blake2b(digest_size=20)
    h.update(_CODE_KEY)
    flat = array("q")
    for node, neighbours in g.adj.items():
        flat.append(node)
        flat.append(len(neighbours))
        flat.extend(neighbours)
    h.update(flat.tobytes())
    return h.hexdigest()


_CODE_KEY = hashlib.blake2b(Path(__file__).read_bytes() + nx.__version__.encode(),
                            digest_size=16).digest()


class MeasuresMemo:
    """The last build's measures in one file (inside the build's cache folder), keyed by
    ``shape_key``: an entry for another graph is simply not used; an unreadable file is
    a miss."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def get(self, key: str) -> Measures | None:
        try:
            with open(self.path, "rb") as f:
                stored = pickle.load(f)
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, AttributeError,
                ImportError, IndexError, TypeError):
            return None
        if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key:
            return stored[1]
        return None

    def put(self, key: str, value: Measures) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump((key, value), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def measure(g: nx.Graph, memo: Any = None, parallel: bool = False) -> Measures:
    """(centrality, communities, positions) of ``g``; from ``memo`` (a ``MeasuresMemo``) when
    it holds them for the same shape, and stored there otherwise. With ``parallel`` a graph
    big enough for sampled betweenness has it computed in a forked child meanwhile (the
    same function on the same graph: the same numbers), and the layout is shared with
    another child."""
    key = shape_key(g) if memo is not None else ""
    if memo is not None and (hit := memo.get(key)) is not None:
        return hit
    child = _fork(lambda: centrality(g)) if parallel and len(g) > BETWEENNESS_EXACT else None
    parts = communities(g)
    positions = layout(g, parts, parallel)
    got = (child.result() if child is not None else centrality(g), parts, positions)
    if memo is not None:
        memo.put(key, got)
    return got
