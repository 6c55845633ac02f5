"""The actor knowledge base's data files: read, checked, and added up into tables for `ActorKB`.

Files are a countries CSV, an actors CSV (named actors one per row, people with their dated roles: the
compact form for tens of thousands of officials), or YAML with `actors:` (named actors, people with
their titled roles) and/or `agents:` (generic nouns). Every file of a set is checked before any is
used: a mistake is reported with the file, the line and the field, and nothing half-loaded reaches a
run. Later files override earlier ones on the same id, which is how a user's own file corrects the
shipped ones.
"""

from __future__ import annotations

import csv
import gc
import io
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml

from whodid.errors import DataFileError
from whodid.records import Actor, Span

DataPath = str | os.PathLike[str] | Traversable

# Later files win on the same id and are tried first on the same name: the hand-written actors come
# after the groups converted from the Phoenix dictionary.
DEFAULT_FILES = (
    "countries.csv",
    "armed_groups.yaml",
    "organisations.csv",
    "people.csv",
    "actors.yaml",
    "agents_phoenix.csv",
    "agents.yaml",
    "operations.yaml",
)
KINDS = frozenset(
    {"state", "state_body", "armed_group", "party", "igo", "ngo", "person", "company", "media", "alliance"}
)
COUNTRY_COLUMNS = ("alpha3", "name", "aliases", "adjectives", "people", "capitals")
ACTOR_COLUMNS = ("id", "name", "aliases", "kind", "country", "sector", "roles")
# A role in an actors CSV: "KGZ GOV 1990-10-27..2005-04-11"; either date may be left out. Roles are
# separated by "|".
CSV_ROLE = re.compile(r"(?P<country>\S+) (?P<sector>\S+) (?P<start>[^.\s]*)\.\.(?P<end>[^.\s]*)")
_ISO_DAY = r"\d{4}-\d{2}-\d{2}"
CSV_ROLE_ITEM = re.compile(rf"([A-Z]{{3}}) ([A-Z]{{3}}) ({_ISO_DAY})?\.\.({_ISO_DAY})?")
CSV_ROLES = re.compile(rf"{CSV_ROLE_ITEM.pattern}(?:\|{CSV_ROLE_ITEM.pattern})*")
# ACLED actor type when a data file gives none: state organs are state forces (1), rebels 2,
# opposition 6, civilians 7, and parties, IGOs, NGOs, firms and media "other" (8).
ACLED_INTER_BY_SECTOR = {
    "GOV": 1, "MIL": 1, "COP": 1, "LEG": 1, "JUD": 1, "REB": 2, "OPP": 6, "CVL": 7, "EDU": 7, "JRN": 7,
    "REL": 7, "AGR": 7, "LAB": 7, "MED": 7, "REF": 7, "CRM": 3,
}  # fmt: skip
DEFAULT_ACLED_INTER = 8


def acled_inter_of(sector: str | None) -> int:
    """The ACLED actor type a sector implies, where a data file gives none."""
    return ACLED_INTER_BY_SECTOR.get(sector or "", DEFAULT_ACLED_INTER)


AGENT_KIND = "agent"  # a generic noun ("farmers"), which an actors CSV may hold too
IGO_KIND = "igo"
PERSON_KIND = "person"
STATE_KIND = "state"  # a country acting as one: its government
GOVERNMENT_SECTOR = "GOV"
FORMER_OFFICIAL = "ELI"  # CAMEO's "elites": former officials and other notables out of office

