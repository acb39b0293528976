"""Browser tests of the citizen portal: pytest-playwright driving Debian's Chromium against pytest-django's
``live_server``. Nothing is downloaded: the browser is the system's (``LAPOR_CHROMIUM``, default
``/usr/bin/chromium``); the tests skip cleanly when it (or playwright) is missing.
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
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def chromium_available() -> bool:
    return os.path.exists(CHROMIUM) or shutil.which(CHROMIUM) is not None


@pytest.fixture(scope="session")
def browser_type_launch_args():
    """pytest-playwright: launch the system Chromium, never a downloaded browser."""
    if not chromium_available():
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture(scope="session")
def browser_context_args():
    return {"locale": "id-ID", "viewport": {"width": 390, "height": 844}, "timezone_id": "Asia/Makassar"}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """The sync playwright API keeps an event loop running in the test's thread, so Django would refuse the test's
    own (synchronous) ORM calls, including pytest-django's setup and teardown. Allowed for these tests only."""
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


@pytest.fixture
def shots():
    """Save a page at 390 px and 1280 px wide under ``screenshots/`` (git-ignored) for a person to look at."""
    SCREENSHOTS.mkdir(exist_ok=True)

    def take(page, name: str) -> None:
        original = page.viewport_size
        for width in (390, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=str(SCREENSHOTS / f"citizen-{name}-{width}.png"), full_page=True)
        page.set_viewport_size(original)

    return take


AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
PAGE_WEIGHT_LIMIT = 200 * 1024


@pytest.fixture
def axe():
    """Run axe-core (vendored, MPL-2.0) in the page; return the serious and critical violations."""
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


@pytest.fixture
def weigh(live_server, browser):
    """Load a URL in a fresh browser (cold cache, 390 px) and return (bytes transferred, requests, foreign URLs)."""

    def load(path: str) -> tuple[int, int, list[str]]:
        context = browser.new_context(locale="id-ID", viewport={"width": 390, "height": 844})
        page = context.new_page()
        responses = []
        page.on("response", lambda response: responses.append(response))
        page.goto(live_server.url + path, wait_until="networkidle")
        total = 0
        foreign = []
        for response in responses:
            sizes = response.request.sizes()
            total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
            if not response.url.startswith(live_server.url):
                foreign.append(response.url)
        context.close()
        return total, len(responses), foreign

    return load


@pytest.fixture
def page(page):
    """pytest-playwright's page, failing fast (10 s) instead of the default 30 s."""
    page.set_default_timeout(10_000)
    return page
