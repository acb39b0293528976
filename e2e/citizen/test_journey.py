"""The citizen's journey in a real browser: file an anonymous, secret report with a photo, follow it with the
private link, check that the public cannot find it, then (staff played through the services) read the
follow-up, reply and rate. The staff console's own journey lives with the console."""

from __future__ import annotations

import io
import re

import pytest

pytest.importorskip("pytest_playwright")

from PIL import Image  # noqa: E402

from e2e.conftest import WIDTHS  # noqa: E402
from lapor.reference.models import Category  # noqa: E402
from lapor.reports import services as rs  # noqa: E402
from lapor.reports.models import Report  # noqa: E402

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Jalan berlubang di depan SD Inpres Oebobo"
BODY = (
    "Apa: lubang besar di badan jalan. Di mana: depan SD Inpres Oebobo. Kapan: sejak dua minggu lalu. "
    "Dampak: dua pengendara motor jatuh. Harapan: segera ditambal sebelum musim hujan."
)
FOLLOW_UP = "Tim Dinas sudah meninjau lokasi dan menjadwalkan penambalan minggu depan."


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (80, 60), (40, 90, 160))
    exif = Image.Exif()
    exif[0x010F] = "KameraMerk"
    exif[0x8825] = {1: "S", 2: (10.0, 10.0, 0.0), 3: "E", 4: (123.0, 35.0, 0.0)}
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def categories() -> Category:
    top = Category.objects.create(name="PEKERJAAN UMUM", full_name="PEKERJAAN UMUM", level=1)
    road = Category.objects.create(
        name="INFRASTRUKTUR JALAN", full_name="PEKERJAAN UMUM › INFRASTRUKTUR JALAN", parent=top, level=2
    )
    Category.objects.create(name="KESEHATAN", full_name="KESEHATAN", level=1)
    return Category.objects.create(
        name="JALAN BERLUBANG",
        full_name="PEKERJAAN UMUM › INFRASTRUKTUR JALAN › JALAN BERLUBANG",
        parent=road,
        level=3,
    )


def file_report(page, base: str, leaf: Category) -> tuple[str, str]:
    """Fill both steps with JavaScript on (htmx region cascade and category search) and send."""
    page.goto(base + "/lapor/")
    page.get_by_label("Judul laporan").fill(TITLE)
    page.get_by_label("Isi laporan").fill(BODY)
    page.check("#cls-pengaduan")
    page.get_by_label("Cari kategori").fill("berlubang")
    page.wait_for_function("document.querySelectorAll('#id_category option').length === 2")
    page.select_option("#id_category", str(leaf.pk))
    for select, value, nxt in (
        ("#id_provinsi", "53", "#id_kabkota"),
        ("#id_kabkota", "53.71", "#id_kecamatan"),
        ("#id_kecamatan", "53.71.04", "#id_desa"),
    ):
        page.select_option(select, value)
        page.wait_for_selector(f"{nxt} option:nth-child(2)", state="attached")
    page.select_option("#id_desa", "53.71.04.1001")
    page.get_by_label("Alamat atau patokan (boleh dikosongkan)").fill("Jl. Frans Seda, depan SD")
    page.get_by_role("button", name="Lanjut: periksa laporan").click()

    page.wait_for_selector("text=Periksa dan kirim laporan")
    assert "Oebobo" in page.inner_text(".preview")
    page.get_by_label(re.compile("^Anonim")).check()
    page.get_by_label(re.compile("^Rahasia")).check()
    page.set_input_files(
        "#id_attachments", files=[{"name": "jalan.jpg", "mimeType": "image/jpeg", "buffer": jpeg_with_gps()}]
    )
    page.get_by_role("button", name="Kirim laporan").click()
    page.wait_for_url(re.compile(r"/lapor/\d+/terkirim/$"))
    tracking_id = page.inner_text("#tracking-id").strip()
    link = page.inner_text("#private-link").strip()
    return tracking_id, link


