"""`whodid kb check`, `whodid kb find`, and a user's own actor file given to a run with --kb."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from whodid.cli import main
from whodid.store import EventStore

MINE = """provenance: written for this test
actors:
  - id: ridge-front
    name: Ridge Front
    aliases: [Ridge Fronters]
    kind: armed_group
    country: IRQ
    sector: REB
"""
AMBUSH = "Fighters of the Ridge Front ambushed a police convoy near Mosul on Monday, killing two officers.\n"


def invoke(args: Sequence[str]) -> Result:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def mine(tmp_path: Path) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(MINE, encoding="utf-8")
    return path


@pytest.fixture
def ambush(tmp_path: Path) -> Path:
    path = tmp_path / "ambush.txt"
    path.write_text(AMBUSH, encoding="utf-8")
    return path


def _sources(records: list[dict]) -> set[str | None]:
    return {actor.get("actor_id") for record in records for actor in record["source"]}


def test_kb_check_counts_what_the_files_hold_and_what_they_replace(mine: Path) -> None:
    mine.write_text(MINE + "  - {id: iraq-government, name: Government of the Republic, kind: state_body}\n")
    result = invoke(["kb", "check", str(mine)])
    assert result.exit_code == 0, result.output
    assert "all well formed" in result.output and "armed_group" in result.output
    assert "replaced shipped actors: iraq-government" in result.output


def test_kb_check_names_file_line_and_field_of_a_mistake(mine: Path) -> None:
    mine.write_text(MINE.replace("armed_group", "militia"), encoding="utf-8")
    result = invoke(["kb", "check", str(mine)])
    assert result.exit_code == 1
    assert f"{mine}:6: actors[0] (ridge-front), field 'kind': unknown kind 'militia'" in result.stderr


def test_an_actors_csv_is_checked_and_its_people_found_by_the_date(tmp_path: Path) -> None:
    officials = tmp_path / "officials.csv"
    header = "id,name,aliases,kind,country,sector,roles\n"
    row = "dara-venn,Dara Venn,,person,IRQ,GOV,IRQ GOV 2019-03-01..2022-05-10|IRQ ELI 2022-05-10..\n"
    officials.write_text(header + row, encoding="utf-8")
    checked = invoke(["kb", "check", str(officials)])
    assert checked.exit_code == 0 and "all well formed" in checked.output
    found = invoke(["kb", "find", "Dara Venn", "--on", "2023-01-01", "--kb", str(officials)])
    assert found.exit_code == 0 and "ELI" in found.output
    officials.write_text(header + row.replace("2019-03-01..", "2019-03-01 to "), encoding="utf-8")
    broken = invoke(["kb", "check", str(officials)])
    assert broken.exit_code == 1 and f"{officials}:2: row dara-venn, field 'roles'" in broken.stderr


def test_kb_find_resolves_an_office_by_the_date() -> None:
    in_2024 = invoke(["kb", "find", "the Iraqi prime minister", "--on", "2024-03-01"])
    assert in_2024.exit_code == 0, in_2024.output
    assert "Sudani" in in_2024.output
    nobody = invoke(["kb", "find", "a quiet afternoon"])
    assert nobody.exit_code == 1 and "no actor" in nobody.stderr


def test_extract_with_kb_knows_the_users_actor(mine: Path, ambush: Path) -> None:
    without = invoke(["extract", str(ambush), "--published", "2024-05-08"])
    with_kb = invoke(["extract", str(ambush), "--published", "2024-05-08", "--kb", str(mine)])
    assert with_kb.exit_code == 0, with_kb.stderr
    records = [json.loads(line) for line in with_kb.output.splitlines()]
    assert "ridge-front" in _sources(records)
    assert "ridge-front" not in _sources([json.loads(line) for line in without.output.splitlines()])
    found = invoke(["kb", "find", "the Ridge Fronters", "--kb", str(mine)])
    assert "ridge-front" in found.output


def test_ingest_with_kb_on_worker_processes_stores_the_users_actor(
    mine: Path, ambush: Path, tmp_path: Path
) -> None:
    db = tmp_path / "kb.duckdb"
    args = ["ingest", str(ambush), "--db", str(db), "--published", "2024-05-08", "--kb", str(mine)]
    result = invoke([*args, "--workers", "2", "--no-progress"])
    assert result.exit_code == 0, result.stderr
    with EventStore(db) as store:
        assert "ridge-front" in _sources(store.events())


def test_a_malformed_kb_stops_the_run_before_anything_is_stored(
    mine: Path, ambush: Path, tmp_path: Path
) -> None:
    mine.write_text(MINE.replace("country: IRQ", "country: Iraq"), encoding="utf-8")
    db = tmp_path / "never.duckdb"
    result = invoke(["ingest", str(ambush), "--db", str(db), "--kb", str(mine), "--no-progress"])
    assert result.exit_code == 1
    assert f"{mine}:7:" in result.stderr and "field 'country'" in result.stderr
    assert not db.exists()
