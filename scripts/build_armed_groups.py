"""Generate src/whodid/data/actors/armed_groups.yaml from the Phoenix non-state armed actors dictionary.

Run from the project root, with the shared reference data beside the project:

    .venv/bin/python scripts/build_armed_groups.py [--dictionary PATH]

(PATH: by default ../shared/reference/petrarch2-dictionaries/Phoenix.MilNonState.actors.txt.)

The generated file is committed. What is taken from the dictionary is facts: each group's name, its
other names and abbreviations, and the country of its CAMEO code. The names are rewritten from the
dictionary's upper case with underscores into ordinary capitalisation; abbreviations in parentheses
become aliases of their own. A group whose code names a region or no country ("IMG", "INT", "MEA")
gets no country.

Names are kept only where they can name nothing else, because every alias is matched in every text:
- a name of two words or more with a word that says it is a group's ("Army", "Brigades", "Front",
  "Jaish", "Lashkar" ...): the dictionary also lists leaders under their group's code, and a leader is
  not his group; and no date ("17 November"), no phrase of ordinary politics ("National Front", "New
  Order"), and no name a hand-written actor already has (actors.yaml describes those groups, and wins);
- an abbreviation of three letters or more that is no English word ("LET", "CAR", "HUM").
Records without a code, and the people listed after them, are left out.
"""

from __future__ import annotations

import argparse
import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "src" / "whodid" / "data" / "actors" / "armed_groups.yaml"
COUNTRIES = ROOT / "src" / "whodid" / "data" / "actors" / "countries.csv"
HAND_WRITTEN = ROOT / "src" / "whodid" / "data" / "actors" / "actors.yaml"
DEFAULT_DICTIONARY = (
    ROOT.parent / "shared" / "reference" / "petrarch2-dictionaries" / "Phoenix.MilNonState.actors.txt"
)

PRIMARY = re.compile(r"^(?P<name>[^\s#+\[][^\[#]*?)\s*\[(?P<code>[A-Z]{3,})[^\]]*\]")
ABBREVIATION = re.compile(r"\(([^)]*)\)")
# Words kept in lower case inside a name ("Army of the Republic"), unless first.
SMALL_WORDS = frozenset(
    {"of", "the", "and", "for", "in", "on", "at", "to", "by", "a", "an", "de", "del", "la", "las", "los",
     "el", "al", "du", "des", "le", "y", "e", "da", "do", "dos", "das", "di", "against", "with"}
)  # fmt: skip
# Abbreviations and one-word names that are English words or name something else in the news.
NOT_NAMES = frozenset(
    {"an", "ca", "car", "hm", "lt", "lj", "isa", "ana", "zero", "youth", "let", "hum", "epa", "elf", "erg",
     "camo", "paradise", "falcon", "machete", "mavericks", "tigers", "boogeymen", "emetic", "yahweh",
     "bersatu", "venceremos", "muhammed", "muhannad", "shahin", "hamzah", "contras", "order", "pla",
     "ica", "cia", "fbi", "ira"}
)  # fmt: skip
# Phrases of ordinary politics and the calendar that a group's name may also be.
NOT_GROUP_NAMES = frozenset(
    {"national front", "new order", "direct action", "islamic group", "islamic party", "islamic society",
     "islamic community", "islamic union", "islamic unity", "revolutionary left", "national resistance",
     "popular resistance", "popular front", "revolutionary army", "black friday", "red line", "la liga",
     "international solidarity", "free land", "the foundation", "the lightning", "the order",
     "the cornerstone", "peoples war", "marxist-leninist", "friendship society", "islamic brotherhood",
     "national warriors", "immediate action", "social resistance", "the avengers", "global intifada",
     "palestinian resistance", "egypts revolution", "popular justice", "group zero"}
)  # fmt: skip
MONTHS_AND_DAYS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)  # fmt: skip
# Words that say a name is a group's, not a person's: the dictionary lists leaders too, under their
# group's code, and a leader is not his group.
GROUP_WORDS = frozenset(
    {"army", "brigade", "brigades", "front", "forces", "tigers", "group", "groups", "movement", "faction",
     "militia", "battalion", "cells", "cell", "commandos", "organization", "organisation", "mujahideen",
     "mujahidin", "mujahedin", "mujahiden", "guerrillas", "guerrilla", "path", "command", "nuclei",
     "nucleus", "squad", "squads", "legion", "hawks", "eagles", "panthers", "gang", "network", "council",
     "league", "union", "party", "volunteers", "partisans", "avengers", "saboteurs", "freemen", "patriots",
     "nation", "nations", "collective", "struggle", "resistance", "action", "justice", "commando",
     "revolutionary", "revolution", "liberation", "anarchist", "anarchists", "proletarian", "marxist",
     "socialist", "communist", "jihad", "jihadia", "ansar", "jund", "hizb", "hizbul", "harakat", "harkat",
     "jaish", "jaysh", "lashkar", "laskar", "jamaat", "jamaah", "jemaah", "kataib", "kataeb", "fedayeen",
     "tehrik", "sipah", "rouge", "macoutes", "rebels", "fighters", "mujahid", "base", "youths",
     "committee", "sword", "swords", "lions", "martyrs", "soldiers", "warriors", "defenders", "defense",
     "defence", "self-defense", "insurgents", "underground", "fraction", "tupamaros", "montoneros"}
)  # fmt: skip


