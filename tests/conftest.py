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
