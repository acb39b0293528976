"""Following a report: the private link, the reporter's actions, attachments, and what outsiders get (404)."""

from __future__ import annotations

import pytest
from django.test import Client

from conftest import bring_to, reporter_of
from lapor.reports.models import Report
from lapor.reports.services.attachments import attachment_add

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path


def link(report: Report) -> str:
    return f"/lapor/{report.tracking_id}/?t={report.access_token}"


def test_private_link_shows_everything_and_is_remembered(client, world):
    report = bring_to(world, "submitted", is_secret=True, is_anonymous=True)
    response = client.get(link(report))
    html = response.content.decode()
    assert response.status_code == 200 and "Anda membuka laporan Anda sendiri" in html
    assert report.body_original in html and "Maria Ndun" in html
    assert response["Cache-Control"] == "private, no-store" and "noindex" in response["X-Robots-Tag"]
    # The session now holds the token: the plain address works for this browser (and only this one).
    assert "Anda membuka laporan Anda sendiri" in client.get(f"/lapor/{report.tracking_id}/").content.decode()
    assert Client().get(f"/lapor/{report.tracking_id}/").status_code == 404


@pytest.mark.parametrize("flags", [{"is_secret": True}, {}])
def test_public_cannot_find_secret_or_unverified_reports(client, world, flags):
    report = bring_to(world, "submitted", **flags)
    for url in (f"/lapor/{report.tracking_id}/", f"/lapor/{report.tracking_id}/?t=wrong-token"):
        response = client.get(url)
        assert response.status_code == 404 and "Laporan tidak ditemukan" in response.content.decode()
    assert report.tracking_id not in client.get("/laporan/", {"q": "berlubang"}).content.decode()


def test_secret_report_stays_hidden_after_verification(client, world):
    report = bring_to(world, "followed_up", is_secret=True)
    assert client.get(f"/lapor/{report.tracking_id}/").status_code == 404
    assert report.tracking_id not in client.get("/laporan/").content.decode()
    assert report.tracking_id not in client.get("/").content.decode()
    assert report.tracking_id not in client.get("/instansi/kupang-dinkes/").content.decode()
    # A tracking ID typed in the search box of a secret report finds nothing.
    assert client.get("/laporan/", {"q": report.tracking_id}).status_code == 200


def test_public_view_of_anonymous_report_hides_the_reporter(client, world):
    report = bring_to(world, "followed_up", is_anonymous=True, body="Nama saya Maria Ndun, jalan rusak parah di sini.")
    html = client.get(f"/lapor/{report.tracking_id}/").content.decode()
    assert "Maria Ndun" not in html and "081234567890" not in html and "maria@example.com" not in html
    assert "Tim kami sudah meninjau lokasi" in html  # the public follow-up is there


def test_unknown_and_malformed_tracking_ids_are_404(client, world):
    for tid in ("123", "99999999999", "abc", "1" * 40, "%00"):
        assert client.get(f"/lapor/{tid}/").status_code == 404
    assert client.get("/", {"cek": "  1000 0099 "}).status_code == 302


