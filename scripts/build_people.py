"""Generate src/whodid/data/actors/people.csv from the Phoenix country actors dictionary.

Run from the project root, with the shared reference data beside the project:

    .venv/bin/python scripts/build_people.py [--dictionary PATH]

(PATH: by default ../shared/reference/petrarch2-dictionaries/Phoenix.Countries.actors.txt.)

The generated file is committed. What is taken from the dictionary is facts: each person's name and
other names, the country and sector of each of their CAMEO codes, and the dates those codes held
(heads of state and government, ministers, opposition leaders and former officials of every country,
up to early 2014). Names are rewritten from the dictionary's upper case with underscores into ordinary
capitalisation. The dictionary's six-digit dates (YYMMDD) are read as 20YY up to 2014, when it was
made, and as 19YY after that (a role that would then end before it starts begins a century earlier).

Every alias is matched in every text, so a name is kept only where it names one person:
- two words or more, no digits, no country's name, no name of an actor the other data files hold (a
  hand-written person in actors.yaml is described there, with up-to-date roles, and replaces ours);
- not a name two people of the dictionary share (two records of one name in one country are one
  person);
- for a name of three words or more, its first and last words are added as an alias ("Omar Hassan
  al-Bashir" is also "Omar al-Bashir"), under the same rules.
Codes of bodies that are no country today (the Soviet Union, Yugoslavia, IGOs) are left out.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml
from phoenix_names import (
    ACTORS_FOLDER,
    DICTIONARIES,
    ROOT,
    SMALL_WORDS,
    country_names,
    dictionary_text,
    slug,
    unique_id,
    written,
)

from whodid.resolve.actors import ActorKB
from whodid.resolve.kb_files import ACTOR_COLUMNS, DEFAULT_FILES, default_paths, load_tables

OUTPUT_NAME = "people.csv"
OUTPUT = ACTORS_FOLDER / OUTPUT_NAME
DEFAULT_DICTIONARY = DICTIONARIES / "Phoenix.Countries.actors.txt"
CAMEO_COUNTRY_CODES = ROOT / "src" / "whodid" / "data" / "evaluate" / "cameo_country_codes.yaml"
# CAMEO codes of countries that ISO 3166-1 codes otherwise (beyond those the evaluation table maps).
MORE_COUNTRY_CODES = {"KSV": "XKX"}
MADE_IN = 14  # the dictionary was made in 2014: YY up to 14 is 20YY
CODE = re.compile(r"\[(?P<code>[A-Z]{3,})\s*(?P<dates>[^\]]*)\]")
DATES = re.compile(r"(?P<start>\d{6}|\d{8})?-?(?P<end>\d{6}|\d{8})?")
# Sectors a role may have (CAMEO's primary role codes); other three-letter parts of a code name a
# territory or a region ("GBRFLKGOV": the Falklands' government).
SECTORS = frozenset(
    {"GOV", "ELI", "MIL", "REB", "OPP", "JUD", "LEG", "COP", "SPY", "BUS", "MED", "EDU", "AGR", "LAB",
     "HLH", "HRI", "REF", "CVL", "ENV", "RAD", "MOD", "PTY", "REL", "CRM", "UAF", "INS"}
)  # fmt: skip
STATE = "GOV"  # a bare country code on a person: the state, CAMEO's reading
FORMER_OFFICIAL = "ELI"  # CAMEO's "elites": former officials and other notables out of office
HONORIFICS = frozenset(
    {"sir", "dr", "dr.", "mr", "mrs", "ms", "dame", "lord", "sheikh", "shaikh", "king", "queen", "prince",
     "princess", "emir", "general", "gen.", "colonel", "president", "premier"}
)  # fmt: skip
INITIALS = re.compile(r"^(?:[A-Za-z]\.)+$")  # "A.R." stays in capitals
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


@dataclass(slots=True)
class Record:
    """One entry of the dictionary: its name, other names, and codes with their dates."""

    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)
    from_country_info: bool = False  # generated from the CountryInfo file: a person
    coded_on_its_line: bool = False  # "AFGHANISTAN_ [AFG]": a country, not a person


@dataclass(frozen=True, slots=True)
class Role:
    country: str
    sector: str
    start: date | None
    end: date | None

    def cell(self) -> str:
        return f"{self.country} {self.sector} {self.start or ''}..{self.end or ''}"


@dataclass(slots=True)
class Person:
    name: str
    country: str
    sector: str
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)


def main() -> None:
    records = read_records(dictionary_text(__doc__ or "", DEFAULT_DICTIONARY))
    countries = country_names()
    tables = load_tables(other_data_files())
    known = ActorKB(tables)
    described = {known.alias_key(alias) for entry in tables.named if entry.kind == "person"
                 for alias in tables.aliases[entry.actor_id]}  # fmt: skip
    people = to_people(records, country_codes(set(countries.values())))
    kept = with_unique_names(people, known, described, countries)
    OUTPUT.write_text(HEADER + as_csv(kept, taken=set(known.entries)), encoding="utf-8")
    roles = sum(len(person.roles) for person in kept)
    print(f"{len(kept)} people with {roles} dated roles written to {OUTPUT.relative_to(ROOT)}")


def other_data_files() -> list[Path]:
    """The shipped actor files but this one: the names a person's name must not be."""
    return [Path(str(path)) for path, name in zip(default_paths(), DEFAULT_FILES, strict=True)
            if name != OUTPUT_NAME]  # fmt: skip