def test_citizen_journey(live_server, world, page, browser, shots, axe, contrast):
    leaf = categories()
    base = live_server.url

    tracking_id, link = file_report(page, base, leaf)
    shots(page, "sent")
    assert link.startswith(f"{base}/lapor/{tracking_id}/?t=")
    assert axe(page) == []
    assert contrast(page, widths=WIDTHS) == []

    report = Report.objects.get(tracking_id=tracking_id)
    assert report.is_anonymous and report.is_secret and report.channel == "web"
    assert report.region_id == "53.71.04.1001" and report.category_id == leaf.pk
    stored = report.attachments.get()
    data = stored.file.read()
    assert stored.content_type == "image/jpeg" and not Image.open(io.BytesIO(data)).getexif()
    assert b"KameraMerk" not in data

    # The reporter follows it with the private link: the whole report, the photo, the clocks.
    page.goto(link)
    assert "Anda membuka laporan Anda sendiri" in page.content()
    assert page.get_by_role("link", name="jalan.jpg").count() == 1
    assert "Verifikasi" in page.inner_text(".clocks")
    shots(page, "follow-new")
    assert axe(page) == []
    assert contrast(page, widths=WIDTHS) == []

    # A public visitor (another browser, no cookies) cannot find it: 404, not listed, not in search.
    stranger = browser.new_context(locale="id-ID")
    other = stranger.new_page()
    response = other.goto(f"{base}/lapor/{tracking_id}/")
    assert response.status == 404 and "tidak ditemukan" in other.content()
    assert other.goto(f"{base}/lampiran/{stored.pk}/").status == 404
    other.goto(f"{base}/laporan/?q=berlubang")
    assert tracking_id not in other.content()

    # Staff, played through the services: verify (still secret), dispose, internal disposition, follow-up.
    nas = world.actor("nasional")
    rs.report_verify(report=report, actor=nas, classification="pengaduan")
    rs.report_dispose(report=report, actor=nas, agency=world.kupang)
    rs.report_dispose_internal(report=report, actor=world.actor("kupang_admin"), agency=world.dinkes)
    rs.report_follow_up(report=report, actor=world.actor("dinkes_penghubung"), message=FOLLOW_UP)
    other.goto(f"{base}/laporan/")
    assert tracking_id not in other.content()  # verified but secret: still never public
    assert other.goto(f"{base}/lapor/{tracking_id}/").status == 404
    stranger.close()

    # The citizen comes back (the session remembers the private link) and sees the follow-up.
    page.goto(f"{base}/lapor/{tracking_id}/")
    timeline = page.inner_text(".timeline")
    assert FOLLOW_UP in timeline and "Didisposisikan" in timeline and "Tindak lanjut" in timeline
    shots(page, "follow-followed-up")
    assert axe(page) == []
    assert contrast(page, widths=WIDTHS) == []

    page.get_by_label("Tanggapan Anda").fill("Terima kasih, mohon kabari jika sudah ditambal.")
    page.get_by_role("button", name="Kirim tanggapan").click()
    page.wait_for_selector("text=Tanggapan Anda terkirim.")
    report.refresh_from_db()
    assert report.status == "in_progress"

    rs.report_follow_up(report=report, actor=world.actor("dinkes_penghubung"), message="Lubang sudah ditambal.")
    page.reload()
    assert page.input_value("#id_reply-message") == ""  # the sent reply's draft was cleared
    page.check("#rate-5")
    page.get_by_label("Komentar (boleh kosong)").fill("Cepat dan jelas, terima kasih.")
    page.get_by_role("button", name="Kirim penilaian").click()
    page.wait_for_selector("text=Terima kasih atas penilaian Anda.")
    report.refresh_from_db()
    assert report.rating == 5
    assert "Nilai 5 dari 5" in page.inner_text(".timeline")
    assert contrast(page, widths=WIDTHS) == []  # the success notice too
    shots(page, "follow-rated")


def test_filing_without_javascript(live_server, world, browser):
    """The same form works with JavaScript off: the region cascade and the category search are form posts."""
    leaf = categories()
    context = browser.new_context(java_script_enabled=False, locale="id-ID", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server.url + "/lapor/")
    page.get_by_label("Judul laporan").fill("Lampu jalan mati")
    page.get_by_label("Isi laporan").fill("Lampu jalan di gang kami mati sejak sebulan, jalan gelap dan rawan.")
    page.get_by_label("Cari kategori").fill("jalan")
    page.get_by_role("button", name="Cari", exact=True).click()
    assert page.locator("#id_category option").count() == 3  # the empty choice and the two road categories
    page.select_option("#id_category", str(leaf.pk))
    for select, value in (("#id_provinsi", "53"), ("#id_kabkota", "53.71"), ("#id_kecamatan", "53.71.04")):
        page.select_option(select, value)
        page.get_by_role("button", name="Tampilkan pilihan wilayah berikutnya").click()
    page.select_option("#id_desa", "53.71.04.1001")
    assert page.input_value("#id_title") == "Lampu jalan mati"  # nothing typed is lost between steps
    page.get_by_role("button", name="Lanjut: periksa laporan").click()
    page.get_by_label("Nama").fill("Yohanes")
    page.get_by_role("button", name="Kirim laporan").click()
    page.wait_for_url(re.compile(r"/terkirim/$"))
    report = Report.objects.get(tracking_id=page.inner_text("#tracking-id").strip())
    assert report.region_id == "53.71.04.1001" and report.reporter_name == "Yohanes" and not report.is_anonymous
    context.close()
