"""Browser tests of the staff console. The browser, axe-core, the contrast check and screenshots are shared with
the citizen portal's tests in ``e2e/conftest.py``; here: a desktop-sized viewport."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def browser_context_args():
    return {"locale": "id-ID", "viewport": {"width": 1280, "height": 900}, "timezone_id": "Asia/Makassar"}