# The fields each record may have: a misspelt field would otherwise be silently ignored.
DOCUMENT_FIELDS = frozenset(
    {
        "provenance",
        "spelling_variants",
        "modifiers",
        "identity_modifiers",
        "out_of_office_words",
        "mobile_sectors",
        "home_sectors",
        "collective_words",
        "group_member_words",
        "group_words",
        "mission_troop_agents",
        "patron_words",
        "civil_society_heads",
        "language_words",
        "operations",
        "actors",
        "agents",
    }
)
OPERATION_FIELDS = frozenset({"id", "name", "aliases", "actor", "target", "start", "note"})
ACTOR_FIELDS = frozenset(
    {"id", "name", "aliases", "kind", "country", "sector", "acled_inter", "parent", "roles", "died", "note"}
)
AGENT_FIELDS = frozenset({"name", "terms", "sector", "acled_inter", "title", "note"})
ROLE_FIELDS = frozenset({"title", "country", "org", "sector", "start", "end", "posted_to"})
COUNTRY_CODE = re.compile(r"[A-Z]{3}")
SECTOR_CODE = re.compile(r"[A-Z]{3}")
COUNTRY_WHAT = "an ISO 3166-1 alpha-3 code"
SECTOR_WHAT = "a sector code of three capitals (GOV, MIL, REB ...)"


