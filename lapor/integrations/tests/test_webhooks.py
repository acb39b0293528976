"""Outbound delivery end to end against a real HTTP receiver: signed webhooks with delivery ids, retries with
backoff, dead letters, and a worker killed mid-delivery losing nothing."""

from __future__ import annotations

import datetime as dt
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core.management import call_command

from conftest import bring_to
from lapor.core import clock
from lapor.integrations.models import WebhookSubscription
from lapor.integrations.services import apikey_create, webhook_subscribe
from lapor.integrations.webhooks import forget_cached_subscriptions, verify
from lapor.notifications.delivery import STALE_AFTER, outbox_deliver_due
from lapor.notifications.models import OutboxMessage, OutboxStatus
from lapor.reports import services as rs

pytestmark = pytest.mark.django_db


class Receiver:
    """A connected app on loopback: answers with the queued status codes, records what it got."""

    def __init__(self) -> None:
        self.received: list[tuple[object, bytes]] = []
        self.statuses: list[int] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers["Content-Length"]))
                outer.received.append((self.headers, body))
                self.send_response(outer.statuses.pop(0) if outer.statuses else 200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/lapor-hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.close()


@pytest.fixture
def subscription(world, receiver):
    key = apikey_create(agency=world.kupang, name="LaporKupang").key
    sub = webhook_subscribe(key=key, url=receiver.url)
    forget_cached_subscriptions()
    return sub


def webhook_rows():
    return OutboxMessage.objects.filter(channel="webhook")


def test_report_events_in_the_subtree_are_delivered_signed(world, receiver, subscription):
    report = bring_to(world, "disposed")  # ends with an internal disposition to Dinkes (below Kota Kupang)
    assert webhook_rows().exists()
    result = outbox_deliver_due()
    assert result.sent >= 1 and receiver.received
    headers, body = receiver.received[-1]
    assert verify(subscription.secret, headers["X-LAPOR-Signature"], body)
    assert not verify("wrong-secret", headers["X-LAPOR-Signature"], body)
    event = json.loads(body)
    assert event["tracking_id"] == report.tracking_id and event["type"] == "report.internal_disposed"
    assert "Maria" not in body.decode() and "0812" not in body.decode()
    ids = [h["X-LAPOR-Delivery-Id"] for h, _ in receiver.received]
    assert len(ids) == len(set(ids))


def test_other_subtrees_and_internal_notes_send_nothing(world, receiver, subscription):
    rs.report_submit(
        actor=world.actor("surabaya_admin"),
        channel="walkin",
        intake_agency=world.surabaya,
        body="Jalan di Surabaya rusak parah dekat pasar.",
        reporter_name="Siti",
    )
    assert not webhook_rows().exists()
    report = bring_to(world, "disposed")
    before = webhook_rows().count()
    rs.report_add_note(report=report, actor=world.actor("dinkes_admin"), note="Catatan internal saja.")
    assert webhook_rows().count() == before


def test_retries_with_backoff_then_delivers(world, receiver, subscription):
    bring_to(world, "disposed")
    OutboxMessage.objects.exclude(channel="webhook").delete()
    row = webhook_rows().order_by("pk").first()
    webhook_rows().exclude(pk=row.pk).delete()
    receiver.statuses = [503]
    assert outbox_deliver_due().failed == 1
    row.refresh_from_db()
    assert row.status == OutboxStatus.FAILED and row.attempts == 1 and row.next_attempt_at > clock.now()
    assert outbox_deliver_due().sent == 0  # not before its backoff
    with clock.frozen(row.next_attempt_at + dt.timedelta(seconds=1)):
        assert outbox_deliver_due().sent == 1
    row.refresh_from_db()
    assert row.status == OutboxStatus.SENT


def test_permanent_refusal_goes_to_the_dead_letters(world, receiver, subscription):
    bring_to(world, "disposed")
    OutboxMessage.objects.exclude(channel="webhook").delete()
    receiver.statuses = [410] * 10
    result = outbox_deliver_due()
    assert result.dead >= 1
    assert webhook_rows().filter(status=OutboxStatus.DEAD).exclude(last_error="").exists()


def test_a_worker_killed_mid_delivery_loses_nothing(world, receiver, subscription):
    bring_to(world, "disposed")
    OutboxMessage.objects.exclude(channel="webhook").delete()
    # a worker claimed every row and died before sending
    webhook_rows().update(status=OutboxStatus.SENDING, attempts=1, next_attempt_at=clock.now())
    assert outbox_deliver_due().sent == 0  # not yet presumed dead
    with clock.frozen(clock.now() + STALE_AFTER + dt.timedelta(seconds=1)):
        assert outbox_deliver_due().sent == webhook_rows().count()
    assert not webhook_rows().exclude(status=OutboxStatus.SENT).exists()


def test_apikey_webhook_command_prints_the_secret(world, receiver, capsys):
    key = apikey_create(agency=world.kupang, name="Cmd").key
    call_command("apikey", "webhook", key.prefix, receiver.url)
    secret = capsys.readouterr().out.strip()
    assert WebhookSubscription.objects.get(api_key=key).secret == secret
