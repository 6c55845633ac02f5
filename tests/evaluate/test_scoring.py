from __future__ import annotations

from datetime import date

import pytest

from whodid.evaluate.gold import FieldSpec
from whodid.evaluate.scoring import NOT_SCORED, name_similarity, score_field


def test_labels_give_accuracy_per_class_figures_confusion_and_a_majority_baseline():
    pairs = [("1", "A", "A"), ("2", "A", "B"), ("3", "B", "B"), ("4", "A", None), ("5", None, "A")]
    score = score_field(FieldSpec("type", "label"), pairs)
    assert score.scored == 4  # the item without gold is not scored
    assert score.metrics["accuracy"] == pytest.approx(0.5)
    assert score.per_class["B"]["precision"] == pytest.approx(0.5)
    assert score.confusion["A"]["(none)"] == 1
    assert score.baseline_rule == "majority class (A)"
    assert score.baseline["accuracy"] == pytest.approx(0.75)
    assert [case.item_id for case in score.worst(10)] == ["2", "4"]


def test_flags_give_precision_and_recall_of_yes():
    pairs = [("1", True, True), ("2", True, False), ("3", False, True), ("4", False, False)]
    score = score_field(FieldSpec("kill", "flag"), pairs)
    assert (score.metrics["precision"], score.metrics["recall"]) == (0.5, 0.5)


def test_numbers_count_a_missing_prediction_as_zero():
    score = score_field(FieldSpec("fatalities", "number"), [("1", 3, 3), ("2", 5, None), ("3", 0, 2)])
    assert score.metrics["exact"] == pytest.approx(1 / 3)
    assert score.metrics["mae"] == pytest.approx(7 / 3)
    assert score.baseline["mae"] == pytest.approx(8 / 3)


def test_distances_in_km_with_thresholds():
    baghdad, near, far = (33.34, 44.40), (33.40, 44.45), (36.34, 43.13)
    score = score_field(
        FieldSpec("place", "distance"), [("1", baghdad, near), ("2", baghdad, far), ("3", baghdad, None)]
    )
    assert score.metrics["within_25km"] == pytest.approx(1 / 3)
    assert score.metrics["located"] == pytest.approx(2 / 3)
    assert score.worst(1)[0].item_id == "3"


def test_dates_exact_and_within_windows():
    pairs = [
        ("1", date(2024, 2, 7), date(2024, 2, 7)),
        ("2", date(2024, 2, 7), "2024-02-10"),
        ("3", date(2024, 2, 7), None),
    ]
    score = score_field(FieldSpec("date", "date"), pairs)
    assert score.metrics["exact"] == pytest.approx(1 / 3)
    assert score.metrics["within_7d"] == pytest.approx(2 / 3)


def test_names_match_across_spelling_and_order():
    assert name_similarity("Kataib Hezbollah", "Kata'ib Hezbollah") > 0.8
    assert name_similarity("al-Shabaab", "Al Shabaab") == 1.0
    assert name_similarity("Hamas", "Hezbollah") < 0.8
    score = score_field(FieldSpec("actor1", "name"), [("1", "Boko Haram", ["Boko Haram fighters", "army"])])
    assert score.metrics["match"] == 1.0


def test_names_have_a_keyword_baseline_when_the_texts_are_given():
    pairs = [("1", "Boko Haram", "Boko Haram"), ("2", "Hamas", None)]
    texts = {
        "1": "The army said Boko Haram fighters attacked.",
        "2": "In Gaza, Hamas fighters fired rockets.",
    }
    score = score_field(FieldSpec("actor1", "name"), pairs, texts=texts)
    assert score.baseline_rule == "first capitalised phrase"
    assert score.baseline["match"] == pytest.approx(0.5)  # "Boko Haram" right, "Gaza" wrong


def test_a_long_phrase_containing_a_name_is_not_that_name():
    assert name_similarity("FMLN", "FMLN guerrillas") == 1.0
    assert name_similarity("FMLN", "MEMBERS OF THE FMLN ATTACKED AN ELECTRIC POWER SUBSTATION") < 0.8


def test_a_label_fields_macro_f1_can_leave_a_label_out():
    from whodid.evaluate.gold import FieldSpec
    from whodid.evaluate.scoring import score_field

    spec = FieldSpec("kind", "label", macro_excludes=frozenset({"(none)"}))
    pairs = [("1", "A", "A"), ("2", "B", "(none)"), ("3", "(none)", "(none)"), ("4", "(none)", "A")]
    result = score_field(spec, pairs)
    # A: precision 1/2, recall 1 -> 2/3; B: 0. The "(none)" class is not averaged.
    assert result.metrics["macro_f1"] == pytest.approx((2 / 3 + 0) / 2)


def test_an_answer_marked_not_scored_leaves_the_item_out():
    spec = FieldSpec("place_when_recognised", "label", baseline=False)
    score = score_field(spec, [("a", "zenda", "zenda"), ("b", "hague", NOT_SCORED), ("c", "us", "(none)")])
    assert score.scored == 2
    assert score.metrics["accuracy"] == pytest.approx(0.5)
