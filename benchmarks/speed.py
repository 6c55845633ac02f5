"""Speed of whodid against bare spaCy on the IndiaPoliceEvents articles, with 1 and 2 processes.

All measurements use the same texts, model and batch size in the same run. Bare spaCy is the model as
spaCy ships it (`spacy.load`), parsing every sentence. "whodid's parse" is the model as whodid loads it
(`whodid.nlp.load_nlp()`: its attribute ruler run as table lookups, its lemmatizer's answers
remembered, whodid's paragraph breaks and lemma fixes), parsing every sentence and coding nothing:
what whodid's changes to the parse itself are worth. whodid parses only the sentences its lexical
prefilter lets through; "whodid, all parsed" (`Pipeline(prefilter=False)`) parses every sentence too,
so that its ratio to bare is what whodid's own stages cost on top of the parse. For both whodid runs
the table gives the recall of the articles' gold KILL and ARREST labels, so what the prefilter saves is
seen beside what it costs.

- 1 process: `nlp.pipe(texts)` against `Pipeline().run(articles)`, both in this process, warmed up first.
- 2 processes: bare is `nlp.pipe(texts, n_process=2)` (spaCy's own multiprocessing; its worker start-up
  and model hand-over are inside the clock, as they are for any caller). whodid is `Pipeline.run` in 2
  worker processes (multiprocessing, spawn), each loading its own Pipeline and warming up before the
  clock; each codes one half of the corpus; the time is the wall time from the start signal to the
  last result.

Run from the repository root:

    .venv/bin/python benchmarks/speed.py [--articles N] [--processes 1 2] [--shared ../shared]

The articles are read from ../shared at run time; nothing of them is copied into the repository.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import gc
import multiprocessing as mp
import os
import platform
import resource
import shlex
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from multiprocessing.synchronize import Event as StartSignal
from pathlib import Path

import spacy
from spacy.language import Language

from whodid import Pipeline
from whodid.errors import WhodidError
from whodid.evaluate.formats import indiapoliceevents
from whodid.evaluate.gold import ReadOptions
from whodid.nlp import DEFAULT_BATCH_SIZE, DEFAULT_MODEL, load_nlp
from whodid.records import Article

DEFAULT_SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
DOCS_RELATIVE = Path("data") / "dev" / "indiapoliceevents" / "docs.jsonl"
WARM_UP_ARTICLES = 8  # enough to fill a batch and touch every stage once
RECALL_LABELS = ("kill", "arrest")
BARE = "bare spaCy"
WHODID_PARSE = "whodid's parse"
WHODID_METHODS = {"whodid": True, "whodid, all parsed": False}  # method -> prefilter on


@dataclass(slots=True)
class Run:
    """One timed measurement."""

    method: str
    processes: int
    seconds: float
    sentences: int = 0
    events: int = 0
    errors: int = 0
    peak_rss_mib: float = 0.0  # the largest single process taking part
    labels_found: dict[str, int] = dataclasses.field(default_factory=dict)  # gold label -> articles found


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=None, help="articles to code (default: all 1,257)")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2], choices=[1, 2])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder")
    args = parser.parse_args(argv)
    if args.articles is not None and args.articles < 1:
        parser.error("--articles must be at least 1")
    return args


def load_articles(shared: Path, count: int | None) -> tuple[list[Article], dict[str, dict[str, bool]]]:
    """The corpus's articles, repeated (each copy its own id) when more are asked for than it holds,
    and each article's gold labels by its id."""
    docs = shared / DOCS_RELATIVE
    if not shared.is_dir() or not docs.is_file():
        sys.exit(f"speed: the IndiaPoliceEvents articles {docs} are absent; pass --shared PATH")
    try:
        gold = indiapoliceevents.read(docs, ReadOptions())
    except WhodidError as error:
        sys.exit(f"speed: cannot read {docs}: {error}")
    corpus = [Article(id=item.id, text=item.text, published=item.published) for item in gold.items]
    if not corpus:
        sys.exit(f"speed: {docs} holds no articles")
    count = count or len(corpus)
    articles = [
        dataclasses.replace(corpus[i % len(corpus)], id=f"{corpus[i % len(corpus)].id}-{i // len(corpus)}")
        for i in range(count)
    ]
    labels = {item.id: item.gold for item in gold.items}
    return articles, {article.id: labels[article.id.rsplit("-", 1)[0]] for article in articles}


