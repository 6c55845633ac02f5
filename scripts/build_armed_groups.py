"""Generate src/whodid/data/actors/armed_groups.yaml from the Phoenix non-state armed actors dictionary.

Run from the project root, with the shared reference data beside the project:

    .venv/bin/python scripts/build_armed_groups.py [--dictionary PATH]

(PATH: by default ../shared/reference/petrarch2-dictionaries/Phoenix.MilNonState.actors.txt.)

The generated file is committed. What is taken from the dictionary is facts: each group's name, its
other names and abbreviations, and the country of its CAMEO code. The names are rewritten from the
dictionary's upper case with underscores into ordinary capitalisation; abbreviations in parentheses
become aliases of their own. A group whose code names a region or no country ("IMG", "INT", "MEA")
gets the home country that armed_group_homes.csv (beside the output; compiled by the whodid editors, for
groups founded in and fighting mainly in or against one country) gives its id, or none. An id there that
names no group of this file, or a group the dictionary already places, is an error: a home must not go
unused unnoticed. The dictionary's one miswritten country code, "ANG" (UNITA), is read as Angola's AGO.
Other names the dictionary lacks or that the rules below leave out ("Liberation Tigers", "LRA") are added
from armed_group_names.csv, compiled the same way; an id there that names no group is an error too.

Names are kept only where they can name nothing else, because every alias is matched in every text:
- a name of two words or more with a word that says it is a group's ("Army", "Brigades", "Front",
  "Jaish", "Lashkar" ...): the dictionary also lists leaders under their group's code, and a leader is
  not his group; and no date ("17 November"), no phrase of ordinary politics ("National Front", "New
  Order"), and no name a hand-written actor already has (actors.yaml describes those groups, and wins);
- an abbreviation of three letters or more that is no English word ("LET", "CAR", "HUM").
Records without a code, and the people listed after them, are left out.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from phoenix_names import (
    ACTORS_FOLDER,
    DICTIONARIES,
    GROUP_WORDS,
    ROOT,
    country_names,
    dictionary_text,
    folded,
    hand_written_names,
    slug,
    unique_id,
    written,
)

OUTPUT = ACTORS_FOLDER / "armed_groups.yaml"
HOMES = ACTORS_FOLDER / "armed_group_homes.csv"
EXTRA_NAMES = ACTORS_FOLDER / "armed_group_names.csv"
DEFAULT_DICTIONARY = DICTIONARIES / "Phoenix.MilNonState.actors.txt"

PRIMARY = re.compile(r"^(?P<name>[^\s#+\[][^\[#]*?)\s*\[(?P<code>[A-Z]{3,})[^\]]*\]")
ABBREVIATION = re.compile(r"\(([^)]*)\)")
# Country codes the dictionary miswrites: "ANG" (UNITA's) is no country's, and Angola's is AGO.
MISWRITTEN_CODES = {"ANG": "AGO"}
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


@dataclass(slots=True)
class Group:
    name: str
    code: str
    aliases: list[str] = field(default_factory=list)


def main() -> None:
    groups = read_groups(dictionary_text(__doc__ or "", DEFAULT_DICTIONARY))
    countries = country_names()
    homes, extra_names = read_homes(HOMES, countries), read_extra_names(EXTRA_NAMES)
    records = to_records(groups, countries, hand_written_names(), homes, extra_names)
    OUTPUT.write_text(HEADER + yaml.safe_dump({"actors": records}, sort_keys=False, allow_unicode=True,
                                              width=110), encoding="utf-8")  # fmt: skip
    print(f"{len(records)} groups written to {OUTPUT.relative_to(ROOT)}")


HEADER = """\
# Non-state armed groups for the whodid actor knowledge base. Generated by scripts/build_armed_groups.py
# from the Phoenix non-state armed actors dictionary (Phoenix.MilNonState.actors.txt, Open Event Data
# Alliance, MIT License, Copyright (c) 2014 Open Event Data Alliance; its group names were derived from
# the START TOPS database): names, other names and countries, rewritten into our format. A group the
# dictionary codes only by a region has the home country given in armed_group_homes.csv (compiled by the
# whodid editors), or none; armed_group_names.csv adds other names. Do not edit: correct a group in
# actors.yaml under the same id, which is read after this file and replaces it, or its country and
# names in those two files.
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


def read_homes(path: Path, countries: dict[str, str]) -> dict[str, str]:
    """Group id -> home country, from the editors' CSV (id,country,name after "#" comment lines)."""
    homes: dict[str, str] = {}
    for row in editors_rows(path):
        group, country = row["id"].strip(), row["country"].strip()
        if group in homes:
            raise ValueError(f"{path.name}: group {group!r} is listed twice")
        if country not in countries.values():
            raise ValueError(f"{path.name}: group {group!r} has {country!r}, which is no country's code")
        homes[group] = country
    return homes


def read_extra_names(path: Path) -> dict[str, list[str]]:
    """Group id -> other names, from the editors' CSV (id,alias after "#" comment lines)."""
    names: dict[str, list[str]] = {}
    for row in editors_rows(path):
        names.setdefault(row["id"].strip(), []).append(row["alias"].strip())
    return names


def editors_rows(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines))


def to_records(
    groups: list[Group],
    countries: dict[str, str],
    hand_written: set[str],
    homes: dict[str, str],
    extra_names: dict[str, list[str]],
) -> list[dict[str, object]]:
    records: list[dict[str, object]] = []
    taken: set[str] = set()
    placed: set[str] = set()  # the groups whose dictionary code names their country
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
        country = code_country(group.code, countries)
        # The id comes from the dictionary's country alone: giving a group its home must not change its id.
        group_id = unique_id(slug(name), country, taken)
        if country:
            placed.add(group_id)
        country = country or homes.get(group_id)
        record: dict[str, object] = {"id": group_id, "name": name}
        aliases += [alias for alias in extra_names.get(group_id, []) if alias not in aliases]
        if aliases:
            record["aliases"] = aliases
        record["kind"] = "armed_group"
        if country:
            record["country"] = country
        record["sector"] = "REB"
        records.append(record)
    check_homes(homes, taken, placed)
    if unknown := sorted(set(extra_names) - taken):
        raise ValueError(f"{EXTRA_NAMES.name}: no armed group has the id {unknown[0]!r}")
    return records


def code_country(code: str, countries: dict[str, str]) -> str | None:
    """The country a CAMEO code starts with; none for a region or placeholder ("IMG", "MEA", "KKL")."""
    prefix = MISWRITTEN_CODES.get(code[:3], code[:3])
    return prefix if prefix in countries.values() else None


def check_homes(homes: dict[str, str], ids: set[str], placed: set[str]) -> None:
    """Every home is used: a stale or misspelt id would otherwise leave its group without a country
    unnoticed, and a home for a group the dictionary places would be silently ignored."""
    for group in homes:
        if group not in ids:
            raise ValueError(f"{HOMES.name}: no armed group has the id {group!r}")
        if group in placed:
            raise ValueError(f"{HOMES.name}: the dictionary already gives group {group!r} a country")


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


if __name__ == "__main__":
    main()
