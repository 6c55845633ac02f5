"""What a reader looks at in a store: pages of events, map points, counts over time, the actor network,
one event with the evidence behind it, and lists of actors, places and articles.

Every function reads through `EventStore.db` with parameterised SQL that both engines run, bounds what
it returns, and gives JSON-ready dicts (dates as ISO strings): the REST API serves them as they are, and
a Python user gets the same answers without a server.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from whodid.evidence import marks, segments, window_around
from whodid.store import rows
from whodid.store.event_store import EventStore, actor_names
from whodid.store.query import EventQuery, actor_condition, literal_like

MAX_PAGE = 500  # events, actors, places or articles in one page
MAX_POINTS = 200_000  # events on one map
MAX_ACTORS = 300  # actors in one network
MAX_REPORTS = 100  # reports listed with one event
EVIDENCE_CHARS = 60_000  # of an article's text around the mention shown as evidence
BUCKETS = ("day", "week", "month", "year")
MAX_BUCKETS = 1_500  # time steps of a timeline: a longer span is counted in coarser steps
_BUCKET_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}
_PAGE_COLUMNS = (
    "event_id", "type", "mode", "acled_event_type", "acled_sub_event_type", "date", "date_precision",
    "factuality", "fatalities", "injured", "arrested", "participants", "place_name", "admin1", "country",
    "lat", "lon", "independent_sources", "mention_count", "article_count", "confidence",
)  # fmt: skip
_ARTICLE_COLUMNS = ("id", "title", "url", "outlet", "published", "language", "original_id")
_ARTICLE_SELECT = ", ".join(f"a.{name}" for name in _ARTICLE_COLUMNS)


def summary(store: EventStore) -> dict[str, Any]:
    """How much the store holds, the span of its dates, and its event types with their counts."""
    first, last = store.db.fetchone('SELECT min("date"), max("date") FROM events') or (None, None)
    types = store.db.fetchall(
        'SELECT "type", count(*) FROM events GROUP BY "type" ORDER BY count(*) DESC, "type"'
    )
    return {
        "events": store.count_events(),
        "mentions": store.count_mentions(),
        "articles": store.count_articles(),
        "first_date": _iso(first),
        "last_date": _iso(last),
        "types": [{"type": name, "events": int(count)} for name, count in types],
    }


def event_page(store: EventStore, query: EventQuery) -> dict[str, Any]:
    """One page of the events that pass the query, flat, with their actors' names, and the total."""
    query = replace(query, limit=min(query.limit or 50, MAX_PAGE))
    (total,) = store.db.fetchone(*query.count_sql()) or (0,)
    sql, params = query.sql(", ".join(f'"{name}"' for name in _PAGE_COLUMNS) + ", record")
    events = []
    for row in store.db.fetchall(sql, params):
        event = {name: _plain(value) for name, value in zip(_PAGE_COLUMNS, row, strict=False)}
        record = rows.load_json(row[-1])
        event["source"] = actor_names(record.get("source"))
        event["target"] = actor_names(record.get("target"))
        event["attributed_to"] = _claim(record)["attributed_to"]
        events.append(event)
    return {"total": int(total), "limit": query.limit, "offset": query.offset, "events": events}


def map_points(store: EventStore, query: EventQuery, limit: int = MAX_POINTS) -> dict[str, Any]:
    """The placed events that pass the query, as columns (a map of 50,000 events is a few lists, not
    50,000 objects). Days count from 1970-01-01; types index into `types`."""
    limit = max(1, min(limit, MAX_POINTS))
    where, params = query.where(also="lat IS NOT NULL AND lon IS NOT NULL")
    # Rounding, day numbers and defaults in SQL, columns straight from the engine: 50,000 rows in ms.
    ids, lat, lon, names, days, sources = store.db.fetch_lists(
        "SELECT event_id, round(lat * 100000) / 100000, round(lon * 100000) / 100000, "
        '"type", "date" - DATE \'1970-01-01\', '
        f"coalesce(independent_sources, 1) FROM events{where} ORDER BY added_order LIMIT ?",
        [*params, limit + 1],
    )
    truncated = len(ids) > limit
    ids, lat, lon, names, days, sources = (column[:limit] for column in (ids, lat, lon, names, days, sources))
    types: dict[str, int] = {}
    return {
        "ids": ids,
        "lat": lat,
        "lon": lon,
        "type": [types.setdefault(name, len(types)) for name in names],
        "day": days,
        "sources": sources,
        "types": list(types),
        "truncated": truncated,
    }


