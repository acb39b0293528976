"""The SVG charts: accessible, escaped, and drawing what they are given."""

from __future__ import annotations

from lapor.oversight.charts import Bar, Series, hbar_chart, histogram, line_chart, nice_max, stacked_bar


def test_charts_are_accessible_images_or_groups_of_links():
    for svg in (
        stacked_bar([Bar("Selesai", 2, "2"), Bar("Proses", 1, "1")], title="Status", desc="Status laporan"),
        line_chart([Series("Masuk", [1, 5, 3])], ["Jan", "Feb", "Mar"], title="Tren", desc="Per bulan"),
        histogram({0: 1, 3: 4, 45: 1}, title="Lama", desc="HK"),
    ):
        assert svg.startswith('<svg class="chart" role="img" aria-labelledby="')
        assert "<title id=" in svg and "<desc id=" in svg and svg.endswith("</svg>")
    # An image may not contain links: a chart whose marks link to reports is a labelled group.
    linked = hbar_chart([Bar("Web", 3, "3", "/x?a=1&b=2")], title="Kanal", desc="Laporan per kanal")
    assert linked.startswith('<svg class="chart" role="group" aria-labelledby="') and "<a " in linked
    segments = stacked_bar([Bar("Selesai", 2, "2", "/s")], title="Status", desc="Status laporan")
    assert 'role="group"' in segments and 'aria-label="Selesai: 2"' in segments  # no text on a segment


def test_text_and_links_are_escaped():
    svg = hbar_chart([Bar("<script>alert(1)</script>", 1, "1", '/x?a=1&b="2"')], title="T & <b>", desc="D")
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert 'href="/x?a=1&amp;b=&quot;2&quot;"' in svg
    assert "T &amp; &lt;b&gt;" in svg


def test_values_are_drawn_to_scale_and_linked():
    svg = hbar_chart([Bar("A", 10, "10", "/a"), Bar("B", 5, "5")], title="t", desc="d", width=640, label_width=190)
    assert svg.count("<a ") == 1 and "aria-label=" not in svg  # the link is named by the text it shows
    assert "<title>A: 10</title>" in svg
    assert 'width="322.0"' in svg and 'width="161.0"' in svg  # (640 - 198 - 120) * share


def test_empty_charts_say_so():
    assert "—" in hbar_chart([], title="t", desc="d")
    assert "<polyline" not in line_chart([Series("x", [])], [], title="t", desc="d")


def test_nice_axis():
    assert [nice_max(v) for v in (0, 3, 7, 47, 130, 999)] == [4.0, 4.0, 8.0, 80.0, 200.0, 2000.0]
