"""The router engine on synthetic histories: what kind of office, then which one from the location."""

from __future__ import annotations

import json

import pytest

from lapor.routing import engine
from lapor.routing.engine import KEC, KEL, Record, Unit
from lapor.routing.tests.synthetic import history, kecamatan_units, kelurahan_units


@pytest.fixture(scope="module")
def trained():
    records, labels = history(600)
    units = [Unit(n, n) for n in kelurahan_units() + kecamatan_units()]
    model = engine.train(records[:500], labels[:500], units=units, now=None)
    return model, records[500:], labels[500:]


def test_place_keys_ignore_office_prefix_spacing_and_case():
    assert engine.place_key("Kelurahan Gunung Anyar") == "gununganyar"
    assert engine.place_key("Kel. Gunung-Anyar") == "gununganyar"
    assert engine.place_key("gununganyar") == "gununganyar"
    assert engine.place_key("Kecamatan Pabean Cantian", KEC) == "pabeancantian"
    assert engine.family_of_name("Kelurahan Ploso") == KEL
    assert engine.family_of_name("Kecamatan Tambaksari") == KEC
    assert engine.family_of_name("Dinas Perhubungan") is None


def test_router_names_the_right_unit_on_unseen_reports(trained):
    model, records, labels = trained
    metrics = model.evaluate(records, labels)
    assert metrics.top1 >= 0.9
    assert metrics.top3 >= 0.97


def test_kelurahan_office_is_resolved_from_the_reports_own_location(trained):
    model, _records, _labels = trained
    report = Record(text="pos rw tidak pernah buka, surat pengantar rt lama", kelurahan="Ploso", kecamatan="Tambaksari")
    best = model.predict([report], explain=True)[0][0]
    assert best.label == "Kelurahan Ploso"
    assert "kantor kelurahan" in best.reason and "Ploso" in best.reason
    other = model.predict([Record(text=report.text, kelurahan="Margorejo", kecamatan="Wonocolo")])[0][0]
    assert other.label == "Kelurahan Margorejo"


def test_spelling_variants_and_near_misses_resolve(trained):
    model, _records, _labels = trained
    text = "pelayanan kantor kecamatan lambat, tanda tangan camat belum keluar"
    for written in ("Gununganyar", "Kec. Gunung Anyar", "Gunung Anyaar"):
        best = model.predict([Record(text=text, kecamatan=written, kelurahan="Rungkut Tengah")])[0][0]
        assert best.label == "Kecamatan Gunung Anyar", written


def test_unit_never_seen_in_history_is_still_resolvable_from_the_units_list():
    records, labels = history(300)
    keep = [i for i, y in enumerate(labels) if y != "Kelurahan Siwalankerto"]
    model = engine.train(
        [records[i] for i in keep],
        [labels[i] for i in keep],
        units=[Unit(n, n) for n in kelurahan_units()],
        validate=False,
    )
    best = model.predict([Record(text="pos rw tidak pernah buka", kelurahan="Siwalankerto", kecamatan="Wonocolo")])
    assert best[0][0].label == "Kelurahan Siwalankerto"


def test_alias_learned_when_a_place_is_served_by_another_office():
    records, labels = history(300)
    # Perak Timur has no office of its own: its reports go to Kelurahan Tanjung Perak.
    extra = [Record(text="pelayanan petugas kelurahan buruk", kelurahan="Perak Timur", kecamatan="Pabean")] * 4
    model = engine.train(records + extra, labels + ["Kelurahan Tanjung Perak"] * 4, validate=False)
    best = model.predict([Record(text="surat pengantar rt rw lama", kelurahan="Perak Timur", kecamatan="Pabean")])
    assert best[0][0].label == "Kelurahan Tanjung Perak"


def test_region_codes_win_over_names_and_keep_cities_apart():
    units = [
        Unit("kel-a", "Kelurahan Oebobo", KEL, "53.71.04.1001"),
        Unit("kel-b", "Kelurahan Oebobo", KEL, "35.78.01.1001"),
    ]
    resolver = engine.PlaceResolver(units={KEL: units, KEC: []}, aliases={})
    by_code = resolver.own(KEL, Record(text="x", kelurahan="Oebobo", kelurahan_code="35.78.01.1001"))
    assert by_code[0].label == "kel-b"
    same_city = resolver.own(KEL, Record(text="x", kelurahan="Oebobo", kelurahan_code="53.71.04.9999"))
    assert same_city[0].label == "kel-a"