def time_bare(nlp: Language, texts: Sequence[str], processes: int, method: str = BARE) -> Run:
    sentences = 0
    start = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=DEFAULT_BATCH_SIZE, n_process=processes):
        sentences += sum(1 for _ in doc.sents)  # the parser's own sentences: microseconds per doc
    seconds = time.perf_counter() - start
    return Run(method, processes, seconds, sentences, peak_rss_mib=max(peak_rss_mib(), children_rss()))


@dataclass(slots=True)
class Coded:
    events: int = 0
    errors: int = 0
    # Per article, the police labels read off its events: kept to score recall after the clock stops.
    labels: dict[str, dict[str, bool]] = dataclasses.field(default_factory=dict)


def code_articles(pipeline: Pipeline, articles: Sequence[Article]) -> Coded:
    coded = Coded()
    for result in pipeline.run(articles):
        coded.events += len(result.events)
        coded.errors += result.error is not None
        coded.labels[result.article.id] = indiapoliceevents.police_labels(result.events)
    return coded


def labels_found(coded: Coded, gold: dict[str, dict[str, bool]]) -> dict[str, int]:
    """How many articles with each gold label we found it in."""
    return {
        label: sum(bool(gold[id_].get(label)) and coded.labels[id_][label] for id_ in coded.labels)
        for label in RECALL_LABELS
    }


def time_whodid(pipeline: Pipeline, articles: Sequence[Article], method: str) -> tuple[Run, Coded]:
    start = time.perf_counter()
    coded = code_articles(pipeline, articles)
    seconds = time.perf_counter() - start
    return Run(
        method, 1, seconds, events=coded.events, errors=coded.errors, peak_rss_mib=peak_rss_mib()
    ), coded


def whodid_worker(
    articles: list[Article], prefilter: bool, ready: mp.Queue, start: StartSignal, results: mp.Queue
) -> None:
    """One of the parallel workers: load and warm up, wait for the signal, code its share."""
    pipeline = Pipeline(batch_size=DEFAULT_BATCH_SIZE, prefilter=prefilter)
    code_articles(pipeline, articles[:WARM_UP_ARTICLES])
    ready.put(os.getpid())
    start.wait()
    coded = code_articles(pipeline, articles)
    results.put((coded, peak_rss_mib()))


def time_whodid_parallel(
    articles: Sequence[Article], processes: int, method: str, prefilter: bool
) -> tuple[Run, Coded]:
    context = mp.get_context("spawn")  # each worker loads its own Pipeline, nothing shared by fork
    ready, results, start = context.Queue(), context.Queue(), context.Event()
    shares = [list(articles[i::processes]) for i in range(processes)]
    workers = [
        context.Process(target=whodid_worker, args=(share, prefilter, ready, start, results))
        for share in shares
    ]
    for worker in workers:
        worker.start()
    for _ in workers:
        ready.get()
    began = time.perf_counter()
    start.set()
    outcomes = [results.get() for _ in workers]
    seconds = time.perf_counter() - began
    for worker in workers:
        worker.join()
    coded = Coded()
    for part, _rss in outcomes:
        coded.events += part.events
        coded.errors += part.errors
        coded.labels.update(part.labels)
    run = Run(method, processes, seconds, events=coded.events, errors=coded.errors)
    run.peak_rss_mib = max(rss for _part, rss in outcomes)
    return run, coded


def peak_rss_mib() -> float:
    # ru_maxrss is KiB on Linux and bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def children_rss() -> float:
    """The largest finished child process (spaCy's n_process workers)."""
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def shown_command(argv: Sequence[str]) -> str:
    python = Path(sys.executable)
    with contextlib.suppress(ValueError):  # shown as typed when run from the repository root
        python = python.relative_to(Path.cwd())
    return shlex.join([str(python), *argv])