def counts_over_time(store: EventStore, query: EventQuery, bucket: str | None = None) -> dict[str, Any]:
    """Dated events that pass the query, counted by type per day, week, month or year: the coarsest
    step asked for or needed to keep the timeline under `MAX_BUCKETS` steps."""
    if bucket is not None and bucket not in BUCKETS:
        raise ValueError(f"bucket must be one of {', '.join(BUCKETS)}, not {bucket!r}")
    where, params = query.where(also='"date" IS NOT NULL')
    first, last = store.db.fetchone(f'SELECT min("date"), max("date") FROM events{where}', params) or (
        None,
        None,
    )
    step = _bucket_for(first, last, bucket)
    found = store.db.fetchall(
        f'SELECT CAST(date_trunc(\'{step}\', "date") AS DATE) AS step, "type", count(*) FROM events{where} '
        'GROUP BY step, "type" ORDER BY step, "type"',
        params,
    )
    undated_where, undated_params = query.where(also='"date" IS NULL')
    (undated,) = store.db.fetchone(f"SELECT count(*) FROM events{undated_where}", undated_params) or (0,)
    return {
        "bucket": step,
        "counts": [{"date": _iso(day), "type": kind, "events": int(count)} for day, kind, count in found],
        "undated": int(undated),
    }


def actor_network(store: EventStore, query: EventQuery, max_actors: int = 60) -> dict[str, Any]:
    """Who acts on whom among the events that pass the query: the `max_actors` actors in most events,
    and the source -> target links between them weighted by events."""
    max_actors = max(1, min(max_actors, MAX_ACTORS))
    chosen, params = query.where()
    nodes = store.db.fetchall(
        "SELECT ac.actor_key, ac.name, ac.country, ac.sector, count(DISTINCT ea.event_id) AS n, "
        "sum(CASE WHEN ea.\"role\" = 'source' THEN 1 ELSE 0 END), "
        "sum(CASE WHEN ea.\"role\" = 'target' THEN 1 ELSE 0 END) "
        f"FROM event_actors ea JOIN actors ac ON ac.actor_key = ea.actor_key WHERE {_among(chosen, 'ea')} "
        "GROUP BY ac.actor_key, ac.name, ac.country, ac.sector ORDER BY n DESC, ac.name LIMIT ?",
        [*params, max_actors],
    )
    keys = [row[0] for row in nodes]
    links: list[tuple[Any, ...]] = []
    if keys:
        marks_ = ", ".join("?" for _ in keys)
        links = store.db.fetchall(
            "SELECT s.actor_key, t.actor_key, count(DISTINCT s.event_id) AS n FROM event_actors s "
            "JOIN event_actors t ON t.event_id = s.event_id AND t.\"role\" = 'target' "
            f"WHERE s.\"role\" = 'source' AND {_among(chosen, 's')} AND s.actor_key IN ({marks_}) "
            f"AND t.actor_key IN ({marks_}) AND s.actor_key <> t.actor_key "
            "GROUP BY s.actor_key, t.actor_key ORDER BY n DESC LIMIT ?",
            [*params, *keys, *keys, max_actors * 4],
        )
    return {
        "nodes": [
            {"key": key, "name": name, "country": country, "sector": sector, "events": int(n),
             "as_source": int(sources or 0), "as_target": int(targets or 0)}
            for key, name, country, sector, n, sources, targets in nodes
        ],
        "links": [{"source": source, "target": target, "events": int(n)} for source, target, n in links],
    }  # fmt: skip


