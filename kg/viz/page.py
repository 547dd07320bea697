"""The explorer page: one self-contained HTML file with the data, vis-network and our script inline.

Nothing is fetched: vis-network's standalone build comes from the copy pyvis
ships, our script and style from ``kg/viz/assets``, and the graph is a JSON
document in a ``<script type="application/json">`` element.  Data never
reaches the page as markup: the JSON has ``<``, ``>``, ``&`` and the line
separators escaped (so ``</script>`` in an article cannot close the element),
and the script writes every string with ``textContent`` or as vis-network
canvas labels and plain-text tooltips.  A Content-Security-Policy admits only
the page's own three scripts (by hash), so even injected markup could not run
an inline handler or load anything.

Example:
    >>> safe_json({"t": "</script><b>&"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path



def safe_json(data: object) -> str:
    """JSON that is inert inside a <script> element (no <, >, & or line separators left)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """vis-network's standalone build, as shipped inside the pyvis package."""
    import importlib.util

    # located, not imported: importing pyvis pulls in jinja2 and IPython (about a second)
    spec = importlib.util.find_spec("pyvis")
    if spec is None or spec.origin is None:
        raise RuntimeError("pyvis is not installed: it ships the vis-network script the page needs")
    path = Path(spec.origin).resolve().parent / "lib" / "vis-9.1.2" / "vis-network.min.js"
    text = path.read_text(encoding="utf-8")
    # the map file is not shipped; the comment would only make developer tools look for it
    text = text.replace("//# sourceMappingURL=vis-network.min.js.map", "")
    if "</script" in text.lower():  # would end the inline element early
        raise RuntimeError(f"{path}: cannot be inlined (contains </script)")
    return text


@lru_cache(maxsize=4)
def asset(name: str) -> str:
    return resources.files("kg.viz").joinpath("assets", name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def render_page(payload: dict, title: str) -> str:
    """The whole page around the payload (see kg.viz.payload)."""
    vis_js, css = vis_network_js(), asset("explorer.css")
    panel_js, app_js = asset("panel.js"), asset("explorer.js")
    hashes = " ".join(f"'sha256-{_sha256(js)}'" for js in (vis_js, panel_js, app_js))
    csp = ("default-src 'none'; "
           f"script-src {hashes}; "
           "style-src 'unsafe-inline'; img-src data: blob:; font-src data:")
    body = asset("explorer.html")
    parts = {
        "@@CSP@@": html.escape(csp, quote=True),
        "@@TITLE@@": html.escape(title),
        "@@CSS@@": css,
        "@@DATA@@": safe_json(payload),
        "@@VIS@@": vis_js,
        "@@PANEL@@": panel_js,
        "@@APP@@": app_js,
    }
    # one pass, in order, so a placeholder inside inserted text is never expanded
    out, pos = [], 0
    while True:
        start = body.find("@@", pos)
        if start < 0:
            out.append(body[pos:])
            break
        end = body.find("@@", start + 2) + 2
        key = body[start:end]
        out.append(body[pos:start])
        out.append(parts[key])
        pos = end
    return "".join(out)
