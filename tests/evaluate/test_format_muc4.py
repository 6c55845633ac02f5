"""The MUC-4 (GRIT) reader and predictor, on invented documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from whodid.errors import InputError
from whodid.evaluate.formats import guess_format, muc4
from whodid.evaluate.gold import GoldItem, ReadOptions
from whodid.evaluate.runner import evaluate
from whodid.records import Actor, Event, Evidence, Phrase

NO_ROLES = {
    "perp_individual_id": [],
    "perp_organization_id": [],
    "phys_tgt_id": [],
    "hum_tgt_name": [],
    "incident_instrument_id": [],
}
BRIDGE_ATTACK = {
    "doc": "REBELS OF THE NORTHERN LIBERATION FRONT BOMBED A BRIDGE NEAR THE TOWN OF VALLEVERDE ON MONDAY.",
    "roles": {
        **NO_ROLES,
        "perp_individual_id": [["REBELS"]],
        "perp_organization_id": [["NORTHERN LIBERATION FRONT"]],
        "phys_tgt_id": [["A BRIDGE", "BRIDGE"]],
        "incident_instrument_id": [["BOMB"]],
    },
}
HARVEST_NEWS = {"doc": "THE MINISTER OPENED A NEW SCHOOL IN THE CAPITAL ON FRIDAY.", "roles": NO_ROLES}


def write_grit(path: Path, documents: dict) -> Path:
    path.write_text(json.dumps(documents, indent=2), encoding="utf-8")
    return path


@pytest.fixture
def grit_file(tmp_path: Path) -> Path:
    return write_grit(
        tmp_path / "dev.json",
        {
            "DOC-1": BRIDGE_ATTACK,
            "DOC-2": HARVEST_NEWS,
            "DOC-3": {"doc": "NO ROLES HERE."},
            "DOC-4": {"doc": "A TEXT.", "roles": {**NO_ROLES, "phys_tgt_id": ["NOT A LIST OF MENTIONS"]}},
            "DOC-5": {"doc": "A TEXT.", "roles": {**NO_ROLES, "getaway_car": []}},
            "DOC-6": "just a string",
        },
    )


def test_reader_keeps_good_documents_and_counts_the_rest(grit_file: Path) -> None:
    gold = muc4.read(grit_file, ReadOptions())
    assert [item.id for item in gold.items] == ["DOC-1", "DOC-2"]
    assert gold.items[0].gold == {
        "perpetrator_individual": ["REBELS"],
        "perpetrator_org": ["NORTHERN LIBERATION FRONT"],
        "target": ["A BRIDGE", "BRIDGE"],
        "has_attack": True,
    }
    # No gold for a role: not scored (None); the attack flag is scored everywhere.
    assert gold.items[1].gold == {
        "perpetrator_individual": None,
        "perpetrator_org": None,
        "target": None,
        "has_attack": False,
    }
    reasons = " | ".join(dropped.reason for dropped in gold.dropped)
    assert len(gold.dropped) == 4
    assert "no 'roles'" in reasons and "phys_tgt_id" in reasons and "getaway_car" in reasons
    assert "not a JSON object" in reasons
    assert muc4.read(grit_file, ReadOptions(limit=1)).items[0].id == "DOC-1"


def test_human_and_physical_targets_are_one_field(tmp_path: Path) -> None:
    roles = {**NO_ROLES, "phys_tgt_id": [["BUS"]], "hum_tgt_name": [["JUAN PEREZ", "PEREZ"]]}
    path = write_grit(tmp_path / "t.json", {"D": {"doc": "A TEXT.", "roles": roles}})
    assert muc4.read(path, ReadOptions()).items[0].gold["target"] == ["BUS", "JUAN PEREZ", "PEREZ"]


def test_sniff_and_not_the_format(grit_file: Path, tmp_path: Path) -> None:
    assert muc4.sniff(grit_file) and guess_format(grit_file) == "muc4"
    other = tmp_path / "other.json"
    other.write_text('[{"text": "a list, not GRIT"}]', encoding="utf-8")
    assert not muc4.sniff(other)
    with pytest.raises(InputError, match="not a MUC-4 GRIT file"):
        muc4.read(other, ReadOptions())
    broken = tmp_path / "broken.json"
    broken.write_text('{"DOC": {"doc": ', encoding="utf-8")
    with pytest.raises(InputError, match="not JSON"):
        muc4.read(broken, ReadOptions())


def actor(text: str, kind: str) -> Actor:
    return Actor(text, (0, 1), kind=kind)


def test_predictor_splits_perpetrators_by_kind() -> None:
    attack = Event(
        "e1", "a", "ASSAULT", Evidence("s", (0, 1), "BOMBED", (0, 1)),
        source=[actor("REBELS", "agent"), actor("NORTHERN LIBERATION FRONT", "armed_group")],
        target=[actor("A BRIDGE", "agent")],
    )  # fmt: skip
    predicted = muc4.predict(GoldItem("x", "t", {}), [attack])
    assert predicted == {
        "perpetrator_individual": ["REBELS"],
        "perpetrator_org": ["NORTHERN LIBERATION FRONT"],
        "target": ["A BRIDGE"],
        "has_attack": True,
    }


def test_end_to_end_on_invented_documents(grit_file: Path, pipeline) -> None:
    result = evaluate(muc4.read(grit_file, ReadOptions()), pipeline)
    assert result.items == 2 and not result.failed
    scores = {score.spec.name: score for score in result.scores}
    assert scores["has_attack"].scored == 2
    assert scores["target"].scored == 1  # only the attack has a gold target
    assert result.outcomes["DOC-2"].predicted["has_attack"] is False


def test_the_organisation_is_the_source_of_most_of_the_texts_attacks() -> None:
    def attack(trigger: str, factuality: str, *sources: Actor) -> Event:
        return Event("e" + trigger, "a", "ASSAULT", Evidence("s", (0, 1), trigger, (0, 1)),
                     source=list(sources), factuality=factuality)  # fmt: skip

    front, league = actor("NORTHERN FRONT", "armed_group"), actor("RIVER LEAGUE", "armed_group")
    events = [
        attack("BOMBED", "asserted", actor("GUNMEN", "agent")),
        attack("ATTACKED", "reported", front),
        attack("RAIDED", "asserted", front),
        attack("AMBUSHED", "denied", league),
        attack("SHELLED", "hypothetical", league),
        attack("BURNED", "asserted", league),
    ]
    assert muc4.predict(GoldItem("x", "t", {}), events)["perpetrator_org"] == ["NORTHERN FRONT"]


def test_who_claims_an_attack_or_is_blamed_for_one_is_behind_it() -> None:
    def event(type_: str, trigger: str, source=(), target=(), cameo=None) -> Event:
        return Event("e" + trigger, "a", type_, Evidence("s", (0, 1), trigger, (0, 1)), cameo=cameo,
                     source=list(source), target=list(target))  # fmt: skip

    bombing = event("ASSAULT", "bombed")  # by no one the sentence names
    claim = event("AGREE", "claimed", source=[actor("Northern Front", "armed_group")], cameo="015")
    blame = event("ACCUSE", "blamed", source=[actor("the army", "agent")],
                  target=[actor("Delta Cells", "armed_group")])  # fmt: skip
    item = GoldItem("d", "", {})
    assert muc4.predict(item, [bombing, claim])["perpetrator_org"] == ["Northern Front"]
    assert muc4.predict(item, [bombing, blame])["perpetrator_org"] == ["Delta Cells"]
    assert muc4.predict(item, [bombing])["perpetrator_org"] is None


def test_state_forces_named_as_a_body_are_the_organisation_where_none_is_named() -> None:
    def attack(trigger: str, *sources: Actor) -> Event:
        return Event(
            "e" + trigger, "a", "ASSAULT", Evidence("s", (0, 1), trigger, (0, 1)), source=list(sources)
        )

    item = GoldItem("d", "", {})
    by_the_body = [
        attack("SHOT", actor("SOLDIERS", "agent")),
        attack("MURDERED", actor("THE ARMED FORCES", "agent")),
    ]
    assert muc4.predict(item, by_the_body)["perpetrator_org"] == ["THE ARMED FORCES"]
    by_members = [attack("SHOT", actor("SOLDIERS", "agent"))]
    assert muc4.predict(item, by_members)["perpetrator_org"] is None
    named = [*by_the_body, attack("BOMBED", actor("NORTHERN FRONT", "armed_group"))]
    assert muc4.predict(item, named)["perpetrator_org"] == ["NORTHERN FRONT"]


def test_a_pronoun_is_answered_by_the_name_it_stands_for() -> None:
    they = Actor("THEY", (0, 4), name="The Extraditables", kind="armed_group")
    kidnap = Event("e1", "a", "ASSAULT", Evidence("s", (0, 1), "KIDNAPPED", (0, 1)), source=[they])
    assert muc4.predict(GoldItem("d", "", {}), [kidnap])["perpetrator_org"] == ["The Extraditables"]


def test_state_forces_blamed_for_an_attack_are_the_organisation_where_none_is_named() -> None:
    killing = Event("e1", "a", "ASSAULT", Evidence("s", (0, 1), "KILLING", (0, 1)))
    forces = actor("THE ARMED FORCES", "agent")
    blame = Event("e2", "a", "ACCUSE", Evidence("s", (0, 1), "BLAMED", (0, 1)), target=[forces])
    item = GoldItem("d", "", {})
    assert muc4.predict(item, [killing, blame])["perpetrator_org"] == ["THE ARMED FORCES"]
    blame.factuality = "denied"
    assert muc4.predict(item, [killing, blame])["perpetrator_org"] is None


def test_an_armed_group_reporting_attacks_by_units_it_does_not_name_tells_of_its_own() -> None:
    def attack(attributed_to: Actor | None, *sources: Actor) -> Event:
        return Event("e1", "a", "ASSAULT", Evidence("s", (0, 1), "attacks", (0, 1)), source=list(sources),
                     factuality="reported", attributed_to=attributed_to)  # fmt: skip

    front, units = actor("Northern Front", "armed_group"), actor("commando units", "agent")
    item = GoldItem("d", "", {})
    assert muc4.predict(item, [attack(front, units)])["perpetrator_org"] == ["Northern Front"]
    # a state body reporting them does not claim them
    assert muc4.predict(item, [attack(actor("the army", "state_body"), units)])["perpetrator_org"] is None


def test_members_of_a_named_group_are_individuals_and_the_group_its_organisation() -> None:
    guerrillas = Actor("GUERRILLAS", (40, 50), name="Northern Front", kind="armed_group",
                       antecedent=Phrase("NORTHERN FRONT", (0, 14)))  # fmt: skip
    bombing = Event("e1", "a", "ASSAULT", Evidence("s", (0, 1), "BOMBED", (0, 1)), source=[guerrillas])
    predicted = muc4.predict(GoldItem("d", "", {}), [bombing])
    assert predicted["perpetrator_individual"] == ["GUERRILLAS"]
    assert predicted["perpetrator_org"] == ["NORTHERN FRONT"]


def test_the_group_that_stands_for_a_group_named_before_is_that_organisation() -> None:
    named = Actor("TAMBO RIVER FRONT", (0, 17), kind="organisation", sector="REB")
    the_group = Actor(
        "GROUP", (60, 65), kind="organisation", sector="REB", antecedent=Phrase(named.text, named.span)
    )
    events = [
        Event("e1", "a", "ASSAULT", Evidence("s", (0, 1), "SHOT", (0, 1)), source=[named]),
        Event("e2", "a", "ASSAULT", Evidence("s", (0, 1), "BLEW UP", (0, 1)), source=[the_group]),
    ]
    predicted = muc4.predict(GoldItem("d", "", {}), list(reversed(events)))
    assert predicted["perpetrator_org"] == ["TAMBO RIVER FRONT"]
    assert predicted.get("perpetrator_individual") is None  # "the group" is no one's people


def test_fighting_between_two_sides_names_no_organisation_behind_an_attack() -> None:
    front = actor("NORTHERN FRONT", "armed_group")
    fighting = Event("e1", "a", "ASSAULT", Evidence("s", (0, 1), "FIGHTING", (0, 1)), source=[front],
                     reciprocal=True)  # fmt: skip
    bombing = Event("e2", "a", "ASSAULT", Evidence("s", (0, 1), "BOMBINGS", (0, 1)),
                    source=[actor("the air force", "agent")])  # fmt: skip
    predicted = muc4.predict(GoldItem("d", "", {}), [fighting, bombing])
    assert predicted["perpetrator_org"] == ["the air force"]


def test_a_state_named_as_itself_is_no_organisation_behind_the_texts_attacks() -> None:
    def attack(trigger: str, factuality: str, source: Actor) -> Event:
        return Event("e" + trigger, "a", "ASSAULT", Evidence("s", (0, 1), trigger, (0, 1)),
                     source=[source], factuality=factuality)  # fmt: skip

    state = actor("RURITANIA", "state")
    events = [attack("INVADED", "asserted", state), attack("RAIDED", "asserted", state)]
    events.append(attack("BOMBED", "asserted", actor("NORTHERN FRONT", "armed_group")))
    assert muc4.predict(GoldItem("x", "t", {}), events)["perpetrator_org"] == ["NORTHERN FRONT"]
