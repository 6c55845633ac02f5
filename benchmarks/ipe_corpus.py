"""A corpus of distinct real articles of any size, built from the IndiaPoliceEvents articles.

The articles are read from ../shared at run time; nothing of them is copied into the repository.
Round 0 is the 1,257 articles as they are; each later round pairs the first half of one article with the
second half of another (a different pairing per round), so every text is new, shares at most about half
of its word 5-grams with any other, and is not a republished copy. Each round has its own outlet. With
`years_apart`, each round is also published a year after the one before, as a corpus spanning years
would be, so a round's events meet few stored events of the same weeks; without it, the whole corpus
falls in 2002, as the original articles do.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from whodid.evaluate.formats import indiapoliceevents
from whodid.evaluate.gold import ReadOptions
from whodid.records import Article

DEFAULT_SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
DOCS_RELATIVE = Path("data") / "dev" / "indiapoliceevents" / "docs.jsonl"
# Round r pairs article i with article i + step: 17 rounds, 21,369 articles at most.
PAIRING_STEPS = (0, 37, 101, 211, 307, 401, 503, 601, 709, 809, 907, 1009, 1103, 1201, 97, 157, 263)


def build_corpus(shared: Path, count: int, years_apart: bool = False) -> list[Article]:
    docs = shared / DOCS_RELATIVE
    if not docs.is_file():
        sys.exit(f"the IndiaPoliceEvents articles {docs} are absent; pass --shared PATH")
    items = indiapoliceevents.read(docs, ReadOptions()).items
    base = [Article(id=item.id, text=item.text, published=item.published) for item in items]
    if count > len(base) * len(PAIRING_STEPS):
        sys.exit(f"at most {len(base) * len(PAIRING_STEPS)} articles can be built, not {count}")
    corpus: list[Article] = []
    for round_number, step in enumerate(PAIRING_STEPS):
        for index, article in enumerate(base):
            if len(corpus) == count:
                return corpus
            text = article.text
            if step:
                other = base[(index + step) % len(base)].text
                text = text[: len(text) // 2] + "\n" + other[len(other) // 2 :]
            published = article.published
            if years_apart and published is not None:
                published = _years_later(published, round_number)
            corpus.append(replace(article, id=f"{article.id}-r{round_number}", text=text,
                                  outlet=f"Outlet {round_number}", published=published))  # fmt: skip
    return corpus


def write_jsonl(corpus: list[Article], path: Path) -> None:
    """The corpus as whodid's JSON Lines input."""
    with path.open("w", encoding="utf-8") as out:
        for article in corpus:
            record = {"id": article.id, "text": article.text, "outlet": article.outlet}
            if article.published is not None:
                record["published"] = article.published.isoformat()
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _years_later(day: date, years: int) -> date:
    return day.replace(year=day.year + years, day=min(day.day, 28) if day.month == 2 else day.day)
