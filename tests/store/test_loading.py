"""Articles through the real pipeline into real stores: merging across outlets, republished copies,
and a run killed mid-article that is started again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from whodid import republication
from whodid.ingest import Skipped, read_articles
from whodid.pipeline import ArticleResult
from whodid.records import Article
from whodid.store import EventStore, loading
from whodid.store.loading import COPIED, FAILED, KNOWN, STORED, load_articles

CORPUS = Path(__file__).resolve().parents[1] / "data" / "merge_corpus"


def corpus_articles() -> list[Article]:
    items = list(read_articles([str(CORPUS / "articles.jsonl")]))
    assert not any(isinstance(item, Skipped) for item in items)
    return [item for item in items if isinstance(item, Article)]


def test_reports_of_one_happening_from_many_outlets_become_one_event(store_location: str, pipeline) -> None:
    hand = yaml.safe_load((CORPUS / "happenings.yaml").read_text(encoding="utf-8"))
    with EventStore(store_location) as store:
        outcomes = list(load_articles(store, pipeline, corpus_articles()))
        assert [outcome.status for outcome in outcomes] == [STORED] * len(outcomes)
        events = store.events()

    by_article = {article_id: [] for article_id in {a.id for a in corpus_articles()}}
    for event in events:
        for report in event["reports"]:
            by_article[report["article_id"]].append(event["event_id"])
    background = {(item["article"], item["type"]) for item in hand.get("background", [])}
    assert len(events) == len(hand["happenings"]) + len(background)
    for happening in hand["happenings"]:
        articles = [report["article"] for report in happening["reports"]]
        # Every report of the happening lands in one event, and that event holds nothing else.
        candidates = [e for e in events if e["type"] == happening["type"] and not _is_background(e, hand)]
        [event] = [e for e in candidates if articles[0] in _articles_of(e)]
        assert _articles_of(event) == set(articles), happening["key"]
        assert event["independent_sources"] == len(set(happening["outlets"])), happening["key"]
        assert event["date"] == str(happening["date"]), happening["key"]
        assert event["location"]["country"] == happening["country"], happening["key"]
    nyala = next(e for e in events if len(e["reports"]) == 4)
    assert len(nyala["conflicts"]["fatalities"]) >= 3  # 14, 16 and 15 dead: all kept in view
    assert nyala["fatalities"]["value"] == min(nyala["conflicts"]["fatalities"])


def _is_background(event: dict, hand: dict) -> bool:
    """One of the hand file's background events: its first report's article and trigger."""
    triggers = {(item["article"], item["trigger"]) for item in hand.get("background", [])}
    return (event["reports"][0]["article_id"], event["evidence"]["trigger_text"]) in triggers


def _articles_of(event: dict) -> set[str]:
    return {report["article_id"] for report in event["reports"]}


def republished(article: Article, outlet: str, new_id: str, edit: Callable[[str], str]) -> Article:
    return replace(
        article, id=new_id, outlet=outlet, url=f"https://{new_id}.example.test/", text=edit(article.text)
    )


def house_style_a(text: str) -> str:
    """A republisher's edits: straight quotes, a line of its own on top, one paragraph left out."""
    paragraphs = text.replace("’", "'").replace("“", '"').replace("”", '"').split("\n")
    kept = paragraphs[:5] + paragraphs[6:]
    return "\n".join(["This report first appeared on a partner site and is shared with permission.", *kept])


def house_style_b(text: str) -> str:
    """Another's: "U.S." for "US", a closing note, the last paragraph cut."""
    paragraphs = text.replace("US ", "U.S. ").split("\n")
    kept = [paragraph for paragraph in paragraphs if paragraph.strip()][:-1]
    return "\n".join([*kept, "Views expressed here are the author's own and not those of this site."])


