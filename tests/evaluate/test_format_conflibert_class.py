"""The ConfliBERT class reader, on a small file of invented sentences in the same format."""

from __future__ import annotations

from pathlib import Path

import pytest

from whodid.errors import InputError
from whodid.evaluate.formats import conflibert_class
from whodid.evaluate.gold import ReadOptions
from whodid.evaluate.runner import evaluate

LINES = [
    "Rebels shelled the northern town of Kidal on Tuesday, killing four soldiers.\t4",
    "The weather in the capital was mild this week.\t0",
    "Peru and Chile signed a trade agreement in Lima.\t1",
    "A line without its class",
    "",
    "Protesters gathered outside the parliament.\t7",
    "\t3",
    "Norway sent medical supplies to the flooded region.\t2",
]


@pytest.fixture
def class_file(tmp_path: Path) -> Path:
    path = tmp_path / "train.tsv"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    return path


def test_sniff(class_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.tsv"
    other.write_text("id\ttext\tlabel\n1\thello\tyes\n", encoding="utf-8")
    assert conflibert_class.sniff(class_file)
    assert not conflibert_class.sniff(other)


def test_read_items_and_dropped_lines(class_file: Path) -> None:
    gold = conflibert_class.read(class_file, ReadOptions())
    assert [item.gold["quad_class"] for item in gold.items] == ["4", "0", "1", "2"]
    assert [item.gold["has_event"] for item in gold.items] == [True, False, True, True]
    assert gold.items[3].origin == f"{class_file}:8"
    assert [dropped.origin for dropped in gold.dropped] == [f"{class_file}:{n}" for n in (4, 6, 7)]
    assert "1 tab-separated fields" in gold.dropped[0].reason
    assert "'7' is not one of 0-4" in gold.dropped[1].reason
    assert "empty sentence" in gold.dropped[2].reason
    assert any("inference" in note for note in gold.notes)


def test_limit(class_file: Path) -> None:
    assert len(conflibert_class.read(class_file, ReadOptions(limit=2)).items) == 2


def test_a_file_that_is_not_the_format_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.tsv"
    path.write_text("name\tage\nAda\tthirty\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a ConfliBERT class file"):
        conflibert_class.read(path, ReadOptions())


def test_evaluate_end_to_end(class_file: Path, pipeline) -> None:
    result = evaluate(conflibert_class.read(class_file, ReadOptions()), pipeline)
    scores = {score.spec.name: score for score in result.scores}
    assert scores["quad_class"].scored == scores["has_event"].scored == 4
    predicted = {o.item.gold["quad_class"]: o.predicted for o in result.outcomes.values()}
    assert predicted["4"]["quad_class"] == "4"  # shelling is material conflict
    assert all(p["quad_class"] in {"0", "1", "2", "3", "4"} for p in predicted.values())


def test_the_class_is_plovers_quad_and_dropped_cameo_codes_are_0(pipeline) -> None:
    from whodid.evaluate.gold import GoldItem

    def predicted(text: str) -> str:
        item = GoldItem("1", text, {"quad_class": "0"})
        return conflibert_class.predict(item, pipeline.extract(text))["quad_class"]

    assert predicted("The European Union imposed sanctions on Belarus on Monday.") == "3"  # SANCTION
    assert predicted("The rebels said they would release three hostages held since May.") == "1"  # intent
    assert predicted("The army lifted the curfew in Bamako on Sunday.") == "2"  # CAMEO's YIELD
    assert predicted("The UN envoy urged Ethiopia to open the border to aid convoys.") == "0"  # an appeal
