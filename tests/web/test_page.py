"""The page in a real browser: headless Chromium on a served store of our example articles.

Each test opens the page in a fresh browser context and checks one behaviour against what the API
says, so a wrong count, a missing mark or a filter that does not reach a panel fails here.
"""

from __future__ import annotations

import json
import re
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

READY = 'body[data-ready="true"]'
EPOCH = date(1970, 1, 1)
# Our own words, with markup a careless page would run: in the title, the outlet, the text and the link.
MARKUP_ARTICLE = {
    "id": "markup-1",
    "outlet": "<b>Coast</b> Wire",
    "url": "javascript:window.pwned=3",
    "published": "2024-05-21",
    "title": "Arrests at the port <script>window.pwned=2</script>",
    "text": (
        "Police arrested 12 protesters in Mombasa on Monday <img src=x onerror=window.pwned=1>. "
        "The dockworkers had marched to the port gates <script>window.pwned=4</script> to demand "
        "unpaid wages."
    ),
}


@dataclass
class Watched:
    """What the page did besides drawing: console errors, requests to other hosts, dialogs."""

    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def open_page(page, base: str, path: str = "/") -> Watched:
    watched = Watched()
    page.on("console", lambda message: message.type == "error" and watched.errors.append(message.text))
    page.on("pageerror", lambda error: watched.errors.append(str(error)))
    page.on(
        "request",
        lambda request: request.url.startswith((base, "data:")) or watched.outside.append(request.url),
    )
    page.on("requestfailed", lambda request: watched.failed.append(request.url))

    def dismiss(dialog) -> None:
        watched.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.goto(base + path)
    wait_until_ready(page, watched)
    return watched


def wait_until_ready(page, watched: Watched, seconds: float = 20) -> None:
    """Wait for the page to say it is drawn; fail at once on a script error rather than time out."""
    deadline = time.monotonic() + seconds
    while not page.locator(READY).count():
        assert not [e for e in watched.errors if "Failed to load resource" not in e], watched.errors
        assert time.monotonic() < deadline, f"the page was not ready in {seconds} s"
        page.wait_for_timeout(50)


def api(base: str, path: str, **params) -> dict:
    query = urllib.parse.urlencode(params, doseq=True)
    with urllib.request.urlopen(f"{base}{path}{'?' + query if query else ''}", timeout=10) as response:
        return json.load(response)


def filtered(page, action) -> None:
    """Do `action` and wait until the page says every panel has caught up with the filter change."""
    before = int(page.evaluate("() => document.body.dataset.filtered || '0'"))
    action()
    page.wait_for_function(
        "(n) => Number(document.body.dataset.filtered || '0') > n", arg=before, timeout=15_000
    )


def map_total(page) -> int:
    """Events drawn on the map: single points plus what each cluster counts."""
    return page.evaluate(
        """() => document.querySelectorAll('#map .event-point').length +
          [...document.querySelectorAll('#map .event-cluster')]
            .reduce((n, cluster) => n + Number(cluster.dataset.count), 0)"""
    )


def table_total(page) -> int:
    info = page.locator("#page-info").text_content() or ""
    found = re.search(r"of ([\d,]+)", info)
    assert found, info
    return int(found.group(1).replace(",", ""))


def url_params(page) -> dict[str, list[str]]:
    return urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)


def open_event(page, click) -> str:
    """Click something that opens an event; the id of the event the view then shows."""
    click()
    page.wait_for_selector("#event-view[data-loaded]", state="attached")
    return page.get_attribute("#event-view", "data-loaded")


def shown_marks(page) -> dict[str, str]:
    """Each kind of mark in the shown evidence, with the text under it (joined across segments)."""
    return page.evaluate(
        """() => {
          const found = {};
          for (const span of document.querySelectorAll('#event-view .evidence-text span')) {
            for (const name of span.classList) {
              const kind = name.startsWith('mark-') ? name.slice(5) : null;
              if (kind) found[kind] = (found[kind] || '') + span.textContent;
            }
          }
          return found;
        }"""
    )


def evidence_kinds(evidence: dict | None) -> set[str]:
    if not evidence:
        return set()
    return {kind for segment in evidence["segments"] for kind in segment["kinds"]}


def trigger_of(detail: dict, mention_id: str) -> str:
    return next(report["trigger"] for report in detail["reports"] if report["mention_id"] == mention_id)


