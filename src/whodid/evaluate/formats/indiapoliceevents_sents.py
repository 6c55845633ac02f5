"""IndiaPoliceEvents sentences (`sents.jsonl`): every sentence of the articles, with the same five
labels as the documents (KILL, ARREST, FAIL, FORCE, ANY_ACTION), read by the same rule.

One item per sentence, id `doc_id:sent_id`, its text the sentence alone (no context from the article:
what the sentence itself says is what its labels judge). The publication date comes from
`metadata.jsonl` beside the file or, failing that, from the article's first sentence
("This story is from March 10, 2002").
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from whodid.evaluate.formats.indiapoliceevents import (
    Unit,
    first_record_keys,
    read_units,
    repair_text,
    story_date,
)
from whodid.evaluate.gold import GoldSet, ReadOptions

NAME = "ipe-sents"
SENT_KEYS = frozenset({"doc_id", "sent_id", "sent_text", "sent_labels"})


def sniff(path: Path) -> bool:
    return first_record_keys(path) >= SENT_KEYS


def read(path: Path, options: ReadOptions) -> GoldSet:
    return read_units(path, options, NAME, SENT_KEYS, _sentence_unit)


def _sentence_unit(record: dict[str, Any], dates: dict[str, date]) -> Unit:
    doc_id = str(record["doc_id"])
    text = repair_text(record["sent_text"]) if isinstance(record["sent_text"], str) else record["sent_text"]
    if isinstance(text, str) and doc_id not in dates and (header := story_date(text)):
        dates[doc_id] = header  # the article's dateline sentence dates the sentences after it
    return Unit(f"{doc_id}:{record['sent_id']}", text, record["sent_labels"], dates.get(doc_id))