# Records of the knowledge base are never changed after loading, but are not frozen dataclasses: a
# frozen one costs four times as much to build, and loading builds some 45,000 of them. They still hash
# and compare by value.
@dataclass(slots=True, unsafe_hash=True)
class Role:
    """An office, or a standing with no title ("in government", "an opposition figure"), one person has
    for a time; `end` is exclusive (the successor's first day). Only titled roles answer "who was the
    prime minister"; every role with a sector says what the person was on a day."""

    title: str | None
    country: str | None = None
    org: str | None = None  # actor id of an organisation, for offices such as secretary general
    sector: str | None = None
    start: date | None = None
    end: date | None = None
    posted_to: str | None = None  # ambassadors: the country they are sent to

    def holds_on(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(slots=True, unsafe_hash=True)
class KBEntry:
    """One knowledge-base record: a country, a named actor, or a generic agent."""

    actor_id: str
    name: str
    kind: str  # state, state_body, armed_group, party, igo, ngo, person, company, media, alliance, agent
    country: str | None = None
    sector: str | None = None
    acled_inter: int | None = None
    parent: str | None = None
    roles: tuple[Role, ...] = ()
    title: str | None = None  # agents naming a one-holder office ("prime minister")
    label: str | None = None  # countries: the adjective that names their agents ("Iraqi", "US")

    @property
    def is_agent(self) -> bool:
        return self.kind == AGENT_KIND

    @property
    def is_country(self) -> bool:
        return self.kind == STATE_KIND

    @property
    def is_named(self) -> bool:
        return not (self.is_agent or self.is_country)

    def standing_on(self, when: date | None) -> tuple[str | None, str | None, int | None]:
        """Country, sector and ACLED type on a day: those of a dated role held then (an office over the
        standing of a former official, "ELI"; the latest begun first), else the record's own."""
        if when is not None and self.roles:
            held = [role for role in self.roles if role.sector and role.dated and role.holds_on(when)]
            if held:
                role = max(held, key=lambda r: (r.sector != FORMER_OFFICIAL, r.start or date.min))
                if role.sector != self.sector:
                    return role.country or self.country, role.sector, acled_inter_of(role.sector)
                return role.country or self.country, role.sector, self.acled_inter
        return self.country, self.sector, self.acled_inter

    def national(self, agent_name: str, sector: str | None) -> tuple[str, str]:
        """For a country: the id and name of its agents of a kind ("IRQMIL", "Iraqi troops")."""
        return f"{self.country}{sector or ''}", f"{self.label or self.name} {agent_name}"

    def to_actor(self, text: str, span: Span, when: date | None = None) -> Actor:
        country, sector, inter = self.standing_on(when)
        return Actor(text=text, span=span, name=self.name, actor_id=self.actor_id, country=country,
                     sector=sector, acled_inter=inter, kind=self.kind)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Operation:
    """A named military operation ("Al-Aqsa Flood"): who launched it, at which state, from when. The
    name before an act's noun says who did it to whom where the sentence does not."""

    operation_id: str
    name: str
    aliases: tuple[str, ...]
    actor: str  # the id of the actor that launched it (a state's is its ISO alpha-3 code)
    target: str  # the ISO alpha-3 code of the state it was aimed at
    start: date | None = None


@dataclass(slots=True)
class KBTables:
    """What the data files add up to, before indexing."""

    named: list[KBEntry] = field(default_factory=list)
    countries: list[KBEntry] = field(default_factory=list)
    agents: list[KBEntry] = field(default_factory=list)
    aliases: dict[str, list[str]] = field(default_factory=dict)  # actor_id -> surface forms
    variants: dict[str, str] = field(default_factory=dict)  # spelling -> the spelling it folds to
    modifiers: set[str] = field(default_factory=set)
    adjectives: set[str] = field(default_factory=set)  # "Ghanaian": a country named only as a modifier
    identity_modifiers: set[str] = field(default_factory=set)
    out_of_office_words: set[str] = field(default_factory=set)  # "former", "ousted"
    mobile_sectors: set[str] = field(default_factory=set)  # people of these often act abroad
    home_sectors: set[str] = field(default_factory=set)  # state agents of these act at home
    collective_words: set[str] = field(default_factory=set)  # "student groups": the students
    group_member_words: set[str] = field(default_factory=set)  # "the rebels": of the armed group named
    group_words: set[str] = field(default_factory=set)  # "the group": the armed group named itself
    mission_troop_agents: set[str] = field(default_factory=set)  # "UN peacekeepers": the body's troops
    patron_words: set[str] = field(default_factory=set)  # "Israel's militia ally": not Israel's own
    civil_society_heads: set[str] = field(default_factory=set)  # "the Third World Water Forum": an NGO
    language_words: set[str] = field(default_factory=set)  # "the Russian language": not the state
    operations: list[Operation] = field(default_factory=list)  # named military operations
    # The ids records point at (parents, roles' organisations), checked across all files at the end.
    references: list[tuple[str, int | None, str, str]] = field(default_factory=list)  # file, line, what, id


def default_paths() -> list[Traversable]:
    """The data files shipped in whodid/data/actors."""
    folder = resources.files("whodid").joinpath("data", "actors")
    return [folder.joinpath(name) for name in DEFAULT_FILES]


def load_tables(paths: list[DataPath]) -> KBTables:
    """Every file read and checked, in order, then the references between records checked across all
    of them. Raises `DataFileError` (file, line, field) at the first mistake."""
    tables = KBTables()
    with collection_paused():
        for path in paths:
            _load_file(path, tables)
        _check_references(tables)
    return tables


@contextmanager
def collection_paused() -> Iterator[None]:
    """Reading the files makes some hundred thousand small objects and no reference cycles: the
    garbage collector's passes over the whole heap (spaCy's included) would only cost time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_file(path: DataPath, tables: KBTables) -> None:
    name = str(path)
    text = _read_text(path)
    if name.endswith(".csv"):
        _load_csv(name, text, tables)
    elif name.endswith((".yaml", ".yml")):
        _load_yaml(name, text, tables)
    else:
        raise DataFileError(name, "unknown data file type: expected .csv (countries) or .yaml/.yml")


def _read_text(path: DataPath) -> str:
    try:
        if isinstance(path, Traversable):
            return path.read_text(encoding="utf-8")
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(str(path), f"cannot read the file ({error})") from error


# ----- countries ------------------------------------------------------------------------------------


def _load_csv(name: str, text: str, tables: KBTables) -> None:
    """A countries CSV or an actors CSV, told apart by the header; comment lines (#) are skipped."""
    lines = [
        (n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")
    ]
    rows = csv.reader(io.StringIO("\n".join(line for _, line in lines)))
    header = tuple(next(rows, None) or ())
    numbered = zip((n for n, _ in lines[1:]), rows, strict=False)
    if header == COUNTRY_COLUMNS:
        for line, row in numbered:
            if len(row) != len(COUNTRY_COLUMNS) or not COUNTRY_CODE.fullmatch(row[0]) or not row[1]:
                raise DataFileError(name, f"expected a row {','.join(COUNTRY_COLUMNS)}", line)
            _add_country(dict(zip(COUNTRY_COLUMNS, row, strict=True)), tables)
    elif header == ACTOR_COLUMNS:
        _load_actor_rows(name, numbered, tables)
    else:
        line = lines[0][0] if lines else None
        expected = f"{','.join(COUNTRY_COLUMNS)} (countries) or {','.join(ACTOR_COLUMNS)} (actors)"
        raise DataFileError(name, f"expected the header {expected}", line)


def _add_country(row: dict[str, str], tables: KBTables) -> None:
    alpha3 = row["alpha3"]
    adjectives = _cells(row["adjectives"])
    label = adjectives[0] if adjectives else None
    country = KBEntry(alpha3, row["name"], STATE_KIND, alpha3, GOVERNMENT_SECTOR, 1, label=label)
    tables.countries.append(country)
    names, capitals = [row["name"], *_cells(row["aliases"])], _cells(row["capitals"])
    tables.adjectives.update(word for word in adjectives if word not in names)  # "US" is a name too
    tables.aliases[alpha3] = [*names, *adjectives, *capitals]
    people = _cells(row["people"])
    if people:
        # "Iraqis": the people of a country, as civilians until the text says otherwise.
        nationals = KBEntry(f"{alpha3}CVL", people[0], AGENT_KIND, alpha3, "CVL", 7)
        tables.agents.append(nationals)
        tables.aliases[nationals.actor_id] = people


def _cells(cell: str) -> list[str]:
    return [value.strip() for value in cell.split("|") if value.strip()]


def _load_actor_rows(name: str, rows: Iterator[tuple[int, list[str]]], tables: KBTables) -> None:
    seen: dict[str, int] = {}
    for line, row in rows:
        if len(row) != len(ACTOR_COLUMNS):
            expected = f"expected {len(ACTOR_COLUMNS)} cells ({','.join(ACTOR_COLUMNS)})"
            raise DataFileError(name, expected, line)
        actor_id, actor_name, aliases, kind, country, sector, roles = (cell.strip() for cell in row)
        record = _RowRecord(name, line, actor_id)
        if actor_id in seen:
            raise record.fail("id", f"{actor_id!r} is already defined on line {seen[actor_id]} of this file")
        seen[actor_id] = line
        # Direct checks, not the YAML path's: the shipped people file has tens of thousands of rows.
        for key, value in (("id", actor_id), ("name", actor_name), ("kind", kind)):
            if not value:
                raise record.fail(key, "missing")
        if kind != AGENT_KIND:
            _checked_kind(record, kind)
        elif not sector:
            raise record.fail("sector", "missing: a generic agent is known by its sector")
        if country and not COUNTRY_CODE.fullmatch(country):
            raise record.fail("country", f"{country!r} is not {COUNTRY_WHAT}")
        if sector and not SECTOR_CODE.fullmatch(sector):
            raise record.fail("sector", f"{sector!r} is not {SECTOR_WHAT}")
        entry = KBEntry(actor_id, actor_name, kind, country or None, sector or None, acled_inter_of(sector),
                        roles=_csv_roles(record, roles))  # fmt: skip
        (tables.agents if kind == AGENT_KIND else tables.named).append(entry)
        tables.aliases[actor_id] = [actor_name, *_cells(aliases)]


@dataclass(slots=True)
class _RowRecord:
    """A row of an actors CSV, for messages that point at the mistake."""

    file: str
    line: int
    actor_id: str

    def fail(self, key: str, problem: str) -> DataFileError:
        where = f"row {self.actor_id or '(no id)'}, field '{key}'"
        return DataFileError(self.file, f"{where}: {problem}", self.line)


def _csv_roles(record: _RowRecord, cell: str) -> tuple[Role, ...]:
    """A roles cell: read with one pattern when it is well formed, else role by role to say which one
    is wrong and why."""
    if not cell:
        return ()
    if CSV_ROLES.fullmatch(cell):
        try:
            roles = tuple(
                Role(title=None, country=country, sector=sector,
                     start=date.fromisoformat(start) if start else None,
                     end=date.fromisoformat(end) if end else None)
                for country, sector, start, end in CSV_ROLE_ITEM.findall(cell)
            )  # fmt: skip
        except ValueError:
            roles = ()
        if roles and all(r.start is None or r.end is None or r.start <= r.end for r in roles):
            return roles
    return tuple(_csv_role(record, text) for text in _cells(cell))


def _csv_role(record: _RowRecord, text: str) -> Role:
    found = CSV_ROLE.fullmatch(text)
    if found is None:
        raise record.fail("roles", f"{text!r} is not a role 'COUNTRY SECTOR START..END' (dates may be empty)")
    country, sector, start_text, end_text = found.groups()
    if not COUNTRY_CODE.fullmatch(country):
        raise record.fail("roles", f"{text!r}: {country!r} is not {COUNTRY_WHAT}")
    if not SECTOR_CODE.fullmatch(sector):
        raise record.fail("roles", f"{text!r}: {sector!r} is not {SECTOR_WHAT}")
    try:
        start = date.fromisoformat(start_text) if start_text else None
        end = date.fromisoformat(end_text) if end_text else None
    except ValueError:
        raise record.fail("roles", f"{text!r}: the dates are not ISO dates (YYYY-MM-DD)") from None
    if start is not None and end is not None and end < start:
        raise record.fail("roles", f"{text!r} ends before it starts")
    return Role(title=None, country=country, sector=sector, start=start, end=end)


def _checked_kind(record: _Record | _RowRecord, kind: str) -> str:
    if kind not in KINDS:
        raise record.fail("kind", f"unknown kind {kind!r} (expected one of {', '.join(sorted(KINDS))})")
    return kind


# ----- YAML -----------------------------------------------------------------------------------------


class _LineLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """A safe YAML loader that notes the line of every mapping and of each of its keys."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.lines: dict[int, dict[str, int]] = {}  # id(mapping) -> key -> line ("" the mapping's own)


def _mapping_with_lines(loader: _LineLoader, node: yaml.MappingNode) -> Iterator[dict[Any, Any]]:
    data: dict[Any, Any] = {}
    lines = {"": node.start_mark.line + 1}
    lines.update((str(key.value), key.start_mark.line + 1) for key, _ in node.value)
    loader.lines[id(data)] = lines
    yield data
    data.update(loader.construct_mapping(node))


_LineLoader.add_constructor("tag:yaml.org,2002:map", _mapping_with_lines)


@dataclass(frozen=True, slots=True)
class _Record:
    """One mapping of a YAML file, with where it is, for messages that point at the mistake."""

    file: str
    where: str  # "actors[3] (iraq-pm)"
    fields: dict[str, Any]
    index: dict[int, dict[str, int]]  # the loader's lines of every mapping of the file

    def line(self, key: str = "") -> int | None:
        lines = self.index.get(id(self.fields), {})
        return lines.get(key, lines.get(""))

    def child(self, where: str, fields: dict[str, Any]) -> _Record:
        return _Record(self.file, where, fields, self.index)

    def fail(self, key: str, problem: str) -> DataFileError:
        field_name = f", field '{key}'" if key else ""
        return DataFileError(self.file, f"{self.where}{field_name}: {problem}", self.line(key))

    def get(self, key: str) -> Any:
        return self.fields.get(key)

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.fields.get(key)
        if value is None or value == "":
            if required:
                raise self.fail(key, "missing")
            return None
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise self.fail(key, f"expected text, not {type(value).__name__}")
        return str(value)

    def texts(self, key: str) -> list[str]:
        values = self.fields.get(key) or []
        if not isinstance(values, list) or any(isinstance(v, (dict, list)) for v in values):
            raise self.fail(key, "expected a list of names")
        return [str(value) for value in values]

    def code(self, key: str, pattern: re.Pattern[str], what: str) -> str | None:
        value = self.text(key)
        if value is not None and not pattern.fullmatch(value):
            raise self.fail(key, f"{value!r} is not {what}")
        return value

    def day(self, key: str) -> date | None:
        value = self.fields.get(key)
        if value is None or isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise self.fail(key, f"{value!r} is not an ISO date (YYYY-MM-DD)") from None

    def only(self, allowed: frozenset[str]) -> None:
        for key in self.fields:
            if key not in allowed:
                raise self.fail(str(key), f"unknown field (expected one of {', '.join(sorted(allowed))})")


def _load_yaml(name: str, text: str, tables: KBTables) -> None:
    loader = _LineLoader(text)
    try:
        document = loader.get_single_data()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise DataFileError(name, f"not valid YAML ({error})", mark.line + 1 if mark else None) from error
    finally:
        loader.dispose()
    if not isinstance(document, dict) or not ({"actors", "agents", "operations"} & document.keys()):
        raise DataFileError(name, "expected a mapping with an 'actors:', 'agents:' and/or 'operations:' list")
    top = _Record(name, "the file", document, loader.lines)
    top.only(DOCUMENT_FIELDS)
    variants = document.get("spelling_variants") or {}
    if not isinstance(variants, dict):
        raise top.fail("spelling_variants", "must map a spelling to its folded form")
    tables.variants.update({str(k): str(v) for k, v in variants.items()})
    tables.modifiers.update(top.texts("modifiers"))
    tables.identity_modifiers.update(top.texts("identity_modifiers"))
    tables.out_of_office_words.update(word.lower() for word in top.texts("out_of_office_words"))
    tables.mobile_sectors.update(sector.upper() for sector in top.texts("mobile_sectors"))
    tables.home_sectors.update(sector.upper() for sector in top.texts("home_sectors"))
    tables.collective_words.update(word.lower() for word in top.texts("collective_words"))
    tables.group_member_words.update(word.lower() for word in top.texts("group_member_words"))
    tables.group_words.update(word.lower() for word in top.texts("group_words"))
    tables.patron_words.update(word.lower() for word in top.texts("patron_words"))
    tables.civil_society_heads.update(word.lower() for word in top.texts("civil_society_heads"))
    tables.language_words.update(word.lower() for word in top.texts("language_words"))
    for name in top.texts("mission_troop_agents"):
        tables.mission_troop_agents.add(name.lower())
        what = "the file, field 'mission_troop_agents'"
        tables.references.append((top.file, top.line("mission_troop_agents"), what, f"agent:{name.lower()}"))
    seen: dict[str, int | None] = {}
    for record in _records(top, "actors"):
        entry = _named_entry(record, tables)
        if entry.actor_id in seen:
            first = seen[entry.actor_id]
            raise record.fail("id", f"{entry.actor_id!r} is already defined on line {first} of this file")
        seen[entry.actor_id] = record.line("id")
        tables.named.append(entry)
        tables.aliases[entry.actor_id] = [entry.name, *record.texts("aliases")]
    for record in _records(top, "agents"):
        entry = _agent_entry(record)
        tables.agents.append(entry)
        tables.aliases[entry.actor_id] = record.texts("terms") or [entry.name]
    for record in _records(top, "operations"):
        tables.operations.append(_operation(record, tables))


def _operation(record: _Record, tables: KBTables) -> Operation:
    record.only(OPERATION_FIELDS)
    operation_id = record.text("id", required=True)
    name = record.text("name", required=True)
    actor = record.text("actor", required=True)
    target = record.code("target", COUNTRY_CODE, COUNTRY_WHAT)
    if target is None:
        raise record.fail("target", "missing: the ISO alpha-3 code of the state the operation was aimed at")
    assert operation_id is not None and name is not None and actor is not None
    tables.references.append((record.file, record.line("actor"), f"{record.where}, field 'actor'", actor))
    return Operation(operation_id, name, tuple(record.texts("aliases")), actor, target, record.day("start"))


def _records(top: _Record, section: str) -> list[_Record]:
    items = top.get(section) or []
    if not isinstance(items, list):
        raise top.fail(section, "must be a list of mappings")
    records = []
    for position, item in enumerate(items):
        if not isinstance(item, dict):
            raise top.fail(section, f"item {position} is not a mapping")
        label = f" ({item['id']})" if isinstance(item.get("id"), str) else ""
        records.append(top.child(f"{section}[{position}]{label}", item))
    return records


def _named_entry(record: _Record, tables: KBTables) -> KBEntry:
    record.only(ACTOR_FIELDS)
    actor_id = record.text("id", required=True)
    name = record.text("name", required=True)
    kind = record.text("kind", required=True)
    assert actor_id is not None and name is not None and kind is not None
    _checked_kind(record, kind)
    sector = record.code("sector", SECTOR_CODE, SECTOR_WHAT)
    record.day("died")
    parent = record.text("parent")
    if parent is not None:
        where = f"{record.where}, field 'parent'"
        tables.references.append((record.file, record.line("parent"), where, parent))
    roles = record.get("roles") or []
    if not isinstance(roles, list):
        raise record.fail("roles", "must be a list of roles")
    return KBEntry(
        actor_id=actor_id,
        name=name,
        kind=kind,
        country=record.code("country", COUNTRY_CODE, COUNTRY_WHAT),
        sector=sector,
        acled_inter=_acled_inter(record, sector),
        parent=parent,
        roles=tuple(_role(record, position, role, tables) for position, role in enumerate(roles)),
    )


def _agent_entry(record: _Record) -> KBEntry:
    record.only(AGENT_FIELDS)
    name = record.text("name", required=True)
    sector = record.code("sector", SECTOR_CODE, SECTOR_WHAT)
    if sector is None:
        raise record.fail("sector", "missing")
    assert name is not None
    return KBEntry(
        actor_id=f"agent:{name}",
        name=name,
        kind=AGENT_KIND,
        sector=sector,
        acled_inter=_acled_inter(record, sector),
        title=record.text("title"),
    )


def _acled_inter(record: _Record, sector: str | None) -> int:
    value = record.get("acled_inter")
    if value is None:
        return acled_inter_of(sector)
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 8:
        raise record.fail("acled_inter", f"must be an integer 1-8, not {value!r}")
    return value


def _role(owner: _Record, position: int, item: Any, tables: KBTables) -> Role:
    where = f"{owner.where}.roles[{position}]"
    if not isinstance(item, dict):
        raise DataFileError(owner.file, f"{where}: a role must be a mapping", owner.line("roles"))
    record = owner.child(where, item)
    record.only(ROLE_FIELDS)
    start, end = record.day("start"), record.day("end")
    if start is not None and end is not None and end < start:
        raise record.fail("end", f"the role ends ({end}) before it starts ({start})")
    org = record.text("org")
    if org is not None:
        tables.references.append((owner.file, record.line("org"), f"{where}, field 'org'", org))
    title = record.text("title")
    sector = record.code("sector", SECTOR_CODE, SECTOR_WHAT)
    if title is None and sector is None:
        raise record.fail("title", "missing: a role needs a title, a sector, or both")
    return Role(
        title=title,
        country=record.code("country", COUNTRY_CODE, COUNTRY_WHAT),
        org=org,
        sector=sector,
        start=start,
        end=end,
        posted_to=record.code("posted_to", COUNTRY_CODE, COUNTRY_WHAT),
    )


def _check_references(tables: KBTables) -> None:
    """Every id a record points at (a parent, a role's organisation, a mission's troops) names an actor
    of some file."""
    known = {entry.actor_id for entry in [*tables.named, *tables.countries]}
    known |= {entry.actor_id for entry in tables.agents}  # an "agent:" id names a generic agent only
    for file, line, what, target in tables.references:
        if target not in known:
            raise DataFileError(file, f"{what}: no actor has the id {target!r}", line)
