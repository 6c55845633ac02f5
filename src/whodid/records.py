"""Typed records shared by every stage (the contract of DESIGN §2).

Spans are ``(start, end)`` character offsets into the article's text, end exclusive.
Records are plain dataclasses: cheap to build, easy to serialise, free of any stage's logic.
"""

from __future__ import annotations

import hashlib
import types
import typing
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")

Span = tuple[int, int]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

FACTUALITIES: tuple[str, ...] = (
    "asserted", "reported", "denied", "hypothetical", "planned", "threatened",
)  # fmt: skip
# The factualities of an act told as having taken place, by the text or by someone it quotes.
HAPPENED = frozenset({"asserted", "reported"})

DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")


def stable_id(*parts: object, length: int = 16) -> str:
    """A short id that depends only on its parts, so re-running gives the same ids."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return digest[:length]


@dataclass(slots=True)
class Article:
    """One news article as read by ingest."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    origin: str | None = None  # where it was read from (file, file:line, stdin), for messages

    @property
    def content_hash(self) -> str:
        """Hash of the text alone: the same text from two inputs is the same content."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Sentence:
    """One sentence of an article: its place in the article's sentence order and in its text."""

    article_id: str
    index: int
    span: Span
    text: str


@dataclass(slots=True)
class Phrase:
    """A stretch of the article's text that detect found playing a part (an actor, a place, a date)."""

    text: str
    span: Span
    label: str | None = None  # spaCy entity label, or "PRON" for a pronoun


@dataclass(slots=True)
class PlacePhrase:
    """A place name in a sentence as the text gives it, before the gazetteer."""

    text: str
    span: Span
    label: str | None = None  # spaCy entity label; None for a name only a place word marks
    # The place noun that names the kind of place ("town" in "the town of Bakwa"), if any.
    kind_word: str | None = None
    # This place only situates another one, whose span this is: "Baghdad" in "Taji, north of Baghdad",
    # "Aleppo" in "Khanasir town in the countryside of Aleppo", "Syria" in "Syria's Aleppo province".
    locates: Span | None = None
    # Only a weak cue makes this a place ("captured Badme"): kept only if the gazetteer knows the name.
    needs_gazetteer: bool = False
    # A name the recogniser calls a person where a person could stand too ("captured Jaffna",
    # "captured Khadr"): kept only if the gazetteer knows a town of some size or a region by it.
    needs_notable: bool = False
    # A modifier of the event's own noun ("the Manbij campaign"): a place only if it is no actor.
    modifies_trigger: bool = False
    # A modifier of any noun ("the Hong Kong hotel", "a US law"): a country there says whose, not where.
    modifier: bool = False


@dataclass(slots=True)
class PlacedSentence:
    """A sentence with no event trigger, and the places it names: the article's other places."""

    sentence: Sentence
    places: list[PlacePhrase]


@dataclass(slots=True)
class ActorRef:
    """One argument of an event before resolution: candidate phrases, best first
    (the named apposition "Abu Baqir al-Saadi" before the head "an Iraqi Hezbollah Brigades leader")."""

    candidates: list[Phrase]
    # The noun phrases the argument is made of, as the text gives them, the whole first ("UN sanctions
    # against Iran", then "Iran"): an actor takes the shortest that holds its words.
    phrases: list[Phrase] = field(default_factory=list)
    # Where the text puts the actor ("demonstrators in Baghdad"): whose they are, when nothing else says.
    located_in: Phrase | None = None


@dataclass(slots=True)
class Actor:
    """An actor as it appears in an event: the text that names it and what it resolved to."""

    text: str
    span: Span
    name: str | None = None  # canonical name from the knowledge base
    actor_id: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # PLOVER sector code: GOV MIL COP REB PTY CVL ...
    acled_inter: int | None = None  # ACLED actor type 1-8
    kind: str | None = None  # state, state_body, armed_group, party, igo, ngo, person, agent ...
    # The whole noun phrase of the sentence that the actor's words stand in ("at least 75 displaced
    # people in eastern Syria" for "displaced people"), when it says more than they do.
    phrase: Phrase | None = None
    # For a pronoun ("they", "his"), or generic people who belong to a group the article names ("the
    # guerrillas" of the FMLN): the words of the article that name whom it stands for.
    antecedent: Phrase | None = None


