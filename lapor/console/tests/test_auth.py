"""Console login: password, second factor for admins (TOTP), throttling, temporary passwords, keep-alive."""

from __future__ import annotations

import datetime as dt
import importlib.util

import pyotp
import pytest
from django.test import Client

from lapor.audit.models import AuditEvent
from lapor.console.models import TemporaryPassword, TotpDevice
from lapor.console.otp import totp_enrol_confirm, totp_enrol_start, totp_reset
from lapor.console.services import staff_account_create
from lapor.core import clock
from lapor.core.errors import PermissionDenied, ValidationFailed

pytestmark = pytest.mark.django_db
PASSWORD = "x-test-pass-123"
NOW = dt.datetime(2026, 11, 2, 2, 0, tzinfo=dt.UTC)


def code_for(device: TotpDevice, at: dt.datetime) -> str:
    return pyotp.TOTP(device.secret).at(at)


def enrolled(user, at=NOW) -> TotpDevice:
    with clock.frozen(at - dt.timedelta(minutes=5)):
        device = totp_enrol_start(user=user)
        totp_enrol_confirm(user=user, code=code_for(device, clock.now()))
    device.refresh_from_db()
    return device


def post_login(client: Client, username: str, password: str = PASSWORD, next_url: str = "/konsol/"):
    return client.post("/konsol/masuk/", {"username": username, "password": password, "next": next_url})


