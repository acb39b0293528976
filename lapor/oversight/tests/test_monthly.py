"""The monthly report per agency: the printable page, the command, and e-mail to pimpinan exactly once."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from lapor.core import clock
from lapor.notifications.models import OutboxMessage
from lapor.oversight.models import MonthlyDispatch
from lapor.oversight.tests.conftest import NOW

pytestmark = pytest.mark.django_db


def test_command_sends_to_pimpinan_once(world, dataset):
    out = io.StringIO()
    with clock.frozen(NOW):
        call_command("report", "monthly", "--month", "2026-03", "--send", stdout=out)
        assert "1 reports sent" in out.getvalue()
        mails = OutboxMessage.objects.filter(kind="oversight.monthly")
        assert list(mails.values_list("recipient", flat=True)) == ["walikota@example.go.id"]
        body = mails.get().body
        assert "Pemerintah Kota Kupang" in body and "Laporan masuk: 4" in body  # A-D were disposed to the city
        assert "/dasbor/bulanan/kotkupang/2026-03/" in body
        call_command("report", "monthly", "--month", "2026-03", "--send", stdout=io.StringIO())
    assert mails.count() == 1 and MonthlyDispatch.objects.count() == 1


def test_command_prints_without_sending(world, dataset):
    out = io.StringIO()
    with clock.frozen(NOW):
        call_command("report", "monthly", "--month", "2026-03", "--agency", "KOTKUPANG", stdout=out)
    assert "Laporan bulanan LAPOR!" in out.getvalue() and "Ditindaklanjuti: 75" in out.getvalue()
    assert not OutboxMessage.objects.filter(kind="oversight.monthly").exists()


def test_periodic_task_sends_last_month(world, dataset):
    from lapor.oversight.tasks import monthly_reports_send

    with clock.frozen(NOW.replace(day=1)):  # 1 April
        monthly_reports_send.call_local()
    assert MonthlyDispatch.objects.get().month.isoformat() == "2026-03-01"


def test_printable_page(client, world, dataset):
    client.force_login(world.users["walikota"])
    with clock.frozen(NOW):
        html = client.get(reverse("oversight:monthly", args=["kotkupang", "2026-03"])).content.decode()
    assert "Pemerintah Kota Kupang" in html and "Dibandingkan bulan sebelumnya" in html
    assert "@media print" not in html and "oversight.css" in html  # print styles come with the stylesheet
    assert "<svg" in html
    assert client.get(reverse("oversight:monthly", args=["kotkupang", "bukan-bulan"])).status_code == 404
