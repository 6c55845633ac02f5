"""What the page and the API read from a store, on DuckDB and on PostgreSQL, over our own articles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from whodid.ingest import read_articles
from whodid.records import Article
from whodid.store import EventStore, views
from whodid.store.query import EventQuery, Near

ROOT = Path(__file__).resolve().parents[2]
INPUTS = [ROOT / "examples", ROOT / "tests" / "data" / "merge_corpus" / "articles.jsonl"]


@pytest.fixture(scope="module")
def coded(pipeline):
    """The articles coded once; each test stores them in its own store."""
    articles = [item for item in read_articles(INPUTS, date(2024, 5, 20)) if isinstance(item, Article)]
    return [(result.article, result.events) for result in pipeline.run(articles)]


@pytest.fixture
def store(store_location, coded):
    with EventStore(store_location) as opened:
        opened.store_batch(coded)
        yield opened


def _scalar(store: EventStore, sql: str) -> int:
    return int(store.db.fetchone(sql)[0])


def test_summary_counts_what_the_store_holds(store):
    found = views.summary(store)
    assert (found["events"], found["articles"]) == (store.count_events(), store.count_articles())
    assert sum(item["events"] for item in found["types"]) == found["events"]
    assert found["first_date"] <= found["last_date"]


def test_event_page_is_paged_with_the_total_and_sorted_as_asked(store):
    first = views.event_page(store, EventQuery(limit=5, sort="-date"))
    second = views.event_page(store, EventQuery(limit=5, offset=5, sort="-date"))
    assert first["total"] == store.count_events() and len(first["events"]) == 5
    dates = [event["date"] for event in first["events"] + second["events"] if event["date"]]
    assert dates == sorted(dates, reverse=True)
    assert not {e["event_id"] for e in first["events"]} & {e["event_id"] for e in second["events"]}


def test_event_page_limit_is_capped(store):
    assert views.event_page(store, EventQuery(limit=10_000))["limit"] == views.MAX_PAGE


def test_event_page_filters_by_type_and_names_the_actors(store):
    page = views.event_page(store, EventQuery(types=("ASSAULT",), limit=100))
    assert page["total"] == _scalar(store, "SELECT count(*) FROM events WHERE \"type\" = 'ASSAULT'")
    assert {event["type"] for event in page["events"]} == {"ASSAULT"}
    assert any("Rapid Support Forces" in event["source"] for event in page["events"])


def test_map_points_are_columns_of_every_placed_event(store):
    points = views.map_points(store, EventQuery())
    placed = _scalar(store, "SELECT count(*) FROM events WHERE lat IS NOT NULL")
    assert len(points["ids"]) == len(points["lat"]) == len(points["lon"]) == len(points["day"]) == placed
    assert all(0 <= index < len(points["types"]) for index in points["type"])
    assert not points["truncated"]
    nyala = views.map_points(store, EventQuery(near=Near(12.05, 24.88, 50)))
    assert 0 < len(nyala["ids"]) < placed


def test_map_points_say_when_they_are_cut(store):
    points = views.map_points(store, EventQuery(), limit=2)
    assert len(points["ids"]) == 2 and points["truncated"]


def test_counts_over_time_add_up_to_the_dated_events(store):
    timeline = views.counts_over_time(store, EventQuery())
    dated = _scalar(store, 'SELECT count(*) FROM events WHERE "date" IS NOT NULL')
    assert sum(step["events"] for step in timeline["counts"]) == dated
    assert timeline["undated"] == store.count_events() - dated
    assert timeline["bucket"] == "day"
    monthly = views.counts_over_time(store, EventQuery(), "month")
    assert monthly["bucket"] == "month" and all(step["date"].endswith("-01") for step in monthly["counts"])
    assert sum(step["events"] for step in monthly["counts"]) == dated


def test_counts_over_time_refuse_an_unknown_step(store):
    with pytest.raises(ValueError, match="bucket"):
        views.counts_over_time(store, EventQuery(), "fortnight")


def test_actor_network_links_sources_to_targets_among_the_top_actors(store):
    network = views.actor_network(store, EventQuery(), max_actors=10)
    keys = {node["key"] for node in network["nodes"]}
    assert 0 < len(keys) <= 10
    assert network["links"] and all(
        link["source"] in keys and link["target"] in keys for link in network["links"]
    )
    assert all(link["source"] != link["target"] for link in network["links"])
    rsf = next(node for node in network["nodes"] if node["name"] == "Rapid Support Forces")
    assert rsf["as_source"] >= 1 and rsf["events"] == rsf["as_source"] + rsf["as_target"]
    assert {"source": rsf["key"], "target": "SDNCVL", "events": 1} in network["links"]


def test_event_detail_lists_every_report_and_marks_the_first_reports_evidence(store):
    event_id = store.db.fetchone("SELECT event_id FROM events ORDER BY mention_count DESC, added_order")[0]
    detail = views.event_detail(store, event_id)
    assert detail["report_count"] == len(detail["reports"]) >= 2
    outlets = {report["article"]["outlet"] for report in detail["reports"]}
    assert len(outlets) >= 2
    evidence = detail["evidence"]
    text = "".join(piece["text"] for piece in evidence["segments"])
    article = store.article(evidence["article"]["id"])
    assert text == article["text"]
    triggers = [piece["text"] for piece in evidence["segments"] if "trigger" in piece["kinds"]]
    assert triggers and all(trigger in text for trigger in triggers)
    assert views.event_detail(store, "no-such-event") is None


def test_mention_evidence_of_another_report_shows_its_own_article(store):
    event_id = store.db.fetchone("SELECT event_id FROM events ORDER BY article_count DESC, added_order")[0]
    reports = views.event_detail(store, event_id)["reports"]
    second = views.mention_evidence(store, reports[1]["mention_id"])
    assert second["article"]["id"] == reports[1]["article"]["id"] != reports[0]["article"]["id"]
    assert views.mention_evidence(store, "nope") is None


def test_lists_of_actors_places_and_articles_are_paged_and_filtered(store):
    actors = views.actor_list(store, "rapid support", limit=5)
    assert [actor["name"] for actor in actors["actors"]] == ["Rapid Support Forces"]
    places = views.place_list(store, limit=3)["places"]
    assert len(places) == 3 and places[0]["events"] >= places[-1]["events"]
    articles = views.article_list(store, limit=100)["articles"]
    assert len(articles) == store.count_articles()
    assert views.article_list(store, "no such outlet or title")["articles"] == []


def test_text_filters_are_data_not_sql(store):
    hostile = "x'); DROP TABLE events; --"
    assert views.actor_list(store, hostile)["actors"] == []
    assert views.article_list(store, "%")["articles"] == []  # a literal percent sign, not a wildcard
    assert views.event_page(store, EventQuery(actor=hostile))["total"] == 0
    assert store.count_events() > 0


def test_article_detail_lists_its_events(store):
    article_id = store.db.fetchone("SELECT article_id FROM mentions ORDER BY added_order")[0]
    detail = views.article_detail(store, article_id)
    assert detail["text"] and detail["events"]
    assert views.article_detail(store, "missing") is None