# ---- fixtures: stores of our own making, each served once per module ---------------------------------


@pytest.fixture(scope="module")
def markup_url(tmp_path_factory, pipeline, serve) -> Iterator[str]:
    from whodid.ingest import read_articles
    from whodid.records import Article
    from whodid.store import EventStore
    from whodid.store.loading import load_articles

    folder = tmp_path_factory.mktemp("markup")
    source = folder / "markup.jsonl"
    source.write_text(json.dumps(MARKUP_ARTICLE) + "\n", encoding="utf-8")
    articles = [item for item in read_articles([source], date(2024, 5, 21)) if isinstance(item, Article)]
    location = folder / "markup.duckdb"
    with EventStore(location) as store:
        loaded = list(load_articles(store, pipeline, articles))
    assert [item.status for item in loaded] == ["stored"], loaded
    with serve(location) as server:
        yield server.url


@pytest.fixture(scope="module")
def empty_url(tmp_path_factory, serve) -> Iterator[str]:
    from whodid.store import EventStore

    location = tmp_path_factory.mktemp("empty") / "empty.duckdb"
    with EventStore(location):
        pass
    with serve(location) as server:
        yield server.url


# ---- loading -----------------------------------------------------------------------------------------


def test_page_becomes_ready_with_every_panel_and_nothing_from_elsewhere(
    browser_page, served_url, artifact_dir: Path
):
    watched = open_page(browser_page, served_url)
    summary = api(served_url, "/api/summary")
    assert browser_page.evaluate("() => window.whodidTimings.ready_ms") > 0
    assert f"{summary['events']} events from {summary['articles']} articles" in (
        browser_page.locator("#summary").text_content() or ""
    )
    assert browser_page.locator("#map path.country").count() > 100
    # No country drawn inside out (a ring of the wrong winding covers the whole globe instead).
    largest_share = browser_page.evaluate(
        """() => {
          const area = (b) => b.width * b.height;
          const sphere = area(document.querySelector('#map path.sphere').getBBox());
          const countries = [...document.querySelectorAll('#map path.country')];
          return Math.max(...countries.map((p) => area(p.getBBox()))) / sphere;
        }"""
    )
    assert largest_share < 0.3
    assert browser_page.locator("#timeline path.bar").count() > 0
    assert browser_page.locator("#network g.node").count() > 0
    assert table_total(browser_page) == summary["events"]
    assert browser_page.locator("#events-table tr.event-row").count() == min(50, summary["events"])
    assert browser_page.locator("#type-legend button").count() == len(summary["types"])
    assert browser_page.locator("#status").is_hidden()
    browser_page.screenshot(path=str(artifact_dir / "page.png"), full_page=True)
    assert watched.errors == []
    assert watched.outside == []
    assert watched.failed == []


def test_map_draws_every_placed_event_once(browser_page, served_url):
    open_page(browser_page, served_url)
    placed = api(served_url, "/api/map")
    assert len(placed["ids"]) > 0
    assert map_total(browser_page) == len(placed["ids"])
    drawn_ids = browser_page.eval_on_selector_all(
        "#map .event-point", "points => points.map(p => p.dataset.eventId)"
    )
    assert set(drawn_ids) <= set(placed["ids"])
    total = api(served_url, "/api/events", limit=1)["total"]
    text = browser_page.locator("#map-count").text_content() or ""
    assert f"{len(placed['ids'])} events on the map ({total - len(placed['ids'])} without a place)" in text


def test_clicking_a_cluster_zooms_in_and_draws_its_events_apart(browser_page, served_url):
    open_page(browser_page, served_url)
    spread = browser_page.locator("#map .event-cluster:not([data-same-place])")
    counts = [int(c) for c in spread.evaluate_all("cs => cs.map(c => c.dataset.count)")]
    assert counts, "the example store should have a cluster of events at different places"
    count = max(counts)
    spread.nth(counts.index(count)).click()
    browser_page.wait_for_function("() => Number(document.querySelector('#map').dataset.zoom) > 1")
    after = browser_page.eval_on_selector_all(
        "#map .event-cluster", "cs => cs.map(c => Number(c.dataset.count))"
    )
    assert all(n < count for n in after)
    assert map_total(browser_page) >= count


