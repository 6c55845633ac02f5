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

import re
from dataclasses import dataclass, field

import yaml
from phoenix_names import (
    ACTORS_FOLDER,
    DICTIONARIES,
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
DEFAULT_DICTIONARY = DICTIONARIES / "Phoenix.MilNonState.actors.txt"

PRIMARY = re.compile(r"^(?P<name>[^\s#+\[][^\[#]*?)\s*\[(?P<code>[A-Z]{3,})[^\]]*\]")
ABBREVIATION = re.compile(r"\(([^)]*)\)")
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
    groups = read_groups(dictionary_text(__doc__ or "", DEFAULT_DICTIONARY))
    countries = country_names()
    records = to_records(groups, countries, hand_written_names())
    OUTPUT.write_text(HEADER + yaml.safe_dump({"actors": records}, sort_keys=False, allow_unicode=True,
                                              width=110), encoding="utf-8")  # fmt: skip
    print(f"{len(records)} groups written to {OUTPUT.relative_to(ROOT)}")


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
