"""Browser tests of the citizen portal. The browser, axe-core, the contrast check and screenshots are shared with
the console's tests in ``e2e/conftest.py``; here: a phone-sized viewport and the page-weight check."""

from __future__ import annotations

import pytest

PAGE_WEIGHT_LIMIT = 200 * 1024


@pytest.fixture(scope="session")
def browser_context_args():
    return {"locale": "id-ID", "viewport": {"width": 390, "height": 844}, "timezone_id": "Asia/Makassar"}


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
