"""`kg serve` over real HTTP: protocol, content negotiation, read-only, limits, files, page.

The server is started as a subprocess (`kg serve`, in its own process group) on a
free port and stopped with SIGTERM to the group; answers are checked against
pyoxigraph queries on the build's store, made independently of the server.
"""
from __future__ import annotations

import csv
import http.client
import importlib.util
import io
import os
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import httpx
import pytest
from rdflib import Graph
from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

from kg.build import FileReport, write_outputs
from kg.serve import EXAMPLES_DIR, free_port, query_page
from kg.store import open_read_only

ROOT = Path(__file__).resolve().parent.parent
PERSONS = ("PREFIX schema: <http://schema.org/> SELECT DISTINCT ?p ?name WHERE "
           "{ ?p a schema:Person ; schema:name ?name } ORDER BY ?name ?p")
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
# A hostile folder name: the page shows it, so it must come out escaped.
HOSTILE = 'b<i>&"q\'<img src=x onerror=alert(1)>'


def _bench():
    spec = importlib.util.spec_from_file_location("bench_store", ROOT / "bench" / "bench_store.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _build(folder: Path, n: int) -> Path:
    exs = _bench().synthetic_extractions(n, seed=11)
    write_outputs(folder, exs, [FileReport(e.article.name, "ok") for e in exs], 0.0)
    return folder


def _wait(url: str, proc: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "exited"
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise AssertionError(f"{url} not ready")


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False


def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return [int(x) for x in out.stdout.split()]


class Server:
    def __init__(self, folder: Path, *options: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kg.cli", "serve", str(folder), "--port", str(self.port),
             *options], start_new_session=True, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE)
        _wait(self.url + "/", self.proc)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(15)


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Path:
    return _build(tmp_path_factory.mktemp("serve") / HOSTILE, 12)


@pytest.fixture(scope="module")
def server(build: Path):
    s = Server(build, "--timeout", "2", "--max-rows", "500")
    yield s
    s.stop()
    assert not _group_alive(s.proc.pid), "a process of the server's group survived SIGTERM"


@pytest.fixture(scope="module")
def expected(build: Path) -> list[tuple[str, str]]:
    store = open_read_only(build / "store")
    rows = [(s["p"].value, s["name"].value) for s in store.query(PERSONS, use_default_graph_as_union=True)]
    assert rows  # the check below compares something
    return rows


def _json_rows(payload: dict) -> list[tuple[str, str]]:
    return [(b["p"]["value"], b["name"]["value"]) for b in payload["results"]["bindings"]]


def _count(server: Server) -> int:
    r = httpx.get(server.url + "/query", params={"query": COUNT_ALL},
                  headers={"accept": "application/sparql-results+json"})
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


# ------------------------------------------------------------------ protocol

def test_get_post_form_and_post_query_give_the_store_answer(server, expected):
    accept = {"accept": "application/sparql-results+json"}
    r1 = httpx.get(server.url + "/query", params={"query": PERSONS}, headers=accept)
    r2 = httpx.post(server.url + "/query", data={"query": PERSONS}, headers=accept)
    r3 = httpx.post(server.url + "/query", content=PERSONS.encode(),
                    headers={**accept, "content-type": "application/sparql-query"})
    for r in (r1, r2, r3):
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("application/sparql-results+json")
        assert _json_rows(r.json()) == expected


def test_results_negotiation_xml_csv_tsv(server, expected):
    def get(accept: str) -> httpx.Response:
        r = httpx.get(server.url + "/query", params={"query": PERSONS}, headers={"accept": accept})
        assert r.status_code == 200, r.text
        return r

    r = get("application/sparql-results+xml")
    assert r.headers["content-type"].startswith("application/sparql-results+xml")
    ns = {"s": "http://www.w3.org/2005/sparql-results#"}
    root = ET.fromstring(r.content)
    xml_rows = [(res.find("s:binding[@name='p']/s:uri", ns).text,
                 res.find("s:binding[@name='name']/s:literal", ns).text)
                for res in root.iterfind("s:results/s:result", ns)]
    assert xml_rows == expected

    r = get("text/csv")
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0] == ["p", "name"] and [tuple(x) for x in rows[1:]] == expected

    r = get("text/tab-separated-values")
    lines = r.text.splitlines()
    assert lines[0] == "?p\t?name"
    assert [tuple(ln.split("\t")) for ln in lines[1:]] == [(f"<{p}>", f'"{n}"') for p, n in expected]

    # q-values decide; */* alone gives JSON.
    assert get("text/csv;q=0.5, application/sparql-results+xml").headers[
        "content-type"].startswith("application/sparql-results+xml")
    assert get("*/*").headers["content-type"].startswith("application/sparql-results+json")


