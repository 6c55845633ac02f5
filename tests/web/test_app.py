"""The REST API: every endpoint with good input, bad input (wrong types, huge values, injection strings)
and, for the write, the missing or wrong key. The app runs for real over a store of our own articles."""

from __future__ import annotations

import json
import shutil

import pytest
from fastapi.testclient import TestClient

from whodid.store import EventStore
from whodid.web import ServeSettings, create_app
from whodid.web.app import MAX_LIST_VALUES, MAX_URL_CHARS

KEY = "test-key-of-our-own"
HOSTILE = "x'); DROP TABLE events; --"
NEW_ARTICLE = {
    "id": "api-test-1",
    "title": "Port workers strike in Mombasa",
    "outlet": "Coast Courier",
    "published": "2024-08-14",
    "text": "Police arrested 12 dock workers in Mombasa on Tuesday after they blocked the port gates "
    "to protest unpaid wages, a union official said.",
}


@pytest.fixture(scope="module")
def client(page_store):
    with TestClient(create_app(ServeSettings(str(page_store)))) as reader:
        yield reader


@pytest.fixture(scope="module")
def counts(page_store):
    with EventStore(page_store, read_only=True) as store:
        return {
            "events": store.count_events(),
            "placed": store.db.fetchone("SELECT count(*) FROM events WHERE lat IS NOT NULL")[0],
            "assault": store.db.fetchone("SELECT count(*) FROM events WHERE \"type\" = 'ASSAULT'")[0],
            "busiest": store.db.fetchone(
                "SELECT event_id FROM events ORDER BY mention_count DESC, added_order"
            )[0],
        }


@pytest.fixture
def writer(page_store, tmp_path, pipeline):
    """A server with a key over a copy of the store, coding with the session's pipeline."""
    location = tmp_path / "writable.duckdb"
    shutil.copyfile(page_store, location)
    settings = ServeSettings(str(location), api_key=KEY, writes_per_minute=600, write_burst=50)
    with TestClient(create_app(settings, pipeline)) as client:
        yield client


def _error(response, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]
    return body["error"]


# -- reads ---------------------------------------------------------------------------------------------


def test_summary_counts_the_store_and_says_it_is_read_only(client, counts):
    body = client.get("/api/summary").json()
    assert body["events"] == counts["events"] and body["writable"] is False


def test_events_are_paged_filtered_and_sorted(client, counts):
    first = client.get("/api/events", params={"limit": 5, "sort": "-date"}).json()
    assert first["total"] == counts["events"] and len(first["events"]) == 5
    dates = [event["date"] for event in first["events"] if event["date"]]
    assert dates == sorted(dates, reverse=True)
    assault = client.get("/api/events", params={"type": "ASSAULT", "limit": 500}).json()
    assert assault["total"] == counts["assault"] == len(assault["events"])
    either = client.get("/api/events", params=[("type", "ASSAULT"), ("type", "PROTEST")]).json()
    assert either["total"] > assault["total"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "SDN"}, lambda event: event["country"] == "SDN"),
        (
            {"from": "2024-07-01", "to": "2024-07-31"},
            lambda event: "2024-07-01" <= event["date"] <= "2024-07-31",
        ),
        (
            {"actor": "rapid support"},
            lambda event: "Rapid Support Forces" in event["source"] + event["target"],
        ),
        ({"min_sources": 2}, lambda event: event["independent_sources"] >= 2),
        ({"factuality": "reported"}, lambda event: event["factuality"] == "reported"),
        ({"near": "12.05,24.88,40"}, lambda event: abs(event["lat"] - 12.05) < 1),
    ],
)
def test_each_filter_keeps_only_matching_events(client, params, expected):
    events = client.get("/api/events", params={**params, "limit": 500}).json()["events"]
    assert events and all(expected(event) for event in events)


