"""The actor files: the shipped ones load, and a mistake in a user's file is named by file, line and
field before anything of it is used."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from whodid.errors import DataFileError
from whodid.resolve.actors import ActorKB
from whodid.resolve.kb_files import default_paths, load_tables

GOOD_ACTOR = """actors:
  - id: ridge-front
    name: Ridge Front
    aliases: [the Ridgers]
    kind: armed_group
    country: IRQ
    sector: REB
    parent: iraq-government
"""
ROLES = "    roles:\n"


def test_the_shipped_files_load_with_their_roles() -> None:
    tables = load_tables(list(default_paths()))
    assert {"ally", "proxies"} <= tables.patron_words and len(tables.operations) > 10
    heads = tables.civil_society_heads
    assert {"association", "forum"} <= heads and "council" not in heads
    assert "language" in tables.language_words
    assert len(tables.countries) > 240 and len(tables.named) > 100 and len(tables.agents) > 60
    assert any(entry.roles for entry in tables.named)


@pytest.mark.parametrize(
    ("content", "line", "where"),
    [
        # A misspelt field would otherwise be ignored without a word.
        (GOOD_ACTOR.replace("aliases:", "aliasses:"), 4,
         "actors[0] (ridge-front), field 'aliasses': unknown field"),
        (GOOD_ACTOR.replace("armed_group", "militia"), 5, "field 'kind': unknown kind 'militia'"),
        (GOOD_ACTOR.replace("country: IRQ", "country: Iraq"), 6, "field 'country': 'Iraq' is not an ISO"),
        (GOOD_ACTOR.replace("sector: REB", "sector: rebels"), 7, "field 'sector': 'rebels' is not a sector"),
        (GOOD_ACTOR.replace("iraq-government", "no-such-actor"), 8, "field 'parent': no actor has the id"),
        (GOOD_ACTOR.replace("    name: Ridge Front\n", ""), 2, "field 'name': missing"),
        (GOOD_ACTOR + "    acled_inter: 12\n", 9, "field 'acled_inter': must be an integer 1-8"),
        (GOOD_ACTOR + GOOD_ACTOR.removeprefix("actors:\n"), 9, "'ridge-front' is already defined on line 2"),
        (GOOD_ACTOR + ROLES + "      - {title: leader, start: soon}\n", 10, "field 'start': 'soon'"),
        (GOOD_ACTOR + ROLES + "      - title: leader\n        start: 2020-01-01\n        end: 2019-01-01\n",
         12, "roles[0], field 'end': the role ends (2019-01-01) before it starts"),
        (GOOD_ACTOR + ROLES + "      - {title: leader, org: nobody}\n", 10, "field 'org': no actor"),
        (GOOD_ACTOR + "agents:\n  - {name: ridge riders, terms: [riders]}\n", 10, "field 'sector': missing"),
        ("actors: [\n  - {id: x", 2, "not valid YAML"),
        ("provenance: mine\nactor:\n  - {id: x}\nagents: []\n", 2, "field 'actor': unknown field"),
        # An operation names who launched it, by an id some file defines, and the state it hit.
        ("operations:\n  - {id: op, name: Operation Zorn, actor: nobody, target: ISR}\n", 2,
         "operations[0] (op), field 'actor': no actor has the id 'nobody'"),
        ("operations:\n  - {id: op, name: Operation Zorn, actor: ISR}\n", 2,
         "operations[0] (op), field 'target': missing"),
        # A mission's troops are named by an agent some file defines.
        ("mission_troop_agents: [blue berets]\nagents: []\n", 1,
         "field 'mission_troop_agents': no actor has the id 'agent:blue berets'"),
    ],
)  # fmt: skip
def test_a_mistake_is_named_by_file_line_and_field(
    tmp_path: Path, content: str, line: int, where: str
) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        ActorKB.from_files(path)
    assert (raised.value.path, raised.value.line) == (str(path), line), str(raised.value)
    assert where in raised.value.reason
    assert str(raised.value).startswith(f"{path}:{line}: ")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("bad.csv", "alpha3,name\nIRQ,Iraq\n", "expected the header"),
        ("notes.txt", "hello", "unknown data file type"),
        ("empty.yaml", "", "expected a mapping with an 'actors:', 'agents:' and/or 'operations:' list"),
    ],
)
def test_files_that_are_no_actor_files_are_refused(
    tmp_path: Path, name: str, content: str, reason: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=reason):
        ActorKB.from_files(path)


def test_a_good_file_adds_its_actors_and_one_id_replaces_a_shipped_one(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    replacement = (
        "  - {id: iraq-government, name: Government of the Republic, kind: state_body, sector: GOV}\n"
    )
    path.write_text(GOOD_ACTOR + replacement, encoding="utf-8")
    kb = ActorKB.from_files(path)
    [front] = kb.find("The Ridgers shelled the road.")
    assert (front.actor_id, front.country, front.acled_inter) == ("ridge-front", "IRQ", 2)
    assert kb.entries["iraq-government"].name == "Government of the Republic"
    assert ActorKB.default().entries["iraq-government"].name != "Government of the Republic"


# ----- actors CSV ---------------------------------------------------------------------------------

CSV_HEADER = "# my officials\nid,name,aliases,kind,country,sector,roles\n"
GOOD_ROW = (
    "dara-venn,Dara Venn,Minister Venn|D. K. Venn,person,IRQ,GOV,"
    "IRQ GOV 2019-03-01..2022-05-10|IRQ ELI 2022-05-10..\n"
)


def test_an_actors_csv_adds_people_with_dated_roles(tmp_path: Path) -> None:
    path = tmp_path / "officials.csv"
    path.write_text(CSV_HEADER + GOOD_ROW, encoding="utf-8")
    kb = ActorKB.from_files(path)
    venn = kb.entries["dara-venn"]
    assert [(r.country, r.sector, r.start, r.end) for r in venn.roles] == [
        ("IRQ", "GOV", date(2019, 3, 1), date(2022, 5, 10)),
        ("IRQ", "ELI", date(2022, 5, 10), None),
    ]
    # What the person is depends on the day: in office, then out of it; with no date, the record's own.
    [in_office] = kb.find("Minister Venn arrived.", when=date(2020, 1, 1))
    [former] = kb.find("Dara Venn arrived.", when=date(2024, 1, 1))
    [undated] = kb.find("Dara Venn arrived.")
    assert (in_office.actor_id, in_office.country, in_office.sector) == ("dara-venn", "IRQ", "GOV")
    assert (former.sector, former.acled_inter) == ("ELI", 8)
    assert undated.sector == "GOV"


@pytest.mark.parametrize(
    ("row", "where"),
    [
        (GOOD_ROW.replace(",person,", ",minister,"), "row dara-venn, field 'kind': unknown kind 'minister'"),
        (GOOD_ROW.replace(",IRQ,GOV,", ",Iraq,GOV,"), "field 'country': 'Iraq' is not an ISO 3166-1"),
        (GOOD_ROW.replace("IRQ GOV 2019", "IRQ Gov 2019"), "field 'roles': 'IRQ Gov 2019-03-01..2022-05-10'"),
        (GOOD_ROW.replace("2019-03-01..", "2019-03-01 to "), "'IRQ GOV 2019-03-01 to 2022-05-10' is not"),
        (GOOD_ROW.replace("2022-05-10|", "2022-02-30|"), "the dates are not ISO dates"),
        (GOOD_ROW.replace("2019-03-01", "2023-03-01"), "'IRQ GOV 2023-03-01..2022-05-10' ends before it"),
        (GOOD_ROW.replace("Dara Venn", ""), "row dara-venn, field 'name': missing"),
        (GOOD_ROW.replace(",person,", ","), "expected 7 cells"),
        (GOOD_ROW + GOOD_ROW, "'dara-venn' is already defined on line 3"),
    ],
)  # fmt: skip
def test_a_mistake_in_an_actors_csv_is_named_by_file_line_and_field(
    tmp_path: Path, row: str, where: str
) -> None:
    path = tmp_path / "officials.csv"
    path.write_text(CSV_HEADER + row, encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        ActorKB.from_files(path)
    line = 4 if row.count("\n") == 2 else 3
    assert (raised.value.path, raised.value.line) == (str(path), line), str(raised.value)
    assert where in raised.value.reason


def test_a_yaml_role_may_be_a_standing_without_a_title_but_not_empty(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    standing = ROLES + "      - {country: IRQ, sector: OPP, start: 2020-01-01}\n"
    path.write_text(GOOD_ACTOR + standing, encoding="utf-8")
    assert ActorKB.from_files(path).entries["ridge-front"].roles[0].title is None
    path.write_text(GOOD_ACTOR + ROLES + "      - {country: IRQ, start: 2020-01-01}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="a role needs a title, a sector, or both"):
        ActorKB.from_files(path)


def test_an_actors_csv_row_of_kind_agent_is_a_generic_noun_and_needs_a_sector(tmp_path: Path) -> None:
    path = tmp_path / "agents.csv"
    path.write_text(CSV_HEADER + "agent:ferrymen,ferryman,ferrymen,agent,,LAB,\n", encoding="utf-8")
    [ferrymen] = ActorKB.from_files(path).find("Angry ferrymen blocked the pier.")
    assert (ferrymen.actor_id, ferrymen.kind, ferrymen.sector) == ("agent:ferrymen", "agent", "LAB")
    path.write_text(CSV_HEADER + "agent:ferrymen,ferryman,ferrymen,agent,,,\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="field 'sector': missing"):
        ActorKB.from_files(path)