def country_codes(iso: set[str]) -> dict[str, str]:
    """CAMEO country code -> alpha-3, for every code that names a country today."""
    table = yaml.safe_load(CAMEO_COUNTRY_CODES.read_text(encoding="utf-8"))
    return {code: code for code in iso} | table["countries"] | MORE_COUNTRY_CODES


HEADER = """\
# Named people for the whodid actor knowledge base. Generated by scripts/build_people.py from the
# Phoenix country actors dictionary (Phoenix.Countries.actors.txt, Open Event Data Alliance, MIT License,
# Copyright (c) 2014 Open Event Data Alliance; generated there from the CountryInfo file of the
# Computational Event Data System project): names, other names, and the country, sector and dates of
# each person's codes, rewritten into our format. Up to date to early 2014. Do not edit: correct a person
# in actors.yaml (same id, or same name), which is read after this file and wins.
# Columns: id, name, aliases (|-separated), kind, country and sector (the latest office's: what the
# person is when no date is known or no dated role holds), roles (|-separated "COUNTRY SECTOR
# START..END", ISO dates, the end exclusive, either may be empty; ELI: out of office).
"""


def read_records(text: str) -> list[Record]:
    """Each entry with the other names ("+NAME") and codes ("[CODE dates]") listed under it."""
    records: list[Record] = []
    current: Record | None = None
    for raw in text.splitlines():
        body, _, comment = raw.partition("#")
        if not body.strip():
            continue
        if raw[:1] in " \t":
            code = CODE.search(body)
            if code and current is not None:
                current.codes.append((code["code"], code["dates"].strip()))
        elif body.startswith("+"):
            if current is not None:
                current.aliases.append(body[1:].strip())
        else:
            inline = CODE.search(body)
            current = Record(body.split("[")[0].strip(), from_country_info="CountryInfo" in comment,
                             coded_on_its_line=inline is not None)  # fmt: skip
            if inline is not None:
                current.codes.append((inline["code"], inline["dates"].strip()))
            records.append(current)
    return records


def to_people(records: list[Record], codes: dict[str, str]) -> list[Person]:
    """The records that are people, merged by name and country, with their roles."""
    merged: dict[tuple[str, str], Person] = {}
    for record in records:
        dated = any(dates for _, dates in record.codes)
        if record.coded_on_its_line or not (record.from_country_info or dated):
            continue  # a country, or a body the dictionary codes without dates
        person = person_of(record, codes)
        if person is None:
            continue
        same = merged.get((person.name, person.country))
        if same is None:
            merged[(person.name, person.country)] = person
        else:
            same.aliases += [alias for alias in person.aliases if alias not in same.aliases]
            same.roles += [role for role in person.roles if role not in same.roles]
    return list(merged.values())


def person_of(record: Record, codes: dict[str, str]) -> Person | None:
    standing: tuple[str, str] | None = None  # the code with no dates: what the person is otherwise
    roles: list[Role] = []
    for code, dates in record.codes:
        country = codes.get(code[:3])
        if country is None:
            continue
        sector = next((part for part in re.findall("...", code[3:]) if part in SECTORS), STATE)
        if not dates:
            standing = (country, sector)
            continue
        span = read_dates(dates)
        if span is not None:
            roles.append(Role(country, sector, *span))
    if not roles and standing is None:
        return None
    roles.sort(key=lambda role: (role.start or role.end or date.min, role.sector))
    if standing is not None and standing[1] == FORMER_OFFICIAL and roles and all(r.end for r in roles):
        # The dictionary's undated "elite" code says what the person is out of office: from the end
        # of their last role on, they are a former official.
        last = max(role.end for role in roles if role.end)
        roles.append(Role(standing[0], FORMER_OFFICIAL, last, None))
    # With no date to go by, a person is what their latest office made them: the news names people
    # mostly while they hold office.
    offices = [role for role in roles if role.sector != FORMER_OFFICIAL]
    if offices:
        latest = max(offices, key=lambda role: role.start or role.end or date.min)
        standing = (latest.country, latest.sector)
    assert standing is not None or roles
    country, sector = standing if standing is not None else (roles[-1].country, roles[-1].sector)
    name, *others = names_of(record.name, shortened=True)
    aliases = [alias for raw in record.aliases for alias in names_of(raw)]
    return Person(name, country, sector, aliases=[*others, *aliases], roles=roles)