def test_clicking_a_cluster_at_one_place_lists_its_events(browser_page, served_url):
    open_page(browser_page, served_url)
    stack = browser_page.locator("#map .event-cluster[data-same-place]").first
    count = int(stack.get_attribute("data-count"))
    filtered(browser_page, stack.click)
    near = url_params(browser_page)["near"]
    assert table_total(browser_page) == count == api(served_url, "/api/events", near=near)["total"]
    assert browser_page.locator("#filter-near").is_visible()
    filtered(browser_page, lambda: browser_page.click("#filter-near-clear"))
    assert "near" not in url_params(browser_page)


# ---- the event view ----------------------------------------------------------------------------------


def test_clicking_a_map_point_opens_the_event_with_its_trigger_marked(
    browser_page, served_url, artifact_dir: Path
):
    watched = open_page(browser_page, served_url)
    points = browser_page.locator("#map .event-point")
    assert points.count() > 0, "the example store should have a lone event at the world view"
    expected_id = points.first.get_attribute("data-event-id")
    event_id = open_event(browser_page, points.first.click)
    assert event_id == expected_id
    detail = api(served_url, f"/api/events/{event_id}")
    evidence = detail["evidence"]
    marks = shown_marks(browser_page)
    assert marks["trigger"] == trigger_of(detail, evidence["mention_id"])
    assert set(marks) == evidence_kinds(evidence)
    assert "#event=" + event_id in browser_page.url
    view = browser_page.locator("#event-view")
    assert detail["event"]["type"] in (view.locator(".type-badge").text_content() or "")
    browser_page.screenshot(path=str(artifact_dir / "event-view-from-map.png"))
    assert watched.errors == []


def test_clicking_a_table_row_opens_the_event_with_actors_and_place_marked(
    browser_page, served_url, artifact_dir: Path
):
    open_page(browser_page, served_url)
    wanted = {"trigger", "source", "target", "place"}
    for row in api(served_url, "/api/events", limit=500)["events"]:
        detail = api(served_url, f"/api/events/{row['event_id']}")
        if wanted <= evidence_kinds(detail["evidence"]):
            break
    else:
        pytest.fail("no example event has its trigger, actors and place in one report's sentence")
    event, evidence = detail["event"], detail["evidence"]
    row = browser_page.locator(f'tr.event-row[data-event-id="{event["event_id"]}"]')
    assert open_event(browser_page, row.click) == event["event_id"]
    marks = shown_marks(browser_page)
    for kind in wanted:
        under = "".join(s["text"] for s in evidence["segments"] if kind in s["kinds"])
        assert marks[kind] == under, kind
    assert marks["trigger"] == trigger_of(detail, evidence["mention_id"])
    view = browser_page.locator("#event-view")
    for actor in event["source"] + event["target"]:
        assert actor["name"] in (view.locator(".actors").text_content() or "")
    # The evidence scrolls to the trigger; the first trigger is inside the text's visible box.
    assert browser_page.evaluate(
        """() => { const box = document.querySelector('#event-view .evidence-text');
          const t = box.querySelector('.mark-trigger');
          return t.offsetTop >= box.scrollTop && t.offsetTop < box.scrollTop + box.clientHeight; }"""
    )
    browser_page.screenshot(path=str(artifact_dir / "event-view.png"))
    browser_page.click("#event-view-close")
    assert browser_page.locator("#event-view").is_hidden()
    assert "#event=" not in browser_page.url


def test_reports_list_every_report_and_a_click_shows_that_reports_article(browser_page, served_url):
    busiest = api(served_url, "/api/events", sort="-sources", limit=1)["events"][0]
    detail = api(served_url, f"/api/events/{busiest['event_id']}")
    reports = detail["reports"]
    assert len(reports) >= 2, "the merge corpus gives events reported by several outlets"
    open_page(browser_page, served_url, f"/#event={busiest['event_id']}")
    browser_page.wait_for_selector("#event-view[data-loaded]", state="attached")
    items = browser_page.locator("#event-view li.report")
    assert items.count() == len(reports)
    shown_first = browser_page.get_attribute("#event-view .evidence", "data-mention-id")
    assert shown_first == detail["evidence"]["mention_id"]
    other = next(r for r in reports if r["mention_id"] != shown_first)
    browser_page.click(f'#event-view li.report[data-mention-id="{other["mention_id"]}"]')
    browser_page.wait_for_selector(
        f'#event-view .evidence[data-mention-id="{other["mention_id"]}"]', state="attached"
    )
    title = browser_page.locator("#event-view .article-title").text_content()
    assert title == other["article"]["title"]
    assert shown_marks(browser_page)["trigger"] == other["trigger"]
    current = browser_page.locator("#event-view li.report.is-current")
    assert current.get_attribute("data-mention-id") == other["mention_id"]