def test_the_seed_and_two_edited_republications_are_one_source(
    store_location: str, pipeline, seed_dir
) -> None:
    [original] = [
        a for a in read_articles([str(seed_dir / "cradle-2024-03-01.txt")]) if isinstance(a, Article)
    ]
    copies = [
        republished(original, "Partner Site One", "seed-copy-a", house_style_a),
        republished(original, "Partner Site Two", "seed-copy-b", house_style_b),
    ]
    with EventStore(store_location) as store:
        [first] = load_articles(store, pipeline, [original])
        alone = (store.count_events(), store.count_mentions())
        outcomes = list(load_articles(store, pipeline, copies))

        assert first.status == STORED and [o.status for o in outcomes] == [STORED, STORED]
        groups = store.copies()
        assert list(groups) == [original.id]
        assert [copy_id for copy_id, _ in groups[original.id]] == ["seed-copy-a", "seed-copy-b"]
        assert all(0.6 <= similarity < 1.0 for _, similarity in groups[original.id])
        # Every event is counted once, with one independent source, whoever republished it.
        assert store.count_events() == alone[0]
        assert store.count_mentions() > alone[1]
        events = store.events()
        assert all(event["independent_sources"] == 1 for event in events)
        strike = next(e for e in events if e["date"] == "2024-02-07" and e["type"] == "ASSAULT")
        assert {r["article_id"] for r in strike["reports"]} == {original.id, "seed-copy-a", "seed-copy-b"}
        assert {r["copy_of"] for r in strike["reports"]} == {None, original.id}


def test_an_exact_republication_repeats_the_mentions_without_a_parse(store_location: str, pipeline) -> None:
    first, *_ = corpus_articles()
    copy = replace(first, id="copy-of-first", outlet="Elsewhere Daily", url="https://elsewhere.test/1")
    with EventStore(store_location) as store:
        list(load_articles(store, pipeline, [first]))
        [outcome] = load_articles(store, pipeline, [copy])
        [again] = load_articles(store, pipeline, [copy])

        assert outcome.status == COPIED and outcome.result is not None
        assert (outcome.result.original_id, outcome.result.similarity) == (first.id, 1.0)
        assert again.status == KNOWN
        [event] = store.events()
        assert [r["article_id"] for r in event["reports"]] == [first.id, copy.id]
        assert event["independent_sources"] == 1  # a copy is not a second source