def table(runs: list[Run], articles: int, words: int, gold_counts: dict[str, int]) -> list[str]:
    bare = {run.processes: run for run in runs if run.method == BARE}
    sentences = next((run.sentences for run in runs if run.sentences), 0)
    recall_heads = "".join(f" {label.upper()} recall |" for label in RECALL_LABELS)
    lines = [
        "| processes | method | seconds | articles/s | sentences/s | words/s | speed vs bare "
        f"| events/article |{recall_heads} peak RSS (largest process) |",
        "|---|---|---|---|---|---|---|---|" + "---|" * len(RECALL_LABELS) + "---|",
    ]
    for run in runs:
        whodid = run.method in WHODID_METHODS
        speed = f"{bare[run.processes].seconds / run.seconds:.2f}×" if run.method != BARE else ""
        events = f"{run.events / articles:.1f}" if whodid else ""
        recalls = "".join(
            f" {run.labels_found[label] / max(gold_counts[label], 1):.3f} |" if whodid else " |"
            for label in RECALL_LABELS
        )
        lines.append(
            f"| {run.processes} | {run.method} | {run.seconds:.1f} | {articles / run.seconds:.2f} "
            f"| {sentences / run.seconds:.1f} | {words / run.seconds:,.0f} | {speed} | {events} |{recalls}"
            f" {run.peak_rss_mib:,.0f} MiB |"
        )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    articles, gold = load_articles(args.shared.resolve(), args.articles)
    gold_counts = {label: sum(bool(gold[a.id].get(label)) for a in articles) for label in RECALL_LABELS}
    texts = [article.text for article in articles]
    words = sum(len(text.split()) for text in texts)

    # Warm-up: load the models and whodid's data and run every path once, outside the clocks.
    parsers = {BARE: spacy.load(DEFAULT_MODEL), WHODID_PARSE: load_nlp(DEFAULT_MODEL)}
    pipelines = {
        method: Pipeline(batch_size=DEFAULT_BATCH_SIZE, prefilter=prefilter)
        for method, prefilter in WHODID_METHODS.items()
    }
    for method, nlp in parsers.items():
        time_bare(nlp, texts[:WARM_UP_ARTICLES], 1, method)
    for method, pipeline in pipelines.items():
        time_whodid(pipeline, articles[:WARM_UP_ARTICLES], method)
    # spaCy adds every new word to its vocabulary the first time it sees it, so whichever path runs
    # second on the same texts would parse faster: one untimed pass over the corpus puts all alike
    # (the whodid pipelines share whodid's model and its vocabulary).
    for nlp in parsers.values():
        for _doc in nlp.pipe(texts, batch_size=DEFAULT_BATCH_SIZE):
            pass

    runs: list[Run] = []
    for processes in args.processes:
        for method, nlp in parsers.items():
            gc.collect()
            runs.append(time_bare(nlp, texts, processes, method))
            print(f"{processes} process(es): {method} {runs[-1].seconds:.1f} s", flush=True)
        for method, prefilter in WHODID_METHODS.items():
            gc.collect()
            run, coded = (
                time_whodid(pipelines[method], articles, method)
                if processes == 1
                else time_whodid_parallel(articles, processes, method, prefilter)
            )
            run.labels_found = labels_found(coded, gold)
            runs.append(run)
            print(f"{processes} process(es): {method} {run.seconds:.1f} s", flush=True)
    if any(run.errors for run in runs):
        print(f"warning: {max(run.errors for run in runs)} article(s) could not be coded; see the log above")

    print()
    print(
        f"corpus: IndiaPoliceEvents docs.jsonl, {len(articles)} articles, {words:,} words (whitespace), "
        f"sentences counted from the parser's doc.sents in the bare run"
    )
    print(
        f"model: {DEFAULT_MODEL}, batch size {DEFAULT_BATCH_SIZE}; bare spaCy = spacy.load, whodid's parse "
        "= whodid.nlp.load_nlp (attribute ruler as table lookups, lemmas remembered, paragraph breaks, "
        "lemma fixes)"
    )
    print(
        "method: 1 process = both in this process after warm-up; 2 processes = bare nlp.pipe(n_process=2) "
        "(worker start-up inside the clock), whodid Pipeline.run in 2 spawned workers over halves of the "
        "corpus, each warmed up before the clock, wall time to the last result"
    )
    print(
        f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}; {date.today().isoformat()}"
    )
    print()
    print(
        "recall: articles whose gold label KILL / ARREST we also give, over the articles with that label "
        f"({', '.join(f'{label.upper()} {count}' for label, count in gold_counts.items())})"
    )
    print()
    print("\n".join(table(runs, len(articles), words, gold_counts)))
    print()
    print(f"command: {shown_command(sys.argv if argv is None else ['benchmarks/speed.py', *argv])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
