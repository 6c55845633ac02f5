"""Mentions become events: each phrase is resolved to an actor, a place or a date of the article."""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import NamedTuple

import pycountry

from whodid.detect.places import load_place_words
from whodid.detect.roles import FORCE_TYPES
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
    PlacedSentence,
    PlacePhrase,
    Report,
    Sentence,
    Span,
    stable_id,
)
from whodid.resolve.acronyms import Acronyms, defined_acronyms
from whodid.resolve.actors import ActorKB
from whodid.resolve.dates import DateScan, RejectedDate, scan_dates
from whodid.resolve.gazetteer import Gazetteer
from whodid.resolve.kb_files import AGENT_KIND, IGO_KIND, PERSON_KIND, STATE_KIND

log = logging.getLogger(__name__)

# Unknown names kept as actors, by NER label. An unknown GPE is a place ("Gaza", "Kidal"), not an actor:
# the countries and capitals that act ("Iraq", "Washington") are all in the knowledge base.
NAME_KINDS = {"PERSON": PERSON_KIND, "ORG": "organisation", "NORP": "group"}
CIVIL_SOCIETY_SECTOR = "NGO"  # an organisation we do not know named as one (ActorKB.names_civil_society)
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
# How many sentences back a definite description ("the protesters") looks for whom it describes.
DEFINITE_REACH = 3
# ACLED's inter codes of crowds named for what they do (rioters 5, protesters 6): "the protesters" may
# be any earlier protesters, whatever else they are (graduates, farmers, teachers).
CROWD_INTERS = frozenset({5, 6})
# A possessive determiner right before a people noun, and the pronoun whose antecedent owns them.
POSSESSIVE_PRONOUNS = {"its": "it", "their": "they", "his": "he", "her": "she"}
# Words after people that say whose side they are on: "forces loyal to Haftar".
ALLEGIANCE_WORDS = ("loyal to", "allied to", "allied with", "affiliated with", "affiliated to")
MEMBERSHIP_WORD = "from "  # "doctors from two aid groups"; but "forces from Panama" leave a place
STATE_FORCES_INTER = 1  # ACLED's actor type of state forces
# What joins the members of one list: "and", a comma, "and a group of" before people counted as a body.
LISTING = re.compile(r"(?:and|or|,|, and)(?: (?:a|an) (?:group|delegation|team|number) of)?")
ETHNIC_WORD = "ethnic"  # "ethnic Turks": people of a nation, wherever they live
POSSESSIVE_WINDOW = 12  # characters before the noun in which the determiner is looked for
# Names a misspelling of a known one may be: people's and organisations', not nationalities.
SPELLED_NAME_LABELS = frozenset({"PERSON", "ORG"})
COUNTRY_NAME_LABELS = frozenset({"GPE", None})  # ... and places, misspelt names of countries only
GROUP_PRONOUNS = frozenset({"they", "them", "their", "it", "its"})
STANDING_PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS  # those that stand for an earlier actor
# A place that only the sentence, not the trigger, governs is "near" at best.
SENTENCE_LEVEL_PRECISION = 2
ARTICLE_LEVEL_PRECISION = 3  # an event placed only by the article's focus is placed as a region
# Events that happen somewhere physical, and so take the article's focus when their sentence names no
# place (statements are made wherever their speakers are).
FOCUS_LOCATED_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})
REGION_PRECISION = 3
NATIONALITY_LABEL = "NORP"
HOME_ACTING_KINDS = frozenset({AGENT_KIND, "state_body"})  # not a state itself, nor its leaders
# A town this size is what a name means more often than a person who shares it ("captured Jaffna").
NOTABLE_POPULATION = 20_000
COUNTRY_PRECISION = 4
# Places whose names also stand for their governments ("Washington said"); a base or camp never acts,
# so "the attack on Ain al-Asad air base" keeps the base as its place even though it is also the target.
METONYM_FEATURES = frozenset({"country", "city", "admin1", "region"})
# A name the text calls a place but the gazetteer does not hold: kept with what the text tells.
UNRESOLVED_FEATURE = "unresolved"
# Material cooperation and conflict happen somewhere; what a statement is about is no place of it.
MATERIAL_QUAD_CLASSES = frozenset({2, 4})
MATERIAL_CONFLICT = 4
CONFLICT_QUAD_CLASSES = frozenset({3, 4})  # verbal and material conflict
PEOPLE_WORD = "civilians"  # the agent a town's people resolve to
ARMED_GROUP_KIND = "armed_group"
OPERATION_TYPE = "ASSAULT"  # what a named military operation is
ARMED_SECTORS = frozenset({"REB", "MIL", "SPY", "CRM"})  # people who carry arms: they may act for a group
# Kinds of actor that may hold an office ("former president Menem", "the former ministers").
OFFICIAL_KINDS = frozenset({PERSON_KIND, AGENT_KIND})
# Actors that take the one country their sentence names: generic people and names we do not know.
CONTEXT_COUNTRY_KINDS = frozenset({AGENT_KIND, *NAME_KINDS.values()})
BORDER_WINDOW = 16  # characters around a place name searched for "border" (see _on_a_border)
# "King Hassan of Morocco": a person of the state named right after the name.
STATE_AFTER_OF = re.compile(r"\s+of\s+(?:the\s+)?")
PLACE_AFTER_OF_WINDOW = 32  # characters after people searched for "of southern" (_of_a_place_elsewhere)
STATE_AFTER_OF_WINDOW = 12
REGION_PRECISION = 3  # the precision of a region's kind of place ("province", "region")
DETERMINERS = frozenset({"the", "a", "an"})
OFFICE_WINDOW = 30  # characters before an official read for "former", where no noun phrase says more


@dataclass(slots=True)
class SentencePlaces:
    """A sentence's places, resolved once for all its events."""

    places: list[Place]  # in text order
    situating: set[Span]  # places that only situate another one ("north of Baghdad")
    borders: set[Span] = field(default_factory=set)  # places named as a state's edge ("the Thai border")


class SentenceCountry(NamedTuple):
    """The one country a sentence names (see EventResolver._sole_countries)."""

    sole: str | None
    not_only_as_state: str | None  # the same, where not only a state named as itself names it


@dataclass(slots=True)
class ArticleContext:
    """What resolution needs to know about the whole article, computed once."""

    article: Article
    actors: list[Actor]  # every KB mention in the article, in text order
    countries: set[str]  # countries the article talks about: hints for ambiguous place names
    acronyms: Acronyms = field(default_factory=Acronyms)  # those the article defines: "(MRTA)"
    dates_by_sentence: dict[int, DateScan] = field(default_factory=dict)
    places_by_sentence: dict[int, SentencePlaces] = field(default_factory=dict)
    # What any event of a sentence uses as an actor is not that sentence's place ("to visit Washington").
    actor_spans_by_sentence: dict[int, list[Span]] = field(default_factory=dict)
    source_spans_by_sentence: dict[int, list[Span]] = field(default_factory=dict)
    focus: Place | None = None  # the place the article is about: where its unplaced violence happened
    # The events resolved so far, in text order: antecedents of definite descriptions ("the protesters").
    earlier: list[Event] = field(default_factory=list)
    # The actors a pronoun may stand for: not a country's adjective, which modifies some other noun
    # ("rejected a Senegalese plan and said they ...").
    antecedents: list[Actor] = field(default_factory=list)
    # What the events made of those actors, by their words' span: what a later pronoun stands for
    # ("Ethnic Albanians have sworn to fight until they gain ...": as resolved, of Macedonia).
    resolved: dict[Span, Actor] = field(default_factory=dict)


