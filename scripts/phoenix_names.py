"""What the converters of the Phoenix actor dictionaries share: names from the dictionaries' upper case
with underscores into ordinary writing, ids, and the names our own data files already hold."""

from __future__ import annotations

import argparse
import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from whodid.resolve.actors import ActorKB
from whodid.resolve.kb_files import ACTOR_COLUMNS, DEFAULT_FILES, default_paths, load_tables

ROOT = Path(__file__).resolve().parents[1]
ACTORS_FOLDER = ROOT / "src" / "whodid" / "data" / "actors"
COUNTRIES = ACTORS_FOLDER / "countries.csv"
HAND_WRITTEN = ACTORS_FOLDER / "actors.yaml"
DICTIONARIES = ROOT.parent / "shared" / "reference" / "petrarch2-dictionaries"

CODE = re.compile(r"\[(?P<code>[A-Z]{3,})\s*(?P<dates>[^\]]*)\]")
CAMEO_COUNTRY_CODES = ROOT / "src" / "whodid" / "data" / "evaluate" / "cameo_country_codes.yaml"
# CAMEO sector codes PLOVER renamed: media is JRN, and MED (CAMEO's media) is health, CAMEO's HLH.
PLOVER_SECTOR_OF_CAMEO = {"MED": "JRN", "HLH": "MED"}
# CAMEO codes of countries that ISO 3166-1 codes otherwise (beyond those the evaluation table maps).
MORE_COUNTRY_CODES = {"KSV": "XKX", "PAL": "PSE"}

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
# Words that say a name is an organisation's.
ORGANISATION_WORDS = frozenset(
    {"organization", "organisation", "union", "league", "council", "agency", "bank", "fund", "committee",
     "commission", "court", "tribunal", "program", "programme", "institute", "institution", "foundation",
     "association", "federation", "society", "network", "center", "centre", "movement", "alliance",
     "forum", "community", "office", "secretariat", "partnership", "watch", "coalition", "trust",
     "campaign", "mission", "conference", "assembly", "board", "authority", "corps", "academy",
     "consortium", "initiative", "service", "services", "relief", "cross", "crescent", "doctors",
     "reporters", "amnesty", "group", "fellowship", "caritas", "oxfam", "children", "rights", "aid",
     "action", "development", "peace", "parliament", "cooperation", "treaty", "project", "friends",
     "sisters", "brothers", "international", "unicef", "unesco", "unhcr", "interpol"}
)  # fmt: skip
# Words no person's name has: a record of the country dictionary that holds one is a body, not a person.
NOT_PERSON_WORDS = ORGANISATION_WORDS | frozenset(
    {"front", "army", "forces", "brigade", "brigades", "movement", "party", "kurdistan", "republic",
     "government", "ministry", "observatory", "administration", "sfsr", "task", "force", "militia",
     "province", "region", "district", "city", "governorate", "county", "island", "islands"}
)  # fmt: skip

# Words kept in lower case inside a name ("Army of the Republic"), unless first.
SMALL_WORDS = frozenset(
    {"of", "the", "and", "for", "in", "on", "at", "to", "by", "a", "an", "de", "del", "la", "las", "los",
     "el", "al", "du", "des", "le", "y", "e", "da", "do", "dos", "das", "di", "against", "with"}
)  # fmt: skip


@dataclass(slots=True)
class Record:
    """One entry of a dictionary: its name, other names, and codes with their dates."""

    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)
    from_country_info: bool = False  # generated from the CountryInfo file: a person
    coded_on_its_line: bool = False  # "AFGHANISTAN_ [AFG]", "ARAB_LEAGUE_ [IGOMEAARL]"


def read_records(text: str) -> list[Record]:
    """Each entry with the other names ("+NAME") and codes ("[CODE dates]") listed under it or beside it."""
    records: list[Record] = []
    current: Record | None = None
    for raw in text.splitlines():
        body, _, comment = raw.partition("#")
        if not body.strip():
            continue
        codes = [(found["code"], found["dates"].strip()) for found in CODE.finditer(body)]
        if raw[:1] in " \t":
            if current is not None:
                current.codes += codes
        elif body.startswith("+"):
            if current is not None:
                current.aliases.append(body[1:].strip())
        else:
            name = body.split("[")[0].strip()
            current = Record(name, codes=codes, from_country_info="CountryInfo" in comment,
                             coded_on_its_line=bool(codes))  # fmt: skip
            records.append(current)
    return records


def other_data_files(output_name: str) -> list[Path]:
    """The shipped actor files but the one being made: the names its names must not be."""
    return [Path(str(path)) for path, name in zip(default_paths(), DEFAULT_FILES, strict=True)
            if name != output_name]  # fmt: skip


def hand_written_kb() -> ActorKB:
    """The countries, the hand-written actors and the generic agents: names a converted name must not
    take. (Between two converted files, the later one wins on a shared name.)"""
    files = ["countries.csv", "actors.yaml", "agents_phoenix.csv", "agents.yaml"]
    return ActorKB(load_tables([ACTORS_FOLDER / name for name in files]))


def country_codes(iso: set[str]) -> dict[str, str]:
    """CAMEO country code -> alpha-3, for every code that names a country today."""
    table = yaml.safe_load(CAMEO_COUNTRY_CODES.read_text(encoding="utf-8"))
    return {code: code for code in iso} | table["countries"] | MORE_COUNTRY_CODES


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


def actors_csv(header: str, rows: Iterable[list[str]]) -> str:
    """An actors CSV (whodid's format, `ACTOR_COLUMNS`) after its comment header."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(ACTOR_COLUMNS)
    writer.writerows(rows)
    return header + buffer.getvalue()
