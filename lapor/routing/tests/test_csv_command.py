"""The CLI contracts: ``lapor router train --csv``, ``predict`` and ``evaluate`` on synthetic CSVs."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from lapor.routing import csvio, engine
from lapor.routing.tests.synthetic import history, kelurahan_units

TRAIN_COLUMNS = ["id", "keluhan", "alamat", "kecamatan", "kelurahan", "tanggal_keluhan", "topik", "instansi"]


def write_history(path, n=400, *, offset=0):
    records, labels = history(n, seed=11)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(TRAIN_COLUMNS)
        for i, (r, y) in enumerate(zip(records, labels, strict=True)):
            when = r.submitted_at.astimezone(csvio._WIB).strftime("%Y-%m-%d %H:%M:%S")
            w.writerow([offset + i, r.text, r.address, r.kecamatan, r.kelurahan, when, "", y])
    return records, labels


def test_train_predict_contract(tmp_path):
    train_csv = tmp_path / "train.csv"
    records, labels = write_history(train_csv)
    with (tmp_path / "units_agencies.csv").open("w", encoding="utf-8") as fh:
        fh.write("instansi_id,instansi\n" + "".join(f"{i},{n}\n" for i, n in enumerate(kelurahan_units())))
    model_path = tmp_path / "out" / "router.model"
    out = io.StringIO()
    call_command("router", "train", "--csv", str(train_csv), "--out", str(model_path), stdout=out, stderr=io.StringIO())
    assert model_path.exists() and "hold-out (text)" in out.getvalue()

    in_csv = tmp_path / "in.csv"
    with in_csv.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(csvio.INPUT_COLUMNS)
        for i, r in enumerate(records[:40]):
            w.writerow([f"x{i}", r.text, r.address, r.kecamatan, r.kelurahan, "2023-01-05 10:00:00"])
    out_csv = tmp_path / "out.csv"
    call_command("router", "predict", "--model", str(model_path), "--csv", str(in_csv), "--out", str(out_csv),
                 stdout=io.StringIO(), stderr=io.StringIO())  # fmt: skip
    with out_csv.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["id", "agency_1", "agency_2", "agency_3"]
    assert [r["id"] for r in rows] == [f"x{i}" for i in range(40)]
    names = set(labels) | set(kelurahan_units())
    assert all(r[f"agency_{k}"] in names for r in rows for k in (1, 2, 3))
    assert sum(r["agency_1"] == y for r, y in zip(rows, labels, strict=False)) >= 36


def test_evaluate_on_a_time_split_and_with_a_model(tmp_path):
    data = tmp_path / "data.csv"
    write_history(data, 400)
    out = io.StringIO()
    call_command("router", "evaluate", "--csv", str(data), stdout=out, stderr=io.StringIO())
    assert "text+location: top-1" in out.getvalue()
    model_path = tmp_path / "m.model"
    call_command("router", "train", "--csv", str(data), "--out", str(model_path), "--no-validate",
                 stdout=io.StringIO(), stderr=io.StringIO())  # fmt: skip
    out = io.StringIO()
    call_command("router", "evaluate", "--model", str(model_path), "--csv", str(data), stdout=out)
    assert "model: top-1" in out.getvalue()


def test_bad_inputs_are_clear_errors(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,text\n1,halo\n", encoding="utf-8")
    with pytest.raises(CommandError, match="missing column"):
        call_command("router", "train", "--csv", str(bad), "--out", str(tmp_path / "m"))
    junk = tmp_path / "junk.model"
    junk.write_bytes(b"junk")
    with pytest.raises(CommandError, match="not a LAPOR router"):
        call_command("router", "predict", "--model", str(junk), "--csv", str(bad), "--out", str(tmp_path / "o.csv"))


def test_time_split_never_puts_an_identical_text_on_both_sides():
    rows = [
        csvio.Row("1", engine.Record("Lampu PJU padam!", submitted_at=csvio.parse_when("2022-01-05 10:00")), "A"),
        csvio.Row("2", engine.Record("lampu pju  padam", submitted_at=csvio.parse_when("2022-11-05 10:00")), "A"),
        csvio.Row("3", engine.Record("jalan berlubang", submitted_at=csvio.parse_when("2022-11-06 10:00")), "B"),
    ]
    fit, held = csvio.time_split(rows, train=("2022-01-01", "2022-10-01"), test=("2022-10-01", "2023-01-01"))
    assert [r.id for r in fit] == ["1"] and [r.id for r in held] == ["3"]
