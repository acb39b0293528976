"""Fixtures for the channel tests: a clean cache (flood counters), uploads in a temporary directory, and the
WhatsApp secrets a test installation would set.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache

from lapor.channels.conversation import inbound_text

CITIZEN = "+6281234567890"
OTHER = "+6285298765432"


@pytest.fixture(autouse=True)
def _channels_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.LAPOR_WHATSAPP_VERIFY_TOKEN = "verifikasi-rahasia"
    settings.LAPOR_WHATSAPP_APP_SECRET = "app-secret-uji"
    settings.LAPOR_WHATSAPP_TOKEN = "token-graph-uji"
    settings.LAPOR_SMS_SENDER = "1708"
    cache.clear()
    yield
    cache.clear()


class Texter:
    """Sends SMS-style messages to the conversation service with fresh message IDs."""

    def __init__(self, channel: str = "sms") -> None:
        self.channel = channel
        self.count = 0

    def __call__(self, text: str, *, sender: str = CITIZEN, message_id: str | None = None, **kwargs):
        self.count += 1
        return inbound_text(
            channel=self.channel,
            sender=sender,
            text=text,
            message_id=message_id or f"{self.channel}-test-{self.count}",
            **kwargs,
        )


@pytest.fixture
def sms():
    return Texter("sms")


@pytest.fixture
def wa():
    return Texter("whatsapp")