@dataclass(slots=True)
class Place:
    text: str
    span: Span
    name: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: int | None = None  # 1 town, 2 near town/district, 3 region, 4 country
    feature: str | None = None  # city, country, region, site ...


@dataclass(slots=True)
class DateRef:
    """A calendar date resolved from a phrase in the text."""

    text: str
    span: Span
    date: date
    date_end: date | None
    precision: str  # one of DATE_PRECISIONS


@dataclass(slots=True)
class Quantity:
    """A number stated in the text, with the words that state it."""

    value: int
    span: Span
    text: str
    qualifier: str | None = None  # "at least", "more than", "about" ...
    upper: int | None = None  # a range's upper bound: "10 to 15" is value 10, upper 15
    # A word that states no number ("dozens", "thousands"), read as the least it allows.
    approximate: bool = False


@dataclass(slots=True)
class Evidence:
    sentence: str
    sentence_span: Span
    trigger_text: str
    trigger_span: Span
    # Clauses between the trigger and its sentence's main clause: 0 for "X attacked Y", 1 for the
    # attack in "X said Y attacked Z" or "X refused to attack Z". The sentence's main event is outermost.
    clause_depth: int = 0


@dataclass(slots=True)
class Report:
    """One mention of an event: which article and sentence say so."""

    article_id: str
    sentence_index: int
    sentence_span: Span
    outlet: str | None = None
    mention_id: str | None = None  # the article's own event record, once merged with other reports
    copy_of: str | None = None  # the original article, when this one republishes it


@dataclass(slots=True)
class Mention:
    """What detect reads off one sentence for one trigger: still text, not yet knowledge-base entries."""

    sentence: Sentence
    trigger_text: str
    trigger_span: Span
    type: str
    cameo: str | None = None
    mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    sources: list[ActorRef] = field(default_factory=list)
    targets: list[ActorRef] = field(default_factory=list)
    # Arguments read further from the trigger, used only where the nearer ones resolve to no actor.
    further_sources: list[ActorRef] = field(default_factory=list)
    further_targets: list[ActorRef] = field(default_factory=list)
    factuality: str = "asserted"
    attributed_to: ActorRef | None = None
    attributed_to_text: str | None = None
    fatalities: Quantity | None = None
    injured: Quantity | None = None
    arrested: Quantity | None = None
    participants: Quantity | None = None  # how many took part in a protest
    count: Quantity | None = None
    scope: list[Span] = field(default_factory=list)  # text the trigger governs: its date and place win
    elsewhere: list[Span] = field(default_factory=list)  # conditions it sets: their places are not its
    places: list[PlacePhrase] = field(default_factory=list)  # place names in the sentence, in text order
    # Places that hang from the trigger itself, not from a clause of another verb inside its subtree.
    attached_places: list[Span] = field(default_factory=list)
    # The trigger of the event this one is the outcome of: "attacked the base, killing four soldiers".
    outcome_of: Span | None = None
    # For a trigger whose parties act together or against each other ("agreed", "clashed", "talks"):
    # "counterpart" when the trigger names the other side ("clashed with police", "talks between X and
    # Y", "met Putin"), else "joint" (its sources may act together: "X and Y agreed"). None otherwise.
    reciprocal: str | None = None
    # The trigger takes land ("invaded", "annexation"): a place it is done to stands for its state.
    takes_land: bool = False
    clause_depth: int = 0  # see Evidence.clause_depth
    confidence: float = 0.5


