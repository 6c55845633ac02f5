"""The PLOVER gold-standard reader, on a small file of invented records in the same format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from whodid.errors import InputError
from whodid.evaluate.formats import plover_gsr
from whodid.evaluate.gold import GoldItem, ReadOptions
from whodid.evaluate.runner import evaluate

RECORDS = [
    {"id": "GSR-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "documentation, not an event"},
    {
        "id": "GSR-DEMAND-0001",
        "date": "2000-01-01",
        "event": "DEMAND",
        "mode": "",
        "source": [{"actorText": "Kenyan", "code": "KEN", "sector": "GOV"}],
        "target": [{"actorText": "Japanese", "code": "JAP"}],
        "text": "Kenyan officials demanded on Monday that Japan return the seized fishing boats.",
        "textInfo": {"markup": "(SRC: Kenyan) officials (EVT: demanded) ..."},
        "eventText": "demanded",
    },
    {
        "id": "GSR-FIGHT-0001",
        "date": "2000-01-01",
        "event": "FIGHT",
        "mode": "heavy-weapons",
        "source": [
            {"actorText": "Chadian rebels", "code": "TCD", "sector": "REBara"},
            {"actorText": "Sudanese militia", "code": "SDN", "sector": "UAF"},
        ],
        "target": "",
        "eventLoc": {"name": "Abeche", "country code": "TD"},
        "text": "Chadian rebels and Sudanese militia fought with artillery near Abeche on Sunday.",
        "textInfo": {"markup": "..."},
        "eventText": "fought",
    },
    {
        "id": "GSR-AID-0001",
        "date": "2000-01-01",
        "event": "AID",
        "source": [{"actorText": "United Nations", "code": "IGO"}],
        "target": [{"actorText": "Malawi", "code": "MWI", "sector": "***"}],
        "eventLoc": {"name": "Malawi"},
        "text": "The United Nations sent food aid to flood victims in Malawi.",
        "textInfo": {"markup": "..."},
        "eventText": "sent food aid",
    },
    {"id": "GSR-PARTY-0001", "event": "CELEBRATE", "text": "People danced.", "eventText": "danced"},
    {"id": "GSR-AGREE-0001", "event": "AGREE", "text": "", "eventText": "agreed"},
    "not a record",
]


def write_gsr(folder: Path, records: list) -> Path:
    path = folder / "PLOVER_GSR_TEST.txt"
    path.write_text(json.dumps(records, indent=1), encoding="utf-8")
    return path


@pytest.fixture
def gsr_file(tmp_path: Path) -> Path:
    return write_gsr(tmp_path, RECORDS)


def test_sniff_accepts_the_format_and_refuses_others(gsr_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Just some text.\n", encoding="utf-8")
    assert plover_gsr.sniff(gsr_file)
    assert not plover_gsr.sniff(other)


def test_read_maps_old_types_and_cameo_codes(gsr_file: Path) -> None:
    gold = plover_gsr.read(gsr_file, ReadOptions())
    items = {item.id: item for item in gold.items}
    assert set(items) == {"GSR-DEMAND-0001", "GSR-FIGHT-0001", "GSR-AID-0001"}
    demand = items["GSR-DEMAND-0001"]
    assert demand.published is None
    assert demand.gold["event_type"] == "REQUEST"
    assert "mode" not in demand.gold  # an empty mode is not scored
    assert demand.gold["target_country"] == "JPN"
    assert demand.gold["target_sector"] == "GOV"  # a bare country code is the state
    fight = items["GSR-FIGHT-0001"].gold
    assert fight["event_type"] == "ASSAULT"
    assert fight["mode"] == "heavy-weapons"
    assert fight["source_country"] == "SDN+TCD"
    assert fight["source_sector"] == "REB"  # REBara and UAF both read as REB
    assert fight["target_country"] == fight["target_sector"] == "(none)"
    assert fight["location_country"] == "TCD"
    aid = items["GSR-AID-0001"].gold
    assert aid["source_country"] == "IGO"
    assert aid["target_sector"] is None  # '***' is not scored
    assert aid["location_country"] == "MWI"  # the place is a country


def test_unusable_records_are_counted_with_reasons(gsr_file: Path) -> None:
    gold = plover_gsr.read(gsr_file, ReadOptions())
    reasons = [dropped.reason for dropped in gold.dropped]
    assert len(reasons) == 4
    assert "not an event" in reasons[0]
    assert any("unknown event type 'CELEBRATE'" in reason for reason in reasons)
    assert any("no 'text'" in reason for reason in reasons)
    assert any("JSON object" in reason for reason in reasons)
    assert gold.dropped[0].origin.startswith(f"{gsr_file}:")


def test_limit_reads_a_sample(gsr_file: Path) -> None:
    assert len(plover_gsr.read(gsr_file, ReadOptions(limit=1)).items) == 1


@pytest.mark.parametrize("content", ['[{"id": 1,', '{"records": []}', '[{"note": "hello"}]'])
def test_a_file_that_is_not_the_format_is_an_input_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "broken.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="not a PLOVER gold-standard file"):
        plover_gsr.read(path, ReadOptions())


def test_evaluate_end_to_end(gsr_file: Path, pipeline) -> None:
    gold = plover_gsr.read(gsr_file, ReadOptions())
    result = evaluate(gold, pipeline)
    assert result.items == 3
    scores = {score.spec.name: score for score in result.scores}
    assert scores["event_type"].scored == 3
    assert scores["source_country"].scored == 3
    assert scores["mode"].scored == 1
    assert all(outcome.error is None for outcome in result.outcomes.values())


def test_an_official_of_an_international_body_is_coded_as_the_body(pipeline) -> None:
    # PLOVER codes a UN secretary-general as IGO; our record keeps the person, with no country.
    text = "UN Secretary-General Kofi Annan said on Monday that he would withdraw the inspectors from Iraq."
    answer = plover_gsr.predict(GoldItem("t", text, {}), pipeline.extract(text))
    assert answer["source_country"] == "IGO"


def test_an_organ_of_an_international_body_is_coded_international_with_its_sector(pipeline) -> None:
    text = "Serbia demanded an urgent meeting of the UN Security Council on Tuesday."
    answer = plover_gsr.predict(GoldItem("t", text, {}), pipeline.extract(text))
    assert (answer["target_country"], answer["target_sector"]) == ("IGO", "GOV")


def test_roles_are_scored_as_the_plover_export_codes_them(pipeline) -> None:
    # Reciprocal: both sides are actors, with no recipient.
    text = "Ghana and Togo signed a border treaty on Friday."
    answer = plover_gsr.predict(GoldItem("t", text, {}), pipeline.extract(text))
    assert (answer["source_country"], answer["target_country"]) == ("GHA+TGO", "(none)")
    # No recipient named: the state where it happened, as the gold codes a protest in a country.
    text = "Thousands of teachers demonstrated in Lusaka on Monday."
    answer = plover_gsr.predict(GoldItem("t", text, {}), pipeline.extract(text))
    assert (answer["target_country"], answer["target_sector"]) == ("ZMB", "GOV")


def test_a_condition_is_not_the_event_a_sentence_reports(pipeline) -> None:
    # The attack is what the help depends on: the help offered is the event (PLOVER codes an offer of
    # help as AGREE, an intent to cooperate).
    text = "Norway is willing to help defend Kuwait if it is attacked, the minister said."
    answer = plover_gsr.predict(GoldItem("t", text, {}), pipeline.extract(text))
    assert answer["event_type"] == "AGREE"


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        # The talks would be joint; the offer, coded as AGREE, is Greece's towards Turkey.
        (
            "Greece offered on Tuesday to negotiate with Turkey over the disputed islands.",
            ("AGREE", "GRC", "TUR"),
        ),
        # Coded as REJECT, the agreement they failed to reach names no other side: both are actors.
        (
            "Ghana and Togo failed to reach an agreement on the border in Lome.",
            ("REJECT", "GHA+TGO", "(none)"),
        ),
    ],
)
def test_an_intent_is_aimed_at_the_other_side_it_names(pipeline, text: str, coded: tuple) -> None:
    answer = plover_gsr.predict(GoldItem("t", text, {}), pipeline.extract(text))
    assert (answer["event_type"], answer["source_country"], answer["target_country"]) == coded