@dataclass(slots=True)
class Group:
    name: str
    code: str
    aliases: list[str] = field(default_factory=list)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dictionary", type=Path, default=DEFAULT_DICTIONARY)
    args = parser.parse_args()
    groups = read_groups(args.dictionary.read_text(encoding="utf-8", errors="replace"))
    countries = country_names()
    records = to_records(groups, countries, hand_written_names())
    OUTPUT.write_text(HEADER + yaml.safe_dump({"actors": records}, sort_keys=False, allow_unicode=True,
                                              width=110), encoding="utf-8")  # fmt: skip
    print(f"{len(records)} groups written to {OUTPUT.relative_to(ROOT)}")


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
    """Every name of the actors in actors.yaml, folded: those groups are described there."""
    document = yaml.safe_load(HAND_WRITTEN.read_text(encoding="utf-8"))
    return {folded(str(n)) for r in document["actors"] for n in [r["name"], *(r.get("aliases") or [])]}


HEADER = """\
# Non-state armed groups for the whodid actor knowledge base. Generated by scripts/build_armed_groups.py
# from the Phoenix non-state armed actors dictionary (Phoenix.MilNonState.actors.txt, Open Event Data
# Alliance, MIT License, Copyright (c) 2014 Open Event Data Alliance; its group names were derived from
# the START TOPS database): names, other names and countries, rewritten into our format. Do not edit:
# correct a group in actors.yaml under the same id, which is read after this file and replaces it.
# Groups actors.yaml already describes are left out here.
provenance: Phoenix.MilNonState.actors.txt (Open Event Data Alliance, MIT), converted
"""


def read_groups(text: str) -> list[Group]:
    """Each coded group with the other names listed under it ("+NAME" lines)."""
    groups: list[Group] = []
    current: Group | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("+"):
            if current is not None:
                current.aliases += [part for part in line.split("+") if part.strip()]
            continue
        match = PRIMARY.match(line)
        # A line without a code is a person or a name coded elsewhere: what follows it is not this group's.
        current = Group(match["name"], match["code"]) if match else None
        if current is not None:
            groups.append(current)
    return groups


def to_records(
    groups: list[Group], countries: dict[str, str], hand_written: set[str]
) -> list[dict[str, object]]:
    records: list[dict[str, object]] = []
    taken: set[str] = set()
    for group in groups:
        name, *abbreviations = names_of(group.name, countries)
        names = [name, *(alias for other in group.aliases for alias in names_of(other, countries))]
        if any(folded(n) in hand_written for n in names) or not is_group_name(name):
            continue  # a group actors.yaml describes, or a name that can mean other things
        aliases: list[str] = []
        listed = [alias for other in group.aliases for alias in names_of(other, countries)]
        for alias in [
            *(a for a in abbreviations if is_abbreviation(a)),
            *(a for a in listed if is_other_name(a)),
        ]:
            if alias != name and alias not in aliases:
                aliases.append(alias)
        country = group.code[:3] if group.code[:3] in countries.values() else None
        record: dict[str, object] = {"id": unique_id(slug(name), country, taken), "name": name}
        if aliases:
            record["aliases"] = aliases
        record["kind"] = "armed_group"
        if country:
            record["country"] = country
        record["sector"] = "REB"
        records.append(record)
    return records


def folded(name: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", name.lower().replace("'", "")).split())


def is_group_name(name: str) -> bool:
    if any(mark in name for mark in "(),/"):
        return False  # a name the dictionary wrote half ("Jaish-I-Mohammed (mohammad") or inverted
    words = folded(name.replace("-", " ")).split()
    if len(words) < 2:
        return is_abbreviation(name) and name.isupper()
    if folded(name) in NOT_GROUP_NAMES or any(w in MONTHS_AND_DAYS or w.isdigit() for w in words):
        return False
    return any(word in GROUP_WORDS for word in words)


def is_abbreviation(name: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", name)
    return (
        " " not in name
        and len(letters) >= 3
        and name.lower() not in NOT_NAMES
        and any(c.isupper() for c in name)
    )


def is_other_name(name: str) -> bool:
    return is_group_name(name)


def names_of(raw: str, countries: dict[str, str]) -> list[str]:
    """A dictionary name as ordinary text, then the abbreviations it gives in parentheses; a country in
    parentheses ("(COLOMBIA)") says which group of that name, and is no name of it."""
    text = raw.replace("_", " ").strip()
    inside = [part.strip() for part in ABBREVIATION.findall(text) if part.strip()]
    base = " ".join(ABBREVIATION.sub(" ", text).split())
    abbreviations = [part for part in inside if " " not in part and part.lower() not in countries]
    return [written(base), *(written(part) for part in abbreviations)]


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


if __name__ == "__main__":
    main()
