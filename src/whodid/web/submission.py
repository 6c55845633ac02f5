"""Articles sent to the server for coding: their JSON form, and coding then storing them.

Coding (seconds for a long article) happens outside the store's lock, so readers are not held up by it;
only the store's short transaction takes the lock.
"""

from __future__ import annotations

import threading
from contextlib import AbstractContextManager
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from whodid.ingest.articles import Unreadable, build_article, require_text
from whodid.pipeline import ArticleResult, CodedBeforehand, Pipeline, PipelineOptions
from whodid.records import Article, stable_id
from whodid.store import EventStore
from whodid.store.loading import Loaded, load_articles
from whodid.store.views import article_event_ids


class ArticleIn(BaseModel):
    """One article to code. Only `text` is required; `published` (YYYY-MM-DD) anchors relative dates."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article's text (plain text, not HTML).")
    id: str | None = Field(default=None, max_length=200, description="Your id; else one from text and url.")
    title: str | None = Field(default=None, max_length=2_000)
    url: str | None = Field(default=None, max_length=2_000)
    outlet: str | None = Field(default=None, max_length=300)
    published: str | None = Field(default=None, max_length=40, description="YYYY-MM-DD (or an ISO datetime).")
    language: str | None = Field(default=None, max_length=20)


class Submission(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1)


def to_articles(submission: Submission, max_chars: int) -> list[Article]:
    """The submitted articles as records; raises ``ValueError`` naming the article and field at fault."""
    articles = []
    for number, item in enumerate(submission.articles):
        if len(item.text) > max_chars:
            raise ValueError(
                f"articles[{number}].text: {len(item.text):,} characters, over the limit of {max_chars:,}"
            )
        metadata: dict[str, Any] = item.model_dump(exclude={"text"})
        default_id = "api-" + stable_id(item.text, item.url or "", item.outlet or "")
        try:
            article = build_article(metadata, require_text(item.text), default_id, "", None)
        except Unreadable as err:
            raise ValueError(f"articles[{number}].{err}") from err
        article.origin = f"api:{article.id}"
        articles.append(article)
    return articles


class Coding:
    """One pipeline for the server's writes, built on the first write (loading the model takes seconds)."""

    def __init__(self, options: PipelineOptions, pipeline: Pipeline | None = None) -> None:
        self.options = options
        self._pipeline = pipeline
        self._lock = threading.Lock()  # one article through the pipeline at a time

    def code(self, articles: list[Article]) -> list[ArticleResult]:
        with self._lock:
            if self._pipeline is None:
                self._pipeline = self.options.build()
            return list(self._pipeline.run(articles))


def code_and_store(
    articles: list[Article], coding: Coding, access: AbstractContextManager[EventStore]
) -> list[dict[str, Any]]:
    """Code the articles, then (holding the store) store them, and say what became of each, in the
    order sent."""
    results = coding.code(articles)
    with access as store:
        loaded = load_articles(store, CodedBeforehand(results), articles)
        outcomes = {id(outcome.article): outcome for outcome in loaded}
        return [_outcome(store, outcomes[id(article)]) for article in articles]


def _outcome(store: EventStore, loaded: Loaded) -> dict[str, Any]:
    stored = loaded.result
    return {
        "id": loaded.article.id,
        "status": loaded.status,
        "events": article_event_ids(store, loaded.article.id),
        "copy_of": stored.original_id if stored else None,
        "reason": loaded.reason,
    }
