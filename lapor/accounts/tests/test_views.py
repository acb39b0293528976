"""Citizen accounts: sign-up with a code to the phone or e-mail, sign-in, throttling, "my reports"."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache

from conftest import bring_to
from lapor.accounts.models import User
from lapor.agencies.actors import Actor
from lapor.notifications.models import OutboxMessage
from lapor.reports import services as rs

pytestmark = pytest.mark.django_db
PASSWORD = "kata-sandi-panjang-2026"


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def last_code(recipient: str) -> str:
    message = OutboxMessage.objects.filter(recipient=recipient).latest("id")
    return re.search(r"\b(\d{6})\b", message.body).group(1)


def sign_up(client, contact: str, recipient: str) -> None:
    response = client.post(
        "/akun/daftar/", {"contact": contact, "name": "Maria Ndun", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == "/akun/kode/"
    response = client.post("/akun/kode/", {"code": last_code(recipient)})
    assert response.status_code == 302


def test_sign_up_by_phone_with_an_sms_code(client, world):
    sign_up(client, "0812-3456-7891", "+6281234567891")
    user = User.objects.get(phone="+6281234567891")
    assert user.first_name == "Maria" and user.check_password(PASSWORD)
    assert OutboxMessage.objects.filter(channel="sms", recipient="+6281234567891").exists()
    assert client.get("/akun/laporan/").status_code == 200


def test_sign_up_by_email(client, world):
    sign_up(client, "Warga@Example.com", "warga@example.com")
    assert User.objects.filter(email="warga@example.com").exists()


def test_wrong_codes_are_limited(client, world):
    client.post("/akun/daftar/", {"contact": "0812 0000 1111", "password1": PASSWORD, "password2": PASSWORD})
    for _ in range(5):
        response = client.post("/akun/kode/", {"code": "000000"})
        assert "Kode salah" in response.content.decode() or response.status_code == 302
    response = client.post("/akun/kode/", {"code": last_code("+6281200001111")})
    assert response.status_code == 302 and response["Location"] == "/akun/daftar/"
    assert not User.objects.filter(phone="+6281200001111").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"contact": "", "password1": PASSWORD, "password2": PASSWORD}, "Isi nomor HP atau alamat e-mail."),
        ({"contact": "12", "password1": PASSWORD, "password2": PASSWORD}, "Nomor HP tidak valid"),
        ({"contact": "a@b", "password1": PASSWORD, "password2": PASSWORD}, "Alamat e-mail tidak valid."),
        ({"contact": "0812 3456 7000", "password1": PASSWORD, "password2": "lain"}, "Kedua kata sandi tidak sama."),
        ({"contact": "0812 3456 7000", "password1": "pendek", "password2": "pendek"}, "terlalu pendek"),
    ],
)
def test_bad_sign_up_input(client, world, data, message):
    response = client.post("/akun/daftar/", data)
    assert response.status_code == 200 and message in response.content.decode()
    assert not OutboxMessage.objects.filter(kind="account.signup").exists()


def test_an_existing_contact_cannot_sign_up_again(client, world):
    sign_up(client, "0812 3456 7892", "+6281234567892")
    other = client.__class__()
    response = other.post("/akun/daftar/", {"contact": "0812 3456 7892", "password1": PASSWORD, "password2": PASSWORD})
    assert "sudah terdaftar" in response.content.decode()


def test_login_by_phone_and_throttling(client, world):
    sign_up(client, "0812 3456 7893", "+6281234567893")
    client.post("/akun/keluar/")
    response = client.post("/akun/masuk/", {"contact": "+62 812-3456-7893", "password": PASSWORD})
    assert response.status_code == 302
    client.post("/akun/keluar/")
    for _ in range(5):
        response = client.post("/akun/masuk/", {"contact": "081234567893", "password": "salah-salah"})
        assert "salah" in response.content.decode()
    response = client.post("/akun/masuk/", {"contact": "081234567893", "password": PASSWORD})
    assert response.status_code == 200 and "Terlalu banyak percobaan" in response.content.decode()


def test_login_refuses_open_redirects(client, world):
    sign_up(client, "0812 3456 7894", "+6281234567894")
    client.post("/akun/keluar/")
    response = client.post(
        "/akun/masuk/?next=https://jahat.example/", {"contact": "081234567894", "password": PASSWORD}
    )
    assert response["Location"] == "/akun/laporan/"


def test_forgotten_password_does_not_tell_who_has_an_account(client, world):
    sign_up(client, "0812 3456 7895", "+6281234567895")
    client.post("/akun/keluar/")
    unknown = client.__class__().post("/akun/lupa/", {"contact": "0899 9999 9999"})
    known = client.post("/akun/lupa/", {"contact": "0812 3456 7895"})
    assert unknown.status_code == known.status_code == 302 and unknown["Location"] == known["Location"]
    new = "kata-sandi-baru-yang-panjang"
    response = client.post("/akun/kode/", {"code": last_code("+6281234567895"), "password1": new, "password2": new})
    assert response.status_code == 302
    assert User.objects.get(phone="+6281234567895").check_password(new)


def test_my_reports_tabs(client, world):
    warga = world.users["warga"]
    actor = Actor.reporter(user=warga)
    new = rs.report_submit(actor=actor, channel="web", body="Lampu jalan mati di gang kami sejak sebulan.").report
    done = bring_to(world, "closed")
    done.reporter_user = warga  # (set directly: the link comes from filing while signed in)
    done.save(update_fields=["reporter_user"])
    someone_else = bring_to(world, "disposed")
    client.force_login(warga)
    html = client.get("/akun/laporan/").content.decode()
    assert new.tracking_id in html and done.tracking_id in html and someone_else.tracking_id not in html
    assert "Semua (2)" in html and "Belum (1)" in html and "Selesai (1)" in html
    belum = client.get("/akun/laporan/", {"tab": "belum"}).content.decode()
    assert new.tracking_id in belum and done.tracking_id not in belum
    assert client.get("/akun/laporan/", {"tab": "<x>", "page": "z"}).status_code == 200
    # The account itself proves the reporter: the report page offers the reporter's actions without a token.
    assert "Tindakan Anda" in client.get(f"/lapor/{done.tracking_id}/").content.decode()


def test_my_reports_needs_login(client, world):
    response = client.get("/akun/laporan/")
    assert response.status_code == 302 and response["Location"].startswith("/akun/masuk/")


def test_session_ping_reports_and_extends(client, world):
    assert client.get("/akun/sesi/").json() == {"authenticated": False, "remaining": 0}
    client.force_login(world.users["warga"])
    assert client.get("/akun/sesi/").json()["remaining"] > 0
    assert client.post("/akun/sesi/").json()["authenticated"] is True
    html = client.get("/").content.decode()
    assert "data-session-remaining=" in html and 'id="session-warn"' in html
