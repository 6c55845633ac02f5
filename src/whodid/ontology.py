"""The PLOVER ontology as data: per type its CAMEO root, quad class and default Goldstein score."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from whodid.data_files import load_yaml_mapping, package_data_path
from whodid.errors import DataFileError
from whodid.records import PLOVER_TYPES


@dataclass(frozen=True, slots=True)
class EventTypeInfo:
    name: str
    cameo_root: str
    quad_class: int
    goldstein: float
    summary: str


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
            )
        except (KeyError, TypeError, ValueError) as error:
            raise DataFileError(str(source), f"type {name}: bad or missing field ({error})") from error
    return ontology


@dataclass(frozen=True, slots=True)
class AcledRules:
    """PLOVER type, mode and actor types -> ACLED event type and sub-event type (data/ontology/acled.yaml)."""

    by_mode: dict[str, dict[str, tuple[str, str]]]
    by_type: dict[str, tuple[str, str]]
    assault_on_civilians: tuple[str, str]
    assault_between_armed: tuple[str, str]
    civilian_inters: frozenset[int]
    armed_inters: frozenset[int]

    def categorise(
        self, event_type: str, mode: str | None, source_inters: set[int], target_inters: set[int]
    ) -> tuple[str, str] | None:
        if mode is not None and (category := self.by_mode.get(event_type, {}).get(mode)) is not None:
            return category
        if event_type == "ASSAULT":
            if target_inters & self.civilian_inters:
                return self.assault_on_civilians
            if source_inters & self.armed_inters and target_inters & self.armed_inters:
                return self.assault_between_armed
            return None
        return self.by_type.get(event_type)


@lru_cache(maxsize=1)
def load_acled_rules(path: Path | None = None) -> AcledRules:
    source = path or package_data_path("ontology/acled.yaml")
    raw = load_yaml_mapping(source)

    def pair(value: object, where: str) -> tuple[str, str]:
        if not (isinstance(value, list) and len(value) == 2):
            raise DataFileError(str(source), f"{where}: expected [event type, sub-event type]")
        return (str(value[0]), str(value[1]))

    try:
        return AcledRules(
            by_mode={
                t: {m: pair(v, f"{t}.{m}") for m, v in modes.items()} for t, modes in raw["by_mode"].items()
            },
            by_type={t: pair(v, t) for t, v in raw["by_type"].items()},
            assault_on_civilians=pair(raw["assault_on_civilians"], "assault_on_civilians"),
            assault_between_armed=pair(raw["assault_between_armed"], "assault_between_armed"),
            civilian_inters=frozenset(int(code) for code in raw["civilian_inters"]),
            armed_inters=frozenset(int(code) for code in raw["armed_inters"]),
        )
    except (KeyError, AttributeError, TypeError, ValueError) as error:
        raise DataFileError(str(source), f"bad or missing field ({error})") from error
