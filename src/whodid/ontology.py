"""The PLOVER ontology as data: per type its CAMEO root, quad class and default Goldstein score; the
CAMEO codes with their PLOVER types; and the CAMEO verb dictionary's verbs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from whodid.data_files import load_yaml_mapping, package_data_path
from whodid.errors import DataFileError
from whodid.records import PLOVER_TYPES

CAMEO_CODE = re.compile(r"\d{2,4}")


@dataclass(frozen=True, slots=True)
class EventTypeInfo:
    name: str
    cameo_root: str
    quad_class: int
    goldstein: float
    summary: str
    modes: dict[str, float | None]  # PLOVER mode -> its own score (None: the type's)
    intent: str | None  # the type PLOVER codes a promise, plan or threat of this act as (AGREE, THREATEN)

    def score(self, mode: str | None) -> float:
        """The conflict-cooperation score of this type done in `mode`."""
        mode_score = self.modes.get(mode) if mode else None
        return self.goldstein if mode_score is None else mode_score


@lru_cache(maxsize=1)
def load_ontology(path: Path | None = None) -> dict[str, EventTypeInfo]:
    """Every PLOVER type's facts, keyed by type name."""
    source = path or package_data_path("ontology/plover.yaml")
    raw = load_yaml_mapping(source)
    missing = set(PLOVER_TYPES) - set(raw)
    if missing:
        raise DataFileError(str(source), f"missing PLOVER types: {', '.join(sorted(missing))}")
    ontology = {}
    for name, entry in raw.items():
        try:
            ontology[name] = EventTypeInfo(
                name=name,
                cameo_root=str(entry["cameo"]),
                quad_class=int(entry["quad_class"]),
                goldstein=float(entry["goldstein"]),
                summary=str(entry.get("summary", "")),
                intent=_intent(entry.get("intent"), name, source),
                modes={
                    str(mode): None if score is None else float(score)
                    for mode, score in (entry.get("modes") or {}).items()
                },
            )
        except (KeyError, TypeError, ValueError) as error:
            raise DataFileError(str(source), f"type {name}: bad or missing field ({error})") from error
    return ontology


def _intent(value: object, type_name: str, source: Path) -> str | None:
    if value is not None and value not in PLOVER_TYPES:
        raise DataFileError(str(source), f"type {type_name}: unknown intent type {value!r}")
    return None if value is None else str(value)


# Factualities of an act that has not (yet) happened but that its actor announced.
INTENDED = frozenset({"planned", "threatened"})
DENIED = "denied"
THREATENED = "threatened"
HYPOTHETICAL = "hypothetical"
MEETING = "CONSULT"  # a meeting on a condition is an offer to meet ("would meet the envoy if ...")
THREAT = "THREATEN"  # what PLOVER codes any act threatened as
COOPERATIVE_INTENT = "AGREE"  # the cooperative types' intent, and a type of its own (ontology/plover.yaml)
REFUSAL = "REJECT"  # what PLOVER codes cooperation refused or said not to happen as


