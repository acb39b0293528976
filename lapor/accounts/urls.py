"""Citizen account pages, included by the portal under ``akun/`` (namespace ``publicweb:accounts``)."""

from django.urls import path

from lapor.accounts import views

app_name = "accounts"

urlpatterns = [
    path("daftar/", views.signup, name="signup"),
    path("kode/", views.verify, name="verify"),
    path("kode/kirim-ulang/", views.resend, name="resend"),
    path("masuk/", views.sign_in, name="login"),
    path("lupa/", views.forgot, name="forgot"),
    path("keluar/", views.sign_out, name="logout"),
    path("laporan/", views.my_reports_view, name="my_reports"),
    path("sesi/", views.session_ping, name="session"),
]