def test_construct_and_describe_as_turtle_and_ntriples(server, build):
    q = ("PREFIX schema: <http://schema.org/> CONSTRUCT { ?p schema:name ?n } "
         "WHERE { ?p a schema:Person ; schema:name ?n }")
    store = open_read_only(build / "store")
    want = {(str(t.subject.value), str(t.object.value))
            for t in store.query(q, use_default_graph_as_union=True)}
    for accept, fmt in (("text/turtle", "turtle"), ("application/n-triples", "nt")):
        r = httpx.post(server.url + "/query", data={"query": q}, headers={"accept": accept})
        assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
        g = Graph().parse(data=r.text, format=fmt)
        assert {(str(s), str(o)) for s, _, o in g} == want and want
    person = next(iter(want))[0]
    r = httpx.get(server.url + "/query", params={"query": f"DESCRIBE <{person}>"},
                  headers={"accept": "text/turtle"})
    g = Graph().parse(data=r.text, format="turtle")
    assert len(g) > 2 and all(str(s) == person for s in g.subjects())


def test_ask(server):
    r = httpx.get(server.url + "/query", params={"query": "ASK { ?s ?p ?o }"},
                  headers={"accept": "application/sparql-results+json"})
    assert r.json()["boolean"] is True


def test_sparqlwrapper_get_and_post(server, expected):
    for method in ("GET", "POST"):
        sw = SPARQLWrapper(server.url + "/query")
        sw.setMethod(method)
        sw.setQuery(PERSONS)
        sw.setReturnFormat(JSON)
        assert _json_rows(sw.query().convert()) == expected
    sw = SPARQLWrapper(server.url + "/query")
    sw.setQuery("PREFIX schema: <http://schema.org/> CONSTRUCT WHERE { ?p a schema:Person }")
    sw.setReturnFormat(TURTLE)
    g = Graph().parse(data=sw.query().convert(), format="turtle")
    assert len(g) == len({p for p, _ in expected})


def test_every_example_query_runs(server):
    names = sorted(p.name for p in EXAMPLES_DIR.glob("*.rq"))
    assert len(names) >= 10
    for p in sorted(EXAMPLES_DIR.glob("*.rq")):
        r = httpx.post(server.url + "/query", content=p.read_bytes(),
                       headers={"content-type": "application/sparql-query",
                                "accept": "application/sparql-results+json"})
        assert r.status_code == 200, (p.name, r.text)
        assert "results" in r.json()


def test_syntax_error_and_bad_requests_are_4xx(server):
    assert httpx.get(server.url + "/query", params={"query": "SELEC nothing"}).status_code == 400
    assert httpx.get(server.url + "/query").status_code == 400
    assert httpx.post(server.url + "/query", content=b"x",
                      headers={"content-type": "text/plain"}).status_code == 415
    assert httpx.delete(server.url + "/query").status_code == 405


# ------------------------------------------------------------------ read-only

UPDATES = ["INSERT DATA { GRAPH <http://x/g> { <http://x/a> <http://x/b> <http://x/c> } }",
           "CLEAR ALL", "DROP ALL"]


@pytest.mark.parametrize("path", ["/query", "/update", "/", "/store", "/sparql", "/other/x"])
def test_updates_change_nothing_on_any_path(server, path):
    before = _count(server)
    assert before > 500
    for update in UPDATES:
        r1 = httpx.post(server.url + path, data={"update": update})
        r2 = httpx.post(server.url + path, content=update.encode(),
                        headers={"content-type": "application/sparql-update"})
        r3 = httpx.get(server.url + path, params={"update": update})
        for r in (r1, r2, r3):
            assert 400 <= r.status_code < 500, (path, r.status_code)
        if path in ("/query", "/update"):
            assert r1.status_code == r2.status_code == 403
    # An update smuggled in as a query is a syntax error for the query parser.
    r = httpx.post(server.url + "/query", data={"query": UPDATES[0]})
    assert r.status_code == 400
    assert _count(server) == before


# ------------------------------------------------------------------ limits

