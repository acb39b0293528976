"""Error analysis and the variants tried against the router, on the Surabaya 2022 time splits.

    .venv/bin/python bench/routing/analysis.py errors              # split A: what the text+location errors are
    .venv/bin/python bench/routing/analysis.py variants --splits A,B,C
    .venv/bin/python bench/routing/analysis.py ceiling             # random (not time) split, same router
    .venv/bin/python bench/routing/analysis.py rolling             # split A's months, retrained monthly

Prints figures and unit names only (unit names are reference facts); no complaint text, model or vocabulary is
written anywhere. Every variant reuses the router's own features (``Featurizer.base``) and its resolver, and
changes one thing: the classifier, an extra feature block, a decision rule. Each line is top-1 / top-3 /
macro-F1 over all units, exactly as ``run.py`` computes them. Pinned to one CPU and one BLAS thread.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import sys
import warnings
from collections import Counter, defaultdict
from pathlib import Path

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[-1]})

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402
import scipy.sparse as sp  # noqa: E402
from sklearn.exceptions import ConvergenceWarning  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.naive_bayes import ComplementNB  # noqa: E402
from sklearn.svm import LinearSVC  # noqa: E402

from lapor.routing import csvio, engine  # noqa: E402

warnings.simplefilter("ignore", ConvergenceWarning)
DATA = REPO.parent / "shared" / "data" / "routing"
SPLITS = {
    "A": (("2022-01-01", "2022-10-01"), ("2022-10-01", "2023-01-01")),
    "B": (("2022-01-01", "2022-07-01"), ("2022-07-01", "2022-10-01")),
    "C": (("2022-01-01", "2022-04-01"), ("2022-04-01", "2022-07-01")),
}
KIND = {engine.KEL: "kelurahan office", engine.KEC: "kecamatan office"}


def kind_of(label: str) -> str:
    return KIND.get(engine.family_of_name(label) or "", "dinas/badan/bagian")


def nocat(record: engine.Record) -> engine.Record:
    return engine.Record(**{**record.__dict__, "category": ""})


def softmax(scores: np.ndarray, t: float = 0.3) -> np.ndarray:
    z = scores / t
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def zscore(s: np.ndarray) -> np.ndarray:
    return (s - s.mean(axis=1, keepdims=True)) / (s.std(axis=1, keepdims=True) + 1e-9)


def svm(x, y, c: float = 0.5, **kw) -> LinearSVC:
    return LinearSVC(C=c, tol=1e-2, max_iter=2000, class_weight=kw.pop("class_weight", "balanced")).fit(x, y, **kw)


class Split:
    """One time split with the router trained on it and its feature matrices, for the variants to reuse."""

    def __init__(self, name: str, rows, units, topics: dict[str, str]):
        self.name = name
        fit, held = csvio.time_split(rows, train=SPLITS[name][0], test=SPLITS[name][1])
        self.fit = sorted(fit, key=lambda r: r.record.submitted_at)
        self.held = held
        self.train_records = [r.record for r in self.fit]
        self.test_records = [nocat(r.record) for r in held]
        self.labels = [r.label for r in held]
        self.model = engine.train(self.train_records, [r.label for r in self.fit], units=units, validate=False)
        self.xtr = self.model.featurizer.base(self.train_records)
        self.xte = self.model.featurizer.base(self.test_records)
        self.families = np.array(engine._family_labels([r.label for r in self.fit], self.model.units))
        self.clf = self.model.heads["text"].clf
        self.classes = self.clf.classes_
        self.index = {c: i for i, c in enumerate(self.classes)}
        self.scores = engine._scores(self.clf, self.xte)
        self.topics = np.array([topics.get(r.id) or "_none" for r in self.fit])

    def expand(self, probs: np.ndarray, k: int = 3) -> list[list[engine.Candidate]]:
        """Family probabilities → concrete units through the router's own resolver (as ``RouterModel._expand``)."""
        out = []
        for record, p in zip(self.test_records, probs, strict=True):
            scores: dict[str, float] = defaultdict(float)
            for j in np.argsort(-p)[: k + 4]:
                family, pj = str(self.classes[j]), float(p[j])
                if family in engine.FAMILIES:
                    for unit, weight, _how in self.model.resolver.resolve(family, record):
                        scores[unit.label] += pj * weight
                elif family in self.model.units:
                    scores[family] += pj
            ranked = sorted(scores.items(), key=lambda kv: -kv[1])[:k]
            out.append([engine.Candidate(label, "", p, "") for label, p in ranked])
        return out

    def figures(self, probs_or_predictions) -> str:
        preds = probs_or_predictions
        if isinstance(preds, np.ndarray):
            preds = self.expand(preds)
        m = engine.evaluate_predictions(preds, self.labels)
        return f"{m.top1:.3f} / {m.top3:.3f} / {m.macro_f1:.3f}"


