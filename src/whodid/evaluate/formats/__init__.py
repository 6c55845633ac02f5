"""Gold-set readers, one module per format. Each module has `NAME`, `sniff(path) -> bool` (can it be
this format? cheap, for `--format auto`) and `read(path, options) -> GoldSet`."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

from whodid.errors import InputError

# Format name -> module; imported only when used, so one broken reader cannot break the others.
FORMAT_MODULES: dict[str, str] = {
    "seed": "whodid.evaluate.formats.seed",
    "acled": "whodid.evaluate.formats.acled",
    "plover-gsr": "whodid.evaluate.formats.plover_gsr",
    "case2021": "whodid.evaluate.formats.case2021",
    "conflibert-class": "whodid.evaluate.formats.conflibert_class",
    "conflibert-ner": "whodid.evaluate.formats.conflibert_ner",
    "event-location": "whodid.evaluate.formats.event_location",
    "ipe-docs": "whodid.evaluate.formats.indiapoliceevents",
    "ipe-sents": "whodid.evaluate.formats.indiapoliceevents_sents",
    "muc4": "whodid.evaluate.formats.muc4",
}


def format_module(name: str) -> ModuleType:
    if name not in FORMAT_MODULES:
        raise InputError(name, f"unknown gold format; known: {', '.join(FORMAT_MODULES)}")
    return importlib.import_module(FORMAT_MODULES[name])


def guess_format(path: Path) -> str:
    """The first format whose sniffer accepts the path."""
    for name in FORMAT_MODULES:
        try:
            module = format_module(name)
        except ImportError:
            continue
        if module.sniff(path):
            return name
    raise InputError(str(path), f"cannot tell the gold format; give --format ({', '.join(FORMAT_MODULES)})")
