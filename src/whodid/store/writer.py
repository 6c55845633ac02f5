"""A batch of articles written in one transaction, events merged as each article arrives.

Both engines pay far more for each statement than for each row, so the batch keeps its rows and writes
them together when it ends; until then every look-up sees the store and what the batch holds, so the
tenth article of a batch can join an event the third one started.

Storing one article: it is first checked for republication (the same text, or a MinHash-near copy,
makes it a copy of the earliest stored one); its mentions are grouped by happening; each group joins the
event it agrees with (for a copy, the original's event whose sentence it repeats), or starts one; every
event touched is recombined from all its mentions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from whodid import republication
from whodid.consolidate import (
    COPY_SENTENCE_OVERLAP,
    SEARCH_WINDOW_DAYS,
    Facts,
    Source,
    best_match,
    combine,
    copy_compatible,
    facts_of,
    group_article_mentions,
    sentence_overlap,
)
from whodid.errors import StoreError
from whodid.records import Article, Event, as_date, stable_id
from whodid.republication import Signature
from whodid.store import rows
from whodid.store.backends import Database
from whodid.store.candidates import CandidateCache, WrittenEvent, month_of, months_between

Record = dict[str, Any]
ARTICLES_KEPT = 100_000  # article facts held at once by a store; the cache starts afresh beyond


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What counting an event's sources needs of an article; it never changes once stored."""

    outlet: str | None
    original_id: str | None
    published: date | None


UNKNOWN_ARTICLE = ArticleInfo(None, None, None)


