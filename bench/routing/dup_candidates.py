"""Draw the candidate pairs behind the labelled duplicate set (``duplicate_pairs.csv``) and show them to a
human labeller. Texts are printed to the terminal only; the repository keeps ids and labels, never texts.

    .venv/bin/python bench/routing/dup_candidates.py --show            # print every pair in the set
    .venv/bin/python bench/routing/dup_candidates.py --draw > /tmp/p    # re-draw the sample (same seed)

Pairs: two reports of the 2022 Surabaya data filed within 30 days of each other in the same kecamatan, with a
text similarity (the larger of character-4-gram Jaccard and content-word Dice, see ``lapor/routing/matcher.py``)
of at least 0.25, sampled per similarity band with a fixed seed so that every band is represented.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from lapor.routing import csvio, matcher  # noqa: E402

DATA = REPO.parent / "shared" / "data" / "routing" / "surabaya_2022_train.csv"
LABELS = Path(__file__).with_name("duplicate_pairs.csv")
BANDS = [(0.95, 1.01, 30), (0.7, 0.95, 35), (0.5, 0.7, 35), (0.35, 0.5, 35), (0.25, 0.35, 25)]
SEED = 20221231


def load_docs(path: Path = DATA) -> tuple[list[matcher.Doc], dict[str, csvio.Row]]:
    rows = csvio.read_rows(path, require_label=True)
    docs = [
        matcher.Doc(
            key=r.id,
            text=r.record.text,
            address=r.record.address,
            kelurahan=r.record.kelurahan,
            kecamatan=r.record.kecamatan,
            submitted_at=r.record.submitted_at,
            unit=r.label,
        )
        for r in rows
    ]
    return docs, {r.id: r for r in rows}


def similarity(a: matcher.Doc, b: matcher.Doc) -> float:
    return max(matcher._jaccard(a._sh, b._sh), matcher._dice(a._cw, b._cw))


def candidate_pairs(docs: list[matcher.Doc]) -> list[tuple[str, str, float]]:
    by_kec: dict[str, list[matcher.Doc]] = defaultdict(list)
    for d in docs:
        by_kec[matcher.place_key(d.kecamatan)].append(d)
    out = []
    for group in by_kec.values():
        group.sort(key=lambda d: d.submitted_at)
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if (b.submitted_at - a.submitted_at).days > 30:
                    break
                s = similarity(a, b)
                if s >= 0.25:
                    out.append((a.key, b.key, s))
    return out


def draw(docs: list[matcher.Doc]) -> list[tuple[str, str, float]]:
    pool = candidate_pairs(docs)
    rng = random.Random(SEED)
    picked = []
    for lo, hi, n in BANDS:
        band = sorted(p for p in pool if lo <= p[2] < hi)
        picked += rng.sample(band, min(n, len(band)))
    print(f"# {len(pool)} candidate pairs; {len(picked)} drawn", file=sys.stderr)
    return picked


def show(rows: dict[str, csvio.Row], a: str, b: str, extra: str = "") -> None:
    for key in (a, b):
        r = rows[key]
        print(
            f"  [{key}] {r.record.submitted_at:%Y-%m-%d %H:%M} | {r.record.kelurahan}/{r.record.kecamatan} | {r.label}"
        )
        print(f"      alamat: {r.record.address[:100]!r}")
        print(f"      {' '.join(r.record.text.split())[:600]}")
    print(f"  {extra}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--draw", action="store_true", help="print the drawn sample (ids, similarity, texts)")
    parser.add_argument("--show", action="store_true", help="print the labelled pairs with their texts")
    args = parser.parse_args()
    docs, rows = load_docs()
    if args.draw:
        for n, (a, b, s) in enumerate(draw(docs), 1):
            print(f"#{n} {a},{b} sim={s:.2f}")
            show(rows, a, b)
    if args.show:
        with LABELS.open(encoding="utf-8") as fh:
            for item in csv.DictReader(fh):
                print(f"{item['id_a']},{item['id_b']} -> {item['label']}")
                show(rows, item["id_a"], item["id_b"])


if __name__ == "__main__":
    main()
