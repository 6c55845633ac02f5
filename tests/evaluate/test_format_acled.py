"""The ACLED CSV reader: old and new schemas, encodings, bad rows, and our answer per field."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from whodid.errors import InputError
from whodid.evaluate.formats import acled, guess_format
from whodid.evaluate.gold import ReadOptions
from whodid.evaluate.runner import evaluate
from whodid.records import Actor, Event, Evidence, Place, Quantity

OLD_COLUMNS = [
    "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision",
    "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "timestamp",
]  # fmt: skip
NEW_EXTRA = ["civilian_targeting", "iso3", "disorder_type", "tags", "population_best"]


def old_row(**values: str) -> dict[str, str]:
    row = {column: "" for column in OLD_COLUMNS}
    row.update(
        event_id_cnty="XYZ1", event_date="07 February 2024", event_type="Battles",
        sub_event_type="Armed clash", actor1="Military Forces of Ruritania (2020-)", inter1="1",
        actor2="Northern Liberation Front", inter2="2", latitude="12.5", longitude="30.25",
        geo_precision="1", country="Ruritania",
        notes="On 7 February 2024, Ruritanian soldiers clashed with rebels near Strelsau. Two were killed.",
        fatalities="2",
    )  # fmt: skip
    row.update(values)
    return row


def write_csv(path: Path, rows: list[dict[str, str]], columns: list[str], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_reads_an_old_export(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "export.csv", [old_row(), old_row(actor2="", inter2="0")], OLD_COLUMNS)
    gold = acled.read(path, ReadOptions(published_offset_days=2))
    assert [item.id for item in gold.items] == ["XYZ1", "XYZ1#2"]
    first = gold.items[0]
    assert first.text.startswith("On 7 February 2024")
    assert first.published == date(2024, 2, 9)
    assert first.gold["event_date"] == date(2024, 2, 7)
    assert first.gold["inter1"] == "1" and first.gold["inter2"] == "2"
    assert first.gold["location"] == (12.5, 30.25)
    assert first.gold["fatalities"] == 2
    assert first.extra["geo_precision"] == "1"
    assert gold.items[1].gold["inter2"] == "0" and gold.items[1].gold["actor2"] is None
    assert "read as utf-8" in gold.notes
    assert any("geo_precision" in note for note in gold.notes)


def test_reads_a_new_export_with_inter_names_and_iso_dates(tmp_path: Path) -> None:
    row = old_row(event_date="2024-02-07", inter1="State forces", inter2="Rebel groups", iso3="RUR")
    path = write_csv(tmp_path / "new.csv", [row], OLD_COLUMNS + NEW_EXTRA)
    item = acled.read(path, ReadOptions()).items[0]
    assert (item.gold["inter1"], item.gold["inter2"]) == ("1", "2")
    assert item.gold["event_date"] == date(2024, 2, 7)


def test_bad_rows_are_dropped_with_a_reason(tmp_path: Path) -> None:
    rows = [
        old_row(event_id_cnty="A", event_date="sometime in spring"),
        old_row(event_id_cnty="B", fatalities="several"),
        old_row(event_id_cnty="C", notes="   "),
        old_row(event_id_cnty="D", inter1="Space pirates"),
        old_row(event_id_cnty="E", latitude="north"),
        old_row(event_id_cnty="F"),
    ]
    gold = acled.read(write_csv(tmp_path / "bad.csv", rows, OLD_COLUMNS), ReadOptions())
    assert [item.id for item in gold.items] == ["F"]
    reasons = " | ".join(d.reason for d in gold.dropped)
    assert len(gold.dropped) == 5
    for word in ("event_date", "fatalities", "empty notes", "inter1", "latitude"):
        assert word in reasons
    assert gold.dropped[0].origin == "bad.csv:2"


def test_missing_required_column_is_an_input_error(tmp_path: Path) -> None:
    columns = [column for column in OLD_COLUMNS if column not in ("notes", "event_type")]
    path = write_csv(tmp_path / "thin.csv", [old_row()], columns)
    with pytest.raises(InputError, match="missing column\\(s\\): notes, event_type"):
        acled.read(path, ReadOptions())


def test_missing_optional_column_leaves_its_field_unscored(tmp_path: Path) -> None:
    columns = [column for column in OLD_COLUMNS if column != "fatalities"]
    gold = acled.read(write_csv(tmp_path / "nofat.csv", [old_row()], columns), ReadOptions())
    assert gold.items[0].gold["fatalities"] is None
    assert any("fatalities not scored" in note for note in gold.notes)


def test_latin1_file_is_read_and_noted(tmp_path: Path) -> None:
    row = old_row(notes="On 7 February 2024, gendarmes clashed with rebels near Sainte-Hélène.")
    path = write_csv(tmp_path / "latin.csv", [row], OLD_COLUMNS, encoding="latin-1")
    gold = acled.read(path, ReadOptions())
    assert "Sainte-Hélène" in gold.items[0].text
    assert "read as latin-1" in gold.notes


def test_bom_does_not_stick_to_the_first_column(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bom.csv", [old_row()], OLD_COLUMNS, encoding="utf-8-sig")
    gold = acled.read(path, ReadOptions())
    assert gold.items[0].id == "XYZ1"
    assert "read as utf-8-sig" in gold.notes
    assert acled.sniff(path)


def test_limit_and_sniff(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "many.csv", [old_row(event_id_cnty=f"N{i}") for i in range(5)], OLD_COLUMNS)
    assert len(acled.read(path, ReadOptions(limit=2)).items) == 2
    assert acled.sniff(path)
    assert guess_format(path) == "acled"
    other = tmp_path / "other.csv"
    other.write_text("id,text\n1,hello\n", encoding="utf-8")
    assert not acled.sniff(other)


def test_predict_reads_the_in_scope_event(tmp_path: Path) -> None:
    item = acled.read(write_csv(tmp_path / "one.csv", [old_row()], OLD_COLUMNS), ReadOptions()).items[0]
    evidence = Evidence("s", (0, 1), "clashed", (0, 7))
    talk = Event("t", "a", "CONSULT", evidence, confidence=0.9)
    clash = Event(
        "c", "a", "ASSAULT", evidence,
        acled_event_type="Battles", acled_sub_event_type="Armed clash",
        source=[Actor("Ruritanian soldiers", (0, 5), name="Ruritania military", acled_inter=1)],
        location=Place("Strelsau", (0, 1), lat=12.6, lon=30.2),
        date=date(2024, 2, 7), fatalities=Quantity(2, (0, 1), "Two"),
    )  # fmt: skip
    predicted = acled.predict(item, [talk, clash])
    assert predicted["sub_event_type"] == "Armed clash"
    assert predicted["inter1"] == "1" and predicted["inter2"] == "0"
    assert predicted["actor1"] == "Ruritania military" and predicted["actor2"] is None
    assert predicted["location"] == (12.6, 30.2)
    assert predicted["fatalities"] == 2
    assert acled.predict(item, []) == {"inter1": "0", "inter2": "0", "fatalities": 0}


def test_end_to_end(tmp_path: Path, pipeline) -> None:
    rows = [
        old_row(event_id_cnty="E1"),
        old_row(
            event_id_cnty="E2", event_type="Protests", sub_event_type="Peaceful protest",
            actor1="Protesters (Ruritania)", inter1="6", actor2="", inter2="0", fatalities="0",
            notes="On 7 February 2024, hundreds of teachers protested in Strelsau over unpaid wages.",
        ),
    ]  # fmt: skip
    gold = acled.read(write_csv(tmp_path / "e2e.csv", rows, OLD_COLUMNS), ReadOptions())
    result = evaluate(gold, pipeline)
    scores = {score.spec.name: score for score in result.scores}
    assert scores["event_type"].scored == 2
    assert scores["event_type"].metrics["accuracy"] is not None
    assert scores["fatalities"].metrics["mae"] is not None
    assert not result.failed
    assert set(scores["location"].by_group) <= {"1", "2", "3", "(none)"}
    assert scores["location"].by_group, "location figures are broken down by geo_precision"
