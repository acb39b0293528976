"""The streaming .xlsx writer produces files spreadsheet programs (here: openpyxl) read back exactly."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from lapor.oversight.xlsx import MAX_CELL_CHARS, XlsxWriter, column_name


def test_round_trip_through_openpyxl():
    out = io.BytesIO()
    with XlsxWriter(out, sheet="Laporan", widths=[10, 20]) as xlsx:
        xlsx.append(["Tracking ID", "Judul"], bold=True)
        xlsx.append(["1000123", "Jalan <berlubang> & rusak", 5, None, ""])
        xlsx.append(["bell\x07char", "x" * (MAX_CELL_CHARS + 10)])
    wb = load_workbook(io.BytesIO(out.getvalue()))
    ws = wb["Laporan"]
    assert ws["A1"].value == "Tracking ID" and ws["A1"].font.b
    assert [c.value for c in ws[2]][:3] == ["1000123", "Jalan <berlubang> & rusak", 5]
    assert ws["A3"].value == "bellchar"  # characters XML cannot carry are dropped
    assert len(ws["B3"].value) == MAX_CELL_CHARS


def test_column_names():
    assert [column_name(i) for i in (0, 25, 26, 51, 52, 701, 702)] == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]
