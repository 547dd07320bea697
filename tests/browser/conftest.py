"""Fixtures for the explorer's browser tests: Debian's Chromium driven by Playwright, offline.

The tests skip (with the reason) only when /usr/bin/chromium is missing; CI
installs it with apt (.ci/run).  Playwright never downloads a browser here.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing (apt-get install chromium); explorer browser tests need it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


def wait_until(page, expression: str, seconds: float) -> None:
    """Poll a condition with page.evaluate: wait_for_function would build its predicate with
    eval, which the page's Content-Security-Policy (rightly) refuses."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise TimeoutError(f"not true after {seconds} s: {expression}")
        page.wait_for_timeout(50)


class Explorer:
    """One explorer page opened from file:// in a fresh offline context, with what it logged."""

    def __init__(self, browser, path: Path):
        self.context = browser.new_context(offline=True, viewport={"width": 1400, "height": 900},
                                           accept_downloads=True)
        self.page = self.context.new_page()
        self.console: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.console.append((m.type, m.text)))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.as_uri())
        wait_until(self.page, "window.kgExplorer && kgExplorer.timing.settled !== null", 30)
        self.data = self.page.evaluate("JSON.parse(document.getElementById('kg-data').textContent)")

    def node_id(self, label: str, kind: str | None = None) -> int:
        kinds = self.data["meta"]["kinds"]
        ids = [i for i, n in enumerate(self.data["nodes"])
               if n["l"] == label and (kind is None or kinds[n["k"]] == kind)]
        assert len(ids) == 1, (label, ids)
        return ids[0]

    def ids_of_kind(self, kind: str) -> set[int]:
        k = self.data["meta"]["kinds"].index(kind)
        return {i for i, n in enumerate(self.data["nodes"]) if n["k"] == k}

    def drawn(self) -> set[int]:
        """Ids of the nodes the network holds now (filtered-out nodes are not in it)."""
        return {int(k) for k in self.page.evaluate("Object.keys(network.getPositions())")}

    def search_box(self):
        """The contract's search box: first visible input that is type=search or says search/tìm."""
        handle = self.page.evaluate_handle("""() => [...document.querySelectorAll('input')].find((el) => {
            const r = el.getBoundingClientRect(), st = getComputedStyle(el);
            if (!r.width || !r.height || st.visibility === 'hidden' || st.display === 'none') return false;
            const words = [el.id, el.name, el.placeholder, el.getAttribute('aria-label')]
                .map((v) => (v || '').toLowerCase()).join(' ');
            return el.type === 'search' || words.includes('search') || words.includes('tìm');
        })""")
        return handle.as_element()

    def search(self, text: str) -> list[int]:
        box = self.search_box()
        box.fill(text)
        box.press("Enter")
        return sorted(self.page.evaluate("network.getSelectedNodes()"))

    def click_node(self, node: int) -> None:
        """A real mouse click on the node's position on the canvas."""
        self.page.evaluate(f"network.focus({node}, {{scale: 1.5, animation: false}})")
        point = self.page.evaluate(f"network.canvasToDOM(network.getPositions([{node}])[{node}])")
        box = self.page.locator("#graph canvas").bounding_box()
        self.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])

    def console_errors(self) -> list[str]:
        return [text for kind, text in self.console if kind == "error"] + self.errors

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="session")
def sample_html(tmp_path_factory) -> Path:
    from explorer_sample import sample_dataset

    from kg.viz import render_explorer

    path = tmp_path_factory.mktemp("explorer") / "explorer.html"
    path.write_text(render_explorer(sample_dataset()), encoding="utf-8")
    return path


@pytest.fixture
def explorer(browser, sample_html):
    ex = Explorer(browser, sample_html)
    yield ex
    ex.close()


@pytest.fixture
def open_explorer(browser):
    opened = []

    def _open(path: Path) -> Explorer:
        ex = Explorer(browser, path)
        opened.append(ex)
        return ex

    yield _open
    for ex in opened:
        ex.close()
