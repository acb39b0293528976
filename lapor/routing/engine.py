"""The agency router: learns from an installation's own disposition history which unit handles a report.

Pure module (no ORM, no clock, no Django): the services, the ``lapor router`` command and the benchmark all
drive it. See ``docs/subsystems/routing.md`` and ``docs/decisions/0011-agency-router.md``.

Two stages:

1. **What kind of office.** A linear SVM over TF-IDF features of the text (character and word n-grams), the
   address, the location (kelurahan/kecamatan as one-hot tokens) and, when known, the category predicts a
   *family*: either one concrete unit (``Dinas Perhubungan``) or an abstract place-bound class — "the
   kelurahan office of the report's own kelurahan" (``@kelurahan``) or "the kecamatan office of its
   kecamatan" (``@kecamatan``). Complaints handled by a kelurahan office are ~95 % about that very
   kelurahan, so learning *kelurahan X* as 150 separate classes from a handful of examples each would waste
   the signal; learning "a kelurahan office" once does not.
2. **Which one.** A :class:`PlaceResolver` turns an abstract class into the concrete unit from the report's
   location and the list of units (region code, then normalised name, then a near-miss spelling, then what
   the history taught about that place's name, then a place named in the text).

Confidences are a softmax of the SVM's decision scores with a temperature fitted on a chronological hold-out
(the last 15 % of the training history), which also gives the model's own validation figures.

Model files start with one JSON header line (format, version, training date, metrics, library versions) and
then the pickled model; :func:`load` refuses a file whose format version differs before unpickling anything.
Only load model files this installation wrote (pickle executes code).
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import math
import pickle
import re
import time
import unicodedata
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score
from sklearn.svm import LinearSVC

from lapor.routing import reasons

FORMAT = "lapor-router"
FORMAT_VERSION = 1
KEL = "@kelurahan"
KEC = "@kecamatan"
FAMILIES = (KEL, KEC)
TOP_K = 3
HOLDOUT_SHARE = 0.15
MIN_HOLDOUT = 30

# "Kelurahan X", "Kel. X", "Kantor Kelurahan X", "Desa X" (a desa is the rural kelurahan) …
_PREFIXES = {
    KEL: re.compile(r"^\s*(kantor\s+)?(kelurahan|kel\b\.?|desa|kalurahan)\s*", re.I),
    KEC: re.compile(r"^\s*(kantor\s+)?(kecamatan|kec\b\.?|distrik|kapanewon|kemantren)\s*", re.I),
}
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


class RouterError(ValueError):
    """Bad training data or an unusable model file (the caller turns it into its own error)."""


# --- normalisation ---------------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case, accents and mojibake folded to ASCII, every run of other characters one space."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return " ".join(_NON_ALNUM.sub(" ", text.lower()).split())


def place_key(name: str, family: str | None = None) -> str:
    """A place name reduced to letters and digits, without its office prefix, so that ``Kelurahan Gunung
    Anyar``, ``gununganyar`` and ``Kel. Gunung-Anyar`` compare equal: ``place_key("Kel. Gunung Anyar") ==
    "gununganyar"``.
    """
    name = name or ""
    for fam, pattern in _PREFIXES.items():
        if family in (None, fam):
            name = pattern.sub("", name, count=1)
    return fold(name).replace(" ", "")


def family_of_name(name: str) -> str | None:
    """``@kelurahan`` for "Kelurahan X"-style unit names, ``@kecamatan`` for "Kecamatan X", else None."""
    for fam, pattern in _PREFIXES.items():
        if pattern.match(name or "") and place_key(name, fam):
            return fam
    return None


# --- data ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Record:
    """What a report carries that the router may use. Codes are Kemendagri region codes when known."""

    text: str
    title: str = ""
    address: str = ""
    category: str = ""
    kelurahan: str = ""
    kecamatan: str = ""
    kelurahan_code: str = ""
    kecamatan_code: str = ""
    submitted_at: dt.datetime | None = None


@dataclass(frozen=True)
class Unit:
    """A unit the router can name. ``label`` is what predictions return (a name in CSV mode, an agency code
    in the product); ``family`` is ``@kelurahan``/``@kecamatan`` for place-bound offices, else empty.
    """

    label: str
    name: str
    family: str = ""
    region_code: str = ""

    @property
    def place(self) -> str:
        return place_key(self.name, self.family or None)


@dataclass(frozen=True)
class Candidate:
    """One suggested unit with its confidence (0–1) and a one-line reason a verifier can read: ``reason`` in
    Indonesian, ``why`` the same as structured parts (:mod:`lapor.routing.reasons`) for rendering in another
    language.
    """

    label: str
    name: str
    confidence: float
    reason: str
    why: tuple[reasons.Part, ...] = ()


@dataclass
class Metrics:
    top1: float
    top3: float
    macro_f1: float
    n: int

    def as_dict(self) -> dict[str, float | int]:
        return {
            "top1": round(self.top1, 4),
            "top3": round(self.top3, 4),
            "macro_f1": round(self.macro_f1, 4),
            "n": self.n,
        }


# --- stage 2: from an abstract office to a concrete unit -----------------------------------------------------


@dataclass
class PlaceResolver:
    """Finds the kelurahan/kecamatan office of a location among the known units.

    Order: Kemendagri code of the unit's region; the normalised name; a near-miss spelling (``Pabean Cantikan``
    → ``Kecamatan Pabean Cantian``); what the training history taught about that place name (a kelurahan
    merged into another's office); finally a place of the family named in the text itself.
    """

    units: dict[str, list[Unit]] = field(default_factory=dict)  # family -> units
    aliases: dict[str, dict[str, str]] = field(default_factory=dict)  # family -> place key -> label
    fuzzy_cutoff: float = 0.85

    def __post_init__(self) -> None:
        self._by_code: dict[str, dict[str, Unit]] = {}
        self._by_place: dict[str, dict[str, list[Unit]]] = {}
        self._mention: dict[str, re.Pattern[str] | None] = {}
        self._mention_unit: dict[str, dict[str, Unit]] = {}
        for fam in FAMILIES:
            units = self.units.get(fam, [])
            self._by_code[fam] = {u.region_code: u for u in units if u.region_code}
            self._by_place[fam] = defaultdict(list)
            for u in units:
                if u.place:
                    self._by_place[fam][u.place].append(u)
            words = {fold(_PREFIXES[fam].sub("", u.name, count=1)): u for u in units}
            words = {w: u for w, u in words.items() if len(w) >= 4}
            self._mention_unit[fam] = {w.replace(" ", ""): u for w, u in words.items()}
            alternatives = sorted((r"\s*".join(map(re.escape, w.split())) for w in words), key=len, reverse=True)
            self._mention[fam] = re.compile(r"\b(" + "|".join(alternatives) + r")\b") if alternatives else None

    def __getstate__(self) -> dict:
        return {"units": self.units, "aliases": self.aliases, "fuzzy_cutoff": self.fuzzy_cutoff}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.__post_init__()

    def own(self, family: str, record: Record) -> tuple[Unit | None, str]:
        """The office of the record's own place, and its place name as written (for the explanation)."""
        code, name = (
            (record.kelurahan_code, record.kelurahan) if family == KEL else (record.kecamatan_code, record.kecamatan)
        )
        if code and code in self._by_code[family]:
            return self._by_code[family][code], name or self._by_code[family][code].name
        key = place_key(name, family)
        if not key:
            return None, ""
        # Where the report and the unit both carry Kemendagri codes, a unit of another city never matches by name.
        city = (record.kelurahan_code or record.kecamatan_code)[:5]
        unit = self._first(self._by_place[family].get(key, []), city)
        if unit is None and key in self.aliases.get(family, {}):
            unit = self._unit(family, self.aliases[family][key])
        if unit is None:
            for close in difflib.get_close_matches(key, list(self._by_place[family]), n=3, cutoff=self.fuzzy_cutoff):
                unit = self._first(self._by_place[family][close], city)
                if unit is not None:
                    break
        return unit, name

    @staticmethod
    def _first(units: list[Unit], city: str) -> Unit | None:
        return next((u for u in units if not city or not u.region_code or u.region_code.startswith(city)), None)

    def mentioned(self, family: str, text: str) -> list[Unit]:
        """Units of ``family`` whose place is named in ``text`` (first mention first)."""
        pattern = self._mention.get(family)
        if pattern is None:
            return []
        found: list[Unit] = []
        for match in pattern.finditer(fold(text)):
            unit = self._mention_unit[family].get(match.group(1).replace(" ", ""))
            if unit is not None and unit not in found:
                found.append(unit)
        return found

    def resolve(self, family: str, record: Record) -> list[tuple[Unit, float, reasons.Part]]:
        """Concrete offices for an abstract class, with weights summing to 1 and where each came from (a reason
        part: the report's own place, or named in the text).
        """
        own, place = self.own(family, record)
        city = (record.kelurahan_code or record.kecamatan_code)[:5]
        mentions = [
            u
            for u in self.mentioned(family, f"{record.title} {record.text} {record.address}")
            if u != own and self._first([u], city) is not None
        ]
        if own is not None:
            rest = mentions[:2]
            share = 0.1 / len(rest) if rest else 0.0
            named = reasons.office(family == KEL, None)
            return [(own, 1.0 - share * len(rest), reasons.office(family == KEL, place))] + [
                (u, share, named) for u in rest
            ]
        if mentions:
            rest = mentions[:3]
            return [(u, 1.0 / len(rest), reasons.office(family == KEL, None)) for u in rest]
        return []

    def _unit(self, family: str, label: str) -> Unit | None:
        return next((u for u in self.units.get(family, []) if u.label == label), None)


def _learn_aliases(units: Sequence[Unit], records: Sequence[Record], labels: Sequence[str]) -> dict[str, dict]:
    """Place names in the history whose reports a *different-looking* office handled, most of the time."""
    by_label = {u.label: u for u in units}
    seen: dict[str, dict[str, Counter]] = {fam: defaultdict(Counter) for fam in FAMILIES}
    for record, label in zip(records, labels, strict=True):
        unit = by_label.get(label)
        if unit is None or not unit.family:
            continue
        key = place_key(record.kelurahan if unit.family == KEL else record.kecamatan, unit.family)
        if key:
            seen[unit.family][key][label] += 1
    aliases: dict[str, dict[str, str]] = {}
    for fam, places in seen.items():
        known = {u.place for u in units if u.family == fam}
        aliases[fam] = {}
        for key, counts in places.items():
            label, n = counts.most_common(1)[0]
            if key not in known and n >= 2 and n / sum(counts.values()) >= 0.5:
                aliases[fam][key] = label
    return aliases


# --- stage 1: features and the classifier ----------------------------------------------------------------------


def _location_tokens(record: Record) -> str:
    kel = place_key(record.kelurahan, KEL) or "none"
    kec = place_key(record.kecamatan, KEC) or "none"
    return f"kel_{kel} kec_{kec}"


def _category_tokens(record: Record) -> str:
    """``A › B › C`` becomes ``cat_a cat_a_b cat_a_b_c``: a parent category still carries signal."""
    parts = [fold(p).replace(" ", "_") for p in re.split(r"›|>|/|\|", record.category or "") if fold(p)]
    return " ".join("cat_" + "__".join(parts[: i + 1]) for i in range(len(parts)))


class CharNgramTfidf:
    """Character n-grams inside word boundaries (scikit-learn's ``char_wb``), TF-IDF weighted (sublinear tf,
    smoothed idf, L2 norm), computed per distinct word instead of per character position.

    A word's n-grams never change, so each word is analysed once and cached; a batch of documents is then
    two sparse products (documents × words, words × n-grams). That makes transforming ~5× faster than
    :class:`~sklearn.feature_extraction.text.TfidfVectorizer` with the same features.
    """

    def __init__(self, *, ngram_range: tuple[int, int] = (2, 5), min_df: int = 2, max_features: int | None = None):
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_features = max_features
        self.vocabulary_: dict[str, int] = {}
        self.idf_: np.ndarray = np.zeros(0)
        self._cache: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "_cache"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._cache = {}

    def _grams(self, word: str) -> list[str]:
        w = f" {word} "
        lo, hi = self.ngram_range
        grams = []
        for n in range(lo, hi + 1):
            if len(w) < n:
                continue
            grams.extend(w[i : i + n] for i in range(len(w) - n + 1))
        return grams

    def _counts(self, docs: Sequence[str], vocab: dict[str, int], grams_of) -> sp.csr_matrix:
        """Documents × features counts through the word table: ``D @ W``."""
        words: dict[str, int] = {}
        indptr, indices = [0], []
        for doc in docs:
            for word in doc.lower().split():
                indices.append(words.setdefault(word, len(words)))
            indptr.append(len(indices))
        d = sp.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(docs), len(words)))
        w_ptr, w_idx, w_cnt = [0], [], []
        for word in words:
            idx, cnt = grams_of(word)
            w_idx.append(idx)
            w_cnt.append(cnt)
            w_ptr.append(w_ptr[-1] + len(idx))
        w = sp.csr_matrix(
            (
                np.concatenate(w_cnt) if w_cnt else np.zeros(0),
                np.concatenate(w_idx) if w_idx else np.zeros(0, dtype=np.int64),
                w_ptr,
            ),
            shape=(len(words), len(vocab)),
        )
        return (d @ w).tocsr()

    def _word_grams(self, vocab: dict[str, int]):
        def grams_of(word: str) -> tuple[np.ndarray, np.ndarray]:
            hit = self._cache.get(word)
            if hit is None:
                counts = Counter(g for g in self._grams(word) if g in vocab)
                hit = (
                    np.fromiter((vocab[g] for g in counts), dtype=np.int64, count=len(counts)),
                    np.fromiter(counts.values(), dtype=np.float64, count=len(counts)),
                )
                if len(self._cache) < 500_000:
                    self._cache[word] = hit
            return hit

        return grams_of

    def fit(self, docs: Sequence[str]) -> CharNgramTfidf:
        every: dict[str, int] = {}
        for doc in docs:
            for word in set(doc.lower().split()):
                for g in self._grams(word):
                    every.setdefault(g, len(every))
        self._cache = {}
        counts = self._counts(docs, every, self._word_grams(every))
        df = np.bincount(counts.indices, minlength=len(every))
        tf = np.asarray(counts.sum(axis=0)).ravel()
        keep = np.flatnonzero(df >= self.min_df)
        if self.max_features is not None and len(keep) > self.max_features:
            keep = keep[np.argsort(-tf[keep], kind="stable")[: self.max_features]]
        names = np.array(list(every), dtype=object)[keep]
        order = np.argsort(names)
        keep, names = keep[order], names[order]
        self.vocabulary_ = {str(g): i for i, g in enumerate(names)}
        self.idf_ = np.log((1 + len(docs)) / (1 + df[keep])) + 1.0
        self._cache = {}
        return self

    def transform(self, docs: Sequence[str]) -> sp.csr_matrix:
        x = self._counts(docs, self.vocabulary_, self._word_grams(self.vocabulary_))
        x.data = (np.log(x.data) + 1.0) * self.idf_[x.indices]
        norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sp.csr_matrix(sp.diags(1.0 / norms) @ x)


