"""Scoring one field over many items: pure functions from (gold, predicted) pairs to figures."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from statistics import mean
from typing import Any

from whodid.evaluate.gold import FieldSpec, as_date
from whodid.geo import haversine_km

DISTANCE_THRESHOLDS_KM = (5, 25, 50)
DATE_WINDOWS_DAYS = (1, 7)
NAME_MATCH_THRESHOLD = 0.8
MAX_EXTRA_WORDS = 2  # a name inside a longer phrase matches only if the phrase adds this many words at most


@dataclass(slots=True)
class Case:
    """One scored item of one field: what the gold says, what we said, and how wrong (0 = right)."""

    item_id: str
    gold: Any
    predicted: Any
    loss: float


@dataclass(slots=True)
class FieldScore:
    spec: FieldSpec
    scored: int  # items with a gold value for this field
    metrics: dict[str, float | None]  # headline figures: accuracy, f1, mae, within_25km ...
    baseline: dict[str, float | None] = field(default_factory=dict)  # the same figures for a simple rule
    baseline_rule: str = ""
    per_class: dict[str, dict[str, float]] = field(
        default_factory=dict
    )  # label: {precision, recall, f1, support}
    confusion: dict[str, Counter[str]] = field(default_factory=dict)  # gold label -> predicted label counts
    cases: list[Case] = field(default_factory=list)
    by_group: dict[str, dict[str, float | None]] = field(default_factory=dict)  # group -> the same figures

    def worst(self, count: int) -> list[Case]:
        return sorted((c for c in self.cases if c.loss > 0), key=lambda c: -c.loss)[:count]


NONE_LABEL = "(none)"
# A prediction for a field that is only scored on some of our answers ("the place we chose, where we
# recognised the gold place"): the item is left out of that field's figures.
NOT_SCORED = "(not scored)"


def score_field(
    spec: FieldSpec,
    pairs: Sequence[tuple[str, Any, Any]],
    groups: Mapping[str, object] | None = None,
    texts: Mapping[str, str] | None = None,
) -> FieldScore:
    """Score (item id, gold, predicted) triples; items whose gold is None, or whose prediction is
    NOT_SCORED, are not scored.
    With `groups` (item id -> group), the figures are also given per group. With `texts` (item id ->
    text), name fields get a keyword baseline: the first capitalised phrase of the text."""
    labelled = [
        (item, gold, predicted)
        for item, gold, predicted in pairs
        if gold is not None and not (isinstance(predicted, str) and predicted == NOT_SCORED)
    ]
    score = _SCORERS[spec.kind](spec, labelled)
    if spec.kind == "name" and texts is not None and labelled:
        guesses = [(item, gold, first_capitalised_phrase(texts.get(item, ""))) for item, gold, _ in labelled]
        score.baseline = _score_names(spec, guesses).metrics
        score.baseline_rule = "first capitalised phrase"
    if not spec.baseline:
        score.baseline, score.baseline_rule = {}, ""
    if groups:
        members: dict[str, list[tuple[str, Any, Any]]] = {}
        for triple in labelled:
            members.setdefault(str(groups.get(triple[0], "(none)")), []).append(triple)
        score.by_group = {
            group: _SCORERS[spec.kind](spec, part).metrics for group, part in sorted(members.items())
        }
    return score


# The figure that sums up each kind of field, unless its FieldSpec names another.
HEADLINE = {"label": "accuracy", "flag": "f1", "number": "exact", "distance": "within_25km", "date": "exact",
            "name": "match"}  # fmt: skip


def headline(spec: FieldSpec) -> str:
    return spec.headline or HEADLINE[spec.kind]


def _score_labels(spec: FieldSpec, pairs: list[tuple[str, Any, Any]]) -> FieldScore:
    golds = [str(gold) for _, gold, _ in pairs]
    predictions = [NONE_LABEL if p is None else str(p) for _, _, p in pairs]
    result = FieldScore(spec, len(pairs), {"accuracy": _accuracy(golds, predictions)})
    labels = sorted(set(golds) | set(predictions))
    per_class = {label: _prf(golds, predictions, label) for label in labels}
    result.per_class = per_class
    gold_labels = [label for label in labels if label in set(golds) and label not in spec.macro_excludes]
    result.metrics["macro_f1"] = (
        mean(per_class[label]["f1"] for label in gold_labels) if gold_labels else None
    )
    for gold, predicted in zip(golds, predictions, strict=True):
        result.confusion.setdefault(gold, Counter())[predicted] += 1
    result.cases = [
        Case(item, gold, predicted, float(str(gold) != (NONE_LABEL if predicted is None else str(predicted))))
        for item, gold, predicted in pairs
    ]
    if golds:
        majority = Counter(golds).most_common(1)[0][0]
        result.baseline_rule = f"majority class ({majority})"
        result.baseline = {"accuracy": _accuracy(golds, [majority] * len(golds))}
        majority_f1 = [_prf(golds, [majority] * len(golds), label)["f1"] for label in gold_labels]
        result.baseline["macro_f1"] = mean(majority_f1) if majority_f1 else None
    return result


def _score_flags(spec: FieldSpec, pairs: list[tuple[str, Any, Any]]) -> FieldScore:
    golds = ["yes" if gold else "no" for _, gold, _ in pairs]
    predictions = ["yes" if predicted else "no" for _, _, predicted in pairs]
    prf = _prf(golds, predictions, "yes")
    result = FieldScore(
        spec,
        len(pairs),
        {
            "precision": prf["precision"],
            "recall": prf["recall"],
            "f1": prf["f1"],
            "accuracy": _accuracy(golds, predictions),
        },
    )
    result.per_class = {label: _prf(golds, predictions, label) for label in ("yes", "no")}
    for gold, predicted in zip(golds, predictions, strict=True):
        result.confusion.setdefault(gold, Counter())[predicted] += 1
    result.cases = [
        Case(item, g, p, float(g != p)) for (item, _, _), g, p in zip(pairs, golds, predictions, strict=True)
    ]
    if golds:
        majority = Counter(golds).most_common(1)[0][0]
        baseline = _prf(golds, [majority] * len(golds), "yes")
        result.baseline_rule = f"always {majority}"
        result.baseline = {
            "precision": baseline["precision"],
            "recall": baseline["recall"],
            "f1": baseline["f1"],
            "accuracy": _accuracy(golds, [majority] * len(golds)),
        }
    return result


def _score_numbers(spec: FieldSpec, pairs: list[tuple[str, Any, Any]]) -> FieldScore:
    errors = [abs(int(gold) - int(predicted or 0)) for _, gold, predicted in pairs]
    exact = [gold == (predicted or 0) for _, gold, predicted in pairs]
    result = FieldScore(spec, len(pairs), {"exact": _share(exact), "mae": mean(errors) if errors else None})
    result.cases = [
        Case(item, gold, predicted, float(error))
        for (item, gold, predicted), error in zip(pairs, errors, strict=True)
    ]
    if pairs:
        result.baseline_rule = "always 0"
        result.baseline = {
            "exact": _share([gold == 0 for _, gold, _ in pairs]),
            "mae": mean(abs(int(gold)) for _, gold, _ in pairs),
        }
    return result


def _score_distances(spec: FieldSpec, pairs: list[tuple[str, Any, Any]]) -> FieldScore:
    kms: list[float | None] = [
        None if predicted is None else haversine_km(gold[0], gold[1], predicted[0], predicted[1])
        for _, gold, predicted in pairs
    ]
    metrics: dict[str, float | None] = {"located": _share([km is not None for km in kms])}
    for threshold in DISTANCE_THRESHOLDS_KM:
        metrics[f"within_{threshold}km"] = _share([km is not None and km <= threshold for km in kms])
    found = [km for km in kms if km is not None]
    metrics["median_km"] = sorted(found)[len(found) // 2] if found else None
    result = FieldScore(spec, len(pairs), metrics)
    result.cases = [
        Case(item, gold, predicted, 20_000.0 if km is None else km)
        for (item, gold, predicted), km in zip(pairs, kms, strict=True)
    ]
    return result


def _score_dates(spec: FieldSpec, pairs: list[tuple[str, Any, Any]]) -> FieldScore:
    gaps: list[int | None] = [None if p is None else abs((as_date(p) - as_date(g)).days) for _, g, p in pairs]
    metrics: dict[str, float | None] = {
        "dated": _share([gap is not None for gap in gaps]),
        "exact": _share([gap == 0 for gap in gaps]),
    }
    for window in DATE_WINDOWS_DAYS:
        metrics[f"within_{window}d"] = _share([gap is not None and gap <= window for gap in gaps])
    result = FieldScore(spec, len(pairs), metrics)
    result.cases = [
        Case(item, gold, predicted, 10_000.0 if gap is None else float(gap))
        for (item, gold, predicted), gap in zip(pairs, gaps, strict=True)
    ]
    return result


def _score_names(spec: FieldSpec, pairs: list[tuple[str, Any, Any]]) -> FieldScore:
    similarities = [_best_similarity(gold, predicted) for _, gold, predicted in pairs]
    matched = [similarity >= NAME_MATCH_THRESHOLD for similarity in similarities]
    result = FieldScore(
        spec,
        len(pairs),
        {"match": _share(matched), "mean_similarity": mean(similarities) if similarities else None},
    )
    result.cases = [
        Case(item, gold, predicted, 1.0 - similarity)
        for (item, gold, predicted), similarity in zip(pairs, similarities, strict=True)
    ]
    return result


_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:of|al|el|de|the)?\s*[A-Z][\w'’-]*)*")
_SENTENCE_OPENERS = frozenset(
    {"The", "A", "An", "In", "On", "At", "After", "Before", "But", "And", "It", "This"}
)


def first_capitalised_phrase(text: str) -> str | None:
    """The keyword baseline for names: the first run of capitalised words, skipping a sentence opener."""
    for match in _CAPITALISED_RUN.finditer(text):
        words = match.group().split()
        while words and words[0] in _SENTENCE_OPENERS:
            words = words[1:]
        if words:
            return " ".join(words)
    return None


def name_similarity(first: str, second: str) -> float:
    """0-1 likeness of two names after normalising case, accents, punctuation and word order."""
    a, b = _name_key(first), _name_key(second)
    if not a or not b:
        return 0.0
    shorter, longer = sorted((set(a.split()), set(b.split())), key=len)
    if a == b or (shorter <= longer and len(longer) - len(shorter) <= MAX_EXTRA_WORDS):
        return 1.0  # "Boko Haram" and "Boko Haram fighters"; not a whole sentence that contains a name
    return SequenceMatcher(None, " ".join(sorted(a.split())), " ".join(sorted(b.split()))).ratio()


def _best_similarity(gold: Any, predicted: Any) -> float:
    """Gold and prediction may each be one name or several ("a; b"): the best pairing counts."""
    golds = gold if isinstance(gold, (list, tuple)) else [gold]
    predictions = predicted if isinstance(predicted, (list, tuple)) else [predicted]
    scores = [name_similarity(str(g), str(p)) for g in golds for p in predictions if g and p]
    return max(scores, default=0.0)


_GENERIC_WORDS = frozenset({"the", "of", "al", "el", "forces", "group"})


def _name_key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z0-9]+", " ", folded).split()
    return " ".join(word for word in words if word not in _GENERIC_WORDS)


def _prf(golds: Sequence[str], predictions: Sequence[str], label: str) -> dict[str, float]:
    true_positive = sum(g == label and p == label for g, p in zip(golds, predictions, strict=True))
    predicted = sum(p == label for p in predictions)
    actual = sum(g == label for g in golds)
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "support": float(actual)}


def _accuracy(golds: Sequence[str], predictions: Sequence[str]) -> float | None:
    return _share([g == p for g, p in zip(golds, predictions, strict=True)])


def _share(flags: Sequence[bool]) -> float | None:
    return sum(flags) / len(flags) if flags else None


_SCORERS = {
    "label": _score_labels,
    "flag": _score_flags,
    "number": _score_numbers,
    "distance": _score_distances,
    "date": _score_dates,
    "name": _score_names,
}
