"""Mentions become events: each phrase is resolved to an actor, a place or a date of the article."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from whodid.ontology import load_ontology
from whodid.records import (
    Actor,
    ActorRef,
    Article,
    DateRef,
    Event,
    Evidence,
    Mention,
    Phrase,
    Place,
    Report,
    Span,
    stable_id,
)
from whodid.resolve.actors import ActorKB
from whodid.resolve.dates import find_dates
from whodid.resolve.gazetteer import Gazetteer

# Unknown names kept as actors, by NER label. An unknown GPE is a place ("Gaza", "Kidal"), not an actor:
# the countries and capitals that act ("Iraq", "Washington") are all in the knowledge base.
NAME_KINDS = {"PERSON": "person", "ORG": "organisation", "NORP": "group"}
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "it", "its"})
# A place that only the sentence, not the trigger, governs is "near" at best.
SENTENCE_LEVEL_PRECISION = 2
COUNTRY_PRECISION = 4
# Places whose names also stand for their governments ("Washington said"); a base or camp never acts,
# so "the attack on Ain al-Asad air base" keeps the base as its place even though it is also the target.
METONYM_FEATURES = frozenset({"country", "city", "admin1", "region"})


@dataclass(slots=True)
class ArticleContext:
    """What resolution needs to know about the whole article, computed once."""

    article: Article
    actors: list[Actor]  # every KB mention in the article, in text order: antecedents for pronouns
    countries: set[str]  # countries the article talks about: hints for ambiguous place names
    dates_by_sentence: dict[int, list[DateRef]] = field(default_factory=dict)
    places_by_sentence: dict[int, list[Place]] = field(default_factory=dict)
    # What any event of a sentence uses as an actor is not that sentence's place ("to visit Washington").
    actor_spans_by_sentence: dict[int, list[Span]] = field(default_factory=dict)


class EventResolver:
    def __init__(self, kb: ActorKB | None = None, gazetteer: Gazetteer | None = None) -> None:
        self.kb = kb or ActorKB.default()
        self.gazetteer = gazetteer or Gazetteer.default()
        self.ontology = load_ontology()

    def resolve(self, article: Article, mentions: Sequence[Mention]) -> list[Event]:
        if not mentions:
            return []
        actors = self.kb.find(article.text, when=article.published)
        context = ArticleContext(article, actors, {a.country for a in actors if a.country})
        for mention in mentions:
            spans = context.actor_spans_by_sentence.setdefault(mention.sentence.index, [])
            spans += [phrase.span for ref in mention.sources + mention.targets for phrase in ref.candidates]
        return [self._event(mention, context) for mention in mentions]

    def _event(self, mention: Mention, context: ArticleContext) -> Event:
        sources = self._actors(mention.sources, context, exclude=())
        targets = self._actors(mention.targets, context, exclude=[a.actor_id for a in sources])
        info = self.ontology[mention.type]
        date_ref = self._date(mention, context)
        attributed = self._actors([mention.attributed_to], context, ()) if mention.attributed_to else []
        article = context.article
        return Event(
            event_id=stable_id(article.id, mention.sentence.span, mention.trigger_span),
            article_id=article.id,
            type=mention.type,
            evidence=Evidence(
                mention.sentence.text,
                mention.sentence.span,
                mention.trigger_text,
                mention.trigger_span,
                mention.clause_depth,
            ),
            cameo=mention.cameo,
            mode=mention.mode,
            quad_class=info.quad_class,
            goldstein=info.goldstein,
            acled_event_type=mention.acled_event_type,
            acled_sub_event_type=mention.acled_sub_event_type,
            source=sources,
            target=targets,
            date=date_ref.date if date_ref else None,
            date_end=date_ref.date_end if date_ref else None,
            date_precision=date_ref.precision if date_ref else None,
            date_text=date_ref.text if date_ref else None,
            date_span=date_ref.span if date_ref else None,
            location=self._place(mention, context, sources + targets),
            fatalities=mention.fatalities,
            injured=mention.injured,
            arrested=mention.arrested,
            participants=mention.participants,
            count=mention.count,
            factuality=mention.factuality,
            attributed_to=attributed[0] if attributed else None,
            attributed_to_text=mention.attributed_to_text,
            confidence=mention.confidence,
            reports=[Report(article.id, mention.sentence.index, mention.sentence.span, article.outlet)],
        )

    # actors ------------------------------------------------------------------------------------

    def _actors(
        self, refs: Sequence[ActorRef], context: ArticleContext, exclude: Sequence[str | None]
    ) -> list[Actor]:
        actors = []
        for ref in refs:
            actor = self._actor(ref, context, exclude)
            if actor is not None and all(actor.span != other.span for other in actors):
                actors.append(actor)
        return actors

    def _actor(self, ref: ActorRef, context: ArticleContext, exclude: Sequence[str | None]) -> Actor | None:
        when = context.article.published
        for phrase in ref.candidates:
            if phrase.label == "PRON":
                return _antecedent(phrase, context.actors, exclude)
            actor = self.kb.resolve(phrase.text, phrase.span, when=when)
            if actor is not None:
                return actor
        named = next((p for p in ref.candidates if p.label in NAME_KINDS), None)
        if named is not None:
            # A name we do not know is still an actor: keep what the text says, and what its title
            # tells ("Gambian President Dawda Jawara": a Gambian official).
            kind = NAME_KINDS[named.label or ""]
            title = self._title_before(named, ref.candidates, when)
            if title is not None:
                return replace(title, text=named.text, span=named.span, name=None, actor_id=None, kind=kind)
            return Actor(text=named.text, span=named.span, kind=kind)
        return None

    def _title_before(self, name: Phrase, candidates: Sequence[Phrase], when: date | None) -> Actor | None:
        """The actor the words before a name in a longer candidate resolve to, if they give a country."""
        for longer in candidates:
            start, end = longer.span
            if start < name.span[0] and end >= name.span[1]:
                title = longer.text[: name.span[0] - start].strip()
                actor = self.kb.resolve(title, (start, name.span[0]), when=when) if title else None
                if actor is not None and actor.country:
                    return actor
        return None

    # where and when -----------------------------------------------------------------------------

    def _date(self, mention: Mention, context: ArticleContext) -> DateRef | None:
        index = mention.sentence.index
        if index not in context.dates_by_sentence:
            start = mention.sentence.span[0]
            context.dates_by_sentence[index] = find_dates(
                mention.sentence.text, context.article.published, start
            )
        dates = context.dates_by_sentence[index]
        governed = [d for d in dates if _inside(d.span, mention.scope)]
        if governed:
            return governed[0]
        return None

    def _place(self, mention: Mention, context: ArticleContext, actors: list[Actor]) -> Place | None:
        candidates = self._sentence_places(mention, context)
        taken = [actor.span for actor in actors] + context.actor_spans_by_sentence[mention.sentence.index]
        free = [
            place
            for place in candidates
            if place.feature not in METONYM_FEATURES or not any(_overlaps(place.span, span) for span in taken)
        ]
        governed = [place for place in free if _inside(place.span, mention.scope)]
        if governed:
            return _finest(governed)
        if free:
            place = free[0]
            place.precision = max(place.precision or SENTENCE_LEVEL_PRECISION, SENTENCE_LEVEL_PRECISION)
            return place
        return None

    def _sentence_places(self, mention: Mention, context: ArticleContext) -> list[Place]:
        index = mention.sentence.index
        if index not in context.places_by_sentence:
            start = mention.sentence.span[0]
            # The gazetteer adds sites NER misses ("Tower 22"); countries come from NER, which can
            # tell "a US attack" (an actor) from "in the US" (a place).
            sites = self.gazetteer.find(mention.sentence.text, start)
            found = {place.span: place for place in sites if place.precision != COUNTRY_PRECISION}
            for phrase in mention.places:
                if not any(_overlaps(phrase.span, span) for span in found):
                    place = self._lookup(phrase, context)
                    if place is not None:
                        found[phrase.span] = place
            context.places_by_sentence[index] = [found[span] for span in sorted(found)]
        # Copies: an event may coarsen its place's precision without touching its neighbours'.
        return [replace(place) for place in context.places_by_sentence[index]]

    def _lookup(self, phrase: Phrase, context: ArticleContext) -> Place | None:
        place = self.gazetteer.lookup(phrase.text, context.countries)
        if place is None:
            return None
        place.text, place.span = phrase.text, phrase.span
        return place


def _antecedent(pronoun: Phrase, actors: list[Actor], exclude: Sequence[str | None]) -> Actor | None:
    """The nearest earlier actor a pronoun can stand for: a person for "him", a group for "they"."""
    word = pronoun.text.lower()
    if word not in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return None  # "I", "we", "you": the speaker or the reader, not an earlier actor
    wants_person = word in PERSON_PRONOUNS
    for actor in reversed(actors):
        if actor.span[1] > pronoun.span[0] or actor.actor_id in exclude:
            continue
        if (actor.kind == "person") == wants_person:
            return Actor(
                text=pronoun.text, span=pronoun.span, name=actor.name, actor_id=actor.actor_id,
                country=actor.country, sector=actor.sector, acled_inter=actor.acled_inter, kind=actor.kind,
            )  # fmt: skip
    return None


def _inside(span: Span, scope: list[Span]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in scope)


def _overlaps(first: Span, second: Span) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def _finest(places: list[Place]) -> Place:
    return min(places, key=lambda place: (place.precision or 4, place.span))
