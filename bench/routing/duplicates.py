"""Precision and recall of the duplicate matcher on the labelled pairs in ``duplicate_pairs.csv``.

    .venv/bin/python bench/routing/duplicates.py

The pairs (ids of the Surabaya 2022 data, labels only) were drawn by ``dup_candidates.py`` and labelled by hand
with the rules in ``README.md``: ``dup`` (the same problem at the same place, or the same person's same request,
filed again), ``co`` (an identical text sent to different units on purpose: not a duplicate), ``rel`` (same
place or reporter, different problem or spot) and ``no``. A pair counts as found when the matcher scores it a
``duplicate`` at or above its threshold. The data has no reporter identities (masked), so the "same reporter"
rule is not exercised here; the unit each report went to is known, as in the verification screen.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from dup_candidates import LABELS, load_docs  # noqa: E402

from lapor.routing import matcher  # noqa: E402


def main() -> None:
    docs, _rows = load_docs()
    by_key = {d.key: d for d in docs}
    with LABELS.open(encoding="utf-8") as fh:
        pairs = [(r["id_a"], r["id_b"], r["label"]) for r in csv.DictReader(fh)]
    counts: dict[str, int] = {}
    for *_ab, label in pairs:
        counts[label] = counts.get(label, 0) + 1
    print(f"{len(pairs)} labelled pairs: {counts}")
    print(f"{'threshold':>9} {'precision':>9} {'recall':>7} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}  co flagged")
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
        m = matcher.Matcher(threshold=threshold)
        tp = fp = fn = co_flagged = 0
        for a, b, label in pairs:
            match = m.score(by_key[a], by_key[b])
            found = match is not None and match.kind == matcher.DUPLICATE
            if label == "dup":
                tp += found
                fn += not found
            else:
                fp += found
                co_flagged += found and label == "co"
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        mark = "  <- default" if threshold == matcher.Matcher().threshold else ""
        print(f"{threshold:9.2f} {precision:9.3f} {recall:7.3f} {f1:6.3f} {tp:4} {fp:4} {fn:4}  {co_flagged}{mark}")


if __name__ == "__main__":
    main()
