"""Every citizen page in the browser: accessible (axe-core: no serious or critical violation; WCAG AA text
contrast at 390 px and 1280 px), light (under 200 KB transferred, nothing fetched from another host), and
photographed at 390 px and 1280 px; in English too."""

from __future__ import annotations

import pytest

pytest.importorskip("pytest_playwright")

from e2e.citizen.conftest import PAGE_WEIGHT_LIMIT  # noqa: E402
from e2e.conftest import WIDTHS  # noqa: E402
from lapor.reference.models import Category  # noqa: E402
from lapor.reference.services import categories_load  # noqa: E402
from lapor.reports import services as rs  # noqa: E402
from lapor.reports.models import Report  # noqa: E402

pytestmark = pytest.mark.django_db(transaction=True)


def published_reports(world) -> Report:
    """A few public reports (one followed up) and one secret one, through the services."""
    nas = world.actor("nasional")
    categories_load()  # the whole shipped taxonomy (~960 categories): the form is weighed with all of them
    top = Category.objects.filter(level=1).order_by("full_name").first()
    for n, title in enumerate(("Jalan berlubang di Oebobo", "Lampu jalan mati di Oepoi", "Sampah menumpuk di pasar")):
        report = rs.report_submit(
            actor=world.actor("public"),
            channel="web",
            title=title,
            body=f"{title}. Sudah lebih dari dua minggu belum ada perbaikan dari dinas terkait ({n}).",
            region_code="53.71.04.1001",
            category_id=top.pk,
            reporter_name="Maria Ndun",
        ).report
        rs.report_verify(report=report, actor=nas, classification="pengaduan")
        rs.report_dispose(report=report, actor=nas, agency=world.kupang)
    rs.report_dispose_internal(report=report, actor=world.actor("kupang_admin"), agency=world.dinkes)
    rs.report_follow_up(report=report, actor=world.actor("dinkes_penghubung"), message="Sudah diangkut hari ini.")
    secret = rs.report_submit(
        actor=world.actor("public"),
        channel="web",
        title="Pungutan liar di kantor kelurahan",
        body="Petugas meminta uang untuk surat keterangan, nama saya Yosef Bria.",
        is_secret=True,
        is_anonymous=True,
    ).report
    rs.report_verify(report=secret, actor=nas, classification="pengaduan_pengawasan")
    return report


def test_pages_are_accessible_light_and_local(live_server, world, page, browser, axe, contrast, weigh, shots):
    followed = published_reports(world)
    base = live_server.url
    follow_link = f"/lapor/{followed.tracking_id}/?t={followed.access_token}"
    pages = {
        "home": "/",
        "new": "/lapor/",
        "list": "/laporan/",
        "list-search": "/laporan/?q=jalan&provinsi=53",
        "report-public": f"/lapor/{followed.tracking_id}/",
        "report-reporter": follow_link,
        "agency": "/instansi/kotkupang/",
        "agencies": "/instansi/",
        "login": "/akun/masuk/",
        "signup": "/akun/daftar/",
        "not-found": "/lapor/123456789/",
    }
    problems = {}
    for name, path in pages.items():
        weight, requests, foreign = weigh(path)
        assert foreign == [], f"{name} fetched from another host: {foreign}"
        assert weight < PAGE_WEIGHT_LIMIT, f"{name} weighs {weight} bytes"
        print(f"page weight {name}: {weight} bytes in {requests} requests")  # noqa: T201
        page.goto(base + path)
        violations = axe(page) + contrast(page, widths=WIDTHS)
        if violations:
            problems[name] = violations
        shots(page, name)
    assert problems == {}

    # Step 2 of the form (similar reports shown before sending), checked and photographed too.
    page.goto(base + "/lapor/")
    page.get_by_label("Judul laporan").fill("Jalan berlubang lagi di Oebobo")
    page.get_by_label("Isi laporan").fill("Jalan di Oebobo berlubang dan belum diperbaiki sejak bulan lalu.")
    page.select_option("#id_provinsi", "53")
    page.wait_for_selector("#id_kabkota option:nth-child(2)", state="attached")
    page.select_option("#id_kabkota", "53.71")
    page.get_by_role("button", name="Lanjut: periksa laporan").click()
    page.wait_for_selector("#similar-h")
    assert "Jalan berlubang di Oebobo" in page.inner_text(".similar")
    assert "Pungutan liar" not in page.content()  # a secret report is never offered as similar
    assert axe(page) == []
    assert contrast(page, widths=WIDTHS) == []
    shots(page, "check")

    # The form's own errors are announced and accessible as well (the unsent draft is thrown away first).
    page.goto(base + "/lapor/")
    page.evaluate("localStorage.clear()")
    page.reload()
    page.get_by_role("button", name="Lanjut: periksa laporan").click()
    page.wait_for_selector("#error-summary")
    assert "Tulis judul singkat laporan Anda." in page.inner_text("#error-summary")
    assert axe(page) == []
    assert contrast(page, widths=WIDTHS) == []
    shots(page, "new-errors")


