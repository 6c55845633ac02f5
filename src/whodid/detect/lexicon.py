"""The trigger and factuality lexicons, loaded from the package's data files into lookup tables."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

from whodid.data_files import load_yaml_mapping, package_data_path
from whodid.errors import DataFileError
from whodid.ontology import load_ontology


@dataclass(frozen=True, slots=True)
class TriggerSpec:
    """What one trigger word means."""

    lemma: str
    pos: str  # "verb" or "noun"
    type: str
    cameo: str
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    lethal: bool = False
    weak: bool = False
    intransitive: bool = False  # "protesters demonstrated", not "demonstrated its versatility"
    particles: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, TriggerSpec]
    nouns: dict[str, TriggerSpec]
    light_verbs: frozenset[str]
    martial_modifiers: frozenset[str]
    mode_words: dict[str, dict[str, str]]  # type -> modifier word -> PLOVER mode ("drone" strike)
    trigger_modes: dict[str, dict[str, str]]  # type -> trigger lemma -> PLOVER mode ("assassination")
    hypothetical_modals: frozenset[str]
    planned_modals: frozenset[str]
    planned_verbs: frozenset[str]
    threat_verbs: frozenset[str]
    hypothetical_verbs: frozenset[str]
    planned_nouns: frozenset[str]
    planned_modifiers: frozenset[str]
    hypothetical_modifiers: frozenset[str]
    hypothetical_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    reporting_adverbs: frozenset[str]
    according_to: frozenset[str]
    negations: frozenset[str]


# Every Lexicon field after the trigger tables is a word list of factuality.yaml with the same name.
FACTUALITY_CUE_FIELDS = tuple(f.name for f in fields(Lexicon))[6:]


@lru_cache(maxsize=1)
def load_lexicon(triggers_path: Path | None = None, factuality_path: Path | None = None) -> Lexicon:
    triggers_file = triggers_path or package_data_path("lexicon/triggers.yaml")
    cues_file = factuality_path or package_data_path("lexicon/factuality.yaml")
    triggers = load_yaml_mapping(triggers_file)
    cues = load_yaml_mapping(cues_file)
    verbs, nouns = _trigger_tables(triggers, triggers_file)

    def words(mapping: dict, key: str, source: Path) -> frozenset[str]:
        value = mapping.get(key)
        if not isinstance(value, list):
            raise DataFileError(str(source), f"{key!r} must be a list of words")
        return frozenset(str(word).lower() for word in value)

    return Lexicon(
        verbs=verbs,
        nouns=nouns,
        light_verbs=words(triggers, "light_verbs", triggers_file),
        martial_modifiers=words(triggers, "martial_modifiers", triggers_file),
        mode_words=_mode_table(triggers, "mode_words", triggers_file),
        trigger_modes=_mode_table(triggers, "trigger_modes", triggers_file),
        **{key: words(cues, key, cues_file) for key in FACTUALITY_CUE_FIELDS},
    )


def _mode_table(raw: dict, key: str, source: Path) -> dict[str, dict[str, str]]:
    table = raw.get(key) or {}
    if not isinstance(table, dict) or not all(isinstance(words, dict) for words in table.values()):
        raise DataFileError(str(source), f"{key!r} must map PLOVER types to word: mode pairs")
    return {str(t): {str(w).lower(): str(m) for w, m in words.items()} for t, words in table.items()}


def _trigger_tables(raw: dict, source: Path) -> tuple[dict[str, TriggerSpec], dict[str, TriggerSpec]]:
    ontology = load_ontology()
    types = raw.get("types")
    if not isinstance(types, dict):
        raise DataFileError(str(source), "'types' must map PLOVER types to their verbs and nouns")
    tables: dict[str, dict[str, TriggerSpec]] = {"verb": {}, "noun": {}}
    for type_name, groups in types.items():
        if type_name not in ontology:
            raise DataFileError(str(source), f"unknown PLOVER type {type_name!r}")
        for pos, group_key in (("verb", "verbs"), ("noun", "nouns")):
            for lemma, entry in (groups.get(group_key) or {}).items():
                spec = _trigger_spec(str(lemma).lower(), pos, type_name, entry or {}, source)
                if spec.lemma in tables[pos]:
                    raise DataFileError(str(source), f"{pos} {spec.lemma!r} is listed under two types")
                tables[pos][spec.lemma] = spec
    return tables["verb"], tables["noun"]


def _trigger_spec(lemma: str, pos: str, type_name: str, entry: dict, source: Path) -> TriggerSpec:
    acled = entry.get("acled")
    if acled is not None and (not isinstance(acled, list) or len(acled) != 2):
        raise DataFileError(str(source), f"{lemma!r}: 'acled' must be [event type, sub-event type]")
    particles = entry.get("with") or []
    return TriggerSpec(
        lemma=lemma,
        pos=pos,
        type=type_name,
        cameo=str(entry.get("cameo") or load_ontology()[type_name].cameo_root),
        acled_event_type=acled[0] if acled else None,
        acled_sub_event_type=acled[1] if acled else None,
        lethal=bool(entry.get("lethal", False)),
        weak=bool(entry.get("weak", False)),
        intransitive=bool(entry.get("intransitive", False)),
        particles=frozenset(str(p).lower() for p in particles),
    )
