"""IndiaPoliceEvents sentences (`sents.jsonl`): every sentence of the articles, with the same five
labels as the documents (KILL, ARREST, FAIL, FORCE, ANY_ACTION), read by the same rule.

One item per sentence, id `doc_id:sent_id`, its text the sentence alone (no context from the article:
what the sentence itself says is what its labels judge). The publication date comes from
`metadata.jsonl` beside the file or, failing that, from the article's first sentence
("This story is from March 10, 2002").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from whodid.evaluate.formats.indiapoliceevents import (
    FIELDS,
    first_record_keys,
    gold_flags,
    json_records,
    metadata_dates,
    police_labels,
    reader_notes,
    repair_text,
    row_problem,
    story_date,
)
from whodid.evaluate.gold import Dropped, GoldItem, GoldSet, ReadOptions
from whodid.records import Event

NAME = "ipe-sents"
SENT_KEYS = frozenset({"doc_id", "sent_id", "sent_text", "sent_labels"})


def sniff(path: Path) -> bool:
    return first_record_keys(path) >= SENT_KEYS


def read(path: Path, options: ReadOptions) -> GoldSet:
    dates = metadata_dates(path.parent / "metadata.jsonl")
    items: list[GoldItem] = []
    dropped: list[Dropped] = []
    seen: set[str] = set()
    for origin, record in json_records(path, SENT_KEYS, NAME, dropped):
        if options.limit is not None and len(items) >= options.limit:
            break
        doc_id, text = str(record["doc_id"]), record["sent_text"]
        text = repair_text(text) if isinstance(text, str) else text
        item_id = f"{doc_id}:{record['sent_id']}"
        if isinstance(text, str) and doc_id not in dates and (header := story_date(text)):
            dates[doc_id] = header  # the article's dateline sentence dates the sentences after it
        gold = gold_flags(record["sent_labels"])
        problem = gold if isinstance(gold, str) else row_problem(item_id, text, seen)
        if problem or isinstance(gold, str):
            dropped.append(Dropped(origin, problem or "unreadable labels"))
            continue
        seen.add(item_id)
        items.append(GoldItem(item_id, text, gold, dates.get(doc_id), origin))
    return GoldSet(
        name=path.stem, format=NAME, fields=FIELDS, items=items, predict=predict, dropped=dropped,
        notes=reader_notes(items),
    )  # fmt: skip


def predict(item: GoldItem, events: list[Event]) -> dict[str, Any]:
    return police_labels(events)
