"""Two transitions on one report at the same moment cannot both win (PostgreSQL, two connections)."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, connections

from conftest import build_world, submit
from lapor.core.errors import IllegalTransition
from lapor.reports import services as rs
from lapor.reports.models import Report
from lapor.reports.services import lifecycle

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks are a PostgreSQL matter; SQLite serialises writers with IMMEDIATE transactions",
    ),
]


def test_two_concurrent_dispositions_one_wins(monkeypatch):
    world = build_world()
    report = submit(world)
    rs.report_verify(report=report, actor=world.actor("nasional"))

    # Widen the race: every transition pauses after reading the state. Without the row lock both threads
    # would read "verified" and both dispose; with it, the second waits and then sees "disposed".
    original = lifecycle.transition_assert

    def slow_assert(action, current):
        target = original(action, current)
        time.sleep(0.3)
        return target

    monkeypatch.setattr(lifecycle, "transition_assert", slow_assert)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def dispose(agency):
        try:
            barrier.wait()
            rs.report_dispose(report=report.pk, actor=world.actor("nasional"), agency=agency)
            outcomes.append("won")
        except IllegalTransition:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=dispose, args=(a,)) for a in (world.kupang, world.surabaya)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["refused", "won"]
    report = Report.objects.get(pk=report.pk)
    assert report.events.filter(kind="disposed").count() == 1
    assert report.owner_agency_id in (world.kupang.pk, world.surabaya.pk)


def test_concurrent_identical_intake_keys_create_one_report():
    world = build_world()
    barrier = threading.Barrier(2)
    results = []

    def file():
        try:
            barrier.wait()
            results.append(submit(world, channel="sms", intake_key="sms:dup-1").pk)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=file) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 2 and len(set(results)) == 1
    assert Report.objects.filter(intake_key="sms:dup-1").count() == 1