@pytest.mark.parametrize(
    ("params", "says"),
    [
        ({"limit": "abc"}, "limit"),
        ({"limit": 0}, "limit"),
        ({"limit": 10**12}, "limit"),
        ({"offset": -1}, "offset"),
        ({"offset": 10**15}, "offset"),
        ({"sort": "date; DROP TABLE events"}, "sort"),
        ({"country": "Sudan"}, "country"),
        ({"country": HOSTILE}, "country"),
        ({"from": "2024-13-45"}, "from"),
        ({"from": "2024-06-02", "to": "2024-06-01"}, "after"),
        ({"near": "north of here"}, "near"),
        ({"near": "95,10,5"}, "near"),
        ({"min_sources": "many"}, "min_sources"),
        ({"min_sources": 10**9}, "min_sources"),
        ({"factuality": "rumoured"}, "factuality"),
        ({"actor": "a" * 201}, "actor"),
        ({"type": "x" * 201}, "type"),
    ],
)
def test_bad_filters_get_a_json_error_naming_the_parameter(client, params, says):
    assert says in _error(client.get("/api/events", params=params), 422)


def test_too_many_values_of_one_filter_are_refused(client):
    params = [("type", f"T{number}") for number in range(MAX_LIST_VALUES + 1)]
    assert "at most" in _error(client.get("/api/events", params=params), 422)


def test_an_overlong_query_string_is_refused(client):
    assert "query string" in _error(
        client.get("/api/events", params={"actor": "a" * (MAX_URL_CHARS + 1)}), 414
    )


def test_injection_strings_are_only_searched_for(client, counts):
    for path in ("/api/events", "/api/map", "/api/timeline", "/api/network"):
        response = client.get(path, params={"actor": HOSTILE, "type": HOSTILE})
        assert response.status_code == 200, (path, response.text)
    assert client.get("/api/events", params={"actor": HOSTILE}).json()["total"] == 0
    for path in ("/api/actors", "/api/places", "/api/articles"):
        assert client.get(path, params={"q": HOSTILE}).status_code == 200
    assert client.get("/api/summary").json()["events"] == counts["events"]


def test_one_event_comes_with_its_reports_and_marked_evidence(client, counts):
    body = client.get(f"/api/events/{counts['busiest']}").json()
    assert body["event"]["event_id"] == counts["busiest"]
    assert body["report_count"] == len(body["reports"]) >= 2
    kinds = {kind for piece in body["evidence"]["segments"] for kind in piece["kinds"]}
    assert {"sentence", "trigger"} <= kinds and kinds & {"source", "target", "place"}
    other = body["reports"][1]["mention_id"]
    evidence = client.get(f"/api/mentions/{other}/evidence").json()
    assert (
        evidence["mention_id"] == other and evidence["article"]["id"] == body["reports"][1]["article"]["id"]
    )


@pytest.mark.parametrize("path", ["/api/events/{}", "/api/mentions/{}/evidence", "/api/articles/{}"])
def test_unknown_or_hostile_ids_are_not_found(client, path):
    assert "no " in _error(client.get(path.format("no-such-id")), 404)
    assert _error(client.get(path.format("x%27%20OR%20%271%27%3D%271")), 404)
    assert "path parameter" in _error(client.get(path.format("x" * 301)), 422)


def test_map_gives_every_placed_event_as_columns(client, counts):
    body = client.get("/api/map").json()
    assert len(body["ids"]) == len(body["lat"]) == len(body["lon"]) == len(body["type"]) == counts["placed"]
    assert body["truncated"] is False
    cut = client.get("/api/map", params={"limit": 3}).json()
    assert len(cut["ids"]) == 3 and cut["truncated"] is True
    assert _error(client.get("/api/map", params={"limit": 10**7}), 422)


def test_timeline_counts_by_type_and_step(client, counts):
    body = client.get("/api/timeline", params={"bucket": "month"}).json()
    assert body["bucket"] == "month"
    assert sum(step["events"] for step in body["counts"]) + body["undated"] == counts["events"]
    assert "bucket" in _error(client.get("/api/timeline", params={"bucket": "decade"}), 422)


def test_network_is_bounded_by_its_actor_count(client):
    body = client.get("/api/network", params={"actors": 3}).json()
    assert len(body["nodes"]) == 3
    assert _error(client.get("/api/network", params={"actors": 100_000}), 422)


