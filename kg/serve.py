"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over a build, with a query page.

Two real servers, one process group:

* the Oxigraph server (``oxigraph serve-read-only``, the Rust binary of the
  PyPI package ``oxigraph``) evaluates queries on DIR/store, bound to a private
  loopback port; it is started read-only and with ``--timeout-s``, which
  cancels a query in the engine when the time limit is reached;
* uvicorn runs ``SparqlApp`` (a small ASGI app) on the public address. It is the
  only way in: it serves the query page and its vendored files from a fixed
  list, forwards only queries to Oxigraph, refuses every update with 403,
  enforces the result-size limit (rows and bytes) and negotiates the result
  format (SPARQL JSON, XML, CSV, TSV; Turtle, N-Triples, RDF/XML).

The Oxigraph child gets SIGTERM when ``kg serve`` dies (PR_SET_PDEATHSIG), is
stopped when ``kg serve`` stops, and shares its process group, so ending the
group ends both.
"""
from __future__ import annotations

import asyncio
import html
import json
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import parse_qs

import httpx
import pyoxigraph as ox

from .errors import KGError
from .store import has_store, store_path, write_store

DEFAULT_PORT = 7878
MAX_REQUEST_BYTES = 1_000_000  # a query longer than this is not a query people write
UPSTREAM_ACCEPT = "application/sparql-results+json, application/n-triples"
_CANCELLED = b"The SPARQL operation has been cancelled"  # what Oxigraph writes at --timeout-s


ASSETS = Path(__file__).resolve().parent / "serve_assets"
EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "ontology" / "queries" / "examples"
RESULT_FORMATS = {  # key: (media type, pyoxigraph format)
    "json": ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    "xml": ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    "csv": ("text/csv", ox.QueryResultsFormat.CSV),
    "tsv": ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
}
RDF_FORMATS = {
    "turtle": ("text/turtle", ox.RdfFormat.TURTLE),
    "ntriples": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    "rdfxml": ("application/rdf+xml", ox.RdfFormat.RDF_XML),
}
_ALIASES = {"application/json": "json", "application/xml": "xml", "text/xml": "xml",
            "text/plain": "ntriples", "application/x-turtle": "turtle", "text/n3": "turtle"}
_SECURITY_HEADERS = {"x-content-type-options": "nosniff", "referrer-policy": "no-referrer",
                     "x-frame-options": "DENY"}
# The page loads nothing from elsewhere: scripts, styles and requests stay on this server.
_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


class Response:
    """A complete HTTP response (status, body, media type, headers)."""

    def __init__(self, status: int, body: bytes, mime: str, headers: dict | None = None,
                 page: bool = False):
        self.status, self.body, self.mime = status, body, mime
        self.headers = dict(_SECURITY_HEADERS, **(headers or {}))
        if page:
            self.headers["content-security-policy"] = _CSP

    @classmethod
    def text(cls, status: int, message: str, headers: dict | None = None) -> "Response":
        return cls(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8", headers)

    async def send(self, send, head_only: bool = False) -> None:
        headers = [(b"content-type", self.mime.encode()),
                   (b"content-length", str(len(self.body)).encode())]
        headers += [(k.encode(), v.encode()) for k, v in self.headers.items()]
        await send({"type": "http.response.start", "status": self.status, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if head_only else self.body})


def negotiate(accept: str, fmt_param: str | None, graph: bool) -> tuple[str, str]:
    """(media type, format key) for the client: ?format= first, then Accept by q-value."""
    table = RDF_FORMATS if graph else RESULT_FORMATS
    by_mime = {mime: key for key, (mime, _) in table.items()}
    by_mime.update({m: k for m, k in _ALIASES.items() if k in table})
    if fmt_param:
        key = fmt_param if fmt_param in table else by_mime.get(fmt_param.lower())
        if key:
            return table[key][0], key
    ranked = []
    for i, part in enumerate(accept.split(",")):
        bits = [b.strip() for b in part.split(";")]
        q = 1.0
        for b in bits[1:]:
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        ranked.append((-q, i, bits[0].lower()))
    for negq, _, mime in sorted(ranked):
        if negq < 0 and mime in by_mime:
            return table[by_mime[mime]][0], by_mime[mime]
    # Nothing we serve was asked for (or */*): the format's default rather than a 406,
    # because many clients send one Accept header for every query form.
    key = "turtle" if graph else "json"
    return table[key][0], key


def static_files() -> dict[str, tuple[bytes, str]]:
    """The served files: a fixed list read at start, so no request path reaches the disk."""
    types = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
    return {p.name: (p.read_bytes(), types[p.suffix]) for p in sorted(ASSETS.iterdir())
            if p.suffix in types}


def example_queries(examples_dir: Path | None = None) -> list[dict[str, str]]:
    """Each example .rq: its name, title (first comment line) and text."""
    out = []
    for p in sorted((examples_dir or EXAMPLES_DIR).glob("*.rq")):
        text = p.read_text(encoding="utf-8")
        first = next((ln.lstrip("# ").strip() for ln in text.splitlines() if ln.startswith("#")), "")
        out.append({"name": p.stem, "title": first or p.stem, "query": text})
    return out


def query_page(title: str, examples_dir: Path | None = None) -> str:
    """The query page: Yasgui on /query, a tab per example; every string escaped."""
    examples = example_queries(examples_dir)
    config = json.dumps({"endpoint": "/query", "examples": examples}, ensure_ascii=False)
    # JSON inside <script> must not contain "</script" or "<!--": escape <, > and &.
    config = config.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    items = "\n".join(f'<li><a href="#" data-example="{i}">{html.escape(e["name"])}</a> — '
                      f'{html.escape(e["title"])}</li>' for i, e in enumerate(examples))
    values = {"title": html.escape(title), "examples": items, "config": config}
    template = (ASSETS / "index.html").read_text(encoding="utf-8")
    # One pass, so a value that contains "{{...}}" is never substituted again.
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], template)


class Limits:
    """Per-query limits: seconds of evaluation, rows (or triples) and bytes of the result."""

    def __init__(self, timeout_s: float = 10.0, max_rows: int = 100_000,
                 max_bytes: int = 200_000_000):
        self.timeout_s = timeout_s
        self.max_rows = max_rows
        self.max_bytes = max_bytes


def _convert(body: bytes, upstream_type: str, accept: str, fmt_param: str | None,
             limits: Limits) -> Response:
    """Check the upstream result against the limits and re-serialise it as the client asks."""
    graph = upstream_type.startswith("application/n-triples")
    try:
        if graph:
            triples = list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
            n = len(triples)
        else:
            parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
            n = 1 if isinstance(parsed, ox.QueryBoolean) else sum(1 for _ in parsed)
    except SyntaxError:
        # Oxigraph streams results, so a query cancelled by --timeout-s ends in a broken body.
        if b"cancelled" in body[-200:]:
            return _timeout_response(limits)
        return Response.text(502, "the query engine returned a result that could not be read")
    if n > limits.max_rows:
        return Response.text(400, f"the result has more than {limits.max_rows} "
                                  f"{'triples' if graph else 'rows'}, this endpoint's limit; "
                                  f"add a LIMIT")
    mime, key = negotiate(accept, fmt_param, graph)
    if graph:
        if key == "ntriples":
            return Response(200, body, mime)
        data = ox.serialize(triples, format=RDF_FORMATS[key][1], prefixes=_PREFIXES
                            if key == "turtle" else None)
        return Response(200, data, mime)
    if key == "json":
        return Response(200, body, mime)
    parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    return Response(200, parsed.serialize(format=RESULT_FORMATS[key][1]), mime)


_PREFIXES = {"schema": "http://schema.org/", "kg": "https://w3id.org/vnfriendship/ontology#",
             "org": "http://www.w3.org/ns/org#",
             "prov": "http://www.w3.org/ns/prov#", "skos": "http://www.w3.org/2004/02/skos/core#",
             "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
             "xsd": "http://www.w3.org/2001/XMLSchema#"}


def _timeout_response(limits: Limits) -> Response:
    return Response.text(503, f"the query ran longer than {limits.timeout_s:g} s, this "
                              f"endpoint's time limit")


def _refused() -> Response:
    return Response.text(403, "this endpoint is read-only: SPARQL updates are refused")


class SparqlApp:
    """The ASGI app: query page, vendored files, /query (read-only), 403 for every update."""

    def __init__(self, upstream: str, limits: Limits, title: str = "kg",
                 examples_dir: Path | None = None):
        self.upstream = upstream.rstrip("/") + "/query"
        self.limits = limits
        self.page = query_page(title, examples_dir).encode("utf-8")
        self.files = static_files()
        self._client: httpx.AsyncClient | None = None

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "lifespan":
            return await self._lifespan(receive, send)
        if scope["type"] != "http":
            return
        response = await self.handle(scope, receive)
        await response.send(send, head_only=scope["method"] == "HEAD")

    async def _lifespan(self, receive, send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                if self._client is not None:
                    await self._client.aclose()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def handle(self, scope, receive) -> Response:
        method, path = scope["method"], scope["path"]
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        params = parse_qs(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        ctype = headers.get("content-type", "").split(";")[0].strip().lower()
        body = b""
        if method == "POST":
            body = await _read_body(receive, MAX_REQUEST_BYTES)
            if body is None:
                return Response.text(413, f"request body larger than {MAX_REQUEST_BYTES} bytes")
        form = {}
        if ctype == "application/x-www-form-urlencoded":
            form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
        # Read-only everywhere: an update is refused whatever the path.
        if "update" in params or "update" in form or ctype == "application/sparql-update" \
                or path.rstrip("/") == "/update":
            return _refused()
        if path == "/query" or path == "/sparql":
            if method not in ("GET", "POST", "HEAD"):
                return Response.text(405, "use GET or POST", {"allow": "GET, POST"})
            return await self.query(method, ctype, params, form, body, headers)
        if method not in ("GET", "HEAD"):
            return Response.text(405 if path in ("/", "/index.html") else 404,
                                 "not found" if path not in ("/", "/index.html")
                                 else "use GET", {"allow": "GET"})
        if path in ("/", "/index.html"):
            return Response(200, self.page, "text/html; charset=utf-8", page=True)
        if path.startswith("/assets/") and path[len("/assets/"):] in self.files:
            data, mime = self.files[path[len("/assets/"):]]
            return Response(200, data, mime, {"cache-control": "max-age=3600"})
        return Response.text(404, "not found")

    async def query(self, method: str, ctype: str, params: dict, form: dict, body: bytes,
                    headers: dict) -> Response:
        if method == "POST" and ctype == "application/sparql-query":
            queries = [body.decode("utf-8", "replace")]
        elif method == "POST" and ctype == "application/x-www-form-urlencoded":
            queries = form.get("query", [])
        elif method == "POST":
            return Response.text(415, "POST a query as application/sparql-query or as the "
                                      "form field query= (application/x-www-form-urlencoded)")
        else:
            queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            return Response.text(400, "exactly one query= parameter is required")
        fields = {"query": queries[0]}
        for name in ("default-graph-uri", "named-graph-uri"):
            values = params.get(name, []) + form.get(name, [])
            if values:
                fields[name] = values
        fmt_param = (params.get("format") or form.get("format") or [None])[0]
        if self._client is None:
            self._client = httpx.AsyncClient(timeout=self.limits.timeout_s + 10)
        try:
            # Wall-clock limit of the whole exchange: Oxigraph's own --timeout-s cancels the
            # evaluation but not a long stream of results, nor always closes the stream.
            got = await asyncio.wait_for(self._fetch(fields), self.limits.timeout_s + 1)
        except (asyncio.TimeoutError, httpx.TimeoutException):
            return _timeout_response(self.limits)
        except httpx.HTTPError as error:
            return Response.text(502, f"query engine unavailable: {type(error).__name__}")
        if isinstance(got, Response):
            return got
        status, up_type, data = got
        if status != 200:
            text = data.decode("utf-8", "replace")
            if "cancelled" in text:
                return _timeout_response(self.limits)
            return Response.text(400 if 400 <= status < 500 else 502, text)
        return await asyncio.to_thread(_convert, data, up_type,
                                       headers.get("accept", ""), fmt_param, self.limits)

    async def _fetch(self, fields: dict) -> tuple[int, str, bytes] | Response:
        """POST the query to Oxigraph; the whole result, or an error response at a limit."""
        async with self._client.stream("POST", self.upstream, data=fields,
                                       headers={"accept": UPSTREAM_ACCEPT}) as up:
            data = bytearray()
            async for chunk in up.aiter_bytes():
                data.extend(chunk)
                if len(data) > self.limits.max_bytes:
                    return Response.text(400, f"the result is larger than "
                                              f"{self.limits.max_bytes} bytes, this "
                                              f"endpoint's limit; add a LIMIT")
                if _CANCELLED in data[-len(chunk) - len(_CANCELLED):]:
                    return _timeout_response(self.limits)
            return up.status_code, up.headers.get("content-type", ""), bytes(data)


async def _read_body(receive, limit: int) -> bytes | None:
    body = bytearray()
    while True:
        message = await receive()
        body.extend(message.get("body", b""))
        if len(body) > limit:
            return None
        if not message.get("more_body"):
            return bytes(body)


# ---------------------------------------------------------------- processes

def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).is_file():
        raise KGError("the oxigraph server binary is missing (pip install oxigraph)")
    return found


def _die_with_parent() -> None:
    """In the child: get SIGTERM when the parent dies, even by SIGKILL (Linux only)."""
    try:
        import ctypes
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def start_oxigraph(location: Path, port: int, timeout_s: float) -> subprocess.Popen:
    """Start `oxigraph serve-read-only` on 127.0.0.1:port and wait until it answers."""
    from .store import has_union_graph, open_read_only

    # A store written by kg holds the union in its default graph; an older one needs the option.
    union = [] if has_union_graph(open_read_only(location)) else ["--union-default-graph"]
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen(
        [oxigraph_binary(), "serve-read-only", "--location", str(location),
         "--bind", f"127.0.0.1:{port}", "--timeout-s", str(max(1, round(timeout_s))), *union],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log,
        preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            raise KGError(f"oxigraph server exited: {log.read().decode('utf-8', 'replace')[-300:]}")
        try:
            r = httpx.get(f"http://127.0.0.1:{port}/query", params={"query": "ASK {}"},
                          timeout=1)
            if r.status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    stop_process(proc)
    raise KGError("oxigraph server did not start within 30 s")


def stop_process(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _sigterm_to_exit(signum, frame) -> None:
    raise SystemExit(0)


def serve(out_dir: str | Path, host: str = "127.0.0.1", port: int = DEFAULT_PORT,
          limits: Limits | None = None) -> None:
    """Serve a build in the foreground until SIGTERM or Ctrl-C."""
    import uvicorn

    out_dir = Path(out_dir)
    limits = limits or Limits()
    tmp = None
    if has_store(out_dir):
        location = store_path(out_dir)
    elif (out_dir / "graph.trig").is_file():
        # An older build without DIR/store: a private store, removed on exit; the build is untouched.
        tmp = Path(tempfile.mkdtemp(prefix="kg-serve-"))
        location = tmp / "store"
        write_store(location, trig_path=out_dir / "graph.trig")
    else:
        raise KGError(f"{out_dir}: no store and no graph.trig (run `kg build` first)")
    # uvicorn re-raises SIGTERM after its graceful shutdown; this handler turns it into
    # SystemExit so the finally below stops the Oxigraph child.
    signal.signal(signal.SIGTERM, _sigterm_to_exit)
    proc = None
    try:
        proc = start_oxigraph(location, free_port(), limits.timeout_s)
        upstream = f"http://127.0.0.1:{proc.args[proc.args.index('--bind') + 1].split(':')[1]}"
        app = SparqlApp(upstream, limits, title=out_dir.resolve().name)
        config = uvicorn.Config(app, host=host, port=port, log_level="warning",
                                lifespan="on", access_log=False)
        print(f"kg: serving {out_dir} at http://{host}:{port}/ (SPARQL endpoint "
              f"http://{host}:{port}/query, read-only); stop with Ctrl-C or SIGTERM",
              file=sys.stderr, flush=True)
        server = uvicorn.Server(config)
        server.run()
        if not server.started:
            raise KGError(f"could not listen on {host}:{port}")
    finally:
        if proc is not None:
            stop_process(proc)
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