def read_dates(text: str) -> tuple[date | None, date | None] | None:
    """'901027-050411', '>990427' (from), '<900823' (until); None for what cannot be read."""
    after, before = text.startswith(">"), text.startswith("<")
    found = DATES.fullmatch(text.lstrip("<>").strip())
    if found is None or (after and before):
        return None
    first, second = day(found["start"]), day(found["end"])
    if (found["start"] and first is None) or (found["end"] and second is None):
        return None
    if before:
        return None, first
    if after or second is None:
        return first, None
    if first is not None and first > second and len(found["start"]) == 6:
        first = first.replace(year=first.year - 100) if not (first.month == 2 and first.day == 29) else None
    if first is not None and first > second:
        return None
    return first, second


def day(digits: str | None) -> date | None:
    if not digits:
        return None
    if len(digits) == 6:
        year = int(digits[:2])
        digits = f"{2000 + year if year <= MADE_IN else 1900 + year}{digits[2:]}"
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def names_of(raw: str, shortened: bool = False) -> list[str]:
    """A dictionary name as ordinary text; without a leading honorific ("Sir", "President") too; and,
    `shortened`, for a name of three words or more, its first and last words."""
    words = [
        INITIALS.sub(lambda m: m[0].upper(), word)
        for word in written(" ".join(raw.replace("_", " ").split())).split()
    ]
    names = [" ".join(words)]
    while words and words[0].lower() in HONORIFICS:
        words = words[1:]
    if words and " ".join(words) not in names:
        names.append(" ".join(words))
    core = [w for w in words if w.lower().rstrip(",") not in NAME_SUFFIXES]
    if shortened and len(core) >= 3 and len(core[0].rstrip(".")) > 1:
        names.append(f"{core[0]} {core[-1]}")
    return names


def with_unique_names(
    people: list[Person], known: ActorKB, described: set[tuple[str, ...]], countries: dict[str, str]
) -> list[Person]:
    """The people, each with only the names that name them alone and no other actor; those left with
    none are dropped, and so is anyone actors.yaml describes (one of their names is a person's there)."""
    owners: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for index, person in enumerate(people):
        for name in [person.name, *person.aliases]:
            owners[known.alias_key(name)].add(index)
    kept: list[Person] = []
    for index, person in enumerate(people):
        if any(known.knows(name) for name in [person.name, *person.aliases] if is_person_name(name)):
            continue  # described in actors.yaml (or named like a country or group there)
        names = [
            name
            for name in dict.fromkeys([person.name, *person.aliases])
            if is_person_name(name)
            and name.lower() not in countries
            and owners[known.alias_key(name)] == {index}
        ]
        if names:
            kept.append(Person(names[0], person.country, person.sector, names[1:], person.roles))
    return kept


def is_person_name(name: str) -> bool:
    """Two words or more, no digits or punctuation of lists, and not cut short ("George P", "Maria
    de"): the dictionary truncates some long names."""
    words = name.split()
    last = words[-1].rstrip(".") if words else ""
    return (
        len(words) >= 2
        and len(last) > 1
        and last.lower() not in SMALL_WORDS
        and not any(c.isdigit() for c in name)
        and all(c not in name for c in "(),/&")
    )


def as_csv(people: list[Person], taken: set[str]) -> str:
    """The rows, with ids no other data file uses (a later file's id would replace that actor)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(ACTOR_COLUMNS)
    for person in sorted(people, key=lambda p: (p.country, p.name)):
        writer.writerow([
            unique_id(slug(person.name), person.country, taken), person.name, "|".join(person.aliases),
            "person", person.country, person.sector, "|".join(role.cell() for role in person.roles),
        ])  # fmt: skip
    return buffer.getvalue()


if __name__ == "__main__":
    main()