class EventResolver:
    def __init__(self, kb: ActorKB | None = None, gazetteer: Gazetteer | None = None) -> None:
        self.kb = kb or ActorKB.default()
        self.gazetteer = gazetteer or Gazetteer.default()
        self.ontology = load_ontology()
        self.place_words = load_place_words()
        self.people = self.kb.resolve(PEOPLE_WORD)  # whom a town stands for when it is struck

    def resolve(self, article: Article, mentions: Sequence[Mention]) -> list[Event]:
        return self.resolve_article(article, mentions)[0]

    def resolve_article(
        self, article: Article, mentions: Sequence[Mention], placed: Sequence[PlacedSentence] = ()
    ) -> tuple[list[Event], list[Place]]:
        """The events of the mentions, and every place the article names: in the sentences that hold
        the events, and in the `placed` sentences that hold none."""
        if not mentions and not placed:
            return [], []
        actors = self.kb.find(article.text, when=article.published)
        acronyms = defined_acronyms(article.text, actors)
        actors = sorted(actors + acronyms.mentions(article.text), key=lambda actor: actor.span)
        antecedents = [actor for actor in actors if not self.kb.is_adjective(actor.text)]
        context = ArticleContext(
            article, actors, self._hint_countries(actors), acronyms, antecedents=antecedents
        )
        for mention in mentions:
            index = mention.sentence.index
            spans = context.actor_spans_by_sentence.setdefault(index, [])
            spans += [phrase.span for ref in mention.sources + mention.targets for phrase in ref.candidates]
            sources = context.source_spans_by_sentence.setdefault(index, [])
            sources += [phrase.span for ref in mention.sources for phrase in ref.candidates]
        for other in placed:
            if other.sentence.index not in context.places_by_sentence:
                resolved = self._resolve_places(other.sentence, other.places, context)
                context.places_by_sentence[other.sentence.index] = resolved
        for mention in mentions:
            self._sentence_places(mention, context)
        context.focus = self._focus(context)
        events = []
        for mention in mentions:
            events.append(self._event(mention, context))
            context.earlier.append(events[-1])
        by_sentence = context.places_by_sentence
        places = [place for index in sorted(by_sentence) for place in by_sentence[index].places]
        return events, places

    def _hint_countries(self, actors: list[Actor]) -> set[str]:
        """Countries the article's actors belong to: hints for ambiguous place names. A city standing
        for its government ("Tripoli said") gives none, or it would decide its own ambiguity."""
        return {
            actor.country
            for actor in actors
            if actor.country and not _is_city_name(self.gazetteer.lookup(actor.text))
        }

    def _event(self, mention: Mention, context: ArticleContext) -> Event:
        sentence_places = self._sentence_places(mention, context)
        # Who says so first: "King Hassan said he would host the talks" (he is the king).
        attributed = self._actors([mention.attributed_to], context, ()) if mention.attributed_to else []
        _remember_names(attributed, context)
        sources = self._actors(mention.sources, context, exclude=(), places=sentence_places)
        if not sources:
            sources = self._actors(mention.further_sources, context, exclude=(), places=sentence_places)
        targets = self._targets(mention.targets, context, sources, sentence_places)
        if not targets:
            targets = self._targets(mention.further_targets, context, sources, sentence_places)
        if not targets and mention.takes_land:
            targets = self._states_of_the_land(mention.targets, sentence_places, sources)
        if mention.type == OPERATION_TYPE:
            sources, targets = self._sides_of_the_operation(mention, context, sources, targets)
        sources = [_described_before(actor, mention, context, "source") for actor in sources]
        targets = [_described_before(actor, mention, context, "target") for actor in targets]
        info = self.ontology[mention.type]
        if not targets and mention.type in FORCE_TYPES:
            targets = self._townspeople(mention.targets)
        if info.quad_class not in MATERIAL_QUAD_CLASSES:
            sources = [self._nation_speaking(actor, context) for actor in sources]
        # A material act's target may be where it happened ("attack on Baghdad"); a statement's is not.
        place_actors = sources if info.quad_class in MATERIAL_QUAD_CLASSES else sources + targets
        place = self._place(mention, context, sentence_places, place_actors)
        if place is not None and place.span not in sentence_places.borders:
            # "protesters in Monrovia", "gunmen killed five in Kabul": people of no known country are
            # the country's where the sentence places the event, as ACLED codes "Protesters (Liberia)".
            sources = [self._local(actor, place.country) for actor in sources]
            targets = [self._local(actor, place.country) for actor in targets]
        # "Egyptian police dispersed demonstrators": whom the state acts on at home is of its country.
        targets = self._at_home(targets, sources)
        struck = info.quad_class == MATERIAL_CONFLICT
        conflict = info.quad_class in CONFLICT_QUAD_CLASSES
        targets = [
            people
            for actor in targets
            if (people := self._people_of_the_place(actor, context.article.text, struck, conflict))
            is not None
        ]
        # "Islamic fundamentalists demanded the resignation of the Algerian president": people and
        # names of no known country in a sentence about one country only are of that country.
        if any(actor.country is None for actor in sources + targets):
            # Whom force strikes says nothing of whose the attackers are ("terrorists shot two US
            # missionaries"), nor the attackers of whose their victims are.
            involved = [actor.span for actor in sources + targets] if mention.type in FORCE_TYPES else []
            if mention.type in FORCE_TYPES:
                # nor those of the act it tells the toll of ("a camp was attacked by Burundian
                # militiamen, killing 156 people": people of no nation said)
                involved += [
                    actor.span
                    for event in context.earlier
                    if event.type in FORCE_TYPES and event.reports[0].sentence_index == mention.sentence.index
                    for actor in event.source + event.target
                ]
            # nor does the nation of one who acts for an international body ("UN envoy Diego Cordovez")
            involved += [actor.span for actor in sources + targets if actor.kind == IGO_KIND]
            involved += _foreign_reporter(mention, sources + targets, context)
            homes = self._sole_countries(mention.sentence, sentence_places, context, involved)
            text = context.article.text
            sources = [self._of_the_sentence(actor, homes, text) for actor in sources]
            targets = [self._of_the_sentence(actor, homes, text) for actor in targets]
        targets = self._of_the_people_struck(mention, targets, context)
        sources = [self._of_the_one_group(actor, context) for actor in sources]
        targets = [self._of_the_one_group(actor, context) for actor in targets]
        location = place or self._focus_place(mention, context)
        _remember_names(sources + targets, context)
        context.resolved.update((actor.span, actor) for actor in sources + targets if not is_pronoun(actor))
        found_date = self._date(mention, context)
        date_ref = found_date if isinstance(found_date, DateRef) else None
        rejected_date = found_date if isinstance(found_date, RejectedDate) else None
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
            reciprocal=_reciprocal(mention.reciprocal, sources, targets),
            date=date_ref.date if date_ref else None,
            date_end=date_ref.date_end if date_ref else None,
            date_precision=date_ref.precision if date_ref else None,
            date_text=date_ref.text if date_ref else None,
            date_span=date_ref.span if date_ref else None,
            date_rejected=f"{rejected_date.text}: {rejected_date.reason}" if rejected_date else None,
            location=location,
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

    def _targets(
        self, refs: Sequence[ActorRef], context: ArticleContext, sources: list[Actor], places: SentencePlaces
    ) -> list[Actor]:
        targets = self._actors(refs, context, [a.actor_id for a in sources], places)
        # "captured Jaffna", "shelled the town of Khanasir": a name we know only as a place is the
        # event's place, not the one it was done to. And the words that name the source do not name
        # the target too ("demands from Shona rebels that it initiate reforms").
        # Nor does a state act on itself: "deny entry to the United States" names where, not whom.
        source_spans = {a.span for a in sources}
        source_states = {a.actor_id for a in sources if a.kind == STATE_KIND}
        return [
            t
            for t in targets
            if (t.actor_id is not None or not _names_a_place(t, places))
            and t.span not in source_spans
            and not (t.kind == STATE_KIND and t.actor_id in source_states)
        ]

    def _sides_of_the_operation(
        self, mention: Mention, context: ArticleContext, sources: list[Actor], targets: list[Actor]
    ) -> tuple[list[Actor], list[Actor]]:
        """ "the Hamas-led Al-Aqsa Flood operation": a named operation's actor and target, for the sides
        the sentence leaves unsaid."""
        named = self.kb.operation_before(context.article.text, mention.trigger_span[0])
        if named is None:
            return sources, targets
        operation, span = named
        text = context.article.text[slice(*span)]
        actor, state = self.kb.entries.get(operation.actor), self.kb.entries.get(operation.target)
        # The operation's own name is no actor: "Operation Sindoor strikes" are India's.
        sources = [a for a in sources if not _inside(a.span, [span])]
        targets = [a for a in targets if not _inside(a.span, [span])]
        if not sources and actor is not None:
            sources = [actor.to_actor(text, span, context.article.published)]
        if not targets and state is not None and state.country not in {a.country for a in sources}:
            targets = [state.to_actor(text, span)]
        return sources, targets

    def _states_of_the_land(
        self, refs: Sequence[ActorRef], places: SentencePlaces, sources: list[Actor]
    ) -> list[Actor]:
        """ "invaded South Lebanon", "the annexation of Crimea": the state whose land is taken."""
        ours = {actor.country for actor in sources}
        states = []
        for head in (ref.candidates[0] for ref in refs if ref.candidates):
            place = next((p for p in places.places if _overlaps(p.span, head.span) and p.country), None)
            owner = self.kb.entries.get(place.country or "") if place is not None else None
            if owner is not None and owner.is_country and owner.country not in ours:
                states.append(owner.to_actor(head.text, head.span))
        return states

    def _actors(
        self,
        refs: Sequence[ActorRef],
        context: ArticleContext,
        exclude: Sequence[str | None],
        places: SentencePlaces | None = None,
    ) -> list[Actor]:
        actors = []
        for ref in refs:
            actor = self._actor(ref, context, exclude)
            if actor is None:
                continue
            actor = _with_phrase(actor, ref.phrases)
            actor = self._not_the_patrons(actor, context.article.text)
            actor = _as_ethnicity(actor, context)
            if places is not None:
                actor = self._of_a_place_elsewhere(actor, places, context.article.text)
            if actor.kind == AGENT_KIND and actor.country is None:
                # People of no known country: the nation named before the actor they are listed with,
                # the place they are in, or their owner, may tell.
                actor = self._listed_with(actor, actors, context)
                if actor.country is None and places is not None and ref.located_in is not None:
                    actor = self._located(actor, ref.located_in, places)
                if actor.country is None:
                    actor = self._owned(actor, context, exclude)
                if actor.country is None:
                    actor = self._owner_named_before(actor, context)
                if actor.country is None:
                    actor = self._loyal_to(actor, context)
            if (
                actor.sector == "GOV"
                and actor.kind in OFFICIAL_KINDS
                and self._put_out_of_office(actor, context)
            ):
                actor = self.kb.out_of_office(actor)
            if all(actor.span != other.span for other in actors):
                actors.append(actor)
        return self._sharing_nouns(actors, context.article.text)

    def _not_the_patrons(self, actor: Actor, text: str) -> Actor:
        """ "Israel's militia ally": people a state's word qualifies, followed in their own phrase by a
        word that makes the state their patron (`patron_words`), are not of that state."""
        if actor.kind != AGENT_KIND or actor.country is None or actor.phrase is None:
            return actor
        after = text[actor.span[1] : actor.phrase.span[1]].split()
        if not after or after[0].lower().strip(",.") not in self.kb.patron_words:
            return actor
        bare = self.kb.bare_agent(actor.text)
        return replace(bare, text=actor.text, span=actor.span, phrase=actor.phrase) if bare else actor

    def _sharing_nouns(self, actors: list[Actor], text: str) -> list[Actor]:
        """ "Sierra Leonean and Liberian refugees": a nation's adjective the parser left standing alone
        before "and" and another nation's people shares their noun; it names them, not a state."""
        shared = list(actors)
        for position, (alone, people) in enumerate(itertools.pairwise(actors)):
            joined = text[alone.span[1] : people.span[0]].strip() in {"and", "or", ","}
            if not (joined and alone.kind == STATE_KIND and people.kind == AGENT_KIND and people.country):
                continue
            if not self.kb.is_adjective(alone.text):
                continue
            bare = self.kb.bare_agent(people.text)
            qualified = (
                self.kb.of_country(bare, alone.country) if bare is not None and alone.country else None
            )
            if qualified is not None and qualified.country == alone.country:
                shared[position] = replace(qualified, text=alone.text, span=alone.span, phrase=alone.phrase)
        return shared

    def _put_out_of_office(self, official: Actor, context: ArticleContext) -> bool:
        """Whether the words before an official, in its own noun phrase (or the few before it), put it
        out of office: "former president Carlos Menem", "Ousted President Askar Akayev"."""
        start, end = official.span
        text = context.article.text

        def words(first: int, last: int) -> list[str]:
            return text[first:last].lower().replace("-", " ").split()  # "ex-president"

        if official.phrase is not None and official.phrase.span[0] < start:
            before = words(official.phrase.span[0], start)
        else:
            before = words(max(0, start - OFFICE_WINDOW), start)[-2:]
        return any(word in self.kb.out_of_office_words for word in [*before, *words(start, end)])

    def _nation_speaking(self, actor: Actor, context: ArticleContext) -> Actor:
        """ "The Palestinians rejected the proposal", "Israelis and Palestinians failed to agree": a
        nation's people named bare, speaking or dealing as one, are its government, as CAMEO's coders
        code them; not people the text describes further ("young Algerians", "Albanians of Serbia")."""
        nation = self.kb.nation_of(actor)
        if nation is None:
            return actor
        if actor.phrase is not None:
            words = context.article.text[slice(*actor.phrase.span)].split()
            if [word for word in words if word.lower() != "the"] != actor.text.split():
                return actor
        return nation

    def _listed_with(self, actor: Actor, actors: list[Actor], context: ArticleContext) -> Actor:
        """ "Israeli helicopters and tanks", "Iraqi soldiers and policemen", "Speaker Laurent Fabius and a
        group of deputies": listed with an agent or an official of a nation, of its side (the same
        sector, or both of the state), they are of that nation too; not "Russian soldiers and rebels",
        the two sides of a clash."""
        before = actors[-1] if actors else None
        if before is None or before.kind not in OFFICIAL_KINDS or before.country is None:
            return actor
        state_forces = before.acled_inter == actor.acled_inter == STATE_FORCES_INTER
        if before.sector != actor.sector and not state_forces:
            return actor
        between = context.article.text[before.span[1] : actor.span[0]]
        listed = LISTING.fullmatch(" ".join(between.split())) is not None
        return self.kb.of_country(actor, before.country) if listed else actor

    def _local(self, actor: Actor, country: str | None) -> Actor:
        """People of no known country, of a sector that mostly acts at home, are of the country where
        they are (the event's place's, or that of the state agents acting on them)."""
        if actor.kind != AGENT_KIND or actor.country or not country or actor.sector in self.kb.mobile_sectors:
            return actor
        return self.kb.of_country(actor, country)

    def _of_the_sentence(self, actor: Actor, homes: SentenceCountry, text: str) -> Actor:
        """An actor of no known country, neither a transnational body nor people who often act abroad,
        takes the one country its sentence names (see `_sole_countries`); not one whose own words name
        a nation we do not know ("Ruritanian President Odo Varga"). A name we do not know does not take
        it from a state named only as itself, which people of any nation may act on ("President Bush
        threatened Russia", "the archbishop demanded sanctions against Nigeria")."""
        country = homes.sole if actor.kind == AGENT_KIND else homes.not_only_as_state
        if actor.country or not country or actor.kind not in CONTEXT_COUNTRY_KINDS:
            return actor
        if actor.sector in self.kb.mobile_sectors or self._unknown_modifier(actor, text):
            return actor
        if actor.kind == AGENT_KIND:
            return self.kb.of_country(actor, country)
        return replace(actor, country=country)

    def _sole_countries(
        self, sentence: Sentence, places: SentencePlaces, context: ArticleContext, involved: list[Span]
    ) -> SentenceCountry:
        """The one country a sentence names through its places and its actors other than the
        `involved` ones, and the same where something other than the state named as itself names it
        too; None where it names none or several. Forces, which often act abroad, say nothing of whose
        the others are ("French troops attacked the rebels"), nor does a border ("the Thai border")."""
        start, end = sentence.span
        borders = list(places.borders)
        named = [
            actor
            for actor in context.actors
            if actor.country
            and start <= actor.span[0]
            and actor.span[1] <= end
            and actor.sector not in self.kb.mobile_sectors
            and not _overlaps_any(actor.span, involved + borders)
        ]
        placed = [place for place in places.places if place.country and place.span not in places.borders]
        states = [actor.span for actor in named if actor.kind == STATE_KIND]
        every = {place.country for place in placed} | {actor.country for actor in named}
        not_states = {place.country for place in placed if not _overlaps_any(place.span, states)}
        not_states |= {actor.country for actor in named if actor.kind != STATE_KIND}
        sole = every.pop() if len(every) == 1 else None
        return SentenceCountry(sole, sole if sole in not_states else None)

    def _unknown_modifier(self, actor: Actor, text: str) -> bool:
        """Whether a capitalised word before the actor, in its own noun phrase, is none we know."""
        if actor.phrase is None or actor.phrase.span[0] >= actor.span[0]:
            return False
        words = text[actor.phrase.span[0] : actor.span[0]].split()
        return any(
            word[:1].isupper() and word.lower() not in DETERMINERS and not self.kb.knows_word(word)
            for word in words
        )

    def _townspeople(self, refs: Sequence[ActorRef]) -> list[Actor]:
        """ "retook a strategic village", "shelled the town": where force strikes no one named, a town
        or a village it strikes stands for the people who live there (their country, as any people's,
        from where the sentence puts them)."""
        if self.people is None:
            return []
        for head in (ref.candidates[-1] for ref in refs if ref.candidates):
            if (
                head.label is None
                and _singular(head.text.lower().split()[-1]) in self.place_words.settlement_nouns
            ):
                return [replace(self.people, text=head.text, span=head.span)]
        return []

    def _people_of_the_place(self, actor: Actor, text: str, struck: bool, conflict: bool) -> Actor | None:
        """ "threatened to shell Chadian towns": a state named by its towns is the people who live there;
        and so is a town named as what an attack or a coercion strikes ("shelled the capital Niamey",
        "would blockade Paris"), whose name stands for the government when it speaks. Where no conflict
        touches them, such towns are only a place: None ("withdrew from the Bosnian town of Gorazde")."""
        if actor.kind != STATE_KIND or actor.country is None:
            return actor
        phrase = text[slice(*actor.phrase.span)] if actor.phrase else actor.text
        head = phrase.split(" of ")[0].split()  # "the Bosnian town of Gorazde": the town, named after
        town_noun = bool(head) and _singular(head[-1].lower()) in self.place_words.settlement_nouns
        if not (town_noun or (struck and _is_city_name(self.gazetteer.lookup(actor.text)))):
            return actor
        if not conflict:
            return None
        if self.people is None:
            return actor
        return replace(self.kb.of_country(self.people, actor.country), text=actor.text, span=actor.span,
                       phrase=actor.phrase)  # fmt: skip

    def _at_home(self, targets: list[Actor], sources: list[Actor]) -> list[Actor]:
        """Targets of no known country that a police force, officials or a court of one country act on
        are of that country; a state itself, its army or its leaders may act abroad."""
        homes = {
            actor.country
            for actor in sources
            if actor.kind in HOME_ACTING_KINDS and actor.sector in self.kb.home_sectors and actor.country
        }
        if len(homes) != 1:
            return targets
        [home] = homes
        return [self._local(actor, home) for actor in targets]

    def _located(self, actor: Actor, located_in: Phrase, places: SentencePlaces) -> Actor:
        """People of no known country take the country of the place the text puts them in:
        "demonstrators in Baghdad" are Iraqi demonstrators."""
        place = next((p for p in places.places if _overlaps(p.span, located_in.span) and p.country), None)
        # The place finder leaves out what only says where people are from: ask the gazetteer then.
        place = place or self.gazetteer.lookup(located_in.text)
        return self.kb.of_country(actor, place.country) if place is not None and place.country else actor

    def _on_a_border(self, place: Place, text: str) -> bool:
        """ "near the Thai border", "on the border with Chad": a state's edge, where people of either side
        may be."""
        after = text[place.span[1] : place.span[1] + BORDER_WINDOW].split()
        before = text[max(0, place.span[0] - BORDER_WINDOW) : place.span[0]].lower().split()
        borders = self.place_words.border_words
        return bool(after and after[0].lower().strip(",.;") in borders) or (
            len(before) >= 2 and before[-1] == "with" and before[-2] in borders
        )

    def _of_a_place_elsewhere(self, actor: Actor, places: SentencePlaces, text: str) -> Actor:
        """ "The Albanians of southern Serbia": a nation's people "of" a place in another state are of
        the state they live in, as "ethnic Albanians" are; "of the province" is the region the sentence
        named before them ("in Montenegro against the Albanian population of the province")."""
        if not self.kb.names_a_nations_people(actor):
            return actor
        after = text[actor.span[1] : actor.span[1] + PLACE_AFTER_OF_WINDOW].lower()
        of = STATE_AFTER_OF.match(after)
        if of is None:
            return actor
        start = actor.span[1] + of.end()
        # The place's name may come after a word that only says which part of it ("southern Serbia").
        part, _, rest = after[of.end() :].partition(" ")
        directions = self.place_words.direction_adjectives
        if rest and (part in directions or f"{part}ern" in directions):
            start += len(part) + 1
        place = next((p for p in places.places if p.span[0] == start and p.country), None)
        if place is None and self.place_words.place_nouns.get(part.strip(",.;"), 0) >= REGION_PRECISION:
            earlier = [p for p in places.places if p.span[1] <= actor.span[0] and p.country]
            place = max(earlier, key=lambda p: p.span) if earlier else None
        if place is None or place.country == actor.country:
            return actor
        return _living_in(actor, place.country)

    def _owned(self, actor: Actor, context: ArticleContext, exclude: Sequence[str | None]) -> Actor:
        """People of no known country whose owner is a pronoun ("its troops", "their forces") are the
        owner's: the country of the actor the pronoun stands for."""
        start = actor.span[0]
        before = context.article.text[max(0, start - POSSESSIVE_WINDOW) : start].split()
        owner_word = before[-1].lower() if before else ""
        if owner_word not in POSSESSIVE_PRONOUNS:
            return actor
        # The pronoun it stands for, at the noun: antecedents are the actors named before it.
        owner = _antecedent(Phrase(POSSESSIVE_PRONOUNS[owner_word], (start, start), "PRON"), context, exclude)
        return self.kb.of_country(actor, owner.country) if owner is not None and owner.country else actor

    def _owner_named_before(self, actor: Actor, context: ArticleContext) -> Actor:
        """People of no known country whose own noun phrase names one state before them: "Nicaragua's
        Sandinista government", "Ankara's district administration"."""
        if actor.phrase is None or actor.phrase.span[0] >= actor.span[0]:
            return actor
        return self._of_the_state_named_in(actor, (actor.phrase.span[0], actor.span[0]), context)

    def _loyal_to(self, actor: Actor, context: ArticleContext) -> Actor:
        """People of no known country whose own noun phrase says whom they are loyal or allied to:
        "forces loyal to Khalifa Haftar", "militants loyal to Iraq's al-Qaeda frontman"; or the body
        they come from: "doctors from two American aid groups" (not "forces from Panama", a place they
        leave)."""
        if actor.phrase is None or actor.phrase.span[1] <= actor.span[1]:
            return actor
        start, end = actor.span[1], actor.phrase.span[1]
        after = " ".join(context.article.text[start:end].lower().split())
        if after.startswith(ALLEGIANCE_WORDS):
            return self._of_the_state_named_in(actor, (start, end), context)
        if after.startswith(MEMBERSHIP_WORD):
            inside = [owner for owner in context.actors if start <= owner.span[0] and owner.span[1] <= end]
            bodies = {owner.country for owner in inside if owner.country and owner.kind != STATE_KIND}
            return self.kb.of_country(actor, bodies.pop()) if len(bodies) == 1 else actor
        return actor

    def _of_the_people_struck(
        self, mention: Mention, targets: list[Actor], context: ArticleContext
    ) -> list[Actor]:
        """The toll of an attack on one nation's people ("a camp for Congolese refugees was attacked,
        killing 156 people"): people of no known country it names are of that nation."""
        if mention.outcome_of is None:
            return targets
        cause = next((e for e in context.earlier if e.evidence.trigger_span == mention.outcome_of), None)
        struck = [a for a in cause.target if a.kind == AGENT_KIND] if cause is not None else []
        nations = {a.country for a in struck}
        if not struck or len(nations) != 1 or None in nations:
            return targets
        [nation] = nations
        return [
            self.kb.of_country(a, nation) if a.kind == AGENT_KIND and a.country is None else a
            for a in targets
        ]

    def _of_the_one_group(self, actor: Actor, context: ArticleContext) -> Actor:
        """ "Rebels", "the guerrillas" in an article that names one armed group, and no other, are that
        group's members: the group acts through them. Not where their country is not the group's; of a
        group that fights in many countries ("al-Qaeda"), they keep the country where they act."""
        if not self.kb.names_group_members(actor):
            return actor
        groups = {other.actor_id: other for other in context.actors if other.kind == ARMED_GROUP_KIND}
        if len(groups) != 1:
            return actor
        group = next(iter(groups.values()))
        if None not in (actor.country, group.country) and actor.country != group.country:
            return actor
        return replace(
            group,
            text=actor.text,
            span=actor.span,
            country=group.country or actor.country,
            phrase=actor.phrase,
            antecedent=Phrase(group.text, group.span),
        )

    def _of_the_state_named_in(self, actor: Actor, stretch: Span, context: ArticleContext) -> Actor:
        """The people of the one state the article's actors inside a stretch of text belong to (the
        actors were found once, whole); unchanged where none or several are named there."""
        countries = _countries_named_in(stretch, context)
        return self.kb.of_country(actor, countries.pop()) if len(countries) == 1 else actor

    def _actor(self, ref: ActorRef, context: ArticleContext, exclude: Sequence[str | None]) -> Actor | None:
        when = context.article.published
        countryless: Actor | None = None
        for phrase in ref.candidates:
            if phrase.label == "PRON":
                return countryless or _antecedent(phrase, context, exclude)
            written = context.article.text[slice(*phrase.span)]
            if (defined := context.acronyms.stood_for(written, phrase.span)) is not None:
                return replace(defined, text=phrase.text, span=phrase.span)
            actor = self.kb.resolve(phrase.text, phrase.span, when=when)
            if actor is not None and actor.kind == AGENT_KIND and actor.country is None:
                # "Cabinet" of "Israel's Cabinet": a longer phrase for the same people may tell whose.
                countryless = countryless or actor
            elif actor is not None and actor.kind == PERSON_KIND:
                return self._for_the_body_titled(actor, ref.candidates, when)
            elif actor is not None:
                return actor
        if countryless is not None:
            return self._member_of_group_named_after(countryless, ref) or countryless
        named = next((p for p in ref.candidates if p.label in NAME_KINDS), None)
        earlier = self._named_before(named, context.actors) if named is not None else None
        if earlier is not None:
            return earlier
        if named is not None and named.label in SPELLED_NAME_LABELS:
            known = self.kb.spelled_like(named.text, named.span, when)
            if known is not None:
                return known
        if named is None:
            # "Ethopia has agreed": a country's name misspelt, which the recogniser may not see as a name.
            place_named = next((p for p in ref.candidates if p.label in COUNTRY_NAME_LABELS), None)
            if place_named is not None and place_named.text[:1].isupper():
                return self.kb.country_spelled_like(place_named.text, place_named.span, when)
        if named is not None:
            # A name we do not know is still an actor: keep what the text says, and what its title
            # tells ("Gambian President Dawda Jawara": a Gambian official).
            kind = NAME_KINDS[named.label or ""]
            title = self._title_before(named, ref.candidates, when) or self._title_inside(named, when)
            if title is not None and title.country:
                return replace(title, text=named.text, span=named.span, name=None, actor_id=None, kind=kind)
            # "the Liberian Peace Council", "the Kenya Anti-Corruption Commission": a body whose name
            # holds one state's name is of that state; "King Hassan of Morocco", a person of a state.
            countries = _countries_named_in(named.span, context) if kind == "organisation" else set()
            if kind == PERSON_KIND and not countries:
                countries = _state_after_of(named, context)
            country = countries.pop() if len(countries) == 1 else None
            sector, inter = (title.sector, title.acled_inter) if title is not None else (None, None)
            if title is None and kind == "organisation" and self.kb.names_civil_society(named.text):
                sector = CIVIL_SOCIETY_SECTOR  # mobile: the sentence's country is not taken as its own
            return Actor(text=named.text, span=named.span, kind=kind, country=country, sector=sector,
                         acled_inter=inter)  # fmt: skip
        return None

    def _for_the_body_titled(self, person: Actor, candidates: Sequence[Phrase], when: date | None) -> Actor:
        """ "U.N. mediator Diego Cordovez", "EU envoy X": a person the text names by an international
        body's office acts for that body, whatever their own country."""
        title = self._title_before(Phrase(person.text, person.span), candidates, when)
        if title is None or title.kind != IGO_KIND:
            return person
        return replace(
            person, kind=IGO_KIND, country=None, sector=title.sector, acled_inter=title.acled_inter
        )

    def _member_of_group_named_after(self, agent: Actor, ref: ActorRef) -> Actor | None:
        """ "a group of terrorists from the Zarate Willka Armed Forces of Liberation": armed people of a
        group the text names after them, which the knowledge base does not know, act as that group."""
        if agent.sector not in ARMED_SECTORS:
            return None
        group = next((p for p in ref.candidates if p.label == "ORG" and p.span[0] >= agent.span[1]), None)
        if group is None or self.kb.resolve(group.text, group.span) is not None:
            return None
        return Actor(text=group.text, span=group.span, kind=NAME_KINDS["ORG"], sector=agent.sector,
                     acled_inter=agent.acled_inter)  # fmt: skip

    def _named_before(self, name: Phrase, actors: list[Actor]) -> Actor | None:
        """A person the article named in full before, now called by surname ("Akayev", "Mr Akayev"):
        the one earlier person whose name ends in that word."""
        if name.label != "PERSON":
            return None
        surname = self.kb.alias_key(name.text)[-1:]
        people = {
            actor.actor_id: actor
            for actor in actors
            if actor.kind == PERSON_KIND
            and actor.span[1] <= name.span[0]
            and actor.name
            and self.kb.alias_key(actor.name)[-1:] == surname
        }
        if len(people) != 1:
            return None
        [person] = people.values()
        return replace(person, text=name.text, span=name.span)

    def _title_before(self, name: Phrase, candidates: Sequence[Phrase], when: date | None) -> Actor | None:
        """The actor the words before a name in a longer candidate resolve to, if they give a country
        or a sector ("Judge Alejandro Rivera", "King Hassan"); one that gives a country first."""
        titles = []
        for longer in candidates:
            start, end = longer.span
            if start < name.span[0] < end:  # a phrase may end inside a hyphenated name: "Fazl-ur-Rehman"
                title = longer.text[: name.span[0] - start].strip()
                actor = self.kb.resolve(title, (start, name.span[0]), when=when) if title else None
                if actor is not None and (actor.country or actor.sector):
                    titles.append(actor)
        return next((title for title in titles if title.country), titles[0] if titles else None)

    def _title_inside(self, name: Phrase, when: date | None) -> Actor | None:
        """The office a person's name begins with, where the recogniser took the title into the name
        ("President Osric of Lesotho"): an agent with a title, whose sector the person takes."""
        first = name.text.split(maxsplit=1)[0]
        actor = self.kb.resolve(first, (name.span[0], name.span[0] + len(first)), when=when)
        return actor if actor is not None and actor.kind == AGENT_KIND and actor.sector else None

    # where and when -----------------------------------------------------------------------------

    def _date(self, mention: Mention, context: ArticleContext) -> DateRef | RejectedDate | None:
        """The date phrase the trigger governs: a date, or the reason it is none ("31 February")."""
        index = mention.sentence.index
        if index not in context.dates_by_sentence:
            start = mention.sentence.span[0]
            scan = scan_dates(mention.sentence.text, context.article.published, start)
            for rejected in scan.rejected:
                log.info("%s: date %r rejected: %s", context.article.id, rejected.text, rejected.reason)
            context.dates_by_sentence[index] = scan
        scan = context.dates_by_sentence[index]
        governed = [d for d in scan.found if _inside(d.span, mention.scope)]
        if governed:
            return governed[0]
        return next((r for r in scan.rejected if _inside(r.span, mention.scope)), None)

    def _place(
        self, mention: Mention, context: ArticleContext, sentence: SentencePlaces, actors: list[Actor]
    ) -> Place | None:
        """The place the trigger governs, the finest and nearest first; else the sentence's, coarsened."""
        taken = [actor.span for actor in actors]
        if self.ontology[mention.type].quad_class not in MATERIAL_QUAD_CLASSES:
            # "to visit Washington": what any event of a verbal sentence acts on is no place of it.
            taken += context.actor_spans_by_sentence[mention.sentence.index]
        free = [
            replace(place)  # a copy: an event may coarsen its place without touching its neighbours'
            for place in sentence.places
            if (
                place.feature not in METONYM_FEATURES
                or not any(_overlaps(place.span, span) for span in taken)
            )
            and not _inside(place.span, mention.elsewhere)
        ]
        # Governed: inside the trigger's subtree; those hanging from the trigger itself, not from a
        # clause of another verb, come first, then the finest.
        governed = [place for place in free if _inside(place.span, mention.scope)]
        if governed:
            attached = set(mention.attached_places)
            return min(governed, key=lambda place: _rank(place, sentence, attached))
        if free:
            place = min(free, key=lambda p: (p.span in sentence.situating, p.span))
            place.precision = max(place.precision or SENTENCE_LEVEL_PRECISION, SENTENCE_LEVEL_PRECISION)
            return place
        return None

    def _focus_place(self, mention: Mention, context: ArticleContext) -> Place | None:
        if context.focus is not None and mention.type in FOCUS_LOCATED_TYPES:
            # ACLED's coders place an event the sentence does not locate where the story is, coarsely.
            place = replace(context.focus)
            place.precision = max(place.precision or ARTICLE_LEVEL_PRECISION, ARTICLE_LEVEL_PRECISION)
            return place
        return None

    def _focus(self, context: ArticleContext) -> Place | None:
        """The place the article names most often (by gazetteer entry), the first of equals; places that
        name who acts in their sentence ("Washington said") do not count."""
        counts: dict[tuple, list[Place]] = {}
        for index in sorted(context.places_by_sentence):
            taken = context.source_spans_by_sentence.get(index, [])
            for place in context.places_by_sentence[index].places:
                as_actor = place.feature in METONYM_FEATURES and _overlaps_any(place.span, taken)
                if place.lat is None or as_actor:
                    continue
                counts.setdefault((place.name, place.country, place.feature), []).append(place)
        if not counts:
            return None
        return max(counts.values(), key=len)[0]

    def _sentence_places(self, mention: Mention, context: ArticleContext) -> SentencePlaces:
        index = mention.sentence.index
        if index not in context.places_by_sentence:
            resolved = self._resolve_places(mention.sentence, mention.places, context)
            context.places_by_sentence[index] = resolved
        return context.places_by_sentence[index]

    def _resolve_places(
        self, sentence: Sentence, phrases: Sequence[PlacePhrase], context: ArticleContext
    ) -> SentencePlaces:
        # The gazetteer adds sites NER misses ("Tower 22"); countries come from NER, which can
        # tell "a US attack" (an actor) from "in the US" (a place).
        sites = self.gazetteer.find(sentence.text, sentence.span[0])
        found = {place.span: place for place in sites if place.precision != COUNTRY_PRECISION}
        phrases = [p for p in phrases if not any(_overlaps(p.span, span) for span in found)]
        # Places that situate others first: their country tells which "Sinjar" the finer one is.
        for phrase in sorted(phrases, key=lambda p: p.locates is None):
            situating = [found[p.span] for p in phrases if p.locates == phrase.span and p.span in found]
            place = self._place_of(phrase, context, situating)
            if place is not None:
                found[phrase.span] = place
        situating_spans = {p.span for p in phrases if p.locates is not None and p.locates in found}
        text = context.article.text
        borders = {span for span, place in found.items() if self._on_a_border(place, text)}
        return SentencePlaces([found[span] for span in sorted(found)], situating_spans, borders)

    def _names_area(self, phrase: PlacePhrase) -> bool:
        """The phrase modifies a noun of land ("capital", "province"), not a building or a thing."""
        return phrase.kind_word is not None and phrase.kind_word.lower() in self.place_words.place_nouns

    def _city_named_as_country(self, phrase: PlacePhrase, country: Place) -> Place | None:
        candidates = self.gazetteer.candidates(phrase.text, {country.country or ""})
        city = next((c for c in candidates if c.feature == "city" and c.country == country.country), None)
        if city is not None:
            city.text, city.span = phrase.text, phrase.span
        return city

    def _notable(self, name: str, hints: set[str]) -> bool:
        """The name's best place is a town of NOTABLE_POPULATION people or more, a region or a country."""
        entries = self.gazetteer.ranked_entries(name, hints)
        return bool(entries) and (entries[0].curated or entries[0].rank_population >= NOTABLE_POPULATION)

    def _lookup_kind(self, name: str, hints: set[str], kind_precision: int | None) -> Place | None:
        """The gazetteer's best place for a name; for "Aleppo province", the province, if it knows one;
        for "Western Afghanistan", a part of Afghanistan (the country, at region precision)."""
        if kind_precision == REGION_PRECISION:
            regions = [c for c in self.gazetteer.candidates(name, hints) if c.precision == REGION_PRECISION]
            if regions:
                return regions[0]
        place = self.gazetteer.lookup(name, hints)
        first, _, rest = name.partition(" ")
        if place is None and rest and first.lower() in self.place_words.direction_adjectives:
            place = self.gazetteer.lookup(rest, hints)
            if place is not None:
                place.precision = max(place.precision or REGION_PRECISION, REGION_PRECISION)
        return place

    def _nation_of(self, phrase: PlacePhrase) -> Place | None:
        """ "on the Thai border": a nationality word names its country, never a town that happens to
        bear it as a name; None for a word the knowledge base knows as no nation's."""
        nation = self.kb.resolve(phrase.text)
        if nation is None or nation.kind != STATE_KIND or not nation.country:
            return None
        country = pycountry.countries.get(alpha_3=nation.country)
        place = self.gazetteer.lookup(country.name) if country is not None else None
        if place is None or place.country != nation.country:
            return None
        place.text, place.span = phrase.text, phrase.span
        return place

    def _place_of(self, phrase: PlacePhrase, context: ArticleContext, situating: list[Place]) -> Place | None:
        """The gazetteer's place for a phrase; a name it lacks stays a place when the text says it is one,
        at the coordinates of the place that situates it ("the village of Tamthil in Homs province")."""
        hints = {place.country for place in situating if place.country} or context.countries
        if phrase.needs_notable and not self._notable(phrase.text, hints):
            return None  # "captured Khadr": a person, though some hamlet bears the name
        if phrase.label == NATIONALITY_LABEL and (nation := self._nation_of(phrase)) is not None:
            return nation
        kind_precision = self.place_words.kind_of_word(phrase.kind_word)
        place = self._lookup_kind(phrase.text, hints, kind_precision)
        whose = phrase.modifier and not self._names_area(phrase)
        if place is not None and place.feature == "country" and whose:
            # "a US attack", "the US embassy": whose, not where; "a Hong Kong hotel" is in the city;
            # "the Taiwan capital" is in Taiwan.
            return self._city_named_as_country(phrase, place)
        if place is not None:
            if phrase.modifies_trigger and self.kb.resolve(phrase.text):
                return None  # "a Hamas raid"
            place.text, place.span = phrase.text, phrase.span
            if kind_precision is not None and kind_precision > (place.precision or 1):
                place.precision = kind_precision  # "Homs province" is the province, not the city
            return place
        if phrase.needs_gazetteer or phrase.modifies_trigger:
            return None
        known = self.kb.resolve(phrase.text)
        if known is not None and known.actor_id is not None and known.kind != STATE_KIND:
            return None  # a group the recogniser took for a place ("Abu Sayyaf")
        # Not a border that situates it ("a stronghold on the Thai border"): the place may be either side.
        text = context.article.text
        near = next((p for p in situating if p.lat is not None and not self._on_a_border(p, text)), None)
        if near is None:
            return Place(text=phrase.text, span=phrase.span, name=phrase.text, feature=UNRESOLVED_FEATURE)
        precision = max(near.precision or SENTENCE_LEVEL_PRECISION, SENTENCE_LEVEL_PRECISION)
        return replace(
            near, text=phrase.text, span=phrase.span, name=phrase.text, geonameid=None,
            precision=precision, feature=UNRESOLVED_FEATURE,
        )  # fmt: skip