def test_confidences_are_probabilities_best_first(trained):
    model, records, _labels = trained
    for candidates in model.predict(records[:30]):
        confidences = [c.confidence for c in candidates]
        assert len(candidates) == 3
        assert confidences == sorted(confidences, reverse=True)
        assert 0 < sum(confidences) <= 1.0001


def test_category_head_is_used_when_the_report_has_one():
    records, labels = history(300)
    with_cat = [
        Record(**{**r.__dict__, "category": f"PELAYANAN › {y.split()[0].upper()}"})
        for r, y in zip(records, labels, strict=True)
    ]
    model = engine.train(with_cat, labels, validate=False)
    assert set(model.heads) == {"text", "category"}
    best = model.predict(
        [Record(text="mohon dibantu", kelurahan="Ploso", category="PELAYANAN › KELURAHAN")], explain=True
    )
    assert best[0][0].label == "Kelurahan Ploso"
    assert "kategori" in best[0][0].reason


def test_validation_figures_and_metadata_are_recorded():
    records, labels = history(400)
    model = engine.train(records, labels)
    assert model.version and model.trained_at
    val = model.metrics["validation"]
    assert val["n"] == 60 and 0 <= val["text"]["top1"] <= 1
    assert model.metrics["temperatures"]["text"] > 0


def test_model_file_roundtrip_and_header(tmp_path, trained):
    model, records, _labels = trained
    path = tmp_path / "router.model"
    header = engine.save(model, path)
    assert json.loads(path.read_bytes().split(b"\n", 1)[0])["format_version"] == engine.FORMAT_VERSION
    assert header["version"] == model.version
    loaded = engine.load(path)
    assert [c.label for c in loaded.predict(records[:5])[0]] == [c.label for c in model.predict(records[:5])[0]]


def test_model_with_another_format_version_is_refused(tmp_path, trained):
    model, _records, _labels = trained
    path = tmp_path / "router.model"
    engine.save(model, path)
    head, payload = path.read_bytes().split(b"\n", 1)
    header = json.loads(head)
    header["format_version"] = engine.FORMAT_VERSION + 1
    path.write_bytes(json.dumps(header).encode() + b"\n" + payload)
    with pytest.raises(engine.RouterError, match="format version"):
        engine.load(path)


def test_damaged_or_foreign_files_are_refused(tmp_path, trained):
    model, _records, _labels = trained
    path = tmp_path / "router.model"
    engine.save(model, path)
    path.write_bytes(path.read_bytes()[:-10])
    with pytest.raises(engine.RouterError, match="damaged"):
        engine.load(path)
    foreign = tmp_path / "other.model"
    foreign.write_bytes(b"\x80\x04not a model")
    with pytest.raises(engine.RouterError, match="not a LAPOR router"):
        engine.load(foreign)


def test_training_needs_two_units():
    records, _labels = history(20)
    with pytest.raises(engine.RouterError):
        engine.train(records, ["Dinas Kesehatan"] * 20)


def test_fast_char_vectorizer_matches_scikit_learn():
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [r.text for r in history(200)[0]]
    ours = engine.CharNgramTfidf(ngram_range=(2, 5), min_df=2, max_features=3000).fit(docs[:150])
    theirs = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2, max_features=3000)
    theirs.fit(docs[:150])
    assert ours.vocabulary_ == theirs.vocabulary_
    assert abs(ours.transform(docs[150:]) - theirs.transform(docs[150:])).max() < 1e-9


def test_two_units_work_like_many():
    records, labels = history(200)
    two = ["Dinas Kesehatan" if y == "Dinas Kesehatan" else "Dinas Perhubungan" for y in labels]
    model = engine.train(records, two, validate=False)
    best = model.predict([Record(text="fogging demam berdarah dan puskesmas lambat")], explain=True)[0]
    assert [c.label for c in best] == ["Dinas Kesehatan", "Dinas Perhubungan"]
    assert best[0].confidence > 0.5 and "kata:" in best[0].reason