def test_a_chunk_read_ahead_is_settled_with_one_question_to_the_store(
    store_location: str, pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second, third, *_ = corpus_articles()
    copy = replace(first, id="copy-of-first", outlet="Elsewhere Daily", url="https://elsewhere.test/1")
    copy_of_second = replace(second, id="copy-of-second", url="https://elsewhere.test/2")
    with EventStore(store_location) as store:
        list(load_articles(store, pipeline, [first, second]))
        asked: list[int] = []
        held = store.held
        monkeypatch.setattr(store, "held", lambda articles: asked.append(len(articles)) or held(articles))
        chunk = [first, copy, third, copy, copy_of_second]
        outcomes = sorted((o.article.id, o.status) for o in load_articles(store, pipeline, chunk))

        assert asked == [len(chunk)]
        expected = [(first.id, KNOWN), (copy.id, COPIED), (third.id, STORED), (copy.id, KNOWN)]
        assert outcomes == sorted([*expected, (copy_of_second.id, COPIED)])
        copies = store.copies()
        assert sorted(copies) == [first.id, second.id]
        assert [c for c, _ in copies[first.id]] == [copy.id] and store.count_articles() == 5


def test_a_batch_is_written_once_full_or_once_its_first_article_has_waited_long_enough(
    store_location: str, pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = corpus_articles()
    with EventStore(store_location) as store:
        sizes: list[int] = []
        write = store.store_batch
        monkeypatch.setattr(
            store,
            "store_batch",
            lambda batch, signatures=None: sizes.append(len(batch)) or write(batch, signatures),
        )
        assert [o.status for o in load_articles(store, pipeline, articles[:5], batch_size=2)] == [STORED] * 5
        assert sizes == [2, 2, 1]

        sizes.clear()
        monkeypatch.setattr(loading, "BATCH_SECONDS", 0.0)  # every article has waited long enough at once
        assert [o.status for o in load_articles(store, pipeline, articles[5:8])] == [STORED] * 3
        assert sizes == [1, 1, 1]


def test_a_chunk_the_store_cannot_check_fails_with_its_reason_and_the_run_goes_on(
    store_location: str, pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second, *_ = corpus_articles()
    with EventStore(store_location) as store:
        fetchall_in = store.db.fetchall_in
        calls = []

        def failing_once(head, values):
            calls.append(head)
            if len(calls) == 1:
                raise store.db.errors[0]("the connection dropped")
            return fetchall_in(head, values)

        monkeypatch.setattr(store.db, "fetchall_in", failing_once)
        monkeypatch.setattr(loading, "LOOK_AHEAD", 1)
        outcomes = {o.article.id: o for o in load_articles(store, pipeline, [first, second])}
        failed = outcomes[first.id]
        assert failed.status == FAILED and "the connection dropped" in (failed.reason or "")
        assert outcomes[second.id].status == STORED
        assert [e["origin"] for e in store.errors()] == [first.origin]


class _Replay:
    """A coder that hands back results coded before: what a worker process sent."""

    def __init__(self, results: list[ArticleResult]) -> None:
        self.results = results

    def run(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        assert [a.id for a in articles] == [r.article.id for r in self.results]
        yield from self.results


def test_signatures_computed_by_the_coder_are_stored_not_computed_again(
    tmp_path: Path, pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = corpus_articles()[:4]
    with EventStore(tmp_path / "here.duckdb") as store:
        list(load_articles(store, pipeline, articles))
        expected = store.sql("SELECT id, minhash FROM articles ORDER BY id")
    signed = list(pipeline.run(articles))
    for result in signed:  # as a worker process signs what it coded
        result.signature = republication.signature_bytes(republication.signature(result.article.text))
    monkeypatch.setattr(republication, "signature", lambda text: pytest.fail("signature computed again"))
    with EventStore(tmp_path / "signed.duckdb") as store:
        outcomes = list(load_articles(store, _Replay(signed), articles))
        stored = store.sql("SELECT id, minhash FROM articles ORDER BY id")
    assert [o.status for o in outcomes] == [STORED] * len(articles)
    assert stored["id"].tolist() == expected["id"].tolist()
    assert [bytes(m) for m in stored["minhash"]] == [bytes(m) for m in expected["minhash"]]


CRASHING_RUN = """
import os, signal, sys
from whodid.ingest import read_articles
from whodid.pipeline import Pipeline
from whodid.store import EventStore
from whodid.store.loading import load_articles

location, corpus, crash_at = sys.argv[1], sys.argv[2], int(sys.argv[3])
store = EventStore(location)
execute, written = store.db.execute, []

def execute_then_die(sql, params=()):
    execute(sql, params)
    if sql.startswith("INSERT INTO articles"):
        written.append(1)
        if len(written) == crash_at:  # mid-transaction: a batch's articles are written, not its mentions
            os.kill(os.getpid(), signal.SIGKILL)

store.db.execute = execute_then_die
for _ in load_articles(store, Pipeline(), read_articles([corpus]), batch_size=2):
    pass
"""


def stored_state(location: str) -> tuple[list[str], list[str], list[tuple[str, int, int]]]:
    with EventStore(location) as store:
        articles = sorted(store.sql("SELECT id FROM articles")["id"])
        mentions = sorted(record["event_id"] for record in store.mentions())
        events = sorted((e["event_id"], len(e["reports"]), e["independent_sources"]) for e in store.events())
    return articles, mentions, events


def test_a_run_killed_mid_article_resumes_with_nothing_lost_or_doubled(
    store_location: str, tmp_path: Path, pipeline
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = (CORPUS / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    corpus.write_text("\n".join(lines[:8]) + "\n", encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}

    crashed = subprocess.run(
        [sys.executable, "-c", CRASHING_RUN, store_location, str(corpus), "3"],
        capture_output=True, text=True, timeout=600, env=environment, check=False,
    )  # fmt: skip
    assert crashed.returncode == -signal.SIGKILL, crashed.stderr
    with EventStore(store_location) as store:
        assert store.count_articles() == 4  # two batches of two; the third died before its commit
    resumed = subprocess.run(
        [str(Path(sys.executable).parent / "whodid"), "ingest", str(corpus), "--db", store_location],
        capture_output=True, text=True, timeout=600, env=environment, check=False,
    )  # fmt: skip
    assert resumed.returncode == 0, resumed.stderr
    assert "4 articles coded" in resumed.stderr and "4 already stored" in resumed.stderr

    clean = str(tmp_path / "clean.duckdb")
    with EventStore(clean) as store:
        for _ in load_articles(store, pipeline, read_articles([str(corpus)])):
            pass
    assert stored_state(store_location) == stored_state(clean)
    assert len(stored_state(clean)[0]) == 8


def test_a_failed_article_is_noted_until_it_is_stored(store_location: str, pipeline) -> None:
    good, *_ = corpus_articles()
    blank = Article(id="later", text="  ", origin="desk/later.txt")
    with EventStore(store_location) as store:
        outcomes = list(load_articles(store, pipeline, [blank, good]))
        assert [o.status for o in outcomes] == [FAILED, STORED]
        [error] = store.errors()
        assert (error["origin"], error["stage"], error["reason"], error["attempts"]) == (
            "desk/later.txt",
            "code",
            "empty text",
            1,
        )
        list(load_articles(store, pipeline, [blank]))
        assert [e["attempts"] for e in store.errors()] == [2]  # noted once, tried twice

        written = replace(blank, text=good.text.replace("Nyala", "Zalingei"), url="https://desk.test/later")
        [outcome] = load_articles(store, pipeline, [written])
        assert outcome.status == STORED
        assert store.errors() == []


def test_a_rerun_over_a_stored_corpus_reports_as_it_reads(
    store_location: str, pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = corpus_articles()
    read: list[str] = []

    def reading() -> Iterator[Article]:
        for article in articles:
            read.append(article.id)
            yield article

    with EventStore(store_location) as store:
        list(load_articles(store, pipeline, articles))
        monkeypatch.setattr(loading, "MAX_SETTLED", 4)
        monkeypatch.setattr(loading, "LOOK_AHEAD", 2)
        outcomes = load_articles(store, pipeline, reading())
        first = next(outcomes)
        assert first.status == KNOWN and len(read) <= 4  # not the whole corpus held before the first
        assert [o.status for o in [first, *outcomes]] == [KNOWN] * len(articles)


def test_a_run_on_worker_processes_killed_whole_resumes_with_nothing_lost_or_doubled(
    tmp_path: Path, pipeline
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = [
        json.loads(line) for line in (CORPUS / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    copies = loading.DEFAULT_BATCH // len(records) + 2  # versions of each article: a batch and more
    with corpus.open("w", encoding="utf-8") as out:
        for version in range(copies):
            for record in records:
                text = f"{record['text']}\nDesk note {version}: filed again with the editors' corrections."
                out.write(json.dumps({**record, "id": f"{record['id']}-v{version}", "text": text}) + "\n")
    db = str(tmp_path / "killed.duckdb")
    whodid = str(Path(sys.executable).parent / "whodid")
    running = subprocess.Popen(
        [whodid, "-v", "ingest", str(corpus), "--db", db, "--workers", "2", "--no-progress"],
        stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    try:
        for line in running.stderr:  # the first batch is committed; workers are coding the next
            if "stored a batch" in line:
                break
        os.killpg(running.pid, signal.SIGKILL)  # the main process and its workers, all at once
    finally:
        running.wait(timeout=60)
    assert running.returncode == -signal.SIGKILL
    with EventStore(db) as store:
        assert 0 < store.count_articles() < len(records) * copies

    resumed = subprocess.run(
        [whodid, "ingest", str(corpus), "--db", db, "--workers", "2"],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert resumed.returncode == 0, resumed.stderr
    assert "already stored" in resumed.stderr

    clean = str(tmp_path / "clean.duckdb")
    with EventStore(clean) as store:
        for _ in load_articles(store, pipeline, read_articles([str(corpus)])):
            pass
    assert stored_state(db) == stored_state(clean)
    assert len(stored_state(clean)[0]) == len(records) * copies