def test_an_unknown_event_in_the_url_shows_the_apis_error_in_the_status_area(browser_page, served_url):
    watched = open_page(browser_page, served_url, "/#event=no-such-event")
    status = browser_page.locator("#status")
    status.wait_for(state="visible")
    assert "no event 'no-such-event'" in (status.text_content() or "")
    assert watched.dialogs == []


# ---- filtering ---------------------------------------------------------------------------------------


def test_brushing_the_timeline_narrows_the_table_and_the_map(browser_page, served_url):
    open_page(browser_page, served_url)
    before = table_total(browser_page)
    box = browser_page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2

    def brush() -> None:
        browser_page.mouse.move(box["x"] + box["width"] * 0.08, y)
        browser_page.mouse.down()
        browser_page.mouse.move(box["x"] + box["width"] * 0.45, y, steps=6)
        browser_page.mouse.up()

    filtered(browser_page, brush)
    params = url_params(browser_page)
    start, end = params["from"][0], params["to"][0]
    assert start <= end
    expected = api(served_url, "/api/events", limit=1, **{"from": start, "to": end})["total"]
    assert 0 < table_total(browser_page) == expected < before
    placed = api(served_url, "/api/map")
    low, high = ((date.fromisoformat(d) - EPOCH).days for d in (start, end))
    in_range = [day for day in placed["day"] if day is not None and low <= day <= high]
    assert map_total(browser_page) == len(in_range)
    assert browser_page.input_value("#filter-from") == start
    assert browser_page.input_value("#filter-to") == end


def test_the_type_legend_hides_and_shows_a_types_points(browser_page, served_url):
    open_page(browser_page, served_url)
    placed = api(served_url, "/api/map")
    counts = {name: placed["type"].count(i) for i, name in enumerate(placed["types"])}
    hidden = max(counts, key=counts.get)
    button = browser_page.locator(f'#type-legend button[data-type="{hidden}"]')
    filtered(browser_page, button.click)
    assert browser_page.locator(f'#map .event-point[data-type="{hidden}"]').count() == 0
    assert map_total(browser_page) == len(placed["ids"]) - counts[hidden]
    shown = url_params(browser_page)["type"]
    assert hidden not in shown
    assert table_total(browser_page) == api(served_url, "/api/events", limit=1, type=shown)["total"]
    assert button.get_attribute("aria-pressed") == "false"
    filtered(browser_page, button.click)
    assert map_total(browser_page) == len(placed["ids"])
    assert "type" not in url_params(browser_page)


def test_clicking_a_network_node_filters_by_that_actor(browser_page, served_url):
    open_page(browser_page, served_url)
    busiest = api(served_url, "/api/network")["nodes"][0]
    node = browser_page.locator(f'#network g.node[data-key="{busiest["key"]}"] circle')
    filtered(browser_page, node.click)
    assert browser_page.input_value("#filter-actor") == busiest["name"]
    assert url_params(browser_page)["actor"] == [busiest["name"]]
    expected = api(served_url, "/api/events", limit=1, actor=busiest["name"])["total"]
    assert table_total(browser_page) == expected
    active = browser_page.locator("#network g.node.is-active")
    assert active.get_attribute("data-actor") == busiest["name"]


def test_sorting_the_table_follows_the_api_order(browser_page, served_url):
    open_page(browser_page, served_url)
    browser_page.click('#events-table button[data-sort="fatalities"]')
    expected = [e["event_id"] for e in api(served_url, "/api/events", sort="-fatalities")["events"]]
    browser_page.wait_for_function(
        "(id) => document.querySelector('tr.event-row')?.dataset.eventId === id", arg=expected[0]
    )
    shown = browser_page.eval_on_selector_all("tr.event-row", "rows => rows.map(r => r.dataset.eventId)")
    assert shown == expected
    assert url_params(browser_page)["sort"] == ["-fatalities"]


