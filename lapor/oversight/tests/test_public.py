"""Public statistics and open data: never a secret report, never an identity; stable JSON and CSV."""

from __future__ import annotations

import csv
import gzip
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from conftest import bring_to
from lapor.oversight.opendata import DATASET_FIELDS, SCHEMA

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Pungutan liar oleh oknum kelurahan"


@pytest.fixture
def published(world):
    bring_to(world, "closed", body="Nama saya Maria Ndun, HP 081234567890. Jalan berlubang besar di Oebobo.")
    bring_to(world, "followed_up", is_anonymous=True, reporter_name="Yosef Rahasia")
    bring_to(world, "closed", is_secret=True, title=SECRET_TITLE)
    bring_to(world, "submitted", title="Belum diverifikasi")
    return world


def test_stats_page_is_public_and_counts_only_public_reports(client, published):
    response = client.get(reverse("opendata:stats"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Statistik pengaduan nasional" in html
    data = client.get(reverse("opendata:data_json")).json()
    assert data["schema"] == SCHEMA
    assert data["totals"]["reports"] == 2  # not the secret one, not the unverified one
    assert data["totals"]["closed"] == 1
    for secret in (SECRET_TITLE, "Maria", "Yosef", "081234567890"):
        assert secret not in html and secret not in json.dumps(data)


def test_json_has_every_documented_section(client, published):
    data = client.get(reverse("opendata:data_json") + "?dari=2026-01&sampai=2026-12").json()
    for key in (
        "as_of",
        "scope",
        "period",
        "totals",
        "rates_pct",
        "sla",
        "backlog",
        "monthly",
        "by_channel",
        "by_classification",
        "by_category",
        "by_status",
        "by_region",
        "agencies",
    ):
        assert key in data, key
    assert data["period"] == {"from": "2026-01", "to": "2026-12"}
    assert [s["stage"] for s in data["sla"]] == ["verify", "response", "completion"]
    assert data["by_region"][0]["code"] == "53"


def test_agency_scope_and_unknown_agency(client, published):
    data = client.get(reverse("opendata:data_json") + "?instansi=KOTKUPANG").json()
    assert data["scope"]["code"] == "kotkupang" and data["totals"]["reports"] == 2
    assert client.get(reverse("opendata:data_json") + "?instansi=tidak-ada").status_code == 404


@pytest.mark.parametrize(
    "table", ["ringkasan", "bulanan", "instansi", "wilayah", "kanal", "klasifikasi", "kategori", "status", "sla"]
)
def test_csv_tables(client, published, table):
    response = client.get(reverse("opendata:data_csv") + f"?tabel={table}")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows and all(len(r) == len(rows[0]) for r in rows)
    assert len(rows) >= 2 or table == "kategori"  # the reports here have no category
    assert SECRET_TITLE not in response.content.decode()


def test_unknown_csv_table_is_404(client, published):
    assert client.get(reverse("opendata:data_csv") + "?tabel=rahasia").status_code == 404


def test_public_drilldown_never_lists_secret_reports(client, published):
    html = client.get(reverse("opendata:reports") + "?kriteria=grp_closed").content.decode()
    assert html.count('class="status s-closed"') == 1
    assert SECRET_TITLE not in html


def test_daily_dump_is_redacted_and_never_secret(client, published, tmp_path):
    call_command("opendata", "dump", "--out", str(tmp_path))
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["latest"]["records"] == 2
    with gzip.open(tmp_path / manifest["latest"]["csv"], "rt", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    with gzip.open(tmp_path / manifest["latest"]["json"], "rt", encoding="utf-8") as fh:
        records = json.load(fh)["records"]
    assert len(rows) == len(records) == 2
    assert list(rows[0]) == list(DATASET_FIELDS)
    dump = json.dumps(records, ensure_ascii=False) + str(rows)
    for secret in (SECRET_TITLE, "Maria", "Yosef", "081234567890", "reporter", "maria@example.com"):
        assert secret not in dump, secret
    assert "[TELP]" in dump and "[NAMA]" in dump


def test_dataset_pages(client, published, settings, tmp_path):
    settings.LAPOR_OPENDATA_DIR = str(tmp_path)
    call_command("opendata", "dump")
    index = client.get(reverse("opendata:datasets") + "?format=json").json()
    name = index["latest"]["csv"]
    response = client.get(reverse("opendata:dataset_file", args=[name]))
    assert response.status_code == 200
    assert client.get("/statistik/dataset/..%2Fsecret_key").status_code == 404
    assert client.get(reverse("opendata:dataset_file", args=["laporan-publik-2020-01-01.csv.gz"])).status_code == 404
    assert client.get(reverse("opendata:datasets")).status_code == 200
    assert client.get(reverse("opendata:api")).status_code == 200
