/* The explorer's behaviour: vis-network over the embedded JSON, with search, filters, views,
 * physics that settles and stops, layout save/restore and PNG export.
 * Contract (docs/explorer.md): the Network is the page global `network`; a node's `label`
 * is the entity's name; #search + Enter selects the matches with network.selectNodes.
 * meta.view "entities" (kg.viz.fragments): a large build's entity view, with no event or
 * article nodes; evidence names its article through D.arts and pn rows count articles per year. */
"use strict";
var network = null;
var kgExplorer = (function () {
  const D = JSON.parse(document.getElementById("kg-data").textContent);
  const parsedAt = performance.now();
  const meta = D.meta, KINDS = meta.kinds, N = D.nodes.length, large = meta.large;
  const entityView = meta.view === "entities";
  const $ = (id) => document.getElementById(id);
  const CLASS_COLOURS = {person: "#e4572e", organisation: "#29335c", event: "#f3a712", country: "#3c8dbc",
    document: "#8f2d56", article: "#8db36b", place: "#7b5ea7"};
  const SHAPES = {person: "dot", organisation: "square", event: "diamond", country: "triangle",
    document: "triangleDown", article: "hexagon", place: "star"};
  const KIND_NAMES = {person: "Persons", organisation: "Organisations", event: "Events", country: "Countries",
    document: "Documents", article: "Articles", place: "Provinces / cities"};
  const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#bcbd22",
    "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354",
    "#756bb1", "#636363"];
  const OTHER = "#b8bcc6";
  const timing = {start: performance.now(), parsed: null, built: null, firstDraw: null, settled: null};

  // same folding as kg.text.fold: no diacritics (đ -> d), no case, punctuation as spaces
  const fold = (s) => String(s).normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D")
    .toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  const kindOf = (n) => KINDS[D.nodes[n].k];

  // ---- indexes: incident facts and drawn edges per node
  const factsByNode = new Array(N);
  D.facts.forEach((f, i) => { for (const end of [f[0], f[2]]) if (end >= 0) (factsByNode[end] = factsByNode[end] || []).push(i); });
  const adj = Array.from({length: N}, () => []);
  D.edges.forEach((e) => { adj[e[0]].push(e[1]); adj[e[1]].push(e[0]); });

  // ---- state
  // above the threshold articles start hidden: their mention edges are half of all edges,
  // and vis-network's start-up time grows with the edges it holds
  const DEFAULT_HIDDEN = large ? ["article"] : [];
  const state = {view: "full", centre: -1, kinds: new Set(KINDS), province: -1, nation: -1,
    yearFrom: null, yearTo: null, sizeBy: meta.measures[0] || "none", colourBy: "class"};
  let yearMin = Infinity, yearMax = -Infinity;
  D.nodes.forEach((d) => d.yr.forEach((y) => { yearMin = Math.min(yearMin, y); yearMax = Math.max(yearMax, y); }));
  let shown = new Set();
  let layoutNow = "full";  // which layout the drawn positions belong to: "full" or "pn"
  const positions = {full: {}, pn: {}};  // last known position of each node, per layout
  D.nodes.forEach((d, n) => { positions.full[n] = {x: d.px, y: d.py}; });

  // the article an evidence row comes from: a node (full view) or a row of D.arts (entity view)
  function sourceName(ev) {
    const row = D.evidence[ev];
    if (row[2] >= 0) return D.nodes[row[2]].l;
    return row.length > 5 && row[5] >= 0 ? D.arts[row[5]][0] : "";
  }
  function tooltip(n) {
    const d = D.nodes[n], lines = [`${kindOf(n)}${d.st ? " · " + d.st : ""}: ${d.l}`];
    if (d.al && d.al.length) lines.push("also: " + d.al.join("; "));
    if (d.ev >= 0) {
      const [sentence, conf] = D.evidence[d.ev], source = sourceName(d.ev);
      lines.push(`“${sentence}”`);
      lines.push(`confidence ${conf === null ? "?" : Number(conf).toFixed(2)}` + (source ? ` · ${source}` : ""));
    }
    return lines.join("\n");  // plain text: vis-network writes a string title with innerText
  }
  function edgeTooltip(e) {
    const lines = [`${D.nodes[e[0]].l} — ${meta.rels[e[2]][1]}${e[4] ? " (" + e[4] + ")" : ""} → ${D.nodes[e[1]].l}`];
    if (e[3] >= 0) {
      const [sentence, conf] = D.evidence[e[3]];
      lines.push(`“${sentence}”`, `confidence ${conf === null ? "?" : Number(conf).toFixed(2)}`);
    }
    if (e.length > 5) lines.push(`${e[5]} attestation(s)`);  // entity view: all of them, listed or not
    return lines.join("\n");
  }
  // shape and colour live in vis groups (one per class, and per class x community), so each
  // node carries a group name instead of its own option objects: vis clones those per node
  const colourSpec = (c) => ({background: c, border: "#1d2230", highlight: {background: "#ffd23f", border: "#1d2230"},
    hover: {background: c, border: "#000"}});
  const groups = {};
  for (const k of KINDS) {
    groups[k] = {shape: SHAPES[k], color: colourSpec(CLASS_COLOURS[k])};
    [...PALETTE, OTHER].forEach((c, i) => { groups[`${k}|${i}`] = {shape: SHAPES[k], color: colourSpec(c)}; });
  }
  function groupOf(n) {
    const d = D.nodes[n];
    return state.colourBy === "community" ? `${KINDS[d.k]}|${d.cm >= 0 && d.cm < PALETTE.length ? d.cm : PALETTE.length}`
      : KINDS[d.k];
  }
  function sizeOf(n) {
    const m = meta.measures.indexOf(state.sizeBy);
    return m < 0 ? 12 : 7 + 26 * Math.sqrt(D.nodes[n].ms[m] || 0);
  }
  const visNode = (n) => ({id: n, label: D.nodes[n].l, group: groupOf(n), title: tooltip(n),
    size: sizeOf(n), x: D.nodes[n].px, y: D.nodes[n].py});

  const nodesDS = new vis.DataSet(D.nodes.map((d, n) => visNode(n)));
  const edgesDS = new vis.DataSet(D.edges.map((e, i) => ({id: i, from: e[0], to: e[1], title: edgeTooltip(e)})));
  let pnEdges = [];  // the province-to-nation view's edges, rebuilt with the year filter
  const nodesView = new vis.DataView(nodesDS, {filter: (item) => shown.has(item.id)});
  const edgesView = new vis.DataView(edgesDS, {filter: (item) => state.view === "pn"
    ? typeof item.id === "string" : typeof item.id === "number" && shown.has(item.from) && shown.has(item.to)});

  // ---- filters and views
  const yearActive = () => state.yearFrom !== null && (state.yearFrom > yearMin || state.yearTo < yearMax);
  function passes(n) {
    const d = D.nodes[n];
    if (!state.kinds.has(KINDS[d.k])) return false;
    if (state.province >= 0 && !d.pr.includes(state.province)) return false;
    if (state.nation >= 0 && !d.na.includes(state.nation)) return false;
    if (yearActive() && !d.yr.some((y) => y >= state.yearFrom && y <= state.yearTo)) return false;
    return true;
  }
  function neighbourhood(centre, k) {
    const seen = new Set([centre]);
    let frontier = [centre];
    for (let hop = 0; hop < k && frontier.length; hop++) {
      const next = [];
      for (const n of frontier) for (const m of adj[n]) if (!seen.has(m) && passes(m)) { seen.add(m); next.push(m); }
      frontier = next;
    }
    return seen;
  }
  function articlesInRange(arts) {
    return arts.filter((a) => !yearActive() || D.nodes[a].yr.some((y) => y >= state.yearFrom && y <= state.yearTo));
  }
  // a pn row's articles within the year filter, and their number; the entity view has no
  // article nodes, only counts per year (0: undated, counted only when no year filter is set)
  function pnInRange(r) {
    if (!entityView) { const arts = articlesInRange(r[2]); return [arts, arts.length]; }
    const n = r[2].filter(([y]) => !yearActive() || (y >= state.yearFrom && y <= state.yearTo))
      .reduce((s, [, k]) => s + k, 0);
    return [[], n];
  }
  function provinceNation() {
    const rows = D.pn.map((r) => [r[0], r[1], ...pnInRange(r)]).filter((r) => r[3]
      && (state.province < 0 || r[0] === state.province) && (state.nation < 0 || r[1] === state.nation));
    const places = [...new Set(rows.map((r) => r[0]))], nations = [...new Set(rows.map((r) => r[1]))];
    const weight = (n, col) => rows.filter((r) => r[col] === n).reduce((s, r) => s + r[3], 0);
    places.sort((a, b) => weight(b, 0) - weight(a, 0) || D.nodes[a].l.localeCompare(D.nodes[b].l));
    nations.sort((a, b) => weight(b, 1) - weight(a, 1) || D.nodes[a].l.localeCompare(D.nodes[b].l));
    places.forEach((n, i) => { if (!(n in positions.pn)) positions.pn[n] = {x: -350, y: i * 45}; });
    nations.forEach((n, i) => { if (!(n in positions.pn)) positions.pn[n] = {x: 350, y: i * 45}; });
    const top = Math.max(1, ...rows.map((r) => r[3]));
    pnEdges = rows.map((r) => ({id: `pn:${r[0]}:${r[1]}`, from: r[0], to: r[1], label: String(r[3]),
      width: 1 + 7 * r[3] / top, title: `${D.nodes[r[0]].l} ↔ ${D.nodes[r[1]].l}: ${r[3]} article(s)`,
      arrows: "", articles: r[2], count: r[3]}));
    return new Set([...places, ...nations]);
  }
  function apply() {
    const before = shown, layoutKey = state.view === "pn" ? "pn" : "full";
    Object.assign(positions[layoutNow], network ? network.getPositions() : {});
    let next;
    if (state.view === "pn") next = provinceNation();
    else if (state.view === "hood" && state.centre >= 0) next = neighbourhood(state.centre, Number($("hops").value) || 1);
    else next = new Set(D.nodes.map((d, n) => n).filter(passes));
    // nodes entering the view, or changing layout, start where they last were in that layout
    const moved = [...next].filter((n) => !before.has(n) || layoutNow !== layoutKey)
      .map((n) => ({id: n, ...positions[layoutKey][n]}));
    if (moved.length) nodesDS.update(moved);
    edgesDS.remove(edgesDS.getIds({filter: (e) => typeof e.id === "string"}));
    if (state.view === "pn") edgesDS.add(pnEdges);
    shown = next;
    layoutNow = layoutKey;
    nodesView.refresh();
    edgesView.refresh();
    $("status").textContent = `${shown.size} of ${N} nodes shown · ${edgesView.length} edges` +
      (state.view === "hood" && state.centre < 0 ? " · select a node for its neighbourhood" : "");
    if (network && before.size !== shown.size && moved.length) network.fit({animation: false});
  }

  // ---- search
  function matches(q) {
    const tiers = [[], [], []];
    if (!q) return [];
    D.nodes.forEach((d, n) => {
      let best = 3;
      for (const key of d.fo) {
        if (key === q) best = 0;
        else if (best > 1 && (" " + key + " ").includes(" " + q + " ")) best = 1;
        else if (best > 2 && key.includes(q)) best = 2;
      }
      if (best < 3) tiers[best].push(n);
    });
    const order = (a, b) => D.nodes[a].k - D.nodes[b].k || (D.nodes[b].ms[0] || 0) - (D.nodes[a].ms[0] || 0);
    return tiers.map((t) => t.sort(order));
  }
  function search(text) {
    const q = fold(text);
    const tiers = matches(q), found = q ? tiers.find((t) => t.length) || [] : [];
    if (!found.length) {
      if (network) network.unselectAll();
      $("status").textContent = q ? `no name matches “${text}”` : "";
      return [];
    }
    const needsPn = state.view === "pn" && found.some((n) => !["place", "country"].includes(kindOf(n)));
    if (needsPn || state.view === "hood" || found.some((n) => !passes(n))) {
      resetFilters(false, found.map(kindOf));
      state.view = "full"; $("view").value = "full";
      apply();
    }
    select(found);
    $("status").textContent += ` · ${found.length} match${found.length > 1 ? "es" : ""} for “${text}”`;
    return found;
  }
  function select(ids, ev) {
    const visible = ids.filter((n) => shown.has(n));
    network.selectNodes(visible);
    if (visible.length === 1) network.focus(visible[0], {scale: Math.max(network.getScale(), 1.1), animation: false});
    else if (visible.length > 1) network.fit({nodes: visible, animation: false});
    if (ids.length) kgPanel.show(ids[0], ev);
  }
  function showResults(text) {
    const box = $("search-results"), q = fold(text);
    const all = q.length >= 2 ? matches(q).flat() : [];
    box.hidden = !all.length;
    box.replaceChildren(...all.slice(0, 25).map((n) => kgPanel.h("button", {type: "button",
      onclick: () => { box.hidden = true; if (!shown.has(n)) { resetFilters(false, [kindOf(n)]); state.view = "full"; $("view").value = "full"; apply(); } select([n]); }},
      `${D.nodes[n].l} — ${kindOf(n)}`)));
  }

  // ---- controls
  function resetFilters(run = true, reveal = []) {
    state.kinds = new Set(KINDS.filter((k) => !DEFAULT_HIDDEN.includes(k) || reveal.includes(k)));
    document.querySelectorAll("#class-filter input").forEach((b) => { b.checked = state.kinds.has(b.value); });
    state.province = state.nation = -1; $("province").value = ""; $("nation").value = "";
    if (yearMin <= yearMax) { state.yearFrom = yearMin; state.yearTo = yearMax; $("year-from").value = yearMin; $("year-to").value = yearMax; }
    if (run) apply();
  }
  function restyle() {
    nodesDS.update(D.nodes.map((d, n) => ({id: n, group: groupOf(n), size: sizeOf(n)})));
    legend();
  }
  function legend() {
    const h = kgPanel.h, rows = [];
    const counts = {};
    D.nodes.forEach((d) => { counts[KINDS[d.k]] = (counts[KINDS[d.k]] || 0) + 1; });
    if (state.colourBy === "class") {
      for (const k of KINDS) if (counts[k]) rows.push(h("div", {class: "row"},
        h("span", {class: "swatch", style: `background:${CLASS_COLOURS[k]}`}), `${KIND_NAMES[k]} (${counts[k]}) · ${SHAPES[k]}`));
    } else {
      const size = new Array(PALETTE.length).fill(0), head = new Array(PALETTE.length).fill(-1);
      D.nodes.forEach((d, n) => { if (d.cm >= 0 && d.cm < PALETTE.length) { size[d.cm]++;
        if (head[d.cm] < 0 || d.ms[0] > D.nodes[head[d.cm]].ms[0]) head[d.cm] = n; } });
      size.forEach((s, c) => { if (s) rows.push(h("div", {class: "row"}, h("span", {class: "swatch", style: `background:${PALETTE[c]}`}),
        `community of ${D.nodes[head[c]].l} (${s})`)); });
      if (meta.communities > PALETTE.length) rows.push(h("div", {class: "row"}, h("span", {class: "swatch", style: `background:${OTHER}`}),
        `${meta.communities - PALETTE.length} smaller communities`));
      rows.push(h("div", {class: "hint"}, "communities: networkx modularity (Louvain)"));
    }
    rows.push(h("div", {class: "hint"}, state.sizeBy === "none" ? "all nodes one size"
      : `size: ${state.sizeBy} centrality (networkx)`));
    if (state.view === "pn") rows.push(h("div", {class: "hint"}, "edge label and width: number of articles"));
    $("legend").replaceChildren(h("b", {}, "Legend"), ...rows);
  }
  function setPhysics(on) {
    $("physics").checked = on;
    network.setOptions({physics: {enabled: on}});
  }
  function download(href, name) {
    const a = $("download");
    a.href = href; a.download = name; a.textContent = name;
    a.click();
  }
  function applyLayout(saved) {
    const pos = saved && saved.positions;
    if (!pos) throw new Error("not a layout file");
    const rows = Object.entries(pos).map(([id, p]) => ({id: Number(id), x: Number(p.x), y: Number(p.y)}))
      .filter((r) => r.id >= 0 && r.id < N && Number.isFinite(r.x) && Number.isFinite(r.y));
    rows.forEach((r) => { positions.full[r.id] = {x: r.x, y: r.y}; });
    setPhysics(false);
    nodesDS.update(rows);
    $("status").textContent = `layout restored (${rows.length} positions)`;
  }
  const storageKey = "kg-explorer-layout:" + meta.key;
  function storage() { try { return window.localStorage; } catch (e) { return null; } }

  function setupControls() {
    const h = kgPanel.h, counts = {};
    D.nodes.forEach((d) => { counts[d.k] = (counts[d.k] || 0) + 1; });
    KINDS.forEach((k, i) => {
      if (entityView && !counts[i]) return;  // no event or article nodes: no box for them
      const box = h("input", {type: "checkbox", value: k, id: "class-" + k});
      box.checked = true;
      box.addEventListener("change", () => { box.checked ? state.kinds.add(k) : state.kinds.delete(k); apply(); });
      $("class-filter").append(h("label", {}, box, k === "article" ? ` Show articles (${counts[i] || 0})` : ` ${KIND_NAMES[k]} (${counts[i] || 0})`));
    });
    const byLabel = (a, b) => D.nodes[a].l.localeCompare(D.nodes[b].l, "vi");
    const ofKind = (k) => D.nodes.map((d, n) => n).filter((n) => kindOf(n) === k).sort(byLabel);
    for (const [sel, kind] of [["province", "place"], ["nation", "country"]])
      for (const n of ofKind(kind)) $(sel).append(h("option", {value: String(n)}, D.nodes[n].l));
    $("province").addEventListener("change", (e) => { state.province = e.target.value === "" ? -1 : Number(e.target.value); apply(); });
    $("nation").addEventListener("change", (e) => { state.nation = e.target.value === "" ? -1 : Number(e.target.value); apply(); });
    for (const [id, key] of [["year-from", "yearFrom"], ["year-to", "yearTo"]]) {
      $(id).disabled = yearMin > yearMax;
      $(id).addEventListener("change", (e) => { const v = Number(e.target.value); if (Number.isFinite(v) && e.target.value !== "") { state[key] = v; apply(); } });
    }
    for (const m of [...meta.measures, "none"]) $("size-by").append(h("option", {value: m}, m === "none" ? "nothing (one size)" : `${m} centrality`));
    $("size-by").addEventListener("change", (e) => { state.sizeBy = e.target.value; restyle(); });
    $("colour-by").addEventListener("change", (e) => { state.colourBy = e.target.value; restyle(); });
    $("view").addEventListener("change", (e) => {
      state.view = e.target.value;
      if (state.view === "hood") { const sel = network.getSelectedNodes(); if (sel.length) state.centre = sel[0]; }
      apply(); legend(); network.fit({animation: false});
    });
    $("hops").addEventListener("change", () => { if (state.view === "hood") apply(); });
    $("reset").addEventListener("click", () => resetFilters(true));
    $("physics").addEventListener("change", (e) => setPhysics(e.target.checked));
    $("fit").addEventListener("click", () => network.fit({animation: false}));
    $("search").addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); $("search-results").hidden = true; search(e.target.value); } });
    $("search").addEventListener("input", (e) => showResults(e.target.value));
    $("save-layout").addEventListener("click", () => {
      const saved = {key: meta.key, positions: {...positions.full, ...(state.view === "pn" ? {} : network.getPositions())}};
      const text = JSON.stringify(saved);
      const store = storage();
      if (store) { try { store.setItem(storageKey, text); $("restore-layout").disabled = false; } catch (e) { /* quota: the download still works */ } }
      download(URL.createObjectURL(new Blob([text], {type: "application/json"})), "explorer-layout.json");
    });
    $("restore-layout").addEventListener("click", () => { const s = storage(); if (s && s.getItem(storageKey)) applyLayout(JSON.parse(s.getItem(storageKey))); });
    $("layout-file").addEventListener("change", (e) => {
      const file = e.target.files[0];
      if (!file) return;
      file.text().then((t) => applyLayout(JSON.parse(t))).catch((err) => { $("status").textContent = `cannot read ${file.name}: ${err.message}`; });
    });
    $("export-png").addEventListener("click", () => {
      network.redraw();
      download(document.querySelector("#graph canvas").toDataURL("image/png"), "explorer.png");
    });
    const s = storage();
    if (s && s.getItem(storageKey)) $("restore-layout").disabled = false;
  }

  // the entity view says what it leaves out, and where to find it
  function viewNote() {
    $("top").append(kgPanel.h("div", {id: "view-note", class: "view-note", role: "note"},
      kgPanel.h("b", {}, "Entity view"), ` of a large build (${meta.articles} articles): persons, organisations,`
      + " countries, provinces / cities and documents. Events are folded onto their organisers;"
      + " events and articles themselves are in the graph files (graph.trig) and SPARQL (kg query)."
      + ` At most ${meta.maxEvidence} evidence sentence(s) are listed per relation (per title for posts);`
      + " an edge's panel counts them all."));
  }

  // ---- the network
  function start() {
    kgPanel.init(D, {factsByNode, focusNode: (n, ev) => select([n], ev), showNeighbourhood: (n) => {
      state.centre = n; state.view = "hood"; $("view").value = "hood"; apply(); legend(); select([n]); network.fit({animation: false}); }});
    setupControls();
    if (entityView) viewNote();
    resetFilters(false);
    shown = new Set(D.nodes.map((d, n) => n).filter(passes));  // before the Network: it builds only these
    const options = {
      autoResize: true,
      layout: {improvedLayout: false, randomSeed: 1},
      physics: large ? {enabled: false} : {enabled: true, solver: "barnesHut", minVelocity: 1,
        barnesHut: {gravitationalConstant: -9000, springLength: 150, springConstant: 0.03, damping: 0.35, avoidOverlap: 0.3},
        // the positions from Python are a fair start: fewer iterations on bigger graphs keep
        // the wait near constant (each iteration costs ~n log n)
        stabilization: {enabled: true, iterations: Math.max(50, Math.min(300, Math.round(60000 / Math.max(N, 1)))),
          updateInterval: 50, fit: true}},
      interaction: {hover: !large, tooltipDelay: 120, hideEdgesOnDrag: large, hideEdgesOnZoom: large, multiselect: true},
      groups,
      nodes: {borderWidth: 1, font: {size: 13, face: "system-ui, sans-serif", strokeWidth: 3, strokeColor: "#ffffff"}},
      edges: {smooth: large ? false : {type: "continuous"}, width: 1, selectionWidth: 2,
        color: {color: "#9aa3b5", highlight: "#1d2230", hover: "#1d2230", opacity: 0.8},
        arrows: large ? {} : {to: {enabled: true, scaleFactor: 0.4}}, font: {size: 11, align: "middle"}},
    };
    timing.parsed = parsedAt;
    timing.built = performance.now();  // data sets ready, before the Network
    network = new vis.Network($("graph"), {nodes: nodesView, edges: edgesView}, options);
    network.on("beforeDrawing", (c) => {  // opaque background, so the exported PNG is readable
      c.save(); c.setTransform(1, 0, 0, 1, 0, 0); c.fillStyle = "#ffffff"; c.fillRect(0, 0, c.canvas.width, c.canvas.height); c.restore();
    });
    network.once("afterDrawing", () => { timing.firstDraw = performance.now(); if (large) timing.settled = timing.firstDraw; });
    network.on("stabilizationIterationsDone", () => {  // settle, then stop: no endless motion
      setPhysics(false);
      timing.settled = performance.now();
    });
    network.on("click", (p) => {
      if (p.nodes.length) kgPanel.show(p.nodes[0]);
      else if (p.edges.length) {
        const id = p.edges[0], e = edgesDS.get(id);
        if (typeof id === "string") kgPanel.showProvinceNation(e.from, e.to, e.articles, e.count);
        else kgPanel.showEdge(D.edges[id][0], D.edges[id][1], D.edges[id][2], D.edges[id][5]);
      }
    });
    $("physics").checked = !large;
    apply();
    legend();
  }
  start();
  return {data: D, state, timing, apply, search, shown: () => [...shown], fold};
})();