def _as_ethnicity(actor: Actor, context: ArticleContext) -> Actor:
    """ "ethnic Albanians in south Serbia": people of a nation living in another state are of the
    country where they are (their place's, or the event's), not of the state their name names."""
    before = context.article.text[max(0, actor.span[0] - len(ETHNIC_WORD) - 1) : actor.span[0]]
    if actor.kind != AGENT_KIND or actor.country is None or before.strip().lower() != ETHNIC_WORD:
        return actor
    return _living_in(actor, None)


def _living_in(people: Actor, country: str | None) -> Actor:
    """A nation's people as an ethnicity living in a state (`country`, or one yet to be told)."""
    return replace(people, country=country, actor_id=None, name=f"{ETHNIC_WORD} {people.name or people.text}")


def _with_phrase(actor: Actor, phrases: Sequence[Phrase]) -> Actor:
    """The actor with the shortest noun phrase that holds its words, when it says more than they do
    (an antecedent named in another sentence keeps its own words)."""
    holding = [phrase for phrase in phrases if _inside(actor.span, [phrase.span])]
    if not holding:
        return actor
    shortest = min(holding, key=lambda phrase: phrase.span[1] - phrase.span[0])
    return actor if shortest.span == actor.span else replace(actor, phrase=shortest)


def _described_before(actor: Actor, mention: Mention, context: ArticleContext, role: str) -> Actor:
    """ "Graduates protested in Baghdad. The protesters gathered in Tahrir Square": a definite generic
    agent is the actor in the same role of the nearest earlier event of the same type, a few sentences
    back, that it can describe (one of its sector, or anyone, for a crowd named for what it does)."""
    if not _is_definite_agent(actor, context.article.text):
        return actor
    index = mention.sentence.index
    for event in reversed(context.earlier):
        earlier_index = event.reports[0].sentence_index
        if earlier_index is None or earlier_index >= index:
            continue
        if index - earlier_index > DEFINITE_REACH:
            break
        if event.type != mention.type:
            continue
        for earlier in getattr(event, role):
            if _can_describe(actor, earlier):
                # "the group" stands for the group named before; its words are the antecedent.
                named = earlier.antecedent or (
                    Phrase(earlier.text, earlier.span) if earlier.kind != AGENT_KIND else None
                )
                return replace(earlier, text=actor.text, span=actor.span, antecedent=named)
    return actor


