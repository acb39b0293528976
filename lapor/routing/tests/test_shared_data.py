"""Checks on the real Surabaya routing data in ../shared (skipped where it is absent, e.g. on users' machines).

Kept fast: a two-month slice, no hold-out. The full figures come from ``bench/routing/run.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from lapor.routing import csvio, engine

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "routing"
TRAIN = DATA / "surabaya_2022_train.csv"
PAIRS = Path(__file__).resolve().parents[3] / "bench" / "routing" / "duplicate_pairs.csv"

pytestmark = pytest.mark.skipif(not TRAIN.exists(), reason="../shared/data/routing is not available")


@pytest.fixture(scope="module")
def rows():
    return csvio.read_rows(TRAIN, require_label=True)


def test_router_beats_chance_on_a_small_slice(rows):
    fit, held = csvio.time_split(rows, train=("2022-01-01", "2022-02-01"), test=("2022-02-01", "2022-02-15"))
    model = engine.train([r.record for r in fit], [r.label for r in fit], validate=False)
    text_only = [engine.Record(**{**r.record.__dict__, "category": ""}) for r in held]
    metrics = model.evaluate(text_only, [r.label for r in held])
    assert metrics.top1 > 0.55 and metrics.top3 > 0.7


def test_kelurahan_and_kecamatan_offices_resolve_from_the_location(rows):
    """Wherever a kelurahan/kecamatan office handled a report, the resolver names it from the location alone."""
    units = [
        engine.Unit(u.label, u.name, engine.family_of_name(u.name) or "")
        for u in csvio.read_units(DATA / "surabaya_agencies.csv")
    ]
    resolver = engine.PlaceResolver(
        units={fam: [u for u in units if u.family == fam] for fam in engine.FAMILIES},
        aliases=engine._learn_aliases(units, [r.record for r in rows], [r.label for r in rows]),
    )
    place_bound = [r for r in rows if engine.family_of_name(r.label)]
    hits = sum(
        (unit := resolver.own(engine.family_of_name(r.label), r.record)[0]) is not None and unit.label == r.label
        for r in place_bound
    )
    assert len(place_bound) > 900
    assert hits / len(place_bound) >= 0.93


def test_labelled_duplicate_pairs_hold_ids_and_labels_only(rows):
    ids = {r.id for r in rows}
    with PAIRS.open(encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == ["id_a", "id_b", "label"]
        pairs = list(reader)
    assert len(pairs) >= 150
    assert all(p["id_a"] in ids and p["id_b"] in ids for p in pairs)
    assert {p["label"] for p in pairs} <= {"dup", "co", "rel", "no"}
