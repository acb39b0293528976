from django.urls import path

from lapor.console.views import agency, auth, inbox, lookup, report, walkin

app_name = "console"

urlpatterns = [
    path("", inbox.inbox, name="inbox"),
    path("massal/", inbox.bulk, name="bulk"),
    # login, second factor, session
    path("masuk/", auth.login_view, name="login"),
    path("masuk/kode/", auth.otp_view, name="otp"),
    path("keluar/", auth.logout_view, name="logout"),
    path("akun/autentikator/", auth.totp_setup, name="totp_setup"),
    path("akun/kata-sandi/", auth.password_change, name="password"),
    path("sesi/perpanjang/", auth.keepalive, name="keepalive"),
    # reports
    path("laporan/<str:tracking_id>/", report.report_detail, name="report"),
    path("laporan/<str:tracking_id>/identitas/", report.report_identity, name="identity"),
    path("laporan/<str:tracking_id>/aksi/<slug:slug>/", report.report_action, name="action"),
    path("laporan/<str:tracking_id>/lampiran/<int:pk>/", report.attachment_download, name="attachment"),
    path("laporan-langsung/", walkin.walkin, name="walkin"),
    path("laporan-langsung/<str:tracking_id>/tanda-terima/", walkin.walkin_receipt, name="walkin_receipt"),
    # pickers (htmx fragments)
    path("cari/instansi/", lookup.agency_search, name="agency_search"),
    path("cari/kategori/", lookup.category_search, name="category_search"),
    path("cari/wilayah/", lookup.region_search, name="region_search"),
    # agency admin
    path("instansi/", agency.agency_index, name="agencies"),
    path("instansi/<slug:code>/", agency.agency_detail, name="agency"),
    path("instansi/<slug:code>/unit-baru/", agency.unit_create, name="unit_create"),
    path("instansi/<slug:code>/petugas/", agency.staff, name="staff"),
    path("instansi/<slug:code>/hari-libur/", agency.closures, name="closures"),
    path("instansi/<slug:code>/templat/", agency.templates, name="templates"),
    path("instansi/<slug:code>/templat/<int:pk>/", agency.template_edit, name="template_edit"),
]
