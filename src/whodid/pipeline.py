"""The one library call every face uses: articles in, coded events out."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from spacy.tokens import Doc

from whodid import acled
from whodid.acled import load_acled_rules
from whodid.detect.casing import is_common_word, names_spelt_out, restore_case, written_in_capitals
from whodid.detect.entity_gate import RECOGNISER, EntityGate
from whodid.detect.lexicon import Lexicon, load_lexicon
from whodid.detect.mentions import detect_article
from whodid.detect.prefilter import SentenceUnits, TriggerPrefilter, split_sentences
from whodid.detect.wrapping import unwrapped
from whodid.ingest.language import not_english_reason
from whodid.merge import merge_events
from whodid.nlp import DEFAULT_BATCH_SIZE, DEFAULT_MODEL, load_nlp
from whodid.ontology import load_ontology
from whodid.records import Actor, Article, Event, Place, Span, stable_id
from whodid.resolve.acronyms import defined_acronyms
from whodid.resolve.actors import ActorKB
from whodid.resolve.events import EventResolver
from whodid.resolve.gazetteer import Gazetteer
from whodid.resolve.kb_files import AGENT_KIND

log = logging.getLogger(__name__)
UNREST_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE"})
# What travels beside a text through the parse: the article, why it is refused if it is, its sentences.
Context = tuple[Article, str | None, SentenceUnits | None]


@dataclass(slots=True)
class ArticleResult:
    article: Article
    events: list[Event]
    error: str | None = None  # why this article could not be coded; the batch goes on
    # Every place named in the sentences that hold an event, resolved (or kept as the text names it).
    places: list[Place] = field(default_factory=list)
    # The text's MinHash signature (`republication.signature_bytes`), where a worker process computed it
    # so that the one process that stores need not.
    signature: bytes | None = None


class Coder(Protocol):
    """Whatever codes a stream of articles: a Pipeline in this process, or one spread over processes or a
    cluster (`whodid.scale`). Results come in input order, one per article, an error set where it failed."""

    def run(self, articles: Iterable[Article]) -> Iterator[ArticleResult]: ...


class CodedBeforehand:
    """A coder that hands back results coded earlier (on a web request's own thread, from a saved run),
    so they can be stored by `load_articles` as a coding run's would. Keyed by the article objects the
    results carry: those are the ones to hand it."""

    def __init__(self, results: Iterable[ArticleResult]) -> None:
        self.results = {id(result.article): result for result in results}

    def run(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        for article in articles:
            yield self.results[id(article)]


@dataclass(frozen=True, slots=True)
class PipelineOptions:
    """What a worker needs to build the same Pipeline as this process (a Pipeline itself is too heavy
    to send)."""

    model: str = DEFAULT_MODEL
    prefilter: bool = True
    # The user's own actor files, read after the shipped ones (absolute paths: a worker may run
    # elsewhere; on a cluster of several machines they must be where the workers can read them).
    kb_files: tuple[str, ...] = ()

    def build(self) -> Pipeline:
        kb = ActorKB.with_user_files(self.kb_files)
        return Pipeline(model=self.model, prefilter=self.prefilter, kb=kb)


class Pipeline:
    """ingest'd articles -> nlp -> detect -> resolve -> merge. Loads its models and data once."""

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        batch_size: int = DEFAULT_BATCH_SIZE,
        kb: ActorKB | None = None,
        gazetteer: Gazetteer | None = None,
        lexicon: Lexicon | None = None,
        keep_actorless: bool = False,
        prefilter: bool = True,
    ) -> None:
        self.nlp = load_nlp(model)
        self.batch_size = batch_size
        self.lexicon = lexicon or load_lexicon()
        # Off, every sentence is parsed: slower, for checking what the prefilter costs in recall.
        self.prefilter = TriggerPrefilter(self.lexicon, self.nlp) if prefilter else None
        # With it, names are recognised only in the sentences that may hold an event.
        gated = prefilter and EntityGate.fits(self.nlp)
        self.entity_gate = EntityGate(self.nlp, self.lexicon, batch_size) if gated else None
        self.resolver = EventResolver(kb, gazetteer)
        self.keep_actorless = keep_actorless
        self.acled_rules = load_acled_rules()
        self.ontology = load_ontology()

    def run(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        """Each article with its events, in input order; streams, so memory stays flat.
        An article that cannot be coded comes back with `error` set; the others go on."""
        checked = ((article, self.refusal(article)) for article in articles)
        # A refused article still flows through nlp.pipe (as an empty text) to keep the input order.
        pairs = (self._parse_input(article, refusal) for article, refusal in checked)
        for doc, (article, refusal, units) in self._parse(pairs):
            if refusal:
                # The result carries the reason; callers report it (the CLI prints one line per skip).
                log.info("refused %s: %s", article.origin or article.id, refusal)
                yield ArticleResult(article, [], error=refusal)
                continue
            try:
                events, places = self.code_article(article, doc, units)
                yield ArticleResult(article, events, places=places)
            except Exception as error:  # one article's failure must not end a corpus run
                log.info("article %s (%s) could not be coded", article.id, article.origin, exc_info=True)
                yield ArticleResult(article, [], error=f"{type(error).__name__}: {error}")

    def _parse(self, pairs: Iterable[tuple[str, Context]]) -> Iterator[tuple[Doc, Context]]:
        if self.entity_gate is None:
            yield from self.nlp.pipe(pairs, batch_size=self.batch_size, as_tuples=True)
            return
        parsed = self.nlp.pipe(pairs, batch_size=self.batch_size, as_tuples=True, disable=[RECOGNISER])
        yield from self.entity_gate.pipe(parsed)

    def refusal(self, article: Article) -> str | None:
        """Why an article cannot be coded at all, before any parsing."""
        if not article.text.strip():
            return "empty text"
        if len(article.text) > self.nlp.max_length:
            return (
                f"text of {len(article.text):,} characters is longer than the parser's limit of "
                f"{self.nlp.max_length:,}; split it into smaller articles"
            )
        return not_english_reason(article.text, article.language)

    def _parse_input(
        self, article: Article, refusal: str | None
    ) -> tuple[str, tuple[Article, str | None, SentenceUnits | None]]:
        """What the parser sees (the article, with the sentences that hold no trigger word blanked), and
        what coding needs with it: the article, why it is refused if it is, and its cut sentences."""
        if refusal:
            return "", (article, refusal, None)
        units = split_sentences(article.text)
        text = self._parsed_case(article.text, units)
        text = self.prefilter.mask(text, units) if self.prefilter is not None else text
        return text, (article, None, units)

    def _parsed_case(self, text: str, units: SentenceUnits) -> str:
        """The text as the parser should see it: as written (its hard-wrapped lines joined), or, written
        in capitals, in restored case (the same length, so spans hold)."""
        text = unwrapped(text)
        if not written_in_capitals(text):
            return text
        kb, gazetteer = self.resolver.kb, self.resolver.gazetteer
        known = kb.find(text)
        names = [actor.span for actor in known if actor.kind != AGENT_KIND]
        acronyms = defined_acronyms(text, known)
        names += [actor.span for actor in acronyms.mentions(text)] + list(acronyms.definitions)
        names += [span for actor in known if (span := self._country_word(text, actor)) is not None]
        names += [place.span for place in gazetteer.find(text)]
        names += names_spelt_out(text, acronyms.definitions)
        names = [span for span in names if not is_common_word(text, span)]
        return restore_case(text, names, units.starts, kb.abbreviations)

    def _country_word(self, text: str, agent: Actor) -> Span | None:
        """The country word that opens a generic agent ("PERUVIAN GUERRILLAS"): a name, in capitals."""
        if agent.kind != AGENT_KIND or agent.country is None:
            return None
        start = agent.span[0]
        end = start + len(text[start : agent.span[1]].split(" ", 1)[0])
        country = self.resolver.kb.resolve(text[start:end], (start, end))
        return (start, end) if country is not None and country.country == agent.country else None

    def code(self, article: Article, doc, units: SentenceUnits | None = None) -> list[Event]:
        return self.code_article(article, doc, units)[0]

    def code_article(
        self, article: Article, doc, units: SentenceUnits | None = None
    ) -> tuple[list[Event], list[Place]]:
        """The article's events, and the places named where they are told."""
        units = units if units is not None else split_sentences(article.text)
        mentions, placed = detect_article(doc, article.id, self.lexicon, sentence_index=units.index_of)
        outcome_of = {
            stable_id(article.id, m.sentence.span, m.trigger_span): stable_id(
                article.id, m.sentence.span, m.outcome_of
            )
            for m in mentions
            if m.outcome_of is not None
        }
        resolved, places = self.resolver.resolve_article(article, mentions, placed)
        events = merge_events(resolved, outcome_of)
        if not self.keep_actorless:
            events = [event for event in events if _is_data(event)]
        for event in events:
            # After merging, whose best-specified mention may have brought the mode.
            event.goldstein = self.ontology[event.type].score(event.mode)
        acled.categorise(events, self.acled_rules)
        return events, places

    def extract(self, text: str, published: date | None = None, article_id: str = "text") -> list[Event]:
        article = Article(id=article_id, text=text, published=published)
        return next(iter(self.run([article]))).events


def _is_data(event: Event) -> bool:
    """An event with no one doing it and no one it is done to is not yet data, unless it is violence or
    unrest whose means show it was done by someone: "five grenade attacks injured 14", "a roadside bomb
    killed two" (ACLED codes unknown perpetrators too); "eight people were killed" alone may be an
    accident. Runs before the ACLED rules, so a category here is the trigger's or its instrument's."""
    if event.source or event.target:
        return True
    return event.type in UNREST_TYPES and (event.mode is not None or event.acled_sub_event_type is not None)