@dataclass(slots=True)
class Event:
    event_id: str
    article_id: str
    type: str
    evidence: Evidence
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    # The parties act together or against each other ("X and Y agreed", "X clashed with Y"): source and
    # target are then the sides, and which stands first says nothing (PLOVER codes them all as actors).
    reciprocal: bool = False
    date: date | None = None
    date_end: date | None = None
    date_precision: str | None = None
    date_text: str | None = None
    date_span: Span | None = None
    # The date phrase the event governs, when it names no possible date: "31 February: February has
    # no day 31". The date then stays empty rather than a guess.
    date_rejected: str | None = None
    location: Place | None = None
    fatalities: Quantity | None = None
    injured: Quantity | None = None
    arrested: Quantity | None = None
    participants: Quantity | None = None  # how many took part in a protest
    count: Quantity | None = None
    factuality: str = "asserted"
    attributed_to: Actor | None = None
    attributed_to_text: str | None = None  # "according to leaks": a source that is not an actor
    confidence: float = 0.5
    reports: list[Report] = field(default_factory=list)
    independent_sources: int = 1
    # The evidence of the other mentions folded into this event ("killed" in "killed in clashes").
    merged: list[Evidence] = field(default_factory=list)
    # Where the reports behind a merged event disagree: field -> the distinct values reported.
    conflicts: dict[str, list[Any]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready event record: dates as ISO strings, spans as lists."""
        return _jsonable(self)


# Records cross process boundaries and go into the store by the thousand, so both directions are
# compiled once per class into plain loops over its fields rather than re-deciding every value's type
# (dataclasses.asdict and typing introspection cost several times more).


def _jsonable(value: Any) -> Any:
    """A value in JSON-ready form: dataclasses as dicts, tuples as lists, dates as ISO strings."""
    if type(value) in _PLAIN:
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    if is_dataclass(value):
        return {name: _jsonable(getattr(value, name)) for name in _field_names(type(value))}
    return value


_PLAIN = frozenset({str, int, float, bool, type(None)})


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(item.name for item in fields(cls))


# Helpers for records in their dict form (Event.to_dict()), shared by merging, storing and exporting.


def as_record(event: Event | dict[str, Any]) -> dict[str, Any]:
    """The dict form of an event, whichever form it comes in."""
    return event.to_dict() if isinstance(event, Event) else event


def from_record(cls: type[T], record: dict[str, Any]) -> T:
    """A record (``Event``, ``Article`` ...) rebuilt from its JSON-ready dict form (``to_dict()`` or
    ``article_record``): the inverse of that form, nested records, dates and spans included."""
    return _builder(cls)(record)


def article_record(article: Article) -> dict[str, Any]:
    """An article in JSON-ready form (``from_record(Article, ...)`` rebuilds it)."""
    return _jsonable(article)


Builder = typing.Callable[[Any], Any]


@cache
def _builder(kind: Any) -> Builder:
    """The function that rebuilds a value of type `kind` from its JSON-ready form (None stays None)."""
    convert = _converter(kind)
    return convert if convert is not None else _same


def _same(value: Any) -> Any:
    return value


def _converter(kind: Any) -> Builder | None:
    """As `_builder`, or None where the JSON-ready form is the value itself (str, int, Any ...)."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):  # X | None: the one type that is not None
        options = [option for option in typing.get_args(kind) if option is not type(None)]
        return _converter(options[0]) if len(options) == 1 else None
    if origin is list:
        (item,) = typing.get_args(kind)
        element = _converter(item)
        if element is None:
            return lambda value: None if value is None else list(value)
        return lambda value: None if value is None else [None if v is None else element(v) for v in value]
    if origin is tuple:
        parts = [_builder(item) for item in typing.get_args(kind)]
        return lambda value: (
            None
            if value is None
            else tuple(None if v is None else part(v) for part, v in zip(parts, value, strict=True))
        )
    if kind is date:
        return lambda value: None if value is None else date.fromisoformat(value)
    if is_dataclass(kind):
        return _dataclass_builder(kind)
    return None


def _dataclass_builder(cls: type) -> Builder:
    hints = typing.get_type_hints(cls)
    converters = {item.name: _converter(hints[item.name]) for item in fields(cls)}

    def build(record: Any) -> Any:
        if record is None:
            return None
        values = {}
        for name, value in record.items():
            if name not in converters:
                continue  # a field a newer or older record has and this class has not
            convert = converters[name]
            values[name] = value if convert is None or value is None else convert(value)
        return cls(**values)

    return build


def as_date(value: Any) -> date | None:
    """A record's ISO date as a date (None when absent or not a date)."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def quantity_value(record: dict[str, Any], name: str) -> int | None:
    """The number of a record's count field ("fatalities", "injured" ...), if stated."""
    quantity = record.get(name)
    return quantity.get("value") if quantity else None