def _is_definite_agent(actor: Actor, text: str) -> bool:
    """A generic agent named with "the" ("the protesters"), not a bare or counted one ("protesters",
    "five soldiers"), which may be new people."""
    if actor.kind != AGENT_KIND:
        return False
    return text[max(0, actor.span[0] - 4) : actor.span[0]].lower() == "the "


def _can_describe(agent: Actor, earlier: Actor) -> bool:
    if earlier.kind == AGENT_KIND and earlier.country is None:
        return False  # nothing more known of it than of the agent itself
    return earlier.sector == agent.sector or agent.acled_inter in CROWD_INTERS


def _foreign_reporter(mention: Mention, actors: list[Actor], context: ArticleContext) -> list[Span]:
    """Where who reports an event is of another nation than its actors ("Burmese troops took a Karen
    stronghold, Thai police said"), the reporter's words: their nation is not the event's."""
    own = {actor.country for actor in actors if actor.country}
    if mention.attributed_to is None or not own:
        return []
    words = [phrase.span for phrase in mention.attributed_to.candidates]
    theirs = {actor.country for actor in context.actors if actor.country and _overlaps_any(actor.span, words)}
    return words if theirs and not theirs & own else []


def _countries_named_in(stretch: Span, context: ArticleContext) -> set[str]:
    """The countries of the article's actors inside a stretch of text (found once, whole)."""
    start, end = stretch
    return {
        owner.country
        for owner in context.actors
        if owner.country and start <= owner.span[0] and owner.span[1] <= end
    }