def plover_coded_type(event_type: str, factuality: str) -> str:
    """The type PLOVER's coders give an event: a planned release is AGREE (an intent to cooperate), and
    so is a meeting on a condition ("would meet the envoy if he gave them a veto"); a threatened strike
    is THREATEN; cooperation refused or said not to happen is REJECT ("will not accept more refugees",
    "failed to reach agreement"); an act that happened, or is only reported, keeps its own type."""
    intent = load_ontology()[event_type].intent
    if factuality == THREATENED:
        return THREAT  # "will withdraw its force unless ...": a threat, whatever is threatened (CAMEO 13)
    if factuality in INTENDED or (factuality == HYPOTHETICAL and event_type == MEETING):
        return intent or event_type
    if factuality == DENIED and COOPERATIVE_INTENT in {intent, event_type}:
        return REFUSAL
    return event_type


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code and its PLOVER reading (data/ontology/cameo.yaml)."""

    code: str
    name: str
    plover: str | None  # None: PLOVER dropped the code (cue categories 01 and 02)
    mode: str | None
    context: tuple[str, ...]
    goldstein: float
    quad_class: int


@lru_cache(maxsize=1)
def load_cameo(path: Path | None = None) -> dict[str, CameoCode]:
    """Every CAMEO code (two to four digits, as strings) with its label, PLOVER type and scores."""
    source = path or package_data_path("ontology/cameo.yaml")
    return {code: _cameo_code(code, entry, source) for code, entry in _section(source, "codes").items()}


def plover_for_cameo(code: str) -> CameoCode | None:
    """The code's entry, else its nearest listed ancestor's (four digits, then three, then two)."""
    code = code.strip()
    if not CAMEO_CODE.fullmatch(code):
        return None
    table = load_cameo()
    for length in range(len(code), 1, -1):
        if (entry := table.get(code[:length])) is not None:
            return entry
    return None


@dataclass(frozen=True, slots=True)
class CameoVerb:
    """A verb of the CAMEO verb dictionary with its default code (data/lexicon/cameo_verbs.yaml)."""

    lemma: str
    particles: tuple[str, ...]  # words that must follow the verb: ("for",) for "call for"
    cameo: str
    plover: str
    forms: tuple[str, ...]  # irregular forms, for a lexical prefilter
    also: tuple[str, ...]  # further codes the dictionary gives the verb

    @property
    def key(self) -> str:
        return " ".join((self.lemma, *self.particles))


@lru_cache(maxsize=1)
def load_cameo_verbs(path: Path | None = None) -> dict[str, CameoVerb]:
    """The converted verbs keyed by lemma, or by lemma and particles for phrasal ones ("call for")."""
    source = path or package_data_path("lexicon/cameo_verbs.yaml")
    return {key: _cameo_verb(key, entry, source) for key, entry in _section(source, "verbs").items()}


def _section(source: Path, name: str) -> dict[str, Any]:
    """The file's top-level mapping `name`, whose keys must be strings (quote CAMEO codes in YAML)."""
    section = load_yaml_mapping(source).get(name)
    if not isinstance(section, dict):
        raise DataFileError(str(source), f"expected a mapping under '{name}'")
    if bad := [key for key in section if not isinstance(key, str)]:
        raise DataFileError(str(source), f"{name}: keys must be quoted strings, not {bad[:3]}")
    return section


def _checked_code(code: object, where: str, source: Path) -> str:
    if not (isinstance(code, str) and CAMEO_CODE.fullmatch(code)):
        raise DataFileError(str(source), f"{where}: {code!r} is not a CAMEO code (2 to 4 digits, quoted)")
    return code


def _checked_plover(value: object, where: str, source: Path) -> str | None:
    if value is None:
        return None
    if value not in PLOVER_TYPES:
        raise DataFileError(str(source), f"{where}: unknown PLOVER type {value!r}")
    return str(value)


def _words(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, got {value!r}")
    return tuple(str(item) for item in value)


def _cameo_code(code: str, entry: Any, source: Path) -> CameoCode:
    where = f"code {code}"
    _checked_code(code, where, source)
    try:
        cameo = CameoCode(
            code=code,
            name=str(entry["name"]),
            plover=_checked_plover(entry["plover"], where, source),
            mode=None if entry.get("mode") is None else str(entry["mode"]),
            context=_words(entry.get("context", [])),
            goldstein=float(entry["goldstein"]),
            quad_class=int(entry["quad_class"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise DataFileError(str(source), f"{where}: bad or missing field ({error})") from error
    if not -10.0 <= cameo.goldstein <= 10.0 or cameo.quad_class not in (1, 2, 3, 4):
        raise DataFileError(str(source), f"{where}: Goldstein score or quad class out of range")
    return cameo


def _cameo_verb(key: str, entry: Any, source: Path) -> CameoVerb:
    where = f"verb {key!r}"
    try:
        lemma, *particles = key.split()
        plover = _checked_plover(entry["plover"], where, source)
        if plover is None:
            raise DataFileError(str(source), f"{where}: a verb needs a PLOVER type")
        verb = CameoVerb(
            lemma=lemma,
            particles=tuple(particles),
            cameo=_checked_code(entry["cameo"], where, source),
            plover=plover,
            forms=_words(entry.get("forms", [])),
            also=tuple(_checked_code(code, where, source) for code in entry.get("also", [])),
        )
        listed_particles = _words(entry.get("with", []))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise DataFileError(str(source), f"{where}: bad or missing field ({error})") from error
    if verb.particles != listed_particles:
        raise DataFileError(str(source), f"{where}: 'with' must list the words after the lemma in the key")
    return verb
