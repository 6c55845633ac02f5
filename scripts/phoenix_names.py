"""What the converters of the Phoenix actor dictionaries share: names from the dictionaries' upper case
with underscores into ordinary writing, ids, and the names our own data files already hold."""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
ACTORS_FOLDER = ROOT / "src" / "whodid" / "data" / "actors"
COUNTRIES = ACTORS_FOLDER / "countries.csv"
HAND_WRITTEN = ACTORS_FOLDER / "actors.yaml"
DICTIONARIES = ROOT.parent / "shared" / "reference" / "petrarch2-dictionaries"

# Words kept in lower case inside a name ("Army of the Republic"), unless first.
SMALL_WORDS = frozenset(
    {"of", "the", "and", "for", "in", "on", "at", "to", "by", "a", "an", "de", "del", "la", "las", "los",
     "el", "al", "du", "des", "le", "y", "e", "da", "do", "dos", "das", "di", "against", "with"}
)  # fmt: skip


def dictionary_text(description: str, default: Path) -> str:
    """The dictionary a converter reads: `--dictionary PATH`, else the shared reference copy."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dictionary", type=Path, default=default)
    return parser.parse_args().dictionary.read_text(encoding="utf-8", errors="replace")


def country_names() -> dict[str, str]:
    """Every name, alias and adjective of a country (lower case) -> its alpha-3 code."""
    lines = [line for line in COUNTRIES.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    names: dict[str, str] = {}
    for row in csv.DictReader(lines):
        for cell in (row["name"], row["aliases"], row["adjectives"]):
            names.update((value.strip().lower(), row["alpha3"]) for value in cell.split("|") if value.strip())
        names[row["alpha3"].lower()] = row["alpha3"]
    return names


def hand_written_names() -> set[str]:
    """Every name of the actors in actors.yaml, folded: those actors are described there."""
    document = yaml.safe_load(HAND_WRITTEN.read_text(encoding="utf-8"))
    return {folded(str(n)) for r in document["actors"] for n in [r["name"], *(r.get("aliases") or [])]}


def folded(name: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", name.lower().replace("'", "")).split())


def written(name: str) -> str:
    """A name from the dictionary's capitals into ordinary writing: "NATIONAL LIBERATION ARMY OF THE
    PEOPLE" -> "National Liberation Army of the People". A one-word name of up to five letters is an
    abbreviation and keeps its capitals ("ETA", "FARC"); so does any part without a vowel ("PFLP-GC")."""
    words = name.split(" ")
    if len(words) == 1 and len(re.sub(r"[^A-Za-z]", "", name)) <= 5:
        return name
    return " ".join(_word(word, first=index == 0) for index, word in enumerate(words))


def _word(word: str, first: bool) -> str:
    lower = word.lower()
    if not first and lower in SMALL_WORDS:
        return lower
    return "-".join(_part(part) for part in word.split("-"))


def _part(part: str) -> str:
    letters = re.sub(r"[^A-Za-z]", "", part)
    if letters and not re.search(r"[AEIOUYaeiouy]", letters):
        return part  # an abbreviation: PFLP, GC, N17
    lower = part.lower()
    if lower in {"al", "el", "ad", "ud", "ul", "e", "i"}:
        return lower
    return lower[:1].upper() + lower[1:]


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def unique_id(base: str, country: str | None, taken: set[str]) -> str:
    candidate = base
    if candidate in taken and country:
        candidate = f"{base}-{country.lower()}"
    number = 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    taken.add(candidate)
    return candidate