def _state_after_of(name: Phrase, context: ArticleContext) -> set[str]:
    """The country of the state named after "of" at the end of a name or right after it: "King Hassan
    of Morocco", also where the recogniser took "of Morocco" into the name."""
    text = context.article.text
    stretch = text[name.span[0] : name.span[1] + STATE_AFTER_OF_WINDOW]
    for found in STATE_AFTER_OF.finditer(stretch):
        start = name.span[0] + found.end()
        states = {
            actor.country
            for actor in context.actors
            if actor.span[0] == start and actor.kind == STATE_KIND and actor.country
        }
        if states:
            return states
    return set()


def _singular(noun: str) -> str:
    """A plural place noun's singular, enough for the place nouns' list ("towns", "cities")."""
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") else noun


def _remember_names(actors: list[Actor], context: ArticleContext) -> None:
    """Names the knowledge base does not know, once an event takes them as actors, are what a later
    pronoun may stand for, as the known ones are ("Rebel leader Joseph Kony said he would ...")."""
    for actor in actors:
        unknown_name = actor.actor_id is None and actor.kind in NAME_KINDS.values() and not actor.antecedent
        if unknown_name and all(other.span != actor.span for other in context.antecedents):
            bisect.insort(context.antecedents, actor, key=lambda known: known.span)


