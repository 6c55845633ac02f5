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
def mentions_of(nlp):
    """Detect's mentions of one text, for tests that look at a single sentence."""
    from whodid.detect import detect_mentions

    def detect(text: str):
        return detect_mentions(nlp(text), "test")

    return detect