def test_result_size_limit(server):
    r = httpx.get(server.url + "/query", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert r.status_code == 400 and "500" in r.text
    ok = httpx.get(server.url + "/query",
                   params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 500"},
                   headers={"accept": "text/csv"})
    assert ok.status_code == 200 and len(ok.text.splitlines()) == 501


def test_time_limit(server):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    t = time.monotonic()
    r = httpx.get(server.url + "/query", params={"query": slow}, timeout=60)
    assert r.status_code == 503 and "time limit" in r.text
    assert time.monotonic() - t < 8
    # The endpoint still answers afterwards.
    assert _count(server) > 0


# ------------------------------------------------------------------ files and page

TRAVERSALS = ["/assets/../serve.py", "/assets/%2e%2e/serve.py", "/assets/..%2fserve.py",
              "/assets/..%2F..%2Fkg%2Fserve.py", "/../../../../etc/passwd", "//etc/passwd",
              "/assets//etc/passwd", "/assets/%2Fetc%2Fpasswd", "/store/CURRENT", "/graph.trig",
              "/assets/index.html", "/assets/VENDOR.md", "/assets/", "/%00", "/assets/page.js%00"]


@pytest.mark.parametrize("raw_path", TRAVERSALS)
def test_no_file_outside_the_assets(server, raw_path):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.putrequest("GET", raw_path, skip_accept_encoding=True)
    conn.endheaders()
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    assert resp.status in (400, 404), (raw_path, resp.status)
    assert b"root:" not in body and b"import" not in body and b"@prefix" not in body


def test_assets_served_with_types(server):
    r = httpx.get(server.url + "/assets/yasgui.min.js")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/javascript")
    assert len(r.content) > 500_000
    assert httpx.get(server.url + "/assets/yasgui.min.css").headers[
        "content-type"].startswith("text/css")


def test_page_lists_examples_escapes_and_loads_nothing_remote(server):
    r = httpx.get(server.url + "/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = r.text
    assert "<img" not in page and "<i>" not in page
    assert "b&lt;i&gt;&amp;&quot;q&#x27;&lt;img src=x onerror=alert(1)&gt;" in page
    for p in EXAMPLES_DIR.glob("*.rq"):
        assert p.stem in page
    assert "http://" not in page.split("<body>")[0] and "https://" not in page.split("<body>")[0]
    assert "default-src 'self'" in r.headers["content-security-policy"]


def test_query_page_escapes_example_text(tmp_path):
    (tmp_path / "x.rq").write_text('# </script><script>alert("t")</script> & <b>\n'
                                   'SELECT * WHERE { ?s ?p "</script>" }', encoding="utf-8")
    page = query_page("t", tmp_path)
    assert page.count("<script") == 3  # the config element and the two page scripts
    assert "</script><script>alert" not in page
    assert "&lt;/script&gt;&lt;script&gt;alert(&quot;t&quot;)" in page
    assert "\\u003c/script\\u003e" in page


def test_query_page_in_chromium_runs_a_query_offline(server):
    # The explorer's browser tests keep a session-wide sync Playwright open in the main thread,
    # and a second one cannot start there ("Sync API inside the asyncio loop"): run in a thread.
    import threading

    failure: list[BaseException] = []

    def run() -> None:
        try:
            _query_page_in_chromium(server)
        except BaseException as error:  # re-raised in the test's own thread
            failure.append(error)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(180)
    assert not worker.is_alive(), "the browser test did not finish in 180 s"
    if failure:
        raise failure[0]


def _query_page_in_chromium(server) -> None:
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"])
        try:
            page = browser.new_page()
            page.on("request", lambda req: requests.append(req.url))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(server.url + "/")
            page.wait_for_selector(".yasqe .CodeMirror")
            tabs = page.eval_on_selector_all("[role=tab]", "els => els.map(e => e.textContent)")
            assert len(tabs) == len(list(EXAMPLES_DIR.glob("*.rq")))
            page.click(".yasqe_queryButton")
            page.wait_for_selector(".yasr table tbody tr", timeout=15000)
            assert page.locator(".yasr table tbody tr").count() > 0
        finally:
            browser.close()
    assert all(u.startswith(server.url + "/") or u.startswith("data:") for u in requests), requests
    assert any(u.endswith("/query") for u in requests)
    assert errors == []


# ------------------------------------------------------------------ processes

def test_sigterm_to_kg_serve_alone_stops_its_oxigraph(build):
    s = Server(build)
    try:
        kids = _children(s.proc.pid)
        assert kids, "kg serve started no oxigraph process"
        s.proc.send_signal(signal.SIGTERM)  # the kg process only, not the group
        assert s.proc.wait(15) == 0
        deadline = time.monotonic() + 10
        while any(Path(f"/proc/{k}").exists() for k in kids) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(Path(f"/proc/{k}").exists() and "zombie" not in
                       Path(f"/proc/{k}/status").read_text().lower() for k in kids)
        with pytest.raises(httpx.HTTPError):
            httpx.get(s.url + "/", timeout=2)
    finally:
        s.stop()


def test_serve_binds_loopback_by_default(server):
    # /proc/net/tcp: local address as hex IP:port; state 0A is LISTEN; 0100007F is 127.0.0.1.
    listening = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            ip, port = local.rsplit(":", 1)
            if state == "0A" and int(port, 16) == server.port:
                listening.append(ip)
    assert listening == ["0100007F"]


def test_serve_without_store_uses_graph_trig(tmp_path, build, expected):
    folder = tmp_path / "trig_only"
    folder.mkdir()
    (folder / "graph.trig").write_bytes((build / "graph.trig").read_bytes())
    s = Server(folder)
    try:
        r = httpx.get(s.url + "/query", params={"query": PERSONS},
                      headers={"accept": "application/sparql-results+json"})
        assert _json_rows(r.json()) == expected
    finally:
        s.stop()
    assert not (folder / "store").exists()  # serving does not write into the build


def test_serve_missing_build_is_one_line_error(tmp_path):
    r = subprocess.run([sys.executable, "-m", "kg.cli", "serve", str(tmp_path)],
                       capture_output=True, text=True, timeout=30)
    assert r.returncode == 1
    assert r.stderr.strip().count("\n") == 0 and str(tmp_path) in r.stderr