def test_filters_round_trip_through_the_url(browser_page, served_url):
    query = "type=PROTEST&type=COERCE&country=KEN&from=2024-01-01&to=2024-12-31&min_sources=1"
    open_page(browser_page, served_url, f"/?{query}")
    assert browser_page.input_value("#filter-country") == "KEN"
    assert browser_page.input_value("#filter-from") == "2024-01-01"
    assert browser_page.input_value("#filter-to") == "2024-12-31"
    assert browser_page.input_value("#filter-min-sources") == "1"
    pressed = browser_page.eval_on_selector_all(
        '#type-legend button[aria-pressed="true"]', "buttons => buttons.map(b => b.dataset.type)"
    )
    assert sorted(pressed) == ["COERCE", "PROTEST"]
    assert browser_page.eval_on_selector("#filter-type", "s => s.selectedOptions[0].text") == "2 types"
    params = urllib.parse.parse_qs(query)
    assert table_total(browser_page) == api(served_url, "/api/events", limit=1, **params)["total"]

    # An edit in the filter bar goes into the URL, and a reload of that URL restores it.
    filtered(browser_page, lambda: browser_page.fill("#filter-country", "IRQ"))
    assert url_params(browser_page)["country"] == ["IRQ"]
    browser_page.reload()
    wait_until_ready(browser_page, Watched())
    assert browser_page.input_value("#filter-country") == "IRQ"
    assert url_params(browser_page)["type"] == ["PROTEST", "COERCE"]
    expected = api(served_url, "/api/events", limit=1, **{**params, "country": ["IRQ"]})["total"]
    assert table_total(browser_page) == expected

    filtered(browser_page, lambda: browser_page.click("#clear-filters"))
    assert url_params(browser_page) == {}
    assert table_total(browser_page) == api(served_url, "/api/summary")["events"]


# ---- hostile text and an empty store -------------------------------------------------------------------


def test_markup_in_an_article_is_shown_as_text_and_never_run(browser_page, markup_url, artifact_dir: Path):
    watched = open_page(browser_page, markup_url)
    row = browser_page.locator("tr.event-row").first
    open_event(browser_page, row.click)
    view = browser_page.locator("#event-view")
    text = view.locator(".evidence-text").text_content() or ""
    assert "<img src=x onerror=window.pwned=1>" in text
    assert "<script>window.pwned=4</script>" in text
    assert view.locator(".article-title").text_content() == MARKUP_ARTICLE["title"]
    assert "<b>Coast</b> Wire" in (view.locator(".article-head").text_content() or "")
    assert view.locator('a[href^="javascript:"]').count() == 0
    assert browser_page.locator("img, #event-view script, #event-view b").count() == 0
    browser_page.wait_for_timeout(200)  # time for an injected handler to have fired
    assert browser_page.evaluate("() => window.pwned") is None
    browser_page.screenshot(path=str(artifact_dir / "event-view-markup.png"))
    assert watched.errors == []
    assert watched.dialogs == []


def test_an_empty_store_says_how_to_fill_it(browser_page, empty_url, artifact_dir: Path):
    watched = open_page(browser_page, empty_url)
    message = browser_page.locator("#empty")
    assert message.is_visible()
    assert "whodid ingest" in (message.text_content() or "")
    assert browser_page.locator("#dashboard").is_hidden()
    browser_page.screenshot(path=str(artifact_dir / "page-empty.png"))
    assert watched.errors == []


def test_a_shared_event_link_opens_that_event(browser_page, served_url):
    event_id = api(served_url, "/api/events", limit=1)["events"][0]["event_id"]
    open_page(browser_page, served_url, f"/?country=IRQ#event={event_id}")
    browser_page.wait_for_selector(f'#event-view[data-loaded="{event_id}"]', state="attached")
    assert browser_page.input_value("#filter-country") == "IRQ"


def test_a_reciprocal_events_sides_are_joined_both_ways(browser_page, served_url):
    arrows = {}
    for row in api(served_url, "/api/events", limit=500)["events"]:
        event = api(served_url, f"/api/events/{row['event_id']}")["event"]
        arrows.setdefault(bool(event["reciprocal"]), event["event_id"])
    assert set(arrows) == {True, False}, "the examples hold reciprocal and one-sided events"
    for reciprocal, event_id in arrows.items():
        open_page(browser_page, served_url, f"/#event={event_id}")
        browser_page.wait_for_selector(f'#event-view[data-loaded="{event_id}"]', state="attached")
        arrow = browser_page.locator("#event-view .actors .arrow")
        assert arrow.text_content() == ("↔" if reciprocal else "→")
        assert arrow.get_attribute("aria-label") == ("with each other" if reciprocal else "acts on")
