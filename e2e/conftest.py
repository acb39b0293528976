"""What every browser test shares: pytest-playwright driving Debian's Chromium (never a downloaded browser)
against pytest-django's ``live_server``, and the accessibility checks.

- The browser is the system's (``LAPOR_CHROMIUM``, default ``/usr/bin/chromium``); the tests skip cleanly when it
  (or playwright) is missing.
- ``axe(page)``: the vendored axe-core (``e2e/vendor/axe.min.js``, MPL-2.0); serious and critical violations.
- ``contrast(page)``: WCAG AA text contrast, measured in the page (axe-core reports contrast only as
  "incomplete" in headless Chromium); ``contrast(page, widths=(390, 1280))`` checks at each width.
- ``shots(page, name)``: screenshots at 390 px and 1280 px under ``screenshots/<folder>-<name>-<width>.png``
  (git-ignored): look at them.

Each folder sets its own ``browser_context_args`` (viewport) and keeps its own helpers.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("LAPOR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
WIDTHS = (390, 1280)


def chromium_available() -> bool:
    return os.path.exists(CHROMIUM) or shutil.which(CHROMIUM) is not None


@pytest.fixture(scope="session")
def browser_type_launch_args():
    """pytest-playwright: launch the system Chromium, never a downloaded browser; skip without one."""
    if not chromium_available():
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """The sync playwright API keeps an event loop running in the test's thread, so Django would refuse the test's
    own (synchronous) ORM calls, including pytest-django's set-up and teardown. Allowed for browser tests only."""
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        return (yield)
    finally:
        if before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture(autouse=True)
def _browser_test_env(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.LAPOR_BASE_URL = "http://testserver.invalid"
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def page(page):
    """pytest-playwright's page, failing fast (10 s; ``LAPOR_E2E_TIMEOUT_MS`` on a busy machine) instead of 30 s."""
    page.set_default_timeout(int(os.environ.get("LAPOR_E2E_TIMEOUT_MS", "10000")))
    return page


@pytest.fixture
def shots(request):
    """``shots(page, "inbox")`` saves the page at 390 px and 1280 px as ``screenshots/<folder>-inbox-<width>.png``."""
    SCREENSHOTS.mkdir(exist_ok=True)
    folder = request.path.parent.name

    def take(page, name: str) -> None:
        original = page.viewport_size
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=str(SCREENSHOTS / f"{folder}-{name}-{width}.png"), full_page=True)
        page.set_viewport_size(original)

    return take


@pytest.fixture
def axe():
    """Run axe-core in the page; return the serious and critical violations."""
    source = AXE.read_text(encoding="utf-8")

    def check(page) -> list[dict]:
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            page.add_script_tag(content=source)
        result = page.evaluate(
            """async () => {
                const r = await axe.run(document, {runOnly: {type: 'tag',
                    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}});
                return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
            }"""
        )
        return [v for v in result if v["impact"] in ("serious", "critical")]

    return check


CONTRAST_JS = """() => {
  // WCAG 2 contrast of every visible text against the first opaque background behind it. axe-core reports
  // colour contrast only as "incomplete" in this headless Chromium, so the tests check it themselves.
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  };
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a >= 0.95) return c;
    }
    return {r: 255, g: 255, b: 255, a: 1};
  };
  const bad = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!el || seen.has(el) || !walker.currentNode.textContent.trim()) continue;
    seen.add(el);
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (style.visibility === "hidden" || style.display === "none" || box.width === 0 || box.height === 0) continue;
    if (el.closest("[hidden], .sr-only, .sr, option, script, style, svg")) continue;
    const fg = parse(style.color);
    if (!fg) continue;
    const bg = background(el);
    const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && parseInt(style.fontWeight, 10) >= 700);
    if (ratio < (large ? 3 : 4.5)) {
      bad.push({text: walker.currentNode.textContent.trim().slice(0, 40), ratio: Math.round(ratio * 100) / 100,
                color: style.color, background: `rgb(${bg.r}, ${bg.g}, ${bg.b})`});
    }
  }
  return bad;
}"""


@pytest.fixture
def contrast():
    """Text with too little contrast (WCAG AA: 4.5:1, 3:1 for large text) on the current page; with ``widths``,
    at each of those viewport widths (the layout, and so the colours, may change with the width)."""

    def check(page, widths: tuple[int, ...] | None = None) -> list[dict]:
        if not widths:
            return page.evaluate(CONTRAST_JS)
        original = page.viewport_size
        found = []
        try:
            for width in widths:
                page.set_viewport_size({"width": width, "height": 900})
                found += [{"width": width, **low} for low in page.evaluate(CONTRAST_JS)]
        finally:
            page.set_viewport_size(original)
        return found

    return check