def test_lists_of_actors_places_and_articles(client):
    actors = client.get("/api/actors", params={"q": "rapid"}).json()["actors"]
    assert [actor["name"] for actor in actors] == ["Rapid Support Forces"]
    assert client.get("/api/places", params={"limit": 2}).json()["places"][0]["events"] >= 1
    articles = client.get("/api/articles", params={"q": "whodid examples"}).json()["articles"]
    assert articles and all(article["outlet"] == "whodid examples" for article in articles)
    detail = client.get(f"/api/articles/{articles[0]['id']}").json()
    assert detail["text"] and isinstance(detail["events"], list)
    assert _error(client.get("/api/articles", params={"limit": 501}), 422)


def test_unknown_paths_get_json_errors(client):
    assert _error(client.get("/api/nothing-here"), 404)
    assert _error(client.delete("/api/events"), 405)


def test_the_page_and_the_docs_are_served_from_here_with_a_strict_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and "<html" in page.text.lower()
    policy = page.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self';" in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    docs = client.get("/docs")
    assert "/static/vendor/swagger-ui-bundle.js" in docs.text and "cdn" not in docs.text.lower()
    assert client.get("/static/vendor/swagger-ui-bundle.js").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/map", "/api/timeline", "/api/network", "/api/articles"} <= set(spec["paths"])
    assert "post" in spec["paths"]["/api/articles"]