def load(args):
    train_csv = args.data / "surabaya_2022_train.csv"
    if not train_csv.exists():
        raise SystemExit(f"{train_csv} not found: the analysis needs ../shared/data/routing/")
    rows = csvio.read_rows(train_csv, require_label=True)
    units_csv = args.data / "surabaya_agencies.csv"
    units = csvio.read_units(units_csv) if units_csv.exists() else []
    with train_csv.open(encoding="utf-8-sig", newline="") as fh:
        topics = {r["id"]: r.get("topik") or "" for r in csv.DictReader(fh)}
    return rows, units, topics


# --- errors ------------------------------------------------------------------------------------------------


def errors(args) -> None:
    rows, units, topics = load(args)
    s = Split("A", rows, units, topics)
    preds = s.expand(softmax(s.scores))
    print(f"split A, text+location: {s.figures(preds)} (top-1 / top-3 / macro-F1), {len(s.labels)} test rows")
    kinds, pairs, topic_of_errors = Counter(), Counter(), Counter()
    same_text: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        same_text[csvio.text_key(r.record.text)].add(r.label)
    seen_labels = {r.label for r in s.fit}
    seen_topics = set(s.topics)
    multi = unseen_label = unseen_topic = short = 0
    for row, p, y in zip(s.held, preds, s.labels, strict=True):
        top = p[0].label if p else ""
        if top == y:
            continue
        ky, kt = kind_of(y), kind_of(top)
        kinds["dinas ↔ dinas (right kind, wrong unit)" if ky == kt == "dinas/badan/bagian" else
              f"same kind ({ky}), wrong place" if ky == kt else f"kind of office: {ky} → {kt}"] += 1  # fmt: skip
        pairs[(y, top)] += 1
        topic_of_errors[topics.get(row.id) or "(none)"] += 1
        multi += len(same_text[csvio.text_key(row.record.text)]) > 1
        unseen_label += y not in seen_labels
        unseen_topic += (topics.get(row.id) or "_none") not in seen_topics
        short += len(row.record.text.split()) < 6
    n_err = sum(kinds.values())
    print(f"\n{n_err} errors at top-1:")
    for k, n in kinds.most_common():
        print(f"  {n:4d}  {k}")
    print("\nlargely irreducible from the text (overlapping):")
    print(f"  {multi:4d}  the same text (normalised) went to more than one unit somewhere in 2022")
    print(f"  {unseen_label:4d}  true unit never seen in the training months")
    print(f"  {unseen_topic:4d}  topic (topik) never seen in the training months (a new programme)")
    print(f"  {short:4d}  text shorter than six words")
    print("\nmost frequent (true unit → predicted unit):")
    for (y, t), n in pairs.most_common(15):
        print(f"  {n:4d}  {y} → {t}")
    print("\ntopics of the errors (what the unit was routed by):")
    for t, n in topic_of_errors.most_common(12):
        print(f"  {n:4d}  {t}")
    fams = np.array(engine._family_labels(s.labels, s.model.units))
    order = np.argsort(-s.scores, axis=1)
    ranks = np.array([list(s.classes[o]).index(f) if f in s.index else 99 for o, f in zip(order, fams, strict=True)])
    print("\nrank of the true office family among the classifier's classes (before resolving the place):")
    print("  " + "  ".join(f"≤{k}: {(ranks < k).mean():.3f}" for k in (1, 2, 3, 5, 10)))
    by_topic: dict[str, Counter] = defaultdict(Counter)
    for t, f in zip(s.topics, s.families, strict=True):
        by_topic[t][f] += 1
    test_topics = [topics.get(r.id) or "_none" for r in s.held]
    known = [t in by_topic for t in test_topics]
    agree = [by_topic[t].most_common(1)[0][0] == f for t, f, k in zip(test_topics, fams, known, strict=True) if k]
    print(f"\nif the topic were known: its majority office family in training is right for {np.mean(agree):.3f} of")
    print(f"the {sum(known)} test rows with a known topic — the router's category head reaches ~0.95 for that reason.")


# --- variants ----------------------------------------------------------------------------------------------

STREET = re.compile(r"\b(?:jl|jln|jalan)\b\.?\s*([a-z]+(?:\s+[a-z]+)?)")
TOKENS = {"token_pattern": r"\S+", "use_idf": False, "norm": None, "lowercase": False, "binary": True}


