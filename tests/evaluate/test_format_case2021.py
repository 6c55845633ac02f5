"""The CASE 2021 task 2 reader: the TSV, its label space, and our answer mapped into it."""

from __future__ import annotations

from pathlib import Path

import pytest

from whodid.errors import InputError
from whodid.evaluate.formats import case2021, guess_format
from whodid.evaluate.gold import GoldItem, ReadOptions
from whodid.evaluate.runner import evaluate
from whodid.records import Event, Evidence

ROWS = [
    (
        "1",
        "Government jets bombed a rebel depot outside Strelsau on Monday, killing four fighters.",
        "AIR_STRIKE",
    ),
    ("2", "Thousands of nurses marched peacefully through Zenda to demand higher pay.", "PEACE_PROTEST"),
    ("3", "Floods swept away two bridges after a week of heavy rain in the valley.", "NATURAL_DISASTER"),
    ("4", "The foreign ministers of Ruritania and Borduria met in Geneva to discuss trade.", "DIPLO"),
]


def write_tsv(path: Path, rows: list[tuple[str, ...]], header: str = "id\tEventSnippet\tSubType") -> Path:
    path.write_text(header + "\n" + "".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    return path


def event(kind: str, sub_type: str | None = None) -> Event:
    return Event(
        "e", "a", kind, Evidence("s", (0, 1), "t", (0, 1)),
        acled_event_type="Battles" if sub_type else None, acled_sub_event_type=sub_type,
    )  # fmt: skip


def test_reads_rows_and_scope(tmp_path: Path) -> None:
    gold = case2021.read(write_tsv(tmp_path / "case.tsv", ROWS), ReadOptions())
    assert [item.id for item in gold.items] == ["1", "2", "3", "4"]
    assert gold.items[0].gold == {
        "sub_event_type": "AIR_STRIKE", "acled_sub_type": "AIR_STRIKE", "in_scope": True, "rejected": None,
    }  # fmt: skip
    assert gold.items[2].gold == {
        "sub_event_type": "NATURAL_DISASTER", "acled_sub_type": "(none)", "in_scope": False, "rejected": True,
    }  # fmt: skip
    assert gold.items[1].origin == "case.tsv:3"


def test_bad_rows_are_dropped(tmp_path: Path) -> None:
    rows = [
        *ROWS,
        ("5", "", "ATTACK"),
        ("6", "A snippet\twith a tab", "ATTACK"),
        ("7", "Odd label.", "PICNIC"),
    ]
    gold = case2021.read(write_tsv(tmp_path / "case.tsv", rows), ReadOptions())
    assert len(gold.items) == 4
    reasons = [d.reason for d in gold.dropped]
    assert len(reasons) == 3
    assert "empty EventSnippet" in reasons[0] and "cells" in reasons[1] and "PICNIC" in reasons[2]


def test_missing_column_is_an_input_error(tmp_path: Path) -> None:
    path = write_tsv(tmp_path / "case.tsv", [r[:2] for r in ROWS], header="id\tEventSnippet")
    with pytest.raises(InputError, match="missing column\\(s\\): subtype"):
        case2021.read(path, ReadOptions())


def test_non_utf8_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "case.tsv"
    path.write_bytes("id\tEventSnippet\tSubType\n1\tCaf\xe9 bombed\tATTACK\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        case2021.read(path, ReadOptions())


def test_sniff_and_limit(tmp_path: Path) -> None:
    path = write_tsv(tmp_path / "case.tsv", ROWS)
    assert case2021.sniff(path) and guess_format(path) == "case2021"
    assert not case2021.sniff(write_tsv(tmp_path / "other.tsv", ROWS, header="a\tb\tc"))
    assert len(case2021.read(path, ReadOptions(limit=2)).items) == 2


def test_every_acled_sub_type_has_a_label() -> None:
    labels = case2021.load_labels()
    assert len(labels.by_sub_type) == 25
    assert len(set(labels.by_sub_type.values())) == 25
    assert labels.out_of_scope == {"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"}


def test_predict_maps_and_rejects() -> None:
    item = GoldItem("1", "text", {"sub_event_type": "AIR_STRIKE", "in_scope": True})
    strike = event("ASSAULT", "Air/drone strike")
    in_scope = {"in_scope": True, "rejected": False}
    rejected = {"acled_sub_type": "(none)", "in_scope": False, "rejected": True}
    assert case2021.predict(item, [event("CONSULT"), strike]) == {
        "sub_event_type": "AIR_STRIKE", "acled_sub_type": "AIR_STRIKE", **in_scope,
    }  # fmt: skip
    assert case2021.predict(item, [event("CONSULT")]) == {"sub_event_type": "DIPLO", **rejected}
    # Sanctions and diplomats expelled are diplomacy too.
    assert case2021.predict(item, [event("SANCTION")]) == {"sub_event_type": "DIPLO", **rejected}
    assert case2021.predict(item, [event("AID")]) == {"sub_event_type": "OUT_OF_SCOPE", **rejected}
    assert case2021.predict(item, []) == {"sub_event_type": "OUT_OF_SCOPE", **rejected}


def test_end_to_end(tmp_path: Path, pipeline) -> None:
    gold = case2021.read(write_tsv(tmp_path / "case.tsv", ROWS), ReadOptions())
    result = evaluate(gold, pipeline)
    scores = {score.spec.name: score for score in result.scores}
    assert scores["sub_event_type"].scored == 4
    assert scores["sub_event_type"].metrics["accuracy"] is not None
    assert scores["in_scope"].metrics["f1"] is not None
    assert scores["rejected"].scored == 2  # the two out-of-scope rows


def test_a_snippet_that_claims_an_attack_is_an_attribution(pipeline) -> None:
    text = "Rebels in the hills claimed responsibility for the bombing of the market in Zenda."
    item = GoldItem("9", text, {"sub_event_type": "ATTRIB", "in_scope": False})
    assert case2021.predict(item, pipeline.extract(text))["sub_event_type"] == "ATTRIB"