def test_keyboard_only_reaches_the_form(live_server, world, page):
    """The skip link is the first stop and the form's fields follow in reading order."""
    page.goto(live_server.url + "/lapor/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Lompat ke isi"
    page.keyboard.press("Enter")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_title":
            break
    assert page.evaluate("document.activeElement.id") == "id_title"
    page.keyboard.type("Jalan berlubang")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_body"


def test_a_draft_survives_a_closed_tab(live_server, world, browser):
    """Typing, closing the page and opening the form again brings the text back (until the report is sent)."""
    context = browser.new_context(locale="id-ID")
    page = context.new_page()
    page.goto(live_server.url + "/lapor/")
    page.get_by_label("Judul laporan").fill("Air PDAM tidak mengalir")
    page.get_by_label("Isi laporan").fill("Sudah tiga hari air tidak mengalir di RT 05.")
    page.wait_for_timeout(700)  # the draft is saved shortly after typing stops
    page.close()
    page = context.new_page()
    page.goto(live_server.url + "/lapor/")
    assert page.input_value("#id_title") == "Air PDAM tidak mengalir"
    assert page.is_visible("#draft-note")
    context.close()


def test_the_portal_in_english(live_server, world, page, axe, contrast, shots):
    """The language switch in the header turns the pages English, and they stay accessible and legible."""
    from lapor.oversight.rollup import stats_refresh

    followed = published_reports(world)
    stats_refresh()
    base = live_server.url
    page.goto(base + "/")
    page.select_option("#lang-select", "en")
    page.get_by_role("button", name="Ganti").click()
    page.wait_for_selector("html[lang=en]")
    assert page.get_by_role("link", name="File a report").first.is_visible()
    for name, path, expected in (
        ("en-home", "/", "Follow a report"),
        ("en-new", "/lapor/", "Next: check the report"),
        ("en-list", "/laporan/", "Secret reports are never shown"),
        ("en-report", f"/lapor/{followed.tracking_id}/?t={followed.access_token}", "History"),
        ("en-agency", "/instansi/kotkupang/", "Handling figures"),
    ):
        page.goto(base + path)
        assert page.locator("html").get_attribute("lang") == "en", name
        assert expected in page.inner_text("main"), name
        assert axe(page) == [], name
        assert contrast(page, widths=WIDTHS) == [], name
        shots(page, name)
    # The public statistics: legible too (grade badges included).
    page.goto(base + "/statistik/")
    assert "National complaint statistics" in page.inner_text("main")
    assert axe(page) == []  # charts whose marks are links are groups, not images, and links say what they show
    assert contrast(page, widths=WIDTHS) == []
    shots(page, "en-statistics")
    # Back to Indonesian with the same switch.
    page.select_option("#lang-select", "id")
    page.get_by_role("button", name="Change").click()
    page.wait_for_selector("html[lang=id]")


@pytest.mark.django_db(transaction=False)
def test_the_contrast_check_sees_low_contrast(page, contrast):
    """The checker itself: grey on white and white on mid-grey fail, large text needs 3:1, hidden text is ignored."""
    page.set_content(
        '<body style="background:#fff">'
        '<p style="color:#999">grey on white</p>'
        '<span style="color:#fff;background:#8a8a8a">white on grey</span>'
        '<p style="color:#767676">just enough</p>'
        '<h1 style="font-size:32px;color:#8a8a8a">large grey</h1>'
        '<p hidden style="color:#eee">hidden</p>'
        "</body>"
    )
    assert [low["text"] for low in contrast(page)] == ["grey on white", "white on grey"]
    assert {low["width"] for low in contrast(page, widths=(390, 1280))} == {390, 1280}