def street(r: engine.Record) -> str:
    m = STREET.search(engine.fold(r.address)) or STREET.search(engine.fold(r.text))
    if m:
        return "st_" + m.group(1).replace(" ", "_")
    words = engine.fold(r.address).split()
    return "st_" + "_".join(words[:2]) if words else "st_none"


def mentions(r: engine.Record) -> str:
    text = engine.fold(f"{r.title} {r.text}")
    words = set(text.split())
    out = []
    if words & {"kelurahan", "kel", "lurah"}:
        out.append("m_kel")
    if words & {"kecamatan", "kec", "camat"}:
        out.append("m_kec")
    if words & {"rt", "rw"}:
        out.append("m_rtrw")
    if engine.fold(r.kelurahan) and engine.fold(r.kelurahan) in text:
        out.append("m_own_kel")
    if engine.fold(r.kecamatan) and engine.fold(r.kecamatan) in text:
        out.append("m_own_kec")
    if not r.address.strip():
        out.append("no_address")
    out.append(f"len_{min(6, int(np.log2(len(text.split()) + 1)))}")
    return " ".join(out)


def with_block(s: Split, fn, weight: float = 0.5) -> np.ndarray:
    vec = TfidfVectorizer(**TOKENS).fit([fn(r) for r in s.train_records])
    a = sp.hstack([s.xtr, vec.transform([fn(r) for r in s.train_records]) * weight], format="csr")
    b = sp.hstack([s.xte, vec.transform([fn(r) for r in s.test_records]) * weight], format="csr")
    return softmax(engine._scores(svm(a, s.families), b))


def variants_of(s: Split):
    base = softmax(s.scores)
    yield "router as shipped (LinearSVC, balanced)", base
    lr = LogisticRegression(C=20, max_iter=200, class_weight="balanced").fit(s.xtr, s.families)
    lr_scores = lr.decision_function(s.xte)
    yield "logistic regression instead", softmax(zscore(lr_scores), 0.5)
    yield "SVM + logistic regression (z-scored mean)", softmax((zscore(s.scores) + zscore(lr_scores)) / 2, 0.6)
    off, n = s.model.featurizer.word_offset, len(s.model.featurizer.word.vocabulary_)
    cnb = ComplementNB(alpha=0.3).fit(s.xtr[:, off : off + n], s.families)
    cnb_scores = cnb.predict_joint_log_proba(s.xte[:, off : off + n])
    yield "SVM + complement NB on word n-grams", softmax((zscore(s.scores) + zscore(cnb_scores)) / 2, 0.6)
    # topic (topik) learned as an auxiliary target, its distribution mapped to office families
    tclf = svm(s.xtr, s.topics)
    m = np.full((len(tclf.classes_), len(s.classes)), 0.01)
    t_index = {t: i for i, t in enumerate(tclf.classes_)}
    for t, f in zip(s.topics, s.families, strict=True):
        m[t_index[t], s.index[f]] += 1
    m /= m.sum(axis=1, keepdims=True)
    via_topic = softmax(engine._scores(tclf, s.xte), 0.1) @ m
    yield "via predicted topic only", via_topic
    yield "½ router + ½ via predicted topic", 0.5 * base + 0.5 * via_topic
    # hierarchical: kind of office first, then the dinas among dinas
    kind = np.array([f if f in engine.FAMILIES else "dinas" for f in s.families])
    ck = svm(s.xtr, kind)
    pk = softmax(engine._scores(ck, s.xte))
    mask = kind == "dinas"
    cd = svm(s.xtr[mask], s.families[mask])
    pd = softmax(engine._scores(cd, s.xte))
    hier = np.zeros_like(base)
    for j, c in enumerate(cd.classes_):
        hier[:, s.index[c]] = pk[:, list(ck.classes_).index("dinas")] * pd[:, j]
    for fam in engine.FAMILIES:
        if fam in s.index:
            hier[:, s.index[fam]] = pk[:, list(ck.classes_).index(fam)]
    yield "hierarchical (kind of office → unit)", hier
    # nearest neighbours in the same TF-IDF space (near-identical earlier texts)
    sim = (s.xte @ s.xtr.T).toarray()
    knn = np.zeros_like(base)
    for i, row in enumerate(np.argsort(-sim, axis=1)[:, :10]):
        for j in row:
            knn[i, s.index[s.families[j]]] += sim[i, j] ** 2
    knn /= knn.sum(axis=1, keepdims=True) + 1e-9
    yield "0.7 router + 0.3 kNN (k=10, cosine²)", 0.7 * base + 0.3 * knn
    yield "+ street of the address (one-hot, learned)", with_block(s, street)
    yield "+ mentions (kelurahan/kecamatan/RT-RW/own place named, length)", with_block(s, mentions)
    # recency: weights and priors from the last months
    age = np.array([(s.fit[-1].record.submitted_at - r.record.submitted_at).days for r in s.fit])
    recent = svm(s.xtr, s.families, sample_weight=0.5 + np.exp(-age / 120))
    yield "recency-weighted training (half-life ~120 days)", softmax(engine._scores(recent, s.xte))
    counts_all, counts_recent = np.ones(len(s.classes)), np.ones(len(s.classes))
    for i, f in enumerate(s.families):
        counts_all[s.index[f]] += 1
        counts_recent[s.index[f]] += i >= len(s.families) * 2 // 3
    shift = np.log(counts_recent / counts_recent.sum()) - np.log(counts_all / counts_all.sum())
    shifted = base * np.exp(0.3 * shift)
    yield "class priors shifted to the last third of training", shifted / shifted.sum(axis=1, keepdims=True)
    for bias in (0.1, 0.2):
        biased = s.scores.copy()
        for fam in engine.FAMILIES:
            if fam in s.index:
                biased[:, s.index[fam]] += bias
        yield f"place-bound offices' scores + {bias} (top-1 calibration)", softmax(biased)
    hedged = []
    for record, p in zip(s.test_records, s.expand(base), strict=True):
        own, _ = s.model.resolver.own(engine.KEL, record)
        if own is not None and own.label not in {c.label for c in p}:
            p = [*p[:2], engine.Candidate(own.label, "", 0.0, "")]
        hedged.append(p)
    yield "own kelurahan office always in the top 3", hedged


