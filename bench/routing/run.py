"""Agency-router benchmark on the Surabaya 2022 routing data (time splits; no text or model enters the repo).

    .venv/bin/python bench/routing/run.py                 # splits A and B, the router and the plain baseline
    .venv/bin/python bench/routing/run.py --splits A      # one split
    .venv/bin/python bench/routing/run.py --no-baseline   # skip the character TF-IDF + linear SVM reference

Split A trains on January–September 2022 and tests on October–December; split B trains on January–June and
tests on July–September (a second split, so the figures are not tuned to one). Test rows whose text also occurs
in the training months are dropped (identical texts never on both sides). For each split it prints top-1 and
top-3 accuracy and macro-F1 over all units (scikit-learn's macro average over every unit that is a true label
or a prediction), training time, and predictions per second on one core (batched, and one report at a time),
for the router reading what the prediction CSV carries (text, address, kecamatan, kelurahan) and for the router
that also reads the category (``topik``), which the product has once a report is categorised.

The process pins itself to one CPU and one BLAS thread before numpy loads. Models are written only under
``bench/out/`` (git-ignored) when ``--save`` is given.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[-1]})

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from lapor.routing import csvio, engine  # noqa: E402

DATA = REPO.parent / "shared" / "data" / "routing"
SPLITS = {
    "A": (("2022-01-01", "2022-10-01"), ("2022-10-01", "2023-01-01")),
    "B": (("2022-01-01", "2022-07-01"), ("2022-07-01", "2022-10-01")),
    "C": (("2022-01-01", "2022-04-01"), ("2022-04-01", "2022-07-01")),
}


def baseline(fit: list[csvio.Row], held: list[csvio.Row]) -> tuple[engine.Metrics, float]:
    """The reference: character TF-IDF (2–5) of the text + LinearSVC over the concrete units."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

    started = time.perf_counter()
    vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)
    clf = LinearSVC(C=0.5).fit(vec.fit_transform([r.record.text for r in fit]), [r.label for r in fit])
    seconds = time.perf_counter() - started
    scores = clf.decision_function(vec.transform([r.record.text for r in held]))
    top = np.argsort(-scores, axis=1)[:, :3]
    preds = [[engine.Candidate(str(clf.classes_[j]), "", 0.0, "") for j in row] for row in top]
    return engine.evaluate_predictions(preds, [r.label for r in held]), seconds


def speed(model: engine.RouterModel, records: list[engine.Record]) -> tuple[float, float, float]:
    """Predictions per CPU second on this one core, batched (the whole test set, cold cache) and one record per
    call with its explanation (first 300); and batched per wall-clock second (lower when the machine is shared).
    """
    wall, cpu = time.perf_counter(), time.process_time()
    model.predict(records)
    batched_cpu = len(records) / (time.process_time() - cpu)
    batched_wall = len(records) / (time.perf_counter() - wall)
    single = records[:300]
    cpu = time.process_time()
    for r in single:
        model.predict([r], explain=True)
    return batched_cpu, len(single) / (time.process_time() - cpu), batched_wall


def run_split(name: str, rows: list[csvio.Row], units: list[engine.Unit], args) -> None:
    train_range, test_range = SPLITS[name]
    fit, held = csvio.time_split(rows, train=train_range, test=test_range)
    lo, hi = (csvio.parse_when(v) for v in test_range)
    in_range = sum(1 for r in rows if r.record.submitted_at and lo <= r.record.submitted_at < hi)
    dropped = in_range - len(held)
    print(f"\n== split {name}: train {train_range[0]}..{train_range[1]} ({len(fit)} rows), ", end="")
    print(f"test {test_range[0]}..{test_range[1]} ({len(held)} rows; {dropped} dropped: text seen in training)")
    started, cpu = time.perf_counter(), time.process_time()
    model = engine.train([r.record for r in fit], [r.label for r in fit], units=units, source=f"bench split {name}")
    train_seconds, train_cpu = time.perf_counter() - started, time.process_time() - cpu
    labels = [r.label for r in held]
    text_only = [engine.Record(**{**r.record.__dict__, "category": ""}) for r in held]
    m_text = model.evaluate(text_only, labels)
    m_cat = model.evaluate([r.record for r in held], labels)
    batched, single, batched_wall = speed(model, text_only)
    print(f"{'model':44} {'top-1':>6} {'top-3':>6} {'mF1':>6} {'train s':>8} {'pred/s':>8} {'1-by-1/s':>9}")
    line = "{:44} {:6.3f} {:6.3f} {:6.3f} {:8.1f} {:>8} {:>9}"
    print(line.format("router: text+address+location", m_text.top1, m_text.top3, m_text.macro_f1, train_cpu,
                      f"{batched:,.0f}", f"{single:,.0f}"))  # fmt: skip
    print(line.format("router: … + category (topik)", m_cat.top1, m_cat.top3, m_cat.macro_f1, train_cpu, "", ""))
    if not args.no_baseline:
        cpu = time.process_time()
        m_base, _wall = baseline(fit, held)
        base_seconds = time.process_time() - cpu
        print(line.format("reference: char TF-IDF + LinearSVC", m_base.top1, m_base.top3, m_base.macro_f1,
                          base_seconds, "", ""))  # fmt: skip
    print(f"train: {train_cpu:.1f} CPU s ({train_seconds:.1f} s wall, including the 85 % hold-out fit); ", end="")
    print(f"batched prediction {batched_wall:,.0f}/s wall-clock. Times are CPU seconds on one pinned core.")
    val = model.metrics.get("validation", {})
    print(f"model's own hold-out (last 15 % of training): {val}")
    if args.save:
        out = REPO / "bench" / "out" / "routing"
        path = out / f"router-split-{name}.model"
        engine.save(model, path)
        print(f"model written to {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--splits", default="A,B")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--save", action="store_true", help="write the models under bench/out/routing/")
    args = parser.parse_args()
    train_csv = args.data / "surabaya_2022_train.csv"
    if not train_csv.exists():
        raise SystemExit(f"{train_csv} not found: the benchmark needs ../shared/data/routing/")
    rows = csvio.read_rows(train_csv, require_label=True)
    units_csv = args.data / "surabaya_agencies.csv"
    units = csvio.read_units(units_csv) if units_csv.exists() else []
    print(f"{len(rows)} labelled rows, {len({r.label for r in rows})} units in labels, {len(units)} units listed")
    print(f"one CPU: {sorted(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else '?'}")
    for name in [s.strip().upper() for s in args.splits.split(",") if s.strip()]:
        run_split(name, rows, units, args)


if __name__ == "__main__":
    main()