def event_detail(store: EventStore, event_id: str) -> dict[str, Any] | None:
    """One event: its merged record, every report of it (article, sentence, factuality, who says so),
    and the evidence of its first report. None when no such event is stored."""
    found = store.db.fetchone("SELECT record FROM events WHERE event_id = ?", [event_id])
    if found is None:
        return None
    event = rows.load_json(found[0])
    mentions = store.db.fetchall(
        f"SELECT m.mention_id, m.record, {_ARTICLE_SELECT} FROM mentions m "
        "JOIN articles a ON a.id = m.article_id WHERE m.event_id = ? "
        "ORDER BY m.added_order LIMIT ?",
        [event_id, MAX_REPORTS + 1],
    )
    reports = [
        _report(mention_id, rows.load_json(record), article) for mention_id, record, *article in mentions
    ]
    (report_count,) = store.db.fetchone("SELECT count(*) FROM mentions WHERE event_id = ?", [event_id]) or (
        0,
    )
    return {
        "event": event,
        "reports": reports[:MAX_REPORTS],
        "report_count": int(report_count),
        "evidence": mention_evidence(store, reports[0]["mention_id"]) if reports else None,
    }


def mention_evidence(store: EventStore, mention_id: str) -> dict[str, Any] | None:
    """One report's article, cut into segments that mark what supports each field of its coding."""
    found = store.db.fetchone(
        f"SELECT m.event_id, m.record, {_ARTICLE_SELECT}, a.text FROM mentions m "
        "JOIN articles a ON a.id = m.article_id WHERE m.mention_id = ?",
        [mention_id],
    )
    if found is None:
        return None
    event_id, record_json, *article, text = found
    record = rows.load_json(record_json)
    found_marks = marks(record)
    window = window_around(found_marks, len(text), EVIDENCE_CHARS)
    return {
        "mention_id": mention_id,
        "event_id": event_id,
        "article": _article(article),
        "window": list(window),
        "text_length": len(text),
        "segments": [
            {"text": piece.text, "kinds": list(piece.kinds), "labels": list(piece.labels)}
            for piece in segments(text, found_marks, window)
        ],
        **_claim(record),
    }


def actor_list(
    store: EventStore, text: str | None = None, limit: int = 50, offset: int = 0
) -> dict[str, Any]:
    """Actors named by events, those in most events first; `text` narrows to names, ids or countries."""
    where, params = "", []
    if text:
        named, params = actor_condition(text, "ac")
        where = f"WHERE {named}"
    found = store.db.fetchall(
        "SELECT ac.actor_key, ac.actor_id, ac.name, ac.country, ac.sector, ac.acled_inter, "
        "count(DISTINCT ea.event_id) AS n FROM actors ac "
        f"JOIN event_actors ea ON ea.actor_key = ac.actor_key {where} "
        "GROUP BY ac.actor_key, ac.actor_id, ac.name, ac.country, ac.sector, ac.acled_inter "
        "ORDER BY n DESC, ac.name LIMIT ? OFFSET ?",
        [*params, _page(limit), offset],
    )
    columns = ("key", "actor_id", "name", "country", "sector", "acled_inter", "events")
    return _paged("actors", [dict(zip(columns, row, strict=True)) for row in found], limit, offset)


def place_list(
    store: EventStore, text: str | None = None, limit: int = 50, offset: int = 0
) -> dict[str, Any]:
    """Places where events happened, those with most events first; `text` narrows to names or countries."""
    where, params = "", []
    if text:
        where = "WHERE lower(p.name) LIKE ? ESCAPE '\\' OR p.country = ?"
        params = [f"%{literal_like(text.casefold())}%", text.upper()]
    found = store.db.fetchall(
        'SELECT p.place_key, p.name, p.country, p.admin1, p.lat, p.lon, p."precision", '
        "count(e.event_id) AS n "
        f"FROM places p JOIN events e ON e.place_key = p.place_key {where} "
        'GROUP BY p.place_key, p.name, p.country, p.admin1, p.lat, p.lon, p."precision" '
        "ORDER BY n DESC, p.name LIMIT ? OFFSET ?",
        [*params, _page(limit), offset],
    )
    columns = ("key", "name", "country", "admin1", "lat", "lon", "precision", "events")
    return _paged("places", [dict(zip(columns, row, strict=True)) for row in found], limit, offset)