def test_large_answers_are_compressed_only_for_clients_that_take_it(client):
    packed = client.get("/api/events", params={"limit": 500}, headers={"Accept-Encoding": "gzip"})
    assert packed.headers.get("content-encoding") == "gzip" and packed.json()["events"]
    plain = client.get("/api/events", params={"limit": 500}, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.json() == packed.json()


def test_library_files_are_served_packed_and_nothing_else_is(client):
    packed = client.get("/static/vendor/countries-50m.json", headers={"Accept-Encoding": "gzip"})
    plain = client.get("/static/vendor/countries-50m.json", headers={"Accept-Encoding": "identity"})
    assert packed.headers["content-encoding"] == "gzip" and packed.content == plain.content
    assert "content-encoding" not in plain.headers
    assert plain.json()["type"] == "Topology"
    assert client.get("/static/vendor/licenses/d3.txt").status_code == 200
    assert _error(client.get("/static/vendor/not-listed.js"), 404)
    assert _error(client.get("/static/vendor/..%2F..%2Fapp.py"), 404)


# -- the write ---------------------------------------------------------------------------------------------


def test_a_read_only_server_refuses_writes(client):
    assert "read-only" in _error(client.post("/api/articles", json={"articles": [NEW_ARTICLE]}), 403)


def test_writing_needs_the_right_key(writer):
    missing = writer.post("/api/articles", json={"articles": [NEW_ARTICLE]})
    assert "X-API-Key" in _error(missing, 401) and missing.headers["www-authenticate"] == "Bearer"
    wrong = writer.post("/api/articles", json={"articles": [NEW_ARTICLE]}, headers={"X-API-Key": "guess"})
    assert "not right" in _error(wrong, 403)
    assert writer.get("/api/summary").json()["writable"] is True


def test_a_posted_article_is_coded_stored_and_readable(writer):
    before = writer.get("/api/summary").json()
    response = writer.post("/api/articles", json={"articles": [NEW_ARTICLE]}, headers={"X-API-Key": KEY})
    assert response.status_code == 200, response.text
    (outcome,) = response.json()["articles"]
    assert outcome["id"] == "api-test-1" and outcome["status"] == "stored" and outcome["events"]
    event = writer.get(f"/api/events/{outcome['events'][0]}").json()
    assert event["evidence"]["article"]["outlet"] == "Coast Courier"
    after = writer.get("/api/summary").json()
    assert after["articles"] == before["articles"] + 1
    again = writer.post(
        "/api/articles", json={"articles": [NEW_ARTICLE]}, headers={"Authorization": f"Bearer {KEY}"}
    )
    assert again.json()["articles"][0]["status"] == "known"
    assert writer.get("/api/summary").json() == after


@pytest.mark.parametrize(
    ("body", "status", "says"),
    [
        (b"{not json", 422, "body"),
        (json.dumps({"articles": []}).encode(), 422, "articles"),
        (json.dumps({"articles": [{"title": "no text"}]}).encode(), 422, "text"),
        (json.dumps({"articles": [{"text": 42}]}).encode(), 422, "text"),
        (json.dumps({"articles": [{"text": "x", "colour": "red"}]}).encode(), 422, "colour"),
        (
            json.dumps({"articles": [{"text": "Rebels attacked.", "published": "1066-10-14"}]}).encode(),
            422,
            "1900",
        ),
        (
            json.dumps({"articles": [{"text": "Rebels attacked.", "published": "soon"}]}).encode(),
            422,
            "published",
        ),
        (json.dumps({"articles": [{"text": "   "}]}).encode(), 422, "whitespace"),
    ],
)
def test_malformed_submissions_get_a_clear_error_and_store_nothing(writer, body, status, says):
    before = writer.get("/api/summary").json()
    response = writer.post(
        "/api/articles", content=body, headers={"X-API-Key": KEY, "Content-Type": "application/json"}
    )
    assert says in _error(response, status)
    assert writer.get("/api/summary").json() == before


def test_oversized_submissions_are_refused(writer):
    headers = {"X-API-Key": KEY}
    many = {"articles": [{**NEW_ARTICLE, "id": f"a{number}"} for number in range(21)]}
    assert "at most 20" in _error(writer.post("/api/articles", json=many, headers=headers), 413)
    long_text = {"articles": [{"text": "Rebels attacked the town. " * 8_000}]}
    assert "characters" in _error(writer.post("/api/articles", json=long_text, headers=headers), 422)
    huge = b'{"articles": [{"text": "' + b"a" * 2_100_000 + b'"}]}'
    refused = writer.post(
        "/api/articles", content=huge, headers={**headers, "Content-Type": "application/json"}
    )
    assert "limit" in _error(refused, 413)

    def chunks():  # no Content-Length: the server must count as it reads
        for _ in range(300):
            yield b"a" * 10_000

    streamed = writer.post(
        "/api/articles", content=chunks(), headers={**headers, "Content-Type": "application/json"}
    )
    assert "limit" in _error(streamed, 413)


def test_a_wrong_content_type_is_refused(writer):
    response = writer.post("/api/articles", content=b"text=hello", headers={"X-API-Key": KEY})
    assert "application/json" in _error(response, 415)


def test_writes_are_rate_limited_per_client(page_store, tmp_path, pipeline):
    location = tmp_path / "limited.duckdb"
    shutil.copyfile(page_store, location)
    settings = ServeSettings(str(location), api_key=KEY, writes_per_minute=1, write_burst=2)
    with TestClient(create_app(settings, pipeline)) as client:
        post = lambda: client.post("/api/articles", content=b"{}", headers={"X-API-Key": KEY})  # noqa: E731
        assert post().status_code == 415 and post().status_code == 415  # allowed, then refused for its type
        refused = post()
        assert "too many" in _error(refused, 429) and int(refused.headers["retry-after"]) > 0


def test_a_store_that_cannot_be_served_fails_at_start(tmp_path):
    from whodid.errors import StoreError

    with pytest.raises(StoreError, match="does not exist"):
        create_app(ServeSettings(str(tmp_path / "missing.duckdb")))
    import duckdb

    duckdb.connect(str(tmp_path / "other.duckdb")).close()
    with pytest.raises(StoreError, match="no whodid schema"):
        create_app(ServeSettings(str(tmp_path / "other.duckdb")))


def test_the_api_serves_and_writes_either_engine(store_location, pipeline):
    """The same app over DuckDB and over PostgreSQL: a posted article is stored and read back."""
    with EventStore(store_location):
        pass  # an empty store with the schema
    settings = ServeSettings(store_location, api_key=KEY)
    with TestClient(create_app(settings, pipeline)) as client:
        assert client.get("/api/summary").json()["events"] == 0
        response = client.post("/api/articles", json={"articles": [NEW_ARTICLE]}, headers={"X-API-Key": KEY})
        (outcome,) = response.json()["articles"]
        assert outcome["status"] == "stored" and outcome["events"]
        page = client.get("/api/events", params={"country": "KEN", "sort": "-date"}).json()
        assert page["total"] >= 1 and {event["event_id"] for event in page["events"]} <= set(
            outcome["events"]
        )
        assert client.get("/api/map").json()["ids"]
        assert client.get("/api/timeline").json()["counts"] or client.get("/api/timeline").json()["undated"]
        detail = client.get(f"/api/events/{outcome['events'][0]}").json()
        assert detail["evidence"]["article"]["id"] == "api-test-1"
