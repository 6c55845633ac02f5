"""Storing a batch: what the batch holds and what the store holds are matched alike, so where one batch
ends and the next begins changes nothing in the store."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from test_loading import corpus_articles

from whodid.pipeline import CodedBeforehand
from whodid.records import Article
from whodid.store import EventStore
from whodid.store.loading import load_articles


def _store_shape(store: EventStore) -> tuple[set[frozenset[str]], dict[str, tuple[int, int]]]:
    """Each event as the set of its mentions, and each event's reports and independent sources."""
    grouped: dict[str, set[str]] = {}
    for mention_id, event_id in store.db.fetchall("SELECT mention_id, event_id FROM mentions"):
        grouped.setdefault(event_id, set()).add(mention_id)
    counts = {
        event_id: (reports, sources)
        for event_id, reports, sources in store.db.fetchall(
            "SELECT event_id, mention_count, independent_sources FROM events"
        )
    }
    return {frozenset(mentions) for mentions in grouped.values()}, counts


def test_where_batches_end_changes_nothing_in_the_store(pipeline) -> None:
    originals = corpus_articles()
    # Each report told again by two more outlets in their own words' order: many events of one type,
    # place and date, so matches tie and the earliest stored must win whatever the batch holds.
    retold = [
        replace(
            article,
            id=f"{article.id}-{outlet}",
            outlet=f"Outlet {outlet}",
            url=None,
            text="\n\n".join(reversed(article.text.split("\n\n"))) + f"\n\nFiled by desk {outlet}.",
        )
        for outlet in ("b", "c")
        for article in originals
    ]
    corpus = [*originals, *retold]
    coded = CodedBeforehand(pipeline.run(corpus))
    shapes = []
    for batch_size in (1, 7, len(corpus)):
        with EventStore(":memory:") as store:
            list(load_articles(store, coded, corpus, batch_size=batch_size))
            shapes.append(_store_shape(store))
    assert shapes[0] == shapes[1] == shapes[2]
    grouped, _ = shapes[0]
    assert any(len(mentions) >= 3 for mentions in grouped)  # reports did merge across outlets


def test_a_tie_goes_to_the_earliest_stored_event_even_one_the_batch_has_joined(pipeline) -> None:
    """Two stored events (Indian and Pakistani police: they cannot be one) tie for a report naming only
    "police". A report of the first joins it in the same batch before the tie is decided: the first is
    still the earliest stored, and wins, as it does when each report is a batch of its own."""
    texts = [
        ("indian", "Indian police attacked protesters in Vadodara."),
        ("pakistani", "Pakistani police attacked protesters in Vadodara."),
        ("witnesses", "Indian police attacked protesters in Vadodara, witnesses said."),
        ("plain", "Police attacked protesters in Vadodara."),
    ]
    corpus = [Article(id=key, text=text, outlet=key, published=date(2024, 5, 6)) for key, text in texts]
    coded = CodedBeforehand(pipeline.run(corpus))
    joined_by_plain = []
    for batch_size in (1, 2):
        with EventStore(":memory:") as store:
            list(load_articles(store, coded, corpus, batch_size=batch_size))
            [(event_id,)] = store.db.fetchall("SELECT event_id FROM mentions WHERE article_id = 'plain'")
            joined_by_plain.append(
                {
                    row[0]
                    for row in store.db.fetchall(
                        "SELECT article_id FROM mentions WHERE event_id = ?", [event_id]
                    )
                }
            )
    assert joined_by_plain == [{"indian", "witnesses", "plain"}] * 2