def test_reply_by_token_in_the_form(client, world):
    report = bring_to(world, "followed_up")
    response = client.post(
        f"/lapor/{report.tracking_id}/tanggapan/", {"t": report.access_token, "reply-message": "Belum diperbaiki."}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "in_progress"
    assert report.events.filter(kind="replied", body="Belum diperbaiki.").exists()


def test_reporter_actions_refuse_strangers_and_wrong_tokens(client, world):
    report = bring_to(world, "followed_up")
    for data in ({}, {"t": "salah"}, {"t": report.access_token[:-1]}):
        assert (
            client.post(f"/lapor/{report.tracking_id}/tanggapan/", {**data, "reply-message": "x y z"}).status_code
            == 404
        )
        assert client.post(f"/lapor/{report.tracking_id}/nilai/", {**data, "rate-rating": "1"}).status_code == 404
    staff = Client()
    staff.force_login(world.users["dinkes_admin"])  # staff may read it, but may not act as the reporter
    assert (
        staff.post(
            f"/lapor/{report.tracking_id}/sanggah/", {"dispute-reason": "Saya tidak puas sama sekali."}
        ).status_code
        == 404
    )
    report.refresh_from_db()
    assert report.status == "followed_up" and report.rating is None


def test_answer_a_tunda_request(client, world):
    report = bring_to(world, "pending_info")
    client.get(link(report))
    html = client.get(f"/lapor/{report.tracking_id}/").content.decode()
    assert "Mohon sebutkan alamat lengkapnya." in html and "Jawab permintaan informasi" in html
    response = client.post(f"/lapor/{report.tracking_id}/informasi/", {"info-message": "Jl. Frans Seda no. 5"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "submitted"


def test_rate_and_dispute(client, world):
    report = bring_to(world, "closed")
    client.get(link(report))
    assert (
        client.post(f"/lapor/{report.tracking_id}/nilai/", {"rate-rating": "4", "rate-comment": ""}).status_code == 302
    )
    report.refresh_from_db()
    assert report.rating == 4
    response = client.post(
        f"/lapor/{report.tracking_id}/sanggah/", {"dispute-reason": "Jalan rusak lagi seminggu kemudian."}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "in_progress" and report.is_unsatisfied


@pytest.mark.parametrize(
    ("path", "data", "message"),
    [
        ("nilai", {"rate-rating": "9"}, "Pilih nilai 1 sampai 5."),
        ("nilai", {"rate-rating": "abc"}, "Pilih nilai 1 sampai 5."),
        ("sanggah", {"dispute-reason": "jelek"}, "Alasan terlalu pendek"),
        ("tanggapan", {"reply-message": ""}, "Tulis pesan Anda."),
        ("tanggapan", {"reply-message": "x" * 6000}, "Pesan terlalu panjang"),
    ],
)
def test_bad_reporter_input_keeps_the_page_and_explains(client, world, path, data, message):
    report = bring_to(world, "followed_up")
    client.get(link(report))
    response = client.post(f"/lapor/{report.tracking_id}/{path}/", data)
    assert response.status_code == 400 and message in response.content.decode()
    report.refresh_from_db()
    assert report.status == "followed_up" and report.rating is None


def test_an_action_the_state_does_not_allow_is_explained(client, world):
    report = bring_to(world, "disposed")
    client.get(link(report))
    response = client.post(f"/lapor/{report.tracking_id}/nilai/", {"rate-rating": "5"})
    assert response.status_code == 400 and "Tidak dapat" in response.content.decode()


def test_reply_with_a_non_image_attachment_changes_nothing(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    report = bring_to(world, "followed_up")
    client.get(link(report))
    fake = SimpleUploadedFile("foto.jpg", b"GIF89a not accepted", content_type="image/jpeg")
    response = client.post(
        f"/lapor/{report.tracking_id}/tanggapan/", {"reply-message": "Ini fotonya.", "reply-attachments": fake}
    )
    assert response.status_code == 400 and "bukan foto" in response.content.decode()
    report.refresh_from_db()
    assert report.status == "followed_up" and report.attachments.count() == 0
    assert "Ini fotonya." in response.content.decode()  # what was typed is still there


def test_attachments_only_through_the_privacy_layer(client, world):
    report = bring_to(world, "followed_up", is_secret=True)
    attachment = attachment_add(report=report, actor=reporter_of(report), data=b"%PDF-1.4\n", filename="surat.pdf")
    url = f"/lampiran/{attachment.pk}/"
    assert Client().get(url).status_code == 404  # public
    assert Client().get(url, {"t": "salah"}).status_code == 404
    other = Client()
    other.force_login(world.users["surabaya_admin"])  # staff outside the owner's subtree
    assert other.get(url).status_code == 404
    response = Client().get(url, {"t": report.access_token})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"] and response["X-Content-Type-Options"] == "nosniff"
    staff = Client()
    staff.force_login(world.users["dinkes_admin"])
    assert staff.get(url).status_code == 200
    client.get(link(report))
    assert client.get(url).status_code == 200  # the session set by the private link
    assert client.get("/lampiran/999999/").status_code == 404


def test_forget_removes_private_access(client, world):
    report = bring_to(world, "submitted")
    client.get(link(report))
    client.post(f"/lapor/{report.tracking_id}/lupakan/")
    assert client.get(f"/lapor/{report.tracking_id}/").status_code == 404


def test_clocks_are_shown_with_their_colour(client, world):
    report = bring_to(world, "disposed")
    html = client.get(f"/lapor/{report.tracking_id}/").content.decode()
    assert "c-green" in html and "Tanggapan pertama" in html and "Masih" in html