def variants(args) -> None:
    rows, units, topics = load(args)
    results: dict[str, dict[str, str]] = defaultdict(dict)
    names = [n.strip().upper() for n in args.splits.split(",") if n.strip()]
    for name in names:
        s = Split(name, rows, units, topics)
        for label, probs in variants_of(s):
            results[label][name] = s.figures(probs)
            print(f"{name}  {label:66} {results[label][name]}", flush=True)
    print(f"\n| variant | {' | '.join(f'split {n}' for n in names)} |")
    print(f"|---|{'---|' * len(names)}")
    for label, by_split in results.items():
        print(f"| {label} | {' | '.join(by_split.get(n, '') for n in names)} |")


def ceiling(args) -> None:
    """The same router on random 80/20 splits (texts identical after normalisation kept on one side): what the
    features can do without any drift between months."""
    rows, units, _topics = load(args)
    rows = [r for r in rows if r.record.submitted_at]
    keys = sorted({csvio.text_key(r.record.text) for r in rows})
    random.Random(0).shuffle(keys)
    for fold in range(2):
        test = set(keys[fold::5])
        fit = [r for r in rows if csvio.text_key(r.record.text) not in test]
        held = [r for r in rows if csvio.text_key(r.record.text) in test]
        model = engine.train([r.record for r in fit], [r.label for r in fit], units=units, validate=False)
        m = model.evaluate([nocat(r.record) for r in held], [r.label for r in held])
        print(f"random fold {fold}: {len(fit)} → {len(held)} rows: {m.top1:.3f} / {m.top3:.3f} / {m.macro_f1:.3f}")


def rolling(args) -> None:
    """Not the benchmark's protocol: split A's test months scored as deployed, retraining at the start of each
    month on everything handled before it (the product retrains weekly). Shows how much of the gap is drift."""
    rows, units, _topics = load(args)
    months = [("2022-10-01", "2022-11-01"), ("2022-11-01", "2022-12-01"), ("2022-12-01", "2023-01-01")]
    preds, labels = [], []
    for lo, hi in months:
        fit, held = csvio.time_split(rows, train=("2022-01-01", lo), test=(lo, hi))
        model = engine.train([r.record for r in fit], [r.label for r in fit], units=units, validate=False)
        month = model.predict([nocat(r.record) for r in held])
        m = engine.evaluate_predictions(month, [r.label for r in held])
        figures = f"{m.top1:.3f} / {m.top3:.3f} / {m.macro_f1:.3f}"
        print(f"{lo[:7]}: trained on {len(fit)} rows, {len(held)} test rows: {figures}")
        preds += month
        labels += [r.label for r in held]
    m = engine.evaluate_predictions(preds, labels)
    print(f"October–December, monthly retraining: {m.top1:.3f} / {m.top3:.3f} / {m.macro_f1:.3f} ({len(labels)} rows)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=("errors", "variants", "ceiling", "rolling"))
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--splits", default="A,B,C")
    args = parser.parse_args()
    {"errors": errors, "variants": variants, "ceiling": ceiling, "rolling": rolling}[args.what](args)


if __name__ == "__main__":
    main()
