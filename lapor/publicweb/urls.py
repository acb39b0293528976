from django.urls import include, path

from lapor.publicweb import views

app_name = "publicweb"

urlpatterns = [
    path("", views.home, name="home"),
    path("laporan/", views.report_list, name="report_list"),
    path("instansi/", views.agency_list, name="agency_list"),
    path("instansi/<str:code>/", views.agency_detail, name="agency_detail"),
    path("lapor/", views.report_new, name="report_new"),
    path("lapor/<str:tracking_id>/", views.report_detail, name="report_detail"),
    path("lapor/<str:tracking_id>/terkirim/", views.report_sent, name="report_sent"),
    path("lapor/<str:tracking_id>/tanggapan/", views.report_reply, name="report_reply"),
    path("lapor/<str:tracking_id>/informasi/", views.report_provide_info, name="report_provide_info"),
    path("lapor/<str:tracking_id>/nilai/", views.report_rate, name="report_rate"),
    path("lapor/<str:tracking_id>/sanggah/", views.report_dispute, name="report_dispute"),
    path("lapor/<str:tracking_id>/lupakan/", views.report_forget, name="report_forget"),
    path("lampiran/<int:pk>/", views.attachment_download, name="attachment"),
    path("wilayah/opsi/", views.region_options, name="region_options"),
    path("kategori/opsi/", views.category_options, name="category_options"),
    # Citizen accounts ("laporan saya") live in lapor.accounts; wired here because the portal owns the root.
    path("akun/", include("lapor.accounts.urls")),
]
