/* The explorer's details panel: a node's facts, each with its evidence sentence and article.
 * Every string from the data is written with textContent (through h()), never as markup.
 * explorer.js calls kgPanel.init(ctx) with the parsed data and its navigation functions.
 * In the entity view (meta.view "entities") there are no event or article nodes: an event's facts
 * hang on its organiser (label = the event's name) and evidence names its article as text. */
"use strict";
var kgPanel = (function () {
  let D, ctx;
  const MAX_ROWS = 200;  // long lists (a hub's people) are cut, with a count of the rest

  function h(tag, props, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (k === "class") el.className = v;
      else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v);
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return el;
  }

  const node = (n) => D.nodes[n];
  const rel = (f) => D.meta.rels[f[1]][0];
  function link(n, text) {
    if (n < 0) return h("span", {}, text || "—");
    return h("button", {class: "link", type: "button", "data-node": String(n), onclick: () => ctx.focusNode(n)},
      text || node(n).l);
  }
  function articleLink(a, ev) {
    if (a < 0) return null;
    const d = node(a), name = (d.ex && d.ex.file) || d.l;
    return h("button", {class: "link", type: "button", "data-node": String(a),
      onclick: () => ctx.focusNode(a, ev)}, name);
  }
  // an article that is not a node (entity view): its file name, date and headline, as text
  function articleRef(ev) {
    const row = D.evidence[ev], i = row.length > 5 ? row[5] : -1;
    if (i < 0) return null;
    const [file, headline, date] = D.arts[i];
    return h("span", {class: "article-ref"}, h("span", {class: "file"}, file), date ? ` (${date})` : "",
      headline ? ` — ${headline}` : "");
  }
  function evidence(ev, article) {
    if (ev < 0) return article >= 0 ? h("div", {class: "source"}, "from ", articleLink(article, -1)) : null;
    const [sentence, conf, art] = D.evidence[ev];
    const a = art >= 0 ? art : article, ref = a < 0 ? articleRef(ev) : null;
    return h("div", {class: "ev"},
      h("blockquote", {class: "evidence"}, sentence),
      h("div", {class: "source"}, conf !== null ? `confidence ${Number(conf).toFixed(2)}` : "",
        a >= 0 || ref ? " · from " : "", a >= 0 ? articleLink(a, ev) : ref));
  }
  function section(title, rows) {
    if (!rows.length) return null;
    const shown = rows.slice(0, MAX_ROWS).map((r) => h("li", {}, r));
    if (rows.length > MAX_ROWS) shown.push(h("li", {class: "hint"}, `… and ${rows.length - MAX_ROWS} more`));
    return h("section", {}, h("h3", {}, `${title} (${rows.length})`), h("ul", {}, shown));
  }
  const byDate = (a, b) => String(a[5] || "").localeCompare(String(b[5] || ""));
  function factsOf(n, relName, side) {  // side "s": n is the subject, "o": the object
    return (ctx.factsByNode[n] || []).map((i) => D.facts[i])
      .filter((f) => rel(f) === relName && (side === "s" ? f[0] === n : f[2] === n));
  }
  const kindOf = (n) => D.meta.kinds[node(n).k];
  const entityView = () => D.meta.view === "entities";
  const unique = (ids) => [...new Set(ids)];
  // articles behind a province-nation row: ids (full view) or counts per year (entity view)
  const pnTotal = (r) => entityView() ? r[2].reduce((s, y) => s + y[1], 0) : r[2].length;
  const listLinks = (ids) => ids.length ? ids.map((i, k) => [k ? ", " : "", link(i)]) : "—";
  function field(label, value) {
    return value ? h("div", {}, h("b", {}, label + ": "), value) : null;
  }

  // one row per post (title at a body), listing every article that attests it
  function posts(facts, key) {
    const groups = new Map();
    for (const f of facts.sort(byDate)) {
      const k = key(f);
      if (!groups.has(k)) groups.set(k, []);
      if (!groups.get(k).some((g) => g[3] === f[3] && g[3] >= 0)) groups.get(k).push(f);
    }
    return [...groups.values()];
  }
  function attested(fs) {
    const dates = [...new Set(fs.map((f) => f[5]).filter(Boolean))];
    return dates.length ? ` · attested ${dates.join(", ")}` : "";
  }
  // entity view: an event folded onto its host (organiser, or province when none is named)
  const eventName = (f) => [h("b", {}, f[4] || "an event"), f[5] ? ` · ${f[5]}` : ""];
  const hostLink = (f) => [kindOf(f[0]) === "place" ? " — in " : " — organised by ", link(f[0])];
  function hostedEvents(n) {  // the events a host's chair/attendee/partner facts come from
    const groups = new Map();
    for (const r of ["chair", "attendee", "partner"]) for (const f of factsOf(n, r, "s")) {
      if (r === "partner" && f[3] < 0) continue;  // the body's own partner nation, not an event's
      const k = `${f[4]}|${f[5]}|${f[3]}`;
      if (!groups.has(k)) groups.set(k, {f, chair: [], attendee: [], partner: []});
      groups.get(k)[r].push(f[2]);
    }
    const part = (label, ids) => ids.length ? [`; ${label}: `, listLinks(unique(ids))] : "";
    return [...groups.values()].sort((a, b) => byDate(a.f, b.f)).map((g) => [eventName(g.f),
      part("chair", g.chair), part("attended by", g.attendee), part("partner nations", g.partner),
      evidence(g.f[3], -1)]);
  }
  function personRows(n) {
    return [
      section("Posts", posts(factsOf(n, "post", "s"), (f) => `${f[4]}|${f[2]}|${f[6]}`).map((fs) => [
        h("b", {}, (fs[0][6] ? "former " : "") + (fs[0][4] || "post")), " — ",
        fs[0][2] >= 0 ? link(fs[0][2]) : h("i", {}, "no organisation named"), attested(fs),
        fs.map((f) => evidence(f[3], f[7]))])),
      section("Events", ["chair", "attendee"].flatMap((r) => factsOf(n, r, "o").map((f) => entityView()
        ? [r === "chair" ? "chaired " : "attended ", eventName(f), hostLink(f), evidence(f[3], f[7])] : [
        r === "chair" ? "chaired " : "attended ", link(f[0]),
        node(f[0]).ex && node(f[0]).ex.date ? ` · ${node(f[0]).ex.date}` : "", evidence(f[3], f[7])]))),
    ];
  }
  function organisationRows(n) {
    if (entityView()) return [
      field("Province / city", listLinks(unique(factsOf(n, "locality", "s").map((f) => f[2])))),
      field("Partner nations", listLinks(unique(factsOf(n, "partner", "s").filter((f) => f[3] < 0).map((f) => f[2])))),
      section("People", posts(factsOf(n, "post", "o"), (f) => `${f[0]}|${f[4]}|${f[6]}`).map((fs) => [
        link(fs[0][0]), " — ", h("b", {}, (fs[0][6] ? "former " : "") + (fs[0][4] || "post")), attested(fs),
        fs.map((f) => evidence(f[3], f[7]))])),
      section("Events it organised", hostedEvents(n)),
      section("Events it attended", factsOf(n, "attendee", "o").map((f) => [eventName(f), hostLink(f), evidence(f[3], f[7])])),
      section("Documents issued", unique(factsOf(n, "issuer", "o").map((f) => f[0])).map((d) => link(d))),
    ];
    return [
      field("Province / city", listLinks(factsOf(n, "locality", "s").map((f) => f[2]))),
      field("Partner nations", listLinks(factsOf(n, "partner", "s").map((f) => f[2]))),
      section("People", posts(factsOf(n, "post", "o"), (f) => `${f[0]}|${f[4]}|${f[6]}`).map((fs) => [
        link(fs[0][0]), " — ", h("b", {}, (fs[0][6] ? "former " : "") + (fs[0][4] || "post")), attested(fs),
        fs.map((f) => evidence(f[3], f[7]))])),
      section("Events", ["organiser", "attendee"].flatMap((r) => factsOf(n, r, "o").map((f) => [
        r === "organiser" ? "organised " : "attended ", link(f[0]),
        node(f[0]).ex && node(f[0]).ex.date ? ` · ${node(f[0]).ex.date}` : "", evidence(f[3], f[7])]))),
      section("Documents issued", factsOf(n, "issuer", "o").map((f) => link(f[0]))),
    ];
  }
  function eventRows(n) {
    const d = node(n), ex = d.ex || {};
    const own = (ctx.factsByNode[n] || []).map((i) => D.facts[i]).find((f) => f[3] >= 0);
    const awards = D.awards.filter((a) => a[0] === n);
    return [
      field("Date", ex.date), field("Place", ex.location),
      field("Organiser", factsOf(n, "organiser", "s").length ? listLinks(factsOf(n, "organiser", "s").map((f) => f[2])) : null),
      field("Chair", factsOf(n, "chair", "s").length ? listLinks(factsOf(n, "chair", "s").map((f) => f[2])) : null),
      field("Partner nations", factsOf(n, "partner", "s").length ? listLinks(factsOf(n, "partner", "s").map((f) => f[2])) : null),
      own ? h("section", {}, h("h3", {}, "Evidence"), evidence(own[3], own[7])) : null,
      section("Participants", factsOf(n, "attendee", "s").map((f) => link(f[2]))),
      section("Awards", awards.map((a) => [h("b", {}, a[1] || "award"), " — ", a[2], evidence(a[3], -1)])),
      section("Reported in", factsOf(n, "reports", "o").map((f) => articleLink(f[0], f[3]))),
    ];
  }
  function countryRows(n) {
    const ex = node(n).ex || {};
    const partners = factsOf(n, "partner", "o");
    const pnRows = [
      field("English name", ex.name_en), field("ISO code", ex.code),
      section("Provinces / cities working with it", D.pn.filter((r) => r[1] === n)
        .sort((a, b) => pnTotal(b) - pnTotal(a)).map((r) => [link(r[0]), ` — ${pnTotal(r)} article(s)`]))];
    if (entityView()) return [...pnRows,
      section("Organisations", unique(partners.filter((f) => f[3] < 0 && kindOf(f[0]) === "organisation").map((f) => f[0])).map((o) => link(o))),
      section("Events", partners.filter((f) => f[3] >= 0).map((f) => [eventName(f), hostLink(f), evidence(f[3], f[7])])),
    ];
    return [...pnRows,
      section("Organisations", partners.filter((f) => kindOf(f[0]) === "organisation").map((f) => link(f[0]))),
      section("Events", partners.filter((f) => kindOf(f[0]) === "event").map((f) => [link(f[0]), evidence(f[3], f[7])])),
      section("Articles", partners.filter((f) => kindOf(f[0]) === "article").map((f) => [articleLink(f[0], f[3]), evidence(f[3], -1)])),
    ];
  }
  function documentRows(n) {
    const ex = node(n).ex || {};
    return [
      field("Code", ex.code), field("Date", ex.date),
      field("Issued by", listLinks(factsOf(n, "issuer", "s").map((f) => f[2]))),
      section("Cited in", factsOf(n, "cites", "o").map((f) => [articleLink(f[0], f[3]), evidence(f[3], -1)])),
    ];
  }
  function placeRows(n) {
    const here = factsOf(n, "locality", "o");
    return [
      section("Partner nations (articles linking them)", D.pn.filter((r) => r[0] === n)
        .sort((a, b) => pnTotal(b) - pnTotal(a)).map((r) => [link(r[1]), ` — ${pnTotal(r)} article(s)`])),
      entityView() ? section("Events here with no organiser named", hostedEvents(n)) : null,
      section("Organisations", here.filter((f) => kindOf(f[0]) === "organisation").map((f) => link(f[0]))),
      section("People", D.nodes.map((d, i) => i).filter((i) => kindOf(i) === "person" && node(i).pr.includes(n)).map((i) => link(i))),
      section("Articles", here.filter((f) => kindOf(f[0]) === "article").map((f) => [articleLink(f[0], -1),
        node(f[0]).ex && node(f[0]).ex.date ? ` · ${node(f[0]).ex.date}` : ""])),
    ];
  }
  function articleText(text, ev) {
    const box = h("div", {class: "article-text"});
    let start = -1, end = -1;
    if (ev >= 0) [start, end] = [D.evidence[ev][3], D.evidence[ev][4]];
    if (start >= 0 && end > start && end <= text.length) {
      const mark = h("mark", {}, text.slice(start, end));
      box.append(document.createTextNode(text.slice(0, start)), mark, document.createTextNode(text.slice(end)));
      setTimeout(() => mark.scrollIntoView({block: "center"}), 0);
    } else {
      box.textContent = text;
    }
    return box;
  }
  function articleRows(n, ev) {
    const ex = node(n).ex || {};
    const out = (r) => factsOf(n, r, "s");
    return [
      field("Headline", ex.headline), field("Source file", ex.file), field("Published", ex.date),
      field("Byline", ex.byline),
      field("Province / city", out("locality").length ? listLinks(out("locality").map((f) => f[2])) : null),
      field("Partner nations", out("partner").length ? listLinks(out("partner").map((f) => f[2])) : null),
      field("Cites", out("cites").length ? listLinks(out("cites").map((f) => f[2])) : null),
      section("Events reported", out("reports").map((f) => link(f[2]))),
      section("Names mentioned", out("mentions").map((f) => [link(f[2]), ` (${kindOf(f[2])})`])),
      ex.text ? h("section", {}, h("h3", {}, "Text"), articleText(ex.text, ev)) : null,
    ];
  }
  const ROWS = {person: personRows, organisation: organisationRows, event: eventRows, country: countryRows,
                document: documentRows, place: placeRows, article: articleRows};

  function show(n, ev) {
    const panel = document.getElementById("details"), d = node(n), kind = kindOf(n);
    panel.replaceChildren(...[
      h("div", {class: "kind"}, kind + (d.st ? ` · ${d.st}` : "")),
      h("h2", {}, d.l),
      d.al && d.al.length ? h("div", {class: "hint"}, "also written: " + d.al.join("; ")) : null,
      h("button", {type: "button", onclick: () => ctx.showNeighbourhood(n)}, "Show its neighbourhood"),
      ...ROWS[kind](n, ev === undefined ? -1 : ev)].filter(Boolean));
    panel.scrollTop = 0;
  }
  function showProvinceNation(place, nation, articles, count) {
    const panel = document.getElementById("details");
    panel.replaceChildren(...[
      h("div", {class: "kind"}, "province ↔ partner nation"),
      h("h2", {}, `${node(place).l} ↔ ${node(nation).l}`),
      h("div", {}, link(place), " · ", link(nation)),
      entityView() ? h("p", {}, `${count} article(s) link them (their list is in the graph files and SPARQL).`) : null,
      section("Articles linking them", articles.map((a) => {
        const f = (ctx.factsByNode[a] || []).map((i) => D.facts[i]).find((x) => x[0] === a && rel(x) === "partner" && x[2] === nation);
        return [articleLink(a, f ? f[3] : -1), node(a).ex && node(a).ex.date ? ` · ${node(a).ex.date}` : "",
          f ? evidence(f[3], -1) : null];
      }))].filter(Boolean));
  }
  function showEdge(s, o, relIdx, count) {
    const facts = (ctx.factsByNode[s] || []).map((i) => D.facts[i]).filter((f) => f[0] === s && f[2] === o && f[1] === relIdx);
    const panel = document.getElementById("details");
    panel.replaceChildren(...[
      h("div", {class: "kind"}, "relation · " + D.meta.rels[relIdx][1]),
      h("h2", {}, node(s).l), h("div", {}, D.meta.rels[relIdx][1], " → ", link(o)), h("div", {}, link(s)),
      count > facts.length ? h("p", {class: "hint"}, `${count} attestations; the first ${facts.length} (in article order) are listed.`) : null,
      section("Attested by", facts.map((f) => [f[4] ? h("b", {}, (f[6] ? "former " : "") + f[4]) : "",
        f[5] ? ` · ${f[5]}` : "", evidence(f[3], f[7])]))].filter(Boolean));
  }
  return {init: (data, context) => { D = data; ctx = context; }, show, showEdge, showProvinceNation, h};
})();