class Featurizer:
    """Turns records into one sparse matrix: char n-grams of the text, words of text and address, location
    one-hots, and (for the category head) category tokens.
    """

    def __init__(self, *, char_max_features: int = 150_000, location_weight: float = 0.5) -> None:
        self.char = CharNgramTfidf(ngram_range=(2, 5), min_df=2, max_features=char_max_features)
        self.word = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2, max_features=200_000)
        tokens = {"token_pattern": r"\S+", "use_idf": False, "norm": None, "lowercase": False, "binary": True}
        self.loc = TfidfVectorizer(**tokens)
        self.cat = TfidfVectorizer(**tokens)
        self.location_weight = location_weight
        self.has_category_vocabulary = False

    @staticmethod
    def _texts(records: Sequence[Record]) -> tuple[list[str], list[str]]:
        body = [f"{r.title}\n{r.text}" if r.title else r.text for r in records]
        words = [f"{b}\n{r.address}" for b, r in zip(body, records, strict=True)]
        return body, words

    def fit(self, records: Sequence[Record]) -> Featurizer:
        body, words = self._texts(records)
        if len(records) < 50:  # a young installation: every n-gram counts
            self.char.min_df = self.word.min_df = 1
        self.char.fit(body)
        self.word.fit(words)
        self.loc.fit([_location_tokens(r) for r in records])
        cats = [_category_tokens(r) for r in records]
        self.has_category_vocabulary = any(cats)
        self.cat.fit([c or "cat_none" for c in cats])
        return self

    def base(self, records: Sequence[Record]) -> sp.csr_matrix:
        body, words = self._texts(records)
        loc = self.loc.transform([_location_tokens(r) for r in records]) * self.location_weight
        return sp.hstack([self.char.transform(body), self.word.transform(words), loc], format="csr")

    def category(self, records: Sequence[Record]) -> sp.csr_matrix:
        return self.cat.transform([_category_tokens(r) or "cat_none" for r in records]).tocsr()

    @property
    def word_offset(self) -> int:
        return len(self.char.vocabulary_)

    @property
    def word_names(self) -> np.ndarray:
        names = self.__dict__.get("_word_names")
        if names is None:
            names = self.__dict__["_word_names"] = self.word.get_feature_names_out()
        return names

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "_word_names"}


