"""``/channels/sms/kannel``: what smsbox's get-url (and post-url) gets back, for good and bad input."""

from __future__ import annotations

import urllib.parse

import pytest

from conftest import bring_to
from lapor.channels.models import InboundMessage
from lapor.channels.tests.conftest import CITIZEN
from lapor.reports.models import Report

pytestmark = pytest.mark.django_db
URL = "/channels/sms/kannel"


def kannel_get(client, text, *, sender=CITIZEN, message_id="9b0c5f6e-0d1e-4a55-9e0b-8f0a5c3f1d01", **extra):
    params = {"from": sender, "to": "1708", "text": text, "ts": "2026-11-02 01:00:00", "id": message_id, **extra}
    return client.get(URL + "?" + urllib.parse.urlencode(params))


def test_get_url_files_the_report_and_answers_with_the_tracking_id(world, client):
    response = kannel_get(client, "KOTKUPANG jalan rusak di depan SD Inpres Oebobo")
    report = Report.objects.get()
    assert response.status_code == 200 and response["Content-Type"] == "text/plain; charset=utf-8"
    assert report.tracking_id in response.content.decode() and report.intake_agency == world.kupang
    stored = InboundMessage.objects.get()
    assert stored.received_at.isoformat() == "2026-11-02T01:00:00+00:00" and stored.recipient == "1708"


def test_post_url_reads_the_text_from_the_body(world, client):
    query = urllib.parse.urlencode({"from": CITIZEN, "to": "1708", "ts": "2026-11-02 01:00:00", "id": "p-1"})
    text = "KOTKUPANG air PDAM tidak mengalir ke rumah kami sejak Senin " * 30
    response = client.post(
        f"{URL}?{query}",
        data=text.encode(),
        content_type='text/plain; charset="UTF-8"',
        HTTP_X_KANNEL_CODING="0",
    )
    report = Report.objects.get()
    assert response.status_code == 200 and report.tracking_id in response.content.decode()
    assert report.body_original == text.strip().removeprefix("KOTKUPANG ").strip()


def test_ucs2_text_forwarded_without_recoding_is_decoded(world, client):
    text = "Jalan rusak di Oebobo 🚧 sudah lama"
    raw = urllib.parse.quote_from_bytes(text.encode("utf-16-be"))
    query = f"from=%2B6281234567890&to=1708&id=u-1&coding=2&charset=UTF-16BE&text={raw}"
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert Report.objects.get().body_original == text


def test_a_gateway_retry_gets_the_same_answer_and_files_nothing_new(world, client):
    first = kannel_get(client, "KOTKUPANG jalan rusak di Oebobo sejak dua minggu")
    second = kannel_get(client, "KOTKUPANG jalan rusak di Oebobo sejak dua minggu")
    assert first.content == second.content and Report.objects.count() == 1


def test_without_a_message_id_the_time_and_text_identify_a_retry(world, client):
    params = {"from": CITIZEN, "to": "1708", "text": "Jalan rusak di Oebobo sejak lama", "ts": "2026-11-02 01:00:00"}
    client.get(URL + "?" + urllib.parse.urlencode(params))
    client.get(URL + "?" + urllib.parse.urlencode(params))
    assert Report.objects.count() == 1


def test_empty_sms_gets_help_and_nothing_is_stored(world, client):
    response = kannel_get(client, "")
    assert response.status_code == 200 and "KATAKUNCI" in response.content.decode()
    assert not Report.objects.exists() and not InboundMessage.objects.exists()


def test_a_10_kb_sms_is_refused_clearly_and_nothing_is_stored(world, client):
    response = kannel_get(client, "KOTKUPANG " + "jalan rusak berlubang " * 480)
    assert response.status_code == 200 and "terlalu panjang" in response.content.decode()
    assert not Report.objects.exists() and not InboundMessage.objects.exists()


def test_cek_round_trip(world, client):
    report = bring_to(world, "disposed", reporter_phone=CITIZEN)
    response = kannel_get(client, f"CEK {report.tracking_id}", message_id="c-1")
    assert "Terdisposisi" in response.content.decode() and "Dinas Kesehatan Kota Kupang" in response.content.decode()


def test_the_shared_secret_is_required_when_configured(world, client, settings):
    settings.LAPOR_KANNEL_GETURL_TOKEN = "rahasia-kannel"
    assert kannel_get(client, "KOTKUPANG jalan rusak di Oebobo").status_code == 403
    assert kannel_get(client, "KOTKUPANG jalan rusak di Oebobo", token="salah").status_code == 403
    assert not Report.objects.exists()
    assert kannel_get(client, "KOTKUPANG jalan rusak di Oebobo", token="rahasia-kannel").status_code == 200
    assert Report.objects.count() == 1


def test_a_request_without_sender_is_a_clear_400(world, client):
    response = client.get(URL + "?text=halo")
    assert response.status_code == 400 and "from" in response.content.decode()
    assert client.put(URL).status_code == 405


def test_the_kannel_endpoint_adds_no_query_of_its_own(world, client, monkeypatch, django_assert_max_num_queries):
    """The SMS hot path: beyond ``report_submit``, one transaction (a savepoint in tests) and the unique insert of
    the inbound message, which is also what recognises a gateway's retry. The flood counter costs no query.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from lapor.reports import services as rs

    kannel_get(client, "KOTKUPANG pemanasan: lampu jalan mati di Oebobo", sender="+6285298765432", message_id="w")
    inside = []
    real = rs.report_submit

    def spy(**kwargs):
        with CaptureQueriesContext(connection) as inner:
            result = real(**kwargs)
        inside.append(len(inner.captured_queries))
        return result

    monkeypatch.setattr(rs, "report_submit", spy)
    with CaptureQueriesContext(connection) as queries:
        assert kannel_get(client, "KOTKUPANG jalan rusak di depan SD Inpres", message_id="b-1").status_code == 200
    assert len(queries.captured_queries) - sum(inside) <= 3
    with django_assert_max_num_queries(6):  # Kannel's retry: answered from the stored reply
        assert "diterima" in kannel_get(client, "KOTKUPANG jalan rusak di depan SD Inpres", message_id="b-1").text
    report = bring_to(world, "disposed", reporter_phone=CITIZEN)
    with django_assert_max_num_queries(8):
        assert report.tracking_id in kannel_get(client, f"CEK {report.tracking_id}", message_id="b-2").text