def article_list(
    store: EventStore, text: str | None = None, limit: int = 50, offset: int = 0
) -> dict[str, Any]:
    """Stored articles, the latest stored first, with how many mentions each gave; `text` narrows to
    titles and outlets."""
    where, params = "", []
    if text:
        pattern = f"%{literal_like(text.casefold())}%"
        where = "WHERE lower(a.title) LIKE ? ESCAPE '\\' OR lower(a.outlet) LIKE ? ESCAPE '\\'"
        params = [pattern, pattern]
    found = store.db.fetchall(
        f"SELECT {_ARTICLE_SELECT}, (SELECT count(*) FROM mentions m WHERE m.article_id = a.id) "
        f"FROM articles a {where} ORDER BY a.added_order DESC LIMIT ? OFFSET ?",
        [*params, _page(limit), offset],
    )
    articles = [{**_article(row[:-1]), "mentions": int(row[-1])} for row in found]
    return _paged("articles", articles, limit, offset)


def article_detail(store: EventStore, article_id: str) -> dict[str, Any] | None:
    """One article with its text and the events its mentions report."""
    article = store.article(article_id)
    if article is None:
        return None
    return {
        **{name: _plain(value) for name, value in article.items()},
        "events": article_event_ids(store, article_id),
    }


def article_event_ids(store: EventStore, article_id: str) -> list[str]:
    """The events an article's mentions report, in the order its mentions were stored."""
    found = store.db.fetchall(
        "SELECT event_id FROM mentions WHERE article_id = ? GROUP BY event_id ORDER BY min(added_order)",
        [article_id],
    )
    return [event_id for (event_id,) in found]


def _report(mention_id: str, record: dict[str, Any], article: list[Any]) -> dict[str, Any]:
    evidence = record.get("evidence") or {}
    return {
        "mention_id": mention_id,
        "article": _article(article),
        "sentence": evidence.get("sentence"),
        "trigger": evidence.get("trigger_text"),
        **_claim(record),
    }


def _claim(record: dict[str, Any]) -> dict[str, Any]:
    """How sure the report is, and who it says makes the claim."""
    attributed = record.get("attributed_to") or {}
    return {
        "factuality": record.get("factuality"),
        "attributed_to": attributed.get("name") or attributed.get("text") or record.get("attributed_to_text"),
    }


def _article(values: Any) -> dict[str, Any]:
    article = {name: _plain(value) for name, value in zip(_ARTICLE_COLUMNS, values, strict=True)}
    article["copy_of"] = article.pop("original_id")
    return article


def _among(where: str, alias: str) -> str:
    """The condition that `alias`'s event passes the filters `where`; unfiltered, every event does, and
    asking the events table which ones would only cost time."""
    return f"{alias}.event_id IN (SELECT event_id FROM events{where})" if where else "TRUE"


def _bucket_for(first: date | None, last: date | None, asked: str | None) -> str:
    if first is None or last is None:
        return asked or "day"
    days = (last - first).days + 1
    for step in BUCKETS[BUCKETS.index(asked) if asked else 0 :]:
        if days / _BUCKET_DAYS[step] <= MAX_BUCKETS:
            return step
    return "year"


def _page(limit: int) -> int:
    return max(1, min(limit, MAX_PAGE))


def _paged(name: str, items: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    """One page of a list, with the limit it was read with."""
    return {name: items, "limit": _page(limit), "offset": offset}


def _plain(value: Any) -> Any:
    return _iso(value) if isinstance(value, date) else value


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, date) else value
