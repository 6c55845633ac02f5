"""whodid: who did what to whom, where and when, and who says so — event data from news text.

>>> import whodid
>>> events = whodid.extract("Rebels attacked an army post in Goma on Monday.", published="2024-05-08")
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from whodid.pipeline import ArticleResult, Pipeline
from whodid.records import Actor, Article, Event, Place

__all__ = ["Actor", "Article", "ArticleResult", "Event", "Pipeline", "Place", "extract"]
__version__ = "0.1.0"


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline()


def extract(text: str, published: date | str | None = None) -> list[Event]:
    """Coded events of one text; `published` (a date or ISO string) anchors relative dates."""
    if isinstance(published, str):
        published = date.fromisoformat(published)
    return _default_pipeline().extract(text, published)
