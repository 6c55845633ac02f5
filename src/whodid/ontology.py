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