def _softmax(scores: np.ndarray, temperature: float) -> np.ndarray:
    z = scores / max(temperature, 1e-3)
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _fit_temperature(scores: np.ndarray, classes: np.ndarray, truth: Sequence[str]) -> float:
    """The softmax temperature minimising the hold-out negative log-likelihood (grid search, log scale)."""
    index = {c: i for i, c in enumerate(classes)}
    rows = [(i, index[t]) for i, t in enumerate(truth) if t in index]
    if not rows:
        return 0.3
    r, c = np.array(rows).T
    best, best_t = math.inf, 0.3
    for t in np.geomspace(0.03, 3.0, 40):
        p = _softmax(scores[r], t)[np.arange(len(r)), c]
        nll = -np.log(np.clip(p, 1e-9, 1)).mean()
        if nll < best:
            best, best_t = nll, float(t)
    return best_t


@dataclass
class _Head:
    clf: LinearSVC
    temperature: float
    uses_category: bool


# --- the model -----------------------------------------------------------------------------------------------


@dataclass
class RouterModel:
    """A trained router: featurizer, one text+location head, one head that also reads the category, the
    resolver, and the figures measured when it was trained.
    """

    featurizer: Featurizer
    heads: dict[str, _Head]
    resolver: PlaceResolver
    units: dict[str, Unit]
    version: str = ""
    trained_at: str = ""
    metrics: dict = field(default_factory=dict)
    source: str = ""

    # prediction ---------------------------------------------------------------------------------------------
    def predict(self, records: Sequence[Record], *, k: int = TOP_K, explain: bool = False) -> list[list[Candidate]]:
        """Top-``k`` units for each record, best first. Records with a category use the category head."""
        out: list[list[Candidate]] = [[] for _ in records]
        if not records:
            return out
        base = self.featurizer.base(records)
        with_cat = [i for i, r in enumerate(records) if r.category and "category" in self.heads]
        groups = [("category", with_cat), ("text", sorted(set(range(len(records))) - set(with_cat)))]
        for head_name, idx in groups:
            if not idx:
                continue
            head = self.heads[head_name]
            x = base[idx]
            if head.uses_category:
                x = sp.hstack([x, self.featurizer.category([records[i] for i in idx])], format="csr")
            probs = _softmax(_scores(head.clf, x), head.temperature)
            for row, i in enumerate(idx):
                out[i] = self._expand(records[i], head, probs[row], x[row] if explain else None, k)
        return out

    def _expand(self, record: Record, head: _Head, probs: np.ndarray, x, k: int) -> list[Candidate]:
        classes = head.clf.classes_
        best = np.argsort(-probs)[: k + 4]
        scores: dict[str, float] = defaultdict(float)
        why: dict[str, reasons.Part] = {}
        for j in best:
            family, p = str(classes[j]), float(probs[j])
            if family in FAMILIES:
                for unit, weight, how in self.resolver.resolve(family, record):
                    scores[unit.label] += p * weight
                    why.setdefault(unit.label, how)
            elif family in self.units:
                scores[family] += p
                why.setdefault(family, reasons.part("unit", name=self.units[family].name))
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])[:k]
        words = self._words(head, x, classes, ranked[0][0]) if x is not None and ranked else ""
        result = []
        for n, (label, p) in enumerate(ranked):
            parts = [why[label]]
            if n == 0 and words:
                parts.append(reasons.part("words", words=words))
            if n == 0 and head.uses_category and record.category:
                parts.append(reasons.part("category", category=record.category.split("›")[-1].strip()))
            result.append(Candidate(label, self.units[label].name, round(p, 4), reasons.text_id(parts), tuple(parts)))
        return result

    def _words(self, head: _Head, x, classes: np.ndarray, top_label: str) -> str:
        """The two or three words of the report that pushed hardest towards the chosen family."""
        unit = self.units[top_label]
        family = unit.family or top_label
        where = np.flatnonzero(classes == family)
        if not len(where):
            return ""
        coef = _class_weights(head.clf, int(where[0]))
        start = self.featurizer.word_offset
        stop = start + len(self.featurizer.word.vocabulary_)
        row = x.tocsr()
        cols = row.indices[(row.indices >= start) & (row.indices < stop)]
        if not len(cols):
            return ""
        vals = row[0, cols].toarray().ravel() * coef[cols]
        names = self.featurizer.word_names
        picked = [names[cols[i] - start] for i in np.argsort(-vals)[:3] if vals[i] > 0]
        return ", ".join(picked)

    def evaluate(self, records: Sequence[Record], labels: Sequence[str]) -> Metrics:
        return evaluate_predictions(self.predict(records), labels)


