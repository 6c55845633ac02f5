"""The whole corpus of bad inputs through `whodid ingest`: the run finishes, every good article is
stored, every input that fails is reported and noted in the store's errors table, and a second run
changes nothing but the count of attempts."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from whodid.cli import EXIT_SKIPPED, main
from whodid.ingest import read_articles
from whodid.records import Article
from whodid.store import EventStore
from whodid.store.rows import ingest_key

BAD_INPUTS = Path(__file__).resolve().parent / "data" / "bad_inputs"


def expected_origins() -> tuple[set[str], set[str]]:
    """The origins the readers give as articles, and those they skip, for the folder read whole."""
    expected = yaml.safe_load((BAD_INPUTS / "EXPECTED.yaml").read_text(encoding="utf-8"))
    articles, skipped = set(), set()
    for entry in expected.values():
        if entry.get("in_folder") is False:
            continue
        articles |= {str(BAD_INPUTS / item["origin"]) for item in entry.get("articles", [])}
        skipped |= {str(BAD_INPUTS / item["origin"]) for item in entry.get("skipped", [])}
    return articles, skipped


def first_of_each_text(origins: set[str]) -> set[str]:
    """The origins an ingest stores: an article with the text, outlet and address of one read before it
    is the same article (already stored), whatever its id."""
    seen, first = set(), set()
    for item in read_articles([BAD_INPUTS]):
        if isinstance(item, Article) and item.origin in origins and ingest_key(item) not in seen:
            seen.add(ingest_key(item))
            first.add(item.origin)
    return first


def stored(db: Path) -> tuple[set[str], int, dict[str, tuple[str, int]]]:
    with EventStore(db, read_only=True) as store:
        origins = set(store.sql("SELECT origin FROM articles")["origin"])
        failed = {row["origin"]: (row["stage"], row["attempts"]) for row in store.errors()}
        return origins, store.count_events(), failed


def test_ingesting_the_bad_inputs_stores_the_good_and_notes_the_rest(tmp_path: Path) -> None:
    readable, unreadable = expected_origins()
    db = tmp_path / "bad.duckdb"
    runner = CliRunner()

    first = runner.invoke(main, ["ingest", str(BAD_INPUTS), "--db", str(db), "--published", "2024-05-20"])

    assert first.exit_code == EXIT_SKIPPED, first.output
    origins, events, failed = stored(db)
    assert events > 0  # the good articles tell of arrests and protests
    # Everything readable is either stored or refused by the pipeline (not English); nothing is lost.
    refused = {origin for origin, (stage, _) in failed.items() if stage == "code"}
    assert origins | refused == first_of_each_text(readable) and not origins & refused
    assert any("french" in origin for origin in refused)
    assert {origin for origin, (stage, _) in failed.items() if stage == "read"} == unreadable
    for origin in failed:
        assert f"skipped {origin}:" in first.output  # each reported with its reason
    assert "skipped" in first.output.splitlines()[-1]

    second = runner.invoke(main, ["ingest", str(BAD_INPUTS), "--db", str(db), "--published", "2024-05-20"])

    assert second.exit_code == EXIT_SKIPPED
    again_origins, again_events, again_failed = stored(db)
    assert (again_origins, again_events) == (origins, events)
    assert {origin: stage for origin, (stage, _) in again_failed.items()} == {
        origin: stage for origin, (stage, _) in failed.items()
    }
    assert all(attempts == 2 for _, attempts in again_failed.values())

    listing = runner.invoke(main, ["errors", "--db", str(db)])
    assert listing.exit_code == 0 and f"{len(failed)} failed inputs" in listing.output