def is_pronoun(actor: Actor) -> bool:
    """Whether the actor is named by a pronoun that stands for an earlier actor ("they", "his")."""
    return actor.text.lower() in STANDING_PRONOUNS


def _antecedent(pronoun: Phrase, context: ArticleContext, exclude: Sequence[str | None]) -> Actor | None:
    """The nearest earlier actor a pronoun can stand for: a person for "him", a group for "they", as an
    event resolved it if one did. Not the noun right before it, which a relative clause the pronoun
    opens describes ("all the people they have abducted"). The candidates are those that may stand
    alone (see ArticleContext.antecedents)."""
    word = pronoun.text.lower()
    if word not in STANDING_PRONOUNS:
        return None  # "I", "we", "you": the speaker or the reader, not an earlier actor
    wants_person = word in PERSON_PRONOUNS
    for found in reversed(context.antecedents):
        actor = context.resolved.get(found.span, found)
        if actor.span[1] > pronoun.span[0] or actor.actor_id in exclude:
            continue
        if pronoun.span[0] - actor.span[1] <= 1 and word not in POSSESSIVE_PRONOUNS:
            continue  # "the people they abducted"; but "gave the villagers their land" opens none
        if actor.kind == AGENT_KIND and _titles_a_name(actor, context.article.text):
            continue  # "former dictator Idi Amin expelled them": the title is the named man's
        if (actor.kind == PERSON_KIND) == wants_person:
            return Actor(
                text=pronoun.text, span=pronoun.span, name=actor.name, actor_id=actor.actor_id,
                country=actor.country, sector=actor.sector, acled_inter=actor.acled_inter, kind=actor.kind,
                antecedent=Phrase(actor.text, actor.span),
            )  # fmt: skip
    return None