def evaluate_predictions(predictions: Sequence[Sequence[Candidate]], labels: Sequence[str]) -> Metrics:
    """Top-1 and top-3 accuracy, and macro-F1 of the top-1 answer over every unit that is either a true
    label or a prediction in the set (scikit-learn's default), so a unit the router never names counts as 0.
    """
    if not labels:
        return Metrics(0.0, 0.0, 0.0, 0)
    first = [p[0].label if p else "" for p in predictions]
    top1 = float(np.mean([f == y for f, y in zip(first, labels, strict=True)]))
    top3 = float(np.mean([y in {c.label for c in p[:3]} for p, y in zip(predictions, labels, strict=True)]))
    f1 = float(f1_score(list(labels), first, average="macro", zero_division=0))
    return Metrics(top1, top3, f1, len(labels))


# --- training ------------------------------------------------------------------------------------------------


def _family_labels(labels: Sequence[str], units: dict[str, Unit]) -> list[str]:
    return [units[y].family or y if y in units else y for y in labels]


def _svm(x: sp.csr_matrix, y: Sequence[str], c: float) -> LinearSVC:
    """Balanced class weights: small units are not drowned by the big dinas (on both benchmark splits this
    raised top-1 and macro-F1 a little and cost at most 0.7 points of top-3). A loose tolerance halves the
    training time and changed no figure of the benchmark.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # the ranking is fine long before full convergence
        clf = LinearSVC(C=c, tol=1e-2, max_iter=2000, class_weight="balanced").fit(x, y)
    clf.coef_ = clf.coef_.astype(np.float32)  # half the file and memory; scores agree to ~1e-7
    return clf


def _scores(clf: LinearSVC, x: sp.csr_matrix) -> np.ndarray:
    """Decision scores, one column per class (also for two classes), computed in float32 like the weights."""
    scores = np.asarray(x.astype(np.float32) @ clf.coef_.T) + clf.intercept_
    return np.column_stack([-scores[:, 0], scores[:, 0]]) if clf.coef_.shape[0] == 1 else scores


def _class_weights(clf: LinearSVC, j: int) -> np.ndarray:
    if clf.coef_.shape[0] == 1:
        return clf.coef_[0] if j == 1 else -clf.coef_[0]
    return clf.coef_[j]


def _fit_heads(
    featurizer: Featurizer, records: Sequence[Record], families: Sequence[str], *, c: float
) -> dict[str, _Head]:
    base = featurizer.base(records)
    heads = {"text": _Head(_svm(base, families, c), 1.0, uses_category=False)}
    if featurizer.has_category_vocabulary:
        x = sp.hstack([base, featurizer.category(records)], format="csr")
        heads["category"] = _Head(_svm(x, families, c), 1.0, uses_category=True)
    return heads


def train(
    records: Sequence[Record],
    labels: Sequence[str],
    *,
    units: Iterable[Unit] = (),
    validate: bool = True,
    c: float = 0.5,
    char_max_features: int = 150_000,
    source: str = "",
    now: dt.datetime | None = None,
) -> RouterModel:
    """Train a router on ``records`` and the unit each was finally handled by (``labels``).

    ``units`` lists the units the router may name beyond the labels seen (e.g. every kelurahan office of the
    city, so one that handled nothing yet can still be resolved). A unit's family comes from its own
    ``family`` or, failing that, from a "Kelurahan X"/"Kecamatan X" name.
    """
    if len(records) != len(labels):
        raise RouterError("records and labels differ in length")
    if len(set(labels)) < 2:
        raise RouterError("the history needs reports handled by at least two different units")
    started = time.perf_counter()
    known: dict[str, Unit] = {}
    for u in units:
        known[u.label] = u if u.family else Unit(u.label, u.name, family_of_name(u.name) or "", u.region_code)
    for y in labels:
        known.setdefault(y, Unit(y, y, family_of_name(y) or ""))
    resolver = PlaceResolver(
        units={fam: [u for u in known.values() if u.family == fam] for fam in FAMILIES},
        aliases=_learn_aliases(list(known.values()), records, labels),
    )
    order = sorted(range(len(records)), key=lambda i: (records[i].submitted_at is None, records[i].submitted_at or 0))
    records = [records[i] for i in order]
    labels = [labels[i] for i in order]
    families = _family_labels(labels, known)

    metrics: dict = {"n_train": len(records), "n_units": len(set(labels)), "n_classes": len(set(families))}
    temperatures: dict[str, float] = {}
    n_hold = int(len(records) * HOLDOUT_SHARE)
    if validate and n_hold >= MIN_HOLDOUT and len(set(families[:-n_hold])) >= 2:
        fit_r, hold_r = records[:-n_hold], records[-n_hold:]
        feat = Featurizer(char_max_features=char_max_features).fit(fit_r)
        heads = _fit_heads(feat, fit_r, families[:-n_hold], c=c)
        probe = RouterModel(feat, heads, resolver, known)
        for name, head in heads.items():
            x = feat.base(hold_r)
            if head.uses_category:
                x = sp.hstack([x, feat.category(hold_r)], format="csr")
            temperatures[name] = _fit_temperature(_scores(head.clf, x), head.clf.classes_, families[-n_hold:])
            head.temperature = temperatures[name]
        metrics["validation"] = {"n": n_hold, "from": _iso(hold_r[0].submitted_at)}
        text_only = [_strip_category(r) for r in hold_r]
        metrics["validation"]["text"] = probe.evaluate(text_only, labels[-n_hold:]).as_dict()
        if "category" in heads:
            metrics["validation"]["category"] = probe.evaluate(hold_r, labels[-n_hold:]).as_dict()

    featurizer = Featurizer(char_max_features=char_max_features).fit(records)
    heads = _fit_heads(featurizer, records, families, c=c)
    for name, head in heads.items():
        head.temperature = temperatures.get(name, 0.3)
    metrics["temperatures"] = {k: round(v, 4) for k, v in temperatures.items()}
    metrics["train_seconds"] = round(time.perf_counter() - started, 2)
    trained_at = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    digest = hashlib.sha256("\x1f".join(labels).encode()).hexdigest()[:8]
    return RouterModel(
        featurizer=featurizer,
        heads=heads,
        resolver=resolver,
        units=known,
        version=f"{trained_at:%Y%m%dT%H%M%SZ}-{digest}",
        trained_at=trained_at.isoformat(),
        metrics=metrics,
        source=source,
    )


def _strip_category(record: Record) -> Record:
    return Record(**{**record.__dict__, "category": ""})


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


# --- files ---------------------------------------------------------------------------------------------------


def header_of(model: RouterModel) -> dict:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "version": model.version,
        "trained_at": model.trained_at,
        "source": model.source,
        "metrics": model.metrics,
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
    }


def save(model: RouterModel, path: str | Path) -> dict:
    """Write ``model`` to ``path`` (header line, then the pickle) atomically; returns the header."""
    payload = pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL)
    header = {**header_of(model), "sha256": hashlib.sha256(payload).hexdigest(), "bytes": len(payload)}
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as fh:
        fh.write(json.dumps(header, ensure_ascii=False).encode() + b"\n")
        fh.write(payload)
    tmp.replace(path)
    return header


def read_header(path: str | Path) -> dict:
    """The JSON header of a model file, checked for the format and its version."""
    with Path(path).open("rb") as fh:
        line = fh.readline(1 << 20)
    try:
        header = json.loads(line)
    except ValueError as exc:
        raise RouterError(f"{path}: not a LAPOR router model file") from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise RouterError(f"{path}: not a LAPOR router model file")
    if header.get("format_version") != FORMAT_VERSION:
        raise RouterError(
            f"{path}: model format version {header.get('format_version')} cannot be read by this LAPOR "
            f"(expects {FORMAT_VERSION}); retrain with `lapor router train`"
        )
    return header


def load(path: str | Path) -> RouterModel:
    """Read a model file written by :func:`save`; refuses other formats, versions and damaged files."""
    header = read_header(path)
    if header.get("sklearn", "").split(".")[:2] != sklearn.__version__.split(".")[:2]:
        raise RouterError(
            f"{path}: trained with scikit-learn {header.get('sklearn')}, this LAPOR runs {sklearn.__version__}; "
            "retrain with `lapor router train`"
        )
    with Path(path).open("rb") as fh:
        fh.readline(1 << 20)
        payload = fh.read()
    if hashlib.sha256(payload).hexdigest() != header.get("sha256"):
        raise RouterError(f"{path}: the model file is damaged (checksum mismatch)")
    model = pickle.loads(payload)  # noqa: S301 - our own file, checked above; see the module docstring
    if not isinstance(model, RouterModel):
        raise RouterError(f"{path}: not a LAPOR router model file")
    return model
