"""Fixtures for the API and the page: a store built from our example articles, a real server on it
(uvicorn in a thread), and a page in Debian's Chromium driven headless by Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from whodid.ingest import read_articles
from whodid.records import Article
from whodid.store import EventStore
from whodid.store.loading import load_articles

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
# Our own articles: the examples, and several outlets reporting the same happenings in their own words.
MERGE_CORPUS = ROOT / "tests" / "data" / "merge_corpus" / "articles.jsonl"
CHROMIUM = Path(os.environ.get("WHODID_CHROMIUM", "/usr/bin/chromium"))
# Chromium as root in a container, with nothing that phones home: the machine has no network.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
]  # fmt: skip


def build_store(location: Path, pipeline, inputs: list[Path], published: str = "2024-05-20") -> Path:
    """A store of the articles in `inputs`, coded by the real pipeline."""
    from datetime import date

    articles = [
        item for item in read_articles(inputs, date.fromisoformat(published)) if isinstance(item, Article)
    ]
    with EventStore(location) as store:
        for loaded in load_articles(store, pipeline, articles):
            assert loaded.status != "failed", loaded.reason
    return location


@pytest.fixture(scope="session")
def page_store(tmp_path_factory, pipeline) -> Path:
    """A DuckDB store of the example articles and the merge corpus (ours), built once per session;
    tests only read it."""
    return build_store(
        tmp_path_factory.mktemp("page") / "examples.duckdb", pipeline, [EXAMPLES, MERGE_CORPUS]
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def port() -> int:
    """A loopback port nothing listens on now."""
    return free_port()


class RunningServer:
    """A uvicorn server on a free loopback port, in a thread, for as long as the block lasts."""

    def __init__(self, app) -> None:
        import uvicorn

        self.port = free_port()
        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> RunningServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def serve() -> Callable[..., RunningServer]:
    """Start a server on a store: ``with serve(location, api_key=...) as server: server.url``."""
    from whodid.web import ServeSettings, create_app

    def start(location: Path | str, pipeline=None, **settings) -> RunningServer:
        return RunningServer(create_app(ServeSettings(str(location), **settings), pipeline))

    return start


@pytest.fixture(scope="module")
def served_url(page_store, serve) -> Iterator[str]:
    with serve(page_store) as server:
        yield server.url


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("WHODID_REQUIRE_BROWSER"):
            pytest.fail(
                f"no Chromium at {CHROMIUM}, and WHODID_REQUIRE_BROWSER is set (.ci/chromium installs it)"
            )
        pytest.skip(
            f"no Chromium at {CHROMIUM}: install Debian's chromium (.ci/chromium) to run the page's tests"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def browser_page(browser):
    """A fresh page (its own context: no cookies or storage shared between tests), 1400x900."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifact_dir() -> Path:
    """Where the page's screenshots go (kept after the run: $WHODID_TEST_ARTIFACTS or test-artifacts/)."""
    folder = Path(os.environ.get("WHODID_TEST_ARTIFACTS", ROOT / "test-artifacts")) / "web"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    return folder
