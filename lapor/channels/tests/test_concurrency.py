"""A gateway that delivers the same message twice at the same moment still gets one report and one answer
(PostgreSQL, two connections; SQLite serialises writers with IMMEDIATE transactions).
"""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, connections

from conftest import bring_to, build_world
from lapor.channels import conversation
from lapor.channels.models import InboundMessage
from lapor.channels.tests.conftest import CITIZEN
from lapor.reports.models import Report, ReportEvent

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers are a PostgreSQL matter"),
]


def _twice_at_once(monkeypatch, text: str, message_id: str) -> list:
    # Widen the race: both deliveries pass the replay check before either has stored anything.
    act = conversation._act
    monkeypatch.setattr(conversation, "_act", lambda msg: (time.sleep(0.2), act(msg))[1])
    barrier = threading.Barrier(2)
    results = []

    def deliver():
        try:
            barrier.wait()
            results.append(conversation.inbound_text(channel="sms", sender=CITIZEN, text=text, message_id=message_id))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=deliver) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return results


def test_simultaneous_retries_file_one_report_with_one_answer(monkeypatch):
    build_world()
    results = _twice_at_once(monkeypatch, "KOTKUPANG jalan rusak di depan SD Inpres Oebobo", "kannel-dup")
    assert len(results) == 2 and results[0].reply_text == results[1].reply_text
    assert sorted(r.replayed for r in results) == [False, True]
    assert Report.objects.count() == 1 and InboundMessage.objects.count() == 1


def test_simultaneous_retries_of_a_reply_thread_it_once(monkeypatch):
    world = build_world()
    report = bring_to(world, "followed_up", reporter_phone=CITIZEN)
    results = _twice_at_once(monkeypatch, "Belum ada perbaikan sampai hari ini.", "kannel-dup-2")
    assert len(results) == 2 and results[0].reply_text == results[1].reply_text
    assert ReportEvent.objects.filter(report=report, kind="replied").count() == 1