@dataclass(slots=True)
class _Known:
    """What the store held, as a batch began, of the batch's articles."""

    signatures: dict[str, Signature]  # content hash -> the text's MinHash signature
    band_keys: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # content hash -> its keys
    keys: set[str] = field(default_factory=set)  # ingest keys already stored
    ids: set[str] = field(default_factory=set)  # article ids already taken
    originals: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # hash -> (original, order)
    sharing: dict[int, set[str]] = field(default_factory=dict)  # MinHash bucket -> stored articles in it
    # Stored articles that share a bucket with one of the batch's: id -> (original, signature, order).
    near: dict[str, tuple[str, Signature, int]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Held:
    """What a store holds of an article before it is ingested."""

    stored: bool  # this text from this address is stored: nothing to do
    original: str | None  # the stored original of this very text (from any address), if any


@dataclass(frozen=True, slots=True)
class StoredTexts:
    """What the store holds of some articles' texts, read in one look-up."""

    keys: set[str]  # ingest keys (text and address) already stored
    originals: dict[str, list[tuple[str, int]]]  # content hash -> (original id, added order) per copy

    def held(self, article: Article) -> Held:
        original = earliest(self.originals.get(article.content_hash, ()))
        return Held(rows.ingest_key(article) in self.keys, original)


def stored_texts(db: Database, articles: Sequence[Article]) -> StoredTexts:
    """Which of the articles are stored, and the stored originals of their texts: two statements for
    all of them."""
    keys = sorted({rows.ingest_key(article) for article in articles})
    held = {key for (key,) in db.fetchall_in("SELECT ingest_key FROM articles WHERE ingest_key IN", keys)}
    hashes = sorted({article.content_hash for article in articles})
    originals: dict[str, list[tuple[str, int]]] = {}
    sql = "SELECT content_hash, coalesce(original_id, id), added_order FROM articles WHERE content_hash IN"
    for content_hash, original, order in db.fetchall_in(sql, hashes):
        originals.setdefault(content_hash, []).append((original, order))
    return StoredTexts(held, originals)


def earliest(originals: Sequence[tuple[str, int]]) -> str | None:
    """The original a text republishes: that of the first article stored with it."""
    return min(originals, key=lambda found: found[1])[0] if originals else None


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """What storing one article did."""

    stored: bool  # False: the same text from the same address was already stored
    original_id: str | None = None  # the article it republishes, if any
    similarity: float | None = None
    new_events: int = 0
    joined_events: int = 0  # events already stored that this article's mentions joined


@dataclass(slots=True)
class _Event:
    """An event the batch has written or rewritten."""

    record: Record
    values: list[Any]  # its events row
    facts: Facts
    ref_date: date | None
    stored_before: bool  # in the store before this batch: updated, not inserted
    mentions: list[tuple[Record, Source]]


@dataclass(frozen=True, slots=True)
class _Head:
    """A group of one article's mentions combined into one record, and what matching reads of it."""

    record: Record
    facts: Facts


@dataclass(slots=True)
class BatchWriter:
    db: Database
    articles: dict[str, ArticleInfo]  # the store's cache of article facts, shared across batches
    candidates: CandidateCache  # the store's stored events by type and month, shared across batches
    keys: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    originals_by_hash: dict[str, str] = field(default_factory=dict)
    signatures: dict[str, tuple[str, Signature]] = field(default_factory=dict)  # id -> (original, sig)
    buckets: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    mentions_by_article: dict[str, list[tuple[str, Record]]] = field(default_factory=dict)
    events: dict[str, _Event] = field(default_factory=dict)
    held_order: dict[str, int] = field(default_factory=dict)  # event id -> when the batch first held it
    # (type, month) -> the held events dated in it: a batch of hundreds of articles holds thousands
    events_by_month: dict[tuple[str, int], dict[str, None]] = field(default_factory=dict)
    stories: dict[str, list[tuple[str, Record]]] = field(default_factory=dict)  # see _stored_story
    article_rows: list[list[Any]] = field(default_factory=list)
    band_rows: list[tuple[int, int, str]] = field(default_factory=list)
    sentence_rows: list[list[Any]] = field(default_factory=list)
    mention_rows: list[list[Any]] = field(default_factory=list)
    orders: dict[str, int] = field(default_factory=dict)  # event id -> added_order, once stored
    known: _Known | None = None  # what the store held of the batch's articles (see `look_up`)

    # -- what the store and the batch hold ------------------------------------------------------------

    def look_up(self, articles: Sequence[Article], signatures: Mapping[str, Signature] | None = None) -> None:
        """Ask the store once for what it holds of all of a batch's articles (their keys, ids, texts,
        MinHash buckets and the signatures of the stored articles that share one) rather than for each:
        the store does not change until the batch is written, and each statement costs far more than its
        rows. Articles looked up before are not asked for again. `signatures` (content hash -> MinHash
        signature) are those already computed."""
        known = self.known or _Known({})
        fresh = [article for article in articles if article.content_hash not in known.signatures]
        given = signatures or {}
        for article in fresh:
            content_hash = article.content_hash
            found = given.get(content_hash)
            signature = republication.signature(article.text) if found is None else found
            known.signatures[content_hash] = signature
            known.band_keys[content_hash] = republication.band_keys(signature)
        texts = stored_texts(self.db, fresh)
        known.keys |= texts.keys
        for content_hash, found in texts.originals.items():
            known.originals.setdefault(content_hash, []).extend(found)
        ids = sorted({article.id for article in fresh})
        known.ids |= {found for (found,) in self.db.fetchall_in("SELECT id FROM articles WHERE id IN", ids)}
        buckets = sorted({bucket for article in fresh for _, bucket in known.band_keys[article.content_hash]})
        sql = "SELECT bucket, article_id FROM article_bands WHERE bucket IN"
        for bucket, article_id in self.db.fetchall_in(sql, buckets):
            known.sharing.setdefault(bucket, set()).add(article_id)
        sharing = {article_id for found in known.sharing.values() for article_id in found}
        sql = "SELECT id, coalesce(original_id, id), minhash, added_order FROM articles WHERE id IN"
        for article_id, original, stored, order in self.db.fetchall_in(
            sql, sorted(sharing - known.near.keys())
        ):
            if stored is not None:
                known.near[article_id] = (original, republication.signature_from_bytes(bytes(stored)), order)
        self.known = known

    def is_stored(self, article: Article) -> bool:
        """Whether this text from this address is stored, or held by the batch (after `look_up`)."""
        key = rows.ingest_key(article)
        return key in self.keys or key in self._known_of(article).keys

    def exact_original(self, article: Article) -> str | None:
        """The original of a stored text, or of one the batch holds (after `look_up`)."""
        if article.content_hash in self.originals_by_hash:
            return self.originals_by_hash[article.content_hash]
        return earliest(self._known_of(article).originals.get(article.content_hash, []))

    def _known_of(self, article: Article) -> _Known:
        """What the store holds of an article: from the batch's look-up, or looked up alone."""
        if self.known is None or article.content_hash not in self.known.signatures:
            self.look_up([article])
        assert self.known is not None
        return self.known

    # -- storing one article --------------------------------------------------------------------------

    def add(self, article: Article, events: Sequence[Event] | None) -> StoredArticle:
        known = self._known_of(article)
        if self.is_stored(article):
            return StoredArticle(stored=False)
        if article.id in self.ids or article.id in known.ids:
            raise StoreError(
                f"an article with id {article.id!r} but another text or address is already stored in "
                f"{self.db.location}; give each article its own id"
            )
        signature = known.signatures[article.content_hash]
        keys = known.band_keys[article.content_hash]
        original_id, similarity = self._original_of(article, signature, keys, known)
        if events is None and (original_id is None or similarity != 1.0):
            raise StoreError(f"article {article.id!r} is not a copy of a stored text: code it first")
        self._hold_article(article, signature, keys, original_id, similarity)
        if events is None:
            records = self._repeated_mentions(article, original_id or "")
        else:
            records = [event.to_dict() for event in events]
        new, joined = self._add_mentions(article, records, original_id)
        return StoredArticle(True, original_id, similarity, new, joined)

    def _hold_article(
        self,
        article: Article,
        signature: Signature,
        keys: list[tuple[int, int]],
        original_id: str | None,
        similarity: float | None,
    ) -> None:
        self.keys.add(rows.ingest_key(article))
        self.ids.add(article.id)
        self.originals_by_hash.setdefault(article.content_hash, original_id or article.id)
        self.signatures[article.id] = (original_id or article.id, signature)
        for band, bucket in keys:
            self.buckets.setdefault((band, bucket), []).append(article.id)
            self.band_rows.append((band, bucket, article.id))
        self.article_rows.append(rows.article_row(article, original_id, similarity, signature))
        self.articles[article.id] = ArticleInfo(article.outlet, original_id, article.published)
        if original_id is not None:
            self.remember_articles({original_id})

    def _original_of(
        self, article: Article, signature: Signature, keys: list[tuple[int, int]], known: _Known
    ) -> tuple[str | None, float | None]:
        """The article this one republishes (exactly, or near enough by MinHash) and how alike they are."""
        exact = self.exact_original(article)
        if exact is not None:
            return exact, 1.0
        if not keys:
            return None, None
        # The stored articles first, in the order they were stored, then the batch's: on a tie the
        # earliest wins, as it would once the batch is stored. Buckets are 64-bit hashes: matching on
        # the bucket alone finds the same articles as on both.
        candidates: dict[str, tuple[str, Signature]] = {}
        sharing = {article_id for _, bucket in keys for article_id in known.sharing.get(bucket, ())}
        near = sorted((known.near[found][2], found) for found in sharing if found in known.near)
        for _, article_id in near:
            original, stored_signature, _ = known.near[article_id]
            candidates[article_id] = (original, stored_signature)
        for key in keys:
            for article_id in self.buckets.get(key, []):
                candidates.setdefault(article_id, self.signatures[article_id])
        best: tuple[str | None, float | None] = (None, None)
        for original, stored_signature in candidates.values():
            similarity = republication.estimated_similarity(signature, stored_signature)
            if similarity >= republication.COPY_THRESHOLD and similarity > (best[1] or 0.0):
                best = (original, round(similarity, 4))
        return best

    def _repeated_mentions(self, article: Article, original_id: str) -> list[Record]:
        """An exact copy's mentions: its original's, told again by this article."""
        held = self.mentions_by_article.get(original_id)
        if held is not None:
            found = [dict(record) for _, record in held]
        else:
            found = [
                rows.load_json(record)
                for (record,) in self.db.fetchall(
                    "SELECT record FROM mentions WHERE article_id = ? ORDER BY added_order", [original_id]
                )
            ]
            # A record too old to read (see rows.backfill_version_3) has nothing a copy could repeat.
            found = [record for record in found if "type" in record and "event_id" in record]
        for record in found:
            record["event_id"] = stable_id(article.id, record["event_id"])
            record["article_id"] = article.id
            record["reports"] = [
                {**report, "article_id": article.id, "outlet": article.outlet}
                for report in record.get("reports") or []
            ]
        return found

    def _add_mentions(
        self, article: Article, records: list[Record], original_id: str | None
    ) -> tuple[int, int]:
        """Group the article's mentions by happening; join each group to its event or start one."""
        self.sentence_rows += rows.sentence_rows(article.id, records)
        groups: dict[str, list[Record]] = {}  # event id -> this article's mentions of it
        joined: set[str] = set()
        started: dict[str, _Head] = {}  # a new event -> its group as one record, combined once
        for group in group_article_mentions(records):
            members = [records[index] for index in group]
            head = self._head(article, members)
            event_id = self._event_for(article, head, members, original_id)
            if event_id is None:
                event_id = members[0]["event_id"]  # a new article's mention id is stored nowhere yet
                started[event_id] = head
            else:
                joined.add(event_id)
            groups.setdefault(event_id, []).extend(members)
        here = self.source(article.id)
        held = self.mentions_by_article.setdefault(article.id, [])
        for event_id, members in groups.items():
            earlier = self._mentions_of(event_id) if event_id in joined else []
            mentions = [*earlier, *((record, here) for record in members)]
            held += [(event_id, record) for record in members]
            self.mention_rows += [rows.mention_row(record, event_id) for record in members]
            # A joined event the batch does not hold was found in the store.
            held_before = self.events.get(event_id)
            stored_before = held_before.stored_before if held_before else event_id in joined
            # The head of a new original's group is the event: its source is this article alone.
            head = started.get(event_id) if original_id is None else None
            self._hold_event(event_id, mentions, article.published, stored_before, head)
        return len(groups) - len(joined), len(joined)

    def _hold_event(
        self,
        event_id: str,
        mentions: list[tuple[Record, Source]],
        published: date | None,
        stored_before: bool,
        head: _Head | None = None,
    ) -> None:
        if head is None:
            record = combine(mentions, event_id)
            facts = facts_of(record)
        else:
            record, facts = {**head.record, "event_id": event_id}, head.facts
        first = self.articles.get(mentions[0][1].article_id, UNKNOWN_ARTICLE).published
        ref_date = as_date(record.get("date")) or first or published
        values = rows.event_row(record, ref_date, len({source.article_id for _, source in mentions}))
        if event_id not in self.events:
            self.held_order[event_id] = len(self.held_order)
        if ref_date is not None:  # filed under each month it has been dated in; matching checks the last
            self.events_by_month.setdefault((facts.type, month_of(ref_date)), {})[event_id] = None
        self.events[event_id] = _Event(record, values, facts, ref_date, stored_before, mentions)

    def _mentions_of(self, event_id: str) -> list[tuple[Record, Source]]:
        """Every mention of an event so far, in the order they were stored."""
        if event_id in self.events:
            return list(self.events[event_id].mentions)
        found = self.db.fetchall(
            "SELECT record, article_id FROM mentions WHERE event_id = ? ORDER BY added_order", [event_id]
        )
        self.remember_articles({article_id for _, article_id in found})
        return [(rows.load_json(record), self.source(article_id)) for record, article_id in found]

    @staticmethod
    def _head(article: Article, members: list[Record]) -> _Head:
        record = combine([(member, Source(article.id, article.outlet, None, None)) for member in members], "")
        return _Head(record, facts_of(record))

    def _event_for(
        self, article: Article, head: _Head, members: list[Record], original_id: str | None
    ) -> str | None:
        """The event, stored or held, that a group of one article's mentions reports, if any."""
        facts = head.facts
        if original_id is not None:
            repeated = self._event_in_original(facts, members, original_id)
            if repeated is not None:
                return repeated
        reference = facts.date or article.published
        if reference is None:
            return None
        # Every candidate in the order it was (or will be) stored, as if the batch were committed: a
        # stored event the batch has rewritten keeps its place, and the tie goes the same way whatever
        # the batch's bounds.
        ranked: list[tuple[tuple[int, int], str, Facts]] = []
        for candidate in self.candidates.candidates(self.db, facts, reference):
            self.orders[candidate.event_id] = candidate.order
            if candidate.event_id not in self.events:
                ranked.append(((0, candidate.order), candidate.event_id, candidate.facts))
        ranked += [
            (self._rank(event_id), event_id, held.facts)
            for event_id in self._held_near(facts.type, reference)
            for held in [self.events[event_id]]
            if held.ref_date is not None
            and abs((held.ref_date - reference).days) <= SEARCH_WINDOW_DAYS
            and (not facts.country or held.facts.country in (None, facts.country))
        ]
        ranked.sort(key=lambda item: item[0])
        return best_match(facts, [(event_id, found) for _, event_id, found in ranked], same_article=False)

    def _held_near(self, event_type: str, reference: date) -> set[str]:
        """The held events of a type filed under a month near `reference`."""
        window = timedelta(days=SEARCH_WINDOW_DAYS)
        return {
            event_id
            for month in months_between(reference - window, reference + window)
            for event_id in self.events_by_month.get((event_type, month), ())
        }

    def _rank(self, event_id: str) -> tuple[int, int]:
        """Where a held event stands among candidates: a stored one at its added order, a new one after
        every stored event, in the order the batch first held them."""
        if not self.events[event_id].stored_before:
            return (1, self.held_order[event_id])
        if event_id not in self.orders:  # joined as a copy's event, not found as a candidate
            self.orders.update(self._added_order([event_id]))
        return (0, self.orders[event_id])

    def _event_in_original(self, facts: Facts, members: list[Record], original_id: str) -> str | None:
        """For a copy: the event of its original (or another copy) whose sentence this group repeats."""
        sentences = [(record.get("evidence") or {}).get("sentence") or "" for record in members]
        best_id, best_overlap = None, COPY_SENTENCE_OVERLAP
        for event_id, record in self._story_mentions(original_id, facts.type):
            if not copy_compatible(facts, facts_of(record)):
                continue
            sentence = (record.get("evidence") or {}).get("sentence") or ""
            overlap = max(sentence_overlap(mine, sentence) for mine in sentences)
            if overlap > best_overlap:
                best_id, best_overlap = event_id, overlap
        return best_id

    def _story_mentions(self, original_id: str, event_type: str) -> list[tuple[str, Record]]:
        """The mentions of one type in an original and its copies: (event id, record), stored first."""
        found = [(event_id, record) for event_id, record in self._stored_story(original_id)
                 if record["type"] == event_type]  # fmt: skip
        for article_id, held in self.mentions_by_article.items():
            if (
                article_id == original_id
                or self.articles.get(article_id, UNKNOWN_ARTICLE).original_id == original_id
            ):
                found += [(event_id, record) for event_id, record in held if record["type"] == event_type]
        return found

    def _stored_story(self, original_id: str) -> list[tuple[str, Record]]:
        """The stored mentions of an original and its copies, read once a batch: the store does not change
        until the batch is written."""
        if original_id in self.stories:
            return self.stories[original_id]
        story = [
            row[0]
            for row in self.db.fetchall(
                "SELECT id FROM articles WHERE id = ? OR original_id = ?", [original_id, original_id]
            )
        ]
        found: list[tuple[str, Record]] = []
        if story:
            marks = ", ".join("?" for _ in story)
            found = [
                (event_id, rows.load_json(record))
                for event_id, record in self.db.fetchall(
                    f"SELECT event_id, record FROM mentions WHERE article_id IN ({marks}) "
                    "ORDER BY added_order",
                    story,
                )
            ]
            # A record too old to read (see rows.backfill_version_3) cannot be matched: its type is
            # only in its column.
            found = [(event_id, record) for event_id, record in found if "type" in record]
        self.stories[original_id] = found
        return found

    # -- sources --------------------------------------------------------------------------------------

    def source(self, article_id: str) -> Source:
        info = self.articles.get(article_id, UNKNOWN_ARTICLE)
        original = self.articles.get(info.original_id, UNKNOWN_ARTICLE) if info.original_id else None
        return Source(article_id, info.outlet, info.original_id, original.outlet if original else None)

    def remember_articles(self, article_ids: set[str]) -> None:
        """Keep what sources need of these articles (and of their originals) at hand."""
        for _ in range(2):  # the articles, then the originals they name
            missing = sorted(article_id for article_id in article_ids if article_id not in self.articles)
            if missing:
                if len(self.articles) > ARTICLES_KEPT:
                    self.articles.clear()
                sql = "SELECT id, outlet, original_id, published FROM articles WHERE id IN"
                for article_id, outlet, original_id, published in self.db.fetchall_in(sql, missing):
                    self.articles[article_id] = ArticleInfo(outlet, original_id, published)
            article_ids = {
                info.original_id
                for info in map(self.articles.get, article_ids)
                if info is not None and info.original_id
            }

    # -- writing it all -------------------------------------------------------------------------------

    def flush(self) -> None:
        """Write every row the batch holds (the caller commits)."""
        self.db.insert_rows(rows.ARTICLES_HEAD, self.article_rows)
        self.db.insert_rows(rows.BANDS_HEAD, self.band_rows)
        self.db.insert_rows(rows.SENTENCES_HEAD, self.sentence_rows, rows.SENTENCES_TAIL)
        self.db.insert_rows(rows.MENTIONS_HEAD, self.mention_rows)
        new = [event_id for event_id, held in self.events.items() if not held.stored_before]
        rewritten = [event_id for event_id, held in self.events.items() if held.stored_before]
        self.db.insert_rows(rows.EVENTS_HEAD, [self.events[event_id].values for event_id in new])
        if rewritten:
            # One DELETE and one INSERT for the batch, not an UPDATE an event; each keeps its place in
            # the order events were first stored (most were read with it when they were matched).
            self.orders.update(
                self._added_order([event_id for event_id in rewritten if event_id not in self.orders])
            )
            marks = ", ".join("?" for _ in rewritten)
            self.db.execute(f"DELETE FROM events WHERE event_id IN ({marks})", rewritten)
            self.db.insert_rows(
                rows.EVENTS_WITH_ORDER_HEAD,
                [[*self.events[event_id].values, self.orders[event_id]] for event_id in rewritten],
            )
        self.orders.update(self._added_order(new))
        rows.write_links(self.db, [held.record for held in self.events.values()], rewritten=rewritten)

    def _added_order(self, event_ids: Sequence[str]) -> dict[str, int]:
        return dict(
            self.db.fetchall_in("SELECT event_id, added_order FROM events WHERE event_id IN", event_ids)
        )

    def written(self) -> list[WrittenEvent]:
        """The events this batch inserted or rewrote, once flushed."""
        return [
            WrittenEvent(event_id, held.facts, held.ref_date, self.orders[event_id])
            for event_id, held in self.events.items()
        ]