def _titles_a_name(agent: Actor, text: str) -> bool:
    """An agent word right before a capitalised name ("dictator Idi Amin") is that person's title."""
    following = text[agent.span[1] : agent.span[1] + 2]
    return following[:1] == " " and following[1:].isupper()


def _rank(place: Place, sentence: SentencePlaces, attached: set[Span]) -> tuple:
    """Finer first: not a landmark for another place, hanging from the trigger, most precise."""
    return (place.span in sentence.situating, place.span not in attached, place.precision or 1, place.span)


def _is_city_name(place: Place | None) -> bool:
    return place is not None and place.feature != "country" and place.precision == 1


def _names_a_place(actor: Actor, sentence: SentencePlaces) -> bool:
    return any(_overlaps(actor.span, place.span) for place in sentence.places if place.feature != "country")


def _overlaps_any(span: Span, others: list[Span]) -> bool:
    return any(_overlaps(span, other) for other in others)


def _inside(span: Span, scope: list[Span]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in scope)


def _overlaps(first: Span, second: Span) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def _reciprocal(kind: str | None, sources: list[Actor], targets: list[Actor]) -> bool:
    """The sides of a reciprocal trigger (see Mention.reciprocal) once resolved: an actor and the
    counterpart it names ("X clashed with Y"), or several actors and no one else ("X and Y agreed")."""
    if kind == "counterpart" and sources and targets:
        return True
    return kind is not None and len(sources) >= 2 and not targets
