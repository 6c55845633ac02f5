"""Shared fixtures: one pipeline per test session (loading spaCy and the data files takes seconds)."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def pipeline():
    from whodid import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    folder = SHARED / "data" / "seed"
    if not (folder / "gold.yaml").exists():
        pytest.skip(f"the seed article and its gold events are not here ({folder}); they live in ../shared")
    return folder


@pytest.fixture(scope="session")
def nlp():
    from whodid.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def stock_model():
    """The model as spaCy ships it, none of whodid's components: what whodid's stand-ins must equal."""
    import spacy

    from whodid.nlp import DEFAULT_MODEL

    return spacy.load(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def real_articles() -> list[str]:
    """The texts of the first 60 IndiaPoliceEvents articles (real news, lower-cased), from ../shared."""
    from whodid.evaluate.formats import indiapoliceevents
    from whodid.evaluate.gold import ReadOptions

    docs = SHARED / "data" / "dev" / "indiapoliceevents" / "docs.jsonl"
    if not docs.is_file():
        pytest.skip(f"the IndiaPoliceEvents articles are not here ({docs}); they live in ../shared")
    return [item.text for item in indiapoliceevents.read(docs, ReadOptions()).items[:60]]


@pytest.fixture(scope="session")
def mentions_of(nlp):
    """Detect's mentions of one text, for tests that look at a single sentence."""
    from whodid.detect import detect_mentions

    def detect(text: str):
        return detect_mentions(nlp(text), "test")

    return detect


POSTGRES_ENV = "WHODID_TEST_POSTGRES"


@pytest.fixture(params=["duckdb", "postgresql"])
def store_location(request, tmp_path: Path):
    """Where a test's store lives: a DuckDB file, then a fresh schema on the PostgreSQL server that
    $WHODID_TEST_POSTGRES names (.ci/run starts one); the PostgreSQL run skips where none is given."""
    if request.param == "duckdb":
        yield str(tmp_path / "store.duckdb")
        return
    yield from _postgres_schema(request.node.name)


def _postgres_schema(test_name: str):
    import os
    import re
    import uuid

    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(
            f"no PostgreSQL server: set {POSTGRES_ENV}=postgresql://user:password@host/db (.ci/run does)"
        )
    import psycopg

    schema = "t_" + re.sub(r"\W", "_", test_name.lower())[:40] + "_" + uuid.uuid4().hex[:8]
    with psycopg.connect(url, autocommit=True) as con:
        con.execute(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in url else "?"
    try:
        yield f"{url}{separator}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(url, autocommit=True) as con:
            con.execute(f'DROP SCHEMA "{schema}" CASCADE')