def test_login_page_renders_with_labels():
    response = Client().get("/konsol/masuk/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<label for="id_username">' in html and '<label for="id_password">' in html


def test_staff_logs_in_with_password(world):
    client = Client()
    response = post_login(client, "dinkes_penghubung")
    assert response.status_code == 302 and response["Location"] == "/konsol/"
    assert client.get("/konsol/").status_code == 200


def test_wrong_password_is_refused_with_one_message(world):
    response = post_login(Client(), "dinkes_penghubung", "salah-sandi")
    assert response.status_code == 200
    assert "Nama pengguna atau kata sandi salah." in response.content.decode()


def test_a_citizen_account_is_not_let_into_the_console(world):
    client = Client()
    response = post_login(client, "warga")
    assert response.status_code == 200 and "bukan akun petugas" in response.content.decode()
    assert client.get("/konsol/").status_code == 302


def test_admin_without_authenticator_is_asked_to_set_one_up(world):
    client = Client()
    response = post_login(client, "kupang_admin")
    assert response["Location"].startswith("/konsol/akun/autentikator/")
    page = client.get("/konsol/").content.decode()
    assert "belum dilindungi verifikasi dua langkah" in page


def test_enrolment_shows_secret_uri_and_qr_then_confirms(world):
    client = Client()
    client.force_login(world.users["kupang_admin"])
    with clock.frozen(NOW):
        page = client.get("/konsol/akun/autentikator/").content.decode()
        device = TotpDevice.objects.get(user=world.users["kupang_admin"])
        assert "otpauth://totp/" in page
        assert ("<svg" in page) == (importlib.util.find_spec("segno") is not None)
        grouped = " ".join(device.secret[i : i + 4] for i in range(0, len(device.secret), 4))
        assert grouped in page
        bad = client.post("/konsol/akun/autentikator/", {"code": "000000", "next": "/konsol/"})
        assert "Kode tidak cocok" in bad.content.decode()
        device.refresh_from_db()
        assert device.confirmed_at is None
        good = client.post("/konsol/akun/autentikator/", {"code": code_for(device, NOW), "next": "/konsol/"})
    assert good.status_code == 302 and good["Location"] == "/konsol/"
    device.refresh_from_db()
    assert device.is_confirmed
    assert AuditEvent.objects.filter(extra_data__op="totp_enrol", extra_data__user_id=device.user_id).exists()
    page = client.get("/konsol/").content.decode()
    assert "belum dilindungi" not in page


def test_admin_with_authenticator_needs_the_code(world):
    device = enrolled(world.users["kupang_admin"])
    client = Client()
    with clock.frozen(NOW):
        response = post_login(client, "kupang_admin")
        assert response["Location"].startswith("/konsol/masuk/kode/")
        assert client.get("/konsol/").status_code == 302  # not logged in yet
        wrong = client.post("/konsol/masuk/kode/", {"code": "123456", "next": "/konsol/"})
        assert "Kode autentikator salah" in wrong.content.decode()
        right = client.post("/konsol/masuk/kode/", {"code": code_for(device, NOW), "next": "/konsol/"})
    assert right["Location"] == "/konsol/"
    assert client.get("/konsol/").status_code == 200


def test_a_code_cannot_be_used_twice(world):
    device = enrolled(world.users["kupang_admin"])
    with clock.frozen(NOW):
        first = Client()
        post_login(first, "kupang_admin")
        assert first.post("/konsol/masuk/kode/", {"code": code_for(device, NOW)}).status_code == 302
        second = Client()
        post_login(second, "kupang_admin")
        again = second.post("/konsol/masuk/kode/", {"code": code_for(device, NOW)})
    assert again.status_code == 200 and "sudah dipakai" in again.content.decode()


def test_admin_logged_in_elsewhere_is_sent_to_the_code_page(world):
    device = enrolled(world.users["nasional"])
    client = Client()
    client.force_login(world.users["nasional"])  # e.g. through Django's admin login
    response = client.get("/konsol/laporan-langsung/")
    assert response["Location"] == "/konsol/masuk/kode/?next=/konsol/laporan-langsung/"
    with clock.frozen(NOW):
        done = client.post(response["Location"], {"code": code_for(device, NOW)})
    assert done["Location"] == "/konsol/laporan-langsung/"
    assert client.get("/konsol/laporan-langsung/").status_code == 200


def test_non_admin_staff_are_not_pressed_to_enrol_but_asked_once_they_have(world):
    client = Client()
    assert post_login(client, "dinkes_penghubung")["Location"] == "/konsol/"
    assert "belum dilindungi" not in client.get("/konsol/").content.decode()
    enrolled(world.users["dinkes_penghubung"])
    assert post_login(Client(), "dinkes_penghubung")["Location"].startswith("/konsol/masuk/kode/")


def test_required_second_factor_blocks_until_set_up(world, settings):
    settings.LAPOR_CONSOLE_REQUIRE_2FA = True
    client = Client()
    client.force_login(world.users["dinkes_admin"])
    assert client.get("/konsol/")["Location"].startswith("/konsol/akun/autentikator/")


def test_throttling_locks_username_and_address_after_five_failures(world):
    client = Client()
    for _ in range(4):
        assert post_login(client, "dinkes_penghubung", "salah").status_code == 200
    locked = post_login(client, "dinkes_penghubung", "salah")
    assert locked.status_code == 429
    assert "Terlalu banyak percobaan" in locked.content.decode()
    # Even the right password is refused while locked, and nothing tells the guesser it was right.
    assert post_login(client, "dinkes_penghubung").status_code == 429
    assert client.get("/konsol/").status_code == 302
    # Another colleague at the same office is not locked out.
    assert post_login(Client(), "dinkes_admin")["Location"].startswith("/konsol/akun/autentikator/")


def test_throttling_counts_wrong_codes_too(world):
    device = enrolled(world.users["kupang_admin"])
    client = Client()
    with clock.frozen(NOW):
        post_login(client, "kupang_admin")
        for _ in range(5):
            client.post("/konsol/masuk/kode/", {"code": "000000"})
        locked = client.post("/konsol/masuk/kode/", {"code": code_for(device, NOW)})
    assert locked.status_code == 429


def test_throttle_per_address_limits_password_spraying(world, settings):
    settings.LAPOR_CONSOLE_LOGIN_ATTEMPTS_PER_IP = 3
    client = Client()
    for name in ("a1", "a2", "a3"):
        post_login(client, name, "salah")
    assert post_login(client, "dinkes_penghubung").status_code == 429


def test_temporary_password_must_be_replaced(world):
    account = staff_account_create(
        actor=world.actor("dinkes_admin"),
        agency=world.dinkes,
        username="petugas.baru",
        full_name="Petugas Baru",
        email="",
        role="penghubung",
    )
    client = Client()
    response = post_login(client, "petugas.baru", account.password)
    assert response["Location"].startswith("/konsol/akun/kata-sandi/")
    assert client.get("/konsol/")["Location"].startswith("/konsol/akun/kata-sandi/")
    changed = client.post(
        "/konsol/akun/kata-sandi/",
        {
            "old_password": account.password,
            "new_password1": "Kupang-sehat-2026!",
            "new_password2": "Kupang-sehat-2026!",
            "next": "/konsol/",
        },
    )
    assert changed["Location"] == "/konsol/"
    assert not TemporaryPassword.objects.filter(user=account.user).exists()
    assert client.get("/konsol/").status_code == 200


def test_keepalive_renews_the_session_and_says_when_it_ended(world, settings):
    settings.LAPOR_CONSOLE_SESSION_MINUTES = 30
    client = Client(enforce_csrf_checks=False)
    assert client.post("/konsol/sesi/perpanjang/").status_code == 401
    client.force_login(world.users["dinkes_penghubung"])
    client.get("/konsol/")
    response = client.post("/konsol/sesi/perpanjang/")
    assert response.status_code == 200 and 1790 <= response.json()["expires_in"] <= 1800
    assert client.session.get_expiry_age() == 1800


def test_console_pages_carry_the_session_timer(world):
    client = Client()
    client.force_login(world.users["dinkes_penghubung"])
    html = client.get("/konsol/").content.decode()
    assert 'data-session-remaining="' in html and 'data-keepalive="/konsol/sesi/perpanjang/"' in html


def test_logout(world):
    client = Client()
    client.force_login(world.users["dinkes_penghubung"])
    assert client.post("/konsol/keluar/")["Location"] == "/konsol/masuk/"
    assert client.get("/konsol/").status_code == 302


def test_reset_authenticator_by_the_agency_admin(world):
    device = enrolled(world.users["dinkes_penghubung"])
    with pytest.raises(PermissionDenied):
        totp_reset(actor=world.actor("surabaya_admin"), user=device.user)
    with pytest.raises(PermissionDenied):
        totp_reset(actor=world.actor("dinkes_penghubung"), user=device.user)
    totp_reset(actor=world.actor("kupang_admin"), user=device.user)
    assert not TotpDevice.objects.filter(user=device.user).exists()
    with pytest.raises(ValidationFailed):
        totp_reset(actor=world.actor("kupang_admin"), user=device.user)


def test_a_confirmed_device_cannot_be_replaced_silently(world):
    enrolled(world.users["kupang_admin"])
    with pytest.raises(ValidationFailed):
        totp_enrol_start(user=world.users["kupang_admin"])


def test_enrolment_works_without_the_qr_package(world, monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "segno", None)  # import segno → ImportError
    client = Client()
    client.force_login(world.users["kupang_admin"])
    page = client.get("/konsol/akun/autentikator/").content.decode()
    assert "otpauth://totp/" in page and "<svg" not in page and "Ketik kunci ini" in page
