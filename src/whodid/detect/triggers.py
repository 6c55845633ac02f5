"""Which tokens of a sentence are event triggers, and of which type."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from whodid.detect.lexicon import Lexicon, ObjectSense, TriggerSpec
from whodid.detect.syntax import (
    AIMED_PREPS,
    CLAUSE_DEPS,
    NAME_LABELS,
    PLACE_NAME_LABELS,
    hyphen_start,
    recipients,
    word_lemmas,
)

MEASURE_LABELS = frozenset({"QUANTITY", "CARDINAL", "MONEY"})
PLACE_OBJECT = "@place"  # the object_senses key that stands for any named place
PROPER_OBJECT = "@proper"  # ... and for any proper noun, whatever entity the tagger made of it
PERSON_OBJECT = "@person"  # ... and for any person's name ("released Chaudhry")
# Particles the parser sometimes tags as adverbs: "drove back the militants" is "drive back".
ADVERB_PARTICLES = frozenset({"back", "off", "out", "down", "up", "away"})
NOMINAL_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "compound"})
# A nationality in the plural ("Syrians"); GPE as well, the label the entity gate gives every name
# before the recogniser has read the sentence.
NATIONALITY_LABELS = frozenset({"NORP", "GPE"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})
# Types whose object is an activity they stop: "suspend operations" is not an attack, "suspended aid"
# no aid, "cancelled the visit" no visit.
STOPPING_TYPES = frozenset({"RETREAT", "CONCEDE", "SANCTION"})
# Force used against a protest, which stays an event of its own ("broke up a rally"); a protest
# prevented or banned (COERCE) may never have been held.
BREAKING_UP_TYPES = frozenset({"ASSAULT"})


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token
    spec: TriggerSpec
    sense_object: Token | None = None  # the object or modifier that chose the sense ("signed an agreement")


def find_triggers(sentence: SpacySpan, lexicon: Lexicon) -> list[Trigger]:
    words = _trigger_words(lexicon)
    candidates = [
        trigger
        for token in sentence
        # A hyphenated word's last part is let through: the finders look it up whole ("sit-in").
        if (token.lemma_.lower() in words or token.lower_ in words or hyphen_start(token) is not None)
        and (
            trigger := _as_peacekeeping(token, lexicon)
            or _as_trigger(token, lexicon)
            or _as_demand(token, lexicon)
            or _as_street_protest(token, lexicon)
            or _as_displacement(token, lexicon)
            or _as_readiness(token, lexicon)
        )
    ]
    stopped = {trigger.token.i for trigger in candidates if _is_stopped_activity(trigger, candidates)}
    # The word that chose another trigger's sense is part of that event, not one of its own: "signed an
    # agreement" is one signing, "gave aid" one giving. A protest put down still took place.
    stopped |= {
        trigger.sense_object.i
        for trigger in candidates
        if trigger.sense_object is not None and not _is_protest_put_down(trigger, candidates)
    }
    return [trigger for trigger in candidates if trigger.token.i not in stopped]


@cache
def _trigger_words(lexicon: Lexicon) -> frozenset[str]:
    """Every lemma or word a trigger may be found on: a token with none of them is passed over whole,
    without asking each kind of trigger (this runs on every token of every sentence, twice)."""
    return frozenset(
        {*lexicon.verbs, *lexicon.nouns, *lexicon.phrasal_verbs}
        | {phrase.split(" ")[0] for phrase in lexicon.object_senses}
        | lexicon.reporting_verbs
        | lexicon.street_protest.outing_verbs
        | lexicon.street_protest.gathering_verbs
        | lexicon.displacement.fleeing_verbs
        | lexicon.readiness.words
        | lexicon.peacekeeping.sending_words
    )


def _is_protest_put_down(trigger: Trigger, candidates: list[Trigger]) -> bool:
    """ "broke up a rally", "suppressed the protests": force against a protest, which happened too."""
    return trigger.spec.type in BREAKING_UP_TYPES and any(
        other.token == trigger.sense_object and other.spec.type == "PROTEST" for other in candidates
    )


def _as_trigger(token: Token, lexicon: Lexicon) -> Trigger | None:
    lemma = token.lemma_.lower()
    if (
        token.pos_ == "VERB"
        and token.tag_ == "VBG"
        and token.dep_ in NOMINAL_DEPS
        and token.lower_ in lexicon.nouns
    ):
        # "in police firing" parsed as a verb where a noun stands: read it as the event noun it is.
        spec = lexicon.nouns[token.lower_]
    elif _describes_who_holds(token, lemma, lexicon):
        return None  # "fighters occupying the town": a state, not the act of taking it
    elif leaves_a_weapon(token, lexicon):
        return None  # "a device abandoned by the militia": where a weapon was left, not a concession
    elif token.pos_ == "VERB" and token.dep_ != "amod":
        spec = _phrasal_sense(token, lemma, lexicon) or lexicon.verbs.get(lemma)
    elif token.pos_ == "NOUN":
        if token.dep_ == "compound" and token.head.lower_ in lexicon.agent_nouns:
            return None  # "riot police", "protest leaders": a kind of actor, not an event
        if token.dep_ == "compound" and _names_a_kind_of_thing(token.head, lexicon):
            return None  # "riot gear", "riot shields", "arrest warrant": a kind of thing
        spec = next((lexicon.nouns[word] for word in word_lemmas(token) if word in lexicon.nouns), None)
    else:
        return None
    sense_object = None
    phrase = _with_particle(token, lemma)  # "called off a strike": the phrase's objects, not the verb's
    if phrase != lemma and phrase in lexicon.object_senses:
        spec, sense_object = _sense_for_object(
            token, lemma, spec, lexicon.object_senses[phrase], lexicon.measure_nouns, []
        )
    elif lemma in lexicon.object_senses:
        senses = lexicon.object_senses[lemma]
        doers = _doers(token, lexicon) if lemma in lexicon.senses_from_doer else []
        spec, sense_object = _sense_for_object(token, lemma, spec, senses, lexicon.measure_nouns, doers)
    if spec is None:
        return None
    if spec.particles and not spec.particles & _particle_words(token):
        return None
    if spec.intransitive and any(child.dep_ == "dobj" for child in token.children):
        return None
    if spec.transitive and not any(child.dep_ in {"dobj", "nsubjpass"} for child in token.children):
        return None
    if spec.weak and not _has_event_evidence(token, lexicon):
        return None
    if spec.needs_named_argument and not _has_actor_argument(token, lexicon):
        return None
    if _caused_by_nature(token, spec, lexicon) or _shares_an_opinion(token, lexicon):
        return None
    if spec.type == "ASSAULT" and spec.weak and _by_economic_means(token, lexicon):
        sense = lexicon.economic_sense
        spec = replace(spec, type=sense.type, cameo=sense.cameo, weak=False)
    if _protests_in_words(token, lexicon):
        sense = lexicon.spoken_protest_sense
        spec = replace(
            spec, type=sense.type, cameo=sense.cameo, acled_event_type=None, acled_sub_event_type=None
        )
    if not spec.lethal and spec.type == "ASSAULT" and _kills_outright(token):
        spec = replace(spec, lethal=True)
    return Trigger(token, spec, sense_object)


def _names_a_kind_of_thing(head: Token, lexicon: Lexicon) -> bool:
    """A noun that an event noun before it only classifies: "riot gear", "arrest warrant"."""
    return head.pos_ == "NOUN" and head.lemma_.lower() in lexicon.classified_things


def _describes_who_holds(token: Token, lemma: str, lexicon: Lexicon) -> bool:
    return token.tag_ == "VBG" and token.dep_ == "acl" and lemma in lexicon.holding_participles


def leaves_a_weapon(token: Token, lexicon: Lexicon) -> bool:
    """ "a bomb planted by the rebels", "a device abandoned by the militia": a participle that tells
    where a weapon was left to go off (its "by" did what the weapon does)."""
    return (
        token.dep_ == "acl"
        and token.lemma_.lower() in lexicon.planting_participles
        and token.head.lemma_.lower() in lexicon.instrument_words
    )


def _protests_in_words(token: Token, lexicon: Lexicon) -> bool:
    """ "..., a rights group protested", "protested that the vote was rigged": a protest verb that
    reports a clause is a complaint, said."""
    return (
        token.pos_ == "VERB"
        and token.lemma_.lower() in lexicon.spoken_protest_verbs
        and any(child.dep_ in {"ccomp", "parataxis"} for child in token.children)
    )


def _shares_an_opinion(token: Token, lexicon: Lexicon) -> bool:
    """ "said they agree with the NCAA that ...": agreeing "with" someone, on and to nothing."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in lexicon.opinion_with_verbs:
        return False
    preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
    agreed = any(c.dep_ in {"xcomp", "dobj"} for c in token.children) or bool(preps & {"on", "to", "upon"})
    return "with" in preps and not agreed


def _with_particle(token: Token, lemma: str) -> str:
    """The verb with its particle ("call off"), or the lemma alone. The parser may make the particle an
    adverb ("drove back the militants")."""
    particle = next(
        (c.lower_ for c in token.children
         if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in ADVERB_PARTICLES)),
        None,
    )  # fmt: skip
    return f"{lemma} {particle}" if particle is not None and token.pos_ == "VERB" else lemma


def _by_economic_means(token: Token, lexicon: Lexicon) -> bool:
    """ "targeted Russia with sanctions", "new sanctions targeting ten officials", "tariffs hit
    exporters": a weak word of violence whose means are sanctions or measures is a sanction."""
    means = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    means += [o for c in token.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children]
    if token.dep_ in {"acl", "relcl"}:
        means.append(token.head)  # "sanctions targeting ...", "measures that hit ..."
    elif token.dep_ == "advcl":  # "unveiled fresh sanctions, targeting ten officials"
        means += [c for c in token.head.children if c.dep_ == "dobj"]
    return any(word.lemma_.lower() in lexicon.economic_means for word in means)


# Saying what someone else must do: CAMEO 10, demand.
DEMAND = TriggerSpec("say", "verb", "REQUEST", "10")


def _as_demand(token: Token, lexicon: Lexicon) -> Trigger | None:
    """ "X said Iraq must cooperate", "X reiterated that Libya should hand over the suspects": a
    reporting verb whose reported clause obliges its subject is X's demand of that subject."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in lexicon.reporting_verbs:
        return None
    for clause in (child for child in token.children if child.dep_ == "ccomp"):
        obliged = any(c.dep_ == "aux" and c.lower_ in lexicon.obligation_modals for c in clause.children)
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if obliged and subject is not None and subject.pos_ != "PRON" and _has_actor_argument(token, lexicon):
            return Trigger(token, replace(DEMAND, lemma=token.lemma_.lower()))
    return None


CARRIED_AIM_PREPS = AIMED_PREPS - {"on", "at"}
STREET_PREPS = frozenset({"to", "into", "onto", "on", "through", "in"})


def _as_street_protest(token: Token, lexicon: Lexicon) -> Trigger | None:
    """ "thousands took to the streets", "protesters poured into the streets"; "demonstrators gathered
    outside parliament": a crowd out in protest ("took the street to the station" is none)."""
    if token.pos_ != "VERB":
        return None
    lemma, protest = token.lemma_.lower(), lexicon.street_protest
    if lemma in protest.outing_verbs:
        places = [o for c in token.children if c.dep_ == "prep" and c.lower_ in STREET_PREPS
                  for o in c.children if o.dep_ == "pobj"]  # fmt: skip
        if any(place.lower_ in protest.street_words for place in places):
            return Trigger(token, replace(protest.spec, lemma=lemma))
    if lemma in protest.gathering_verbs and not any(c.dep_ == "dobj" for c in token.children):
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        subjects += [o for s in subjects for o in _of_objects(s)]  # "hundreds of protesters gathered"
        if any(subject.lemma_.lower() in protest.protester_nouns for subject in subjects):
            return Trigger(token, replace(protest.spec, lemma=lemma))
    return None


# A sending word's clauses say other things ("sent experts to investigate the feasibility of a
# peacekeeping force"), unless they send as well ("arrived to join the peacekeeping mission").
CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "parataxis", "conj", "relcl", "cc", "acl"})


def _as_displacement(token: Token, lexicon: Lexicon) -> Trigger | None:
    """ "Thousands of civilians fled the town", "7,000 people have fled", "families were forced to flee":
    people who carry no arms, fleeing, are displaced ("the militants fled" is no displacement)."""
    displacement = lexicon.displacement
    if token.pos_ != "VERB" or token.dep_ == "amod" or token.lemma_.lower() not in displacement.fleeing_verbs:
        return None
    who = fleeing_people(token)
    if who is None or not _are_displaced_people(who, displacement.displaced_people):
        return None
    return Trigger(token, replace(displacement.spec, lemma=token.lemma_.lower()))


def _as_readiness(token: Token, lexicon: Lexicon) -> Trigger | None:
    """ "Troops remained on alert", "put the army on standby": forces readied, on alert."""
    readiness = lexicon.readiness
    if token.pos_ != "NOUN" or token.lemma_.lower() not in readiness.words or token.dep_ != "pobj":
        return None
    on = token.head
    if on.lower_ != "on" or on.head.pos_ not in {"VERB", "AUX"}:
        return None
    return Trigger(token, replace(readiness.spec, lemma=token.lemma_.lower(), pos="noun"))


def fleeing_people(verb: Token) -> Token | None:
    """Who flees: the subject, the one forced or made to ("forced thousands to flee", "were forced to
    flee"), or the noun a participle describes ("civilians fleeing the fighting")."""
    current = verb
    for _ in range(3):
        subject = next((c for c in current.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            return subject
        if current.dep_ == "acl" and current.head.pos_ in {"NOUN", "PROPN", "NUM"}:
            return current.head
        if current.dep_ not in {"xcomp", "conj"} or current.head.pos_ not in {"VERB", "AUX"}:
            return None
        made = next((c for c in current.head.children if c.dep_ == "dobj"), None)
        if made is not None and current.dep_ == "xcomp":
            return made
        current = current.head
    return None


def _are_displaced_people(who: Token, people: frozenset[str]) -> bool:
    """ "civilians", "thousands of residents", "7,000 people", "Syrians", "some 7,000": people, a
    nationality, or a number of them."""
    return any(
        word.lemma_.lower() in people
        or (word.ent_type_ in NATIONALITY_LABELS and word.tag_ in {"NNS", "NNPS"})
        or (word.like_num and word.pos_ == "NUM")
        for word in [who, *_of_objects(who)]
    )


def _as_peacekeeping(token: Token, lexicon: Lexicon) -> Trigger | None:
    """ "Japan is sending troops to the UN peacekeeping force", "peacekeepers arrived in Juba": troops
    sent on a peace mission provide peacekeeping, which is no mobilisation against anyone."""
    peacekeeping = lexicon.peacekeeping
    if token.pos_ not in {"VERB", "NOUN"} or token.lemma_.lower() not in peacekeeping.sending_words:
        return None
    arguments = (
        t
        for c in token.children
        if c.dep_ not in CLAUSES or c.lemma_.lower() in peacekeeping.sending_words
        for t in c.subtree
    )
    if any(
        word.lemma_.lower() in peacekeeping.words or word.lower_ in peacekeeping.words for word in arguments
    ):
        return Trigger(token, replace(peacekeeping.spec, lemma=token.lemma_.lower(), pos=_pos(token)))
    return None


def _pos(token: Token) -> str:
    return "verb" if token.pos_ == "VERB" else "noun"


def _kills_outright(token: Token) -> bool:
    """ "shot dead", "shot 98 rioters dead", "beaten to death", "stabbed to death": a killing."""
    for child in token.children:
        if child.lower_ == "dead" or (
            child.dep_ == "dobj" and any(g.lower_ == "dead" for g in child.children)
        ):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ == "to"
            and any(g.lemma_.lower() == "death" for g in child.children)
        ):
            return True
    return False


def _sense_for_object(
    token: Token,
    lemma: str,
    spec: TriggerSpec | None,
    senses: dict[str, ObjectSense | None],
    measure_nouns: frozenset[str],
    doers: list[Token],
) -> tuple[TriggerSpec | None, Token | None]:
    """ "suspended military aid" is a sanction, "blocked the highway" a protest, "declined to comment"
    no event; other objects keep the word's own sense (none, for a word that is a trigger only with
    its object). The object is evidence enough: the sense is never weak."""
    for word in _objects(token, measure_nouns) + doers:
        # "ended mediation efforts": the object's compound names the thing as well as its head, and so
        # does a modifier the parser took for an adjective ("fired tear gas").
        names = list(word_lemmas(word))  # "sit-in"
        names += [c.lemma_.lower() for c in word.lefts if c.dep_ in {"compound", "amod"}]
        if word.ent_type_ in PLACE_NAME_LABELS:
            names.append(PLACE_OBJECT)  # "captured Mokha": any named place
        if word.ent_type_ == "PERSON":
            names.append(PERSON_OBJECT)
        if word.pos_ == "PROPN":
            names.append(PROPER_OBJECT)
        for name in (name for name in names if name in senses):
            sense = senses[name]
            if sense is None:
                return None, None
            acled_type, acled_sub_type = sense.acled or (None, None)
            means = spec is not None and spec.object_is_means  # "withdrew its ambassador from Doha"
            sensed = TriggerSpec(lemma, _pos(token), sense.type, sense.cameo, acled_type, acled_sub_type)
            return replace(sensed, object_is_means=means), word
    return spec, None


def _objects(token: Token, measure_nouns: frozenset[str]) -> list[Token]:
    """What a trigger acts on: a verb's object, complement or passive subject ("found him guilty"); a
    noun's "of" object, or the modifier before it ("lathi charge", "joint exercises")."""
    if token.pos_ == "VERB":
        objects = [
            child for child in token.children if child.dep_ in {"dobj", "xcomp", "ccomp", "nsubjpass", "oprd"}
        ]
        # "was set ablaze by a mob": the parser may make the word that completes the verb an adverb.
        objects += [child for child in token.children if child.dep_ == "advmod" and child.pos_ == "ADV"]
        # "launched artillery, mortar and rocket fire": each of the objects the verb's object is joined to.
        objects += [joined for child in objects if child.dep_ == "dobj" for joined in child.conjuncts]
        # "discovered a large amount of ammunition believed to belong to X", parsed as a clause
        objects += [s for c in objects if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"]
        if token.dep_ == "acl" and token.tag_ == "VBN":
            objects.append(token.head)  # "the bombs discovered on Wednesday": a participle's noun
        # "handed over 700 kg of medicine", "seized a lot of weapons": what a measure's "of" names.
        measures = [o for o in objects if o.ent_type_ in MEASURE_LABELS or o.lemma_.lower() in measure_nouns]
        return objects + [of for obj in measures for of in _of_objects(obj)]
    return _of_objects(token) + [child for child in token.lefts if child.dep_ in {"compound", "amod"}]


def _doers(noun: Token, lexicon: Lexicon) -> list[Token]:
    """Who does what a word names, where its sense depends on it: a verb's subject ("troops marched
    into the city"); for a noun, the subject of the light verb that carries it ("workers staged a
    strike") or of the verb it is "on" ("teachers went on strike")."""
    verb = _subject_holder(noun) if noun.pos_ == "VERB" else _light_verb_above(noun, lexicon)
    if (
        verb is None
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "on"
        and noun.head.head.pos_ in {"VERB", "AUX"}
    ):
        verb = noun.head.head
    if verb is None:
        return []
    subjects = [c for c in _subject_holder(verb).children if c.dep_ == "nsubj"]
    return subjects + [o for subject in subjects for o in _of_objects(subject)]  # "thousands of workers"


def _subject_holder(verb: Token) -> Token:
    """The verb whose subject a verb shares: "forces captured the town and marched into the city",
    "employees stopped work, staging a sit-in strike"."""
    while not any(c.dep_ == "nsubj" for c in verb.children) and (
        verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")
    ):
        verb = verb.head
    return verb


def _light_verb_above(noun: Token, lexicon: Lexicon) -> Token | None:
    """The light verb whose direct object the noun is ("staged a strike", "carried out strikes")."""
    return noun.head if noun.dep_ == "dobj" and noun.head.lemma_.lower() in lexicon.light_verbs else None


def _of_objects(token: Token) -> list[Token]:
    return [obj for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for obj in prep.children if obj.dep_ == "pobj"]  # fmt: skip


def _caused_by_nature(token: Token, spec: TriggerSpec, lexicon: Lexicon) -> bool:
    """ "An earthquake killed eight", "eight were killed by floods", "killed in a plane crash", "an
    earthquake struck, killing two", "a boiler exploded", "hurt when a furnace exploded", "killed when
    their bus plunged off a bridge": a disaster or an accident, nobody's act."""
    causes = []
    for child in token.children:
        if child.dep_ in {"nsubj", "csubj"}:
            causes.append(child)
        elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in {"in", "by"}):
            causes += [grandchild for grandchild in child.children if grandchild.dep_ == "pobj"]
    for clause in _how_clauses(token) if spec.type == "ASSAULT" else []:
        if clause.lemma_.lower() in lexicon.accident_verbs:
            return True
        causes += [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if token.dep_ in {"advcl", "xcomp", "conj"} and not any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in token.children
    ):
        causes += [c for c in token.head.children if c.dep_ == "nsubj"]  # "struck ..., killing two"
    return any(cause.lemma_.lower() in lexicon.natural_causes for cause in causes)


def _how_clauses(token: Token) -> list[Token]:
    """The "when"/"after" clauses that tell how the trigger's harm came about, its own or those of the
    verb it is coordinated with ("six were killed and two injured when a plant exploded")."""
    verbs = [token, *(c for c in token.children if c.dep_ == "conj")]
    return [
        clause
        for verb in verbs
        for clause in verb.children
        if clause.dep_ == "advcl" and any(m.lower_ in {"when", "after"} for m in clause.children)
    ]


def _phrasal_sense(token: Token, lemma: str, lexicon: Lexicon) -> TriggerSpec | None:
    """ "called off the talks", "cracked down on": the phrase's own entry, when its words follow."""
    senses = lexicon.phrasal_verbs.get(lemma)
    if not senses:
        return None
    following = _particle_words(token, after=True)
    return next((spec for spec in senses if spec.particles <= following), None)


def _particle_words(token: Token, after: bool = False) -> set[str]:
    """The words of the trigger's children, with the "for" that opens a clause it governs: "called
    for the UN to act" makes "for" the mark of "act"."""
    children = [child for child in token.children if not after or child.i > token.i]
    words = {child.lower_ for child in children}
    words.update(
        mark.lower_
        for clause in children
        if clause.dep_ in CLAUSE_DEPS
        for mark in clause.children
        if mark.dep_ == "mark" and mark.lower_ == "for" and mark.i > token.i
    )
    return words


def _has_actor_argument(token: Token, lexicon: Lexicon) -> bool:
    """An actor as the verb's subject, object or passive agent: a name ("Tehran", "the UN envoy") or
    an agent noun ("suicide bombers", "riot police"), or the noun an active participle describes
    ("police firing", "gunmen shooting at the crowd")."""
    if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.lower_ in lexicon.agent_nouns:
        return True
    for child in token.children:
        if child.dep_ == "agent":
            arguments = [grandchild for grandchild in child.children if grandchild.dep_ == "pobj"]
        elif child.dep_ in ARGUMENT_DEPS:
            arguments = [child]
        else:
            continue
        if any(_names_an_actor(argument, lexicon) for argument in arguments):
            return True
    return False


def _head_phrase(word: Token) -> list[Token]:
    """The word and its left modifiers: "the Iranian foreign minister", not a clause hanging off it."""
    return [word, *(t for child in word.lefts for t in child.subtree)]


def _has_event_evidence(token: Token, lexicon: Lexicon) -> bool:
    """A weak trigger counts only beside an actor (named, or an agent such as "police"), an aimed
    argument or a martial modifier: "police firing", "a US strike", "strikes on", "missile strikes";
    for an event noun a light verb carries, also an aimed argument of that verb ("carried out strikes on
    Friday against Hamas targets")."""
    carrier = _light_verb_above(token, lexicon)
    if carrier is not None and any(
        child.dep_ == "prep" and child.lower_ in CARRIED_AIM_PREPS for child in carrier.children
    ):
        return True  # not "on" or "at", which a light verb takes for when and where ("on Friday")
    if token.pos_ == "NOUN" and any(_is_martial(o, lexicon) for o in _of_objects(token)):
        return True  # "an explosion of a landmine"
    if token.lemma_.lower() in lexicon.giving_verbs and _giver_and_receiver(token, lexicon):
        return True  # "Germany is willing to provide support to Palestinian refugees"
    for child in token.children:
        if _is_martial(child, lexicon):
            return True
        if child.dep_ == "prep" and child.lower_ in AIMED_PREPS:
            return True
        if child.dep_ in {"compound", "amod", "poss", "nmod", "nsubj", "nsubjpass", "dobj", "agent"} and (
            child.lower_ in lexicon.agent_nouns or any(t.ent_type_ in NAME_LABELS for t in child.subtree)
        ):
            return True
    if token.pos_ == "VERB" and token.dep_ == "xcomp":
        # "the court decided to allow the candidate to run": the subject of the verb it completes
        holder = token.head
        while holder.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in holder.children):
            holder = holder.head
        return any(_names_an_actor(c, lexicon) for c in holder.children if c.dep_ == "nsubj")
    return False


def _giver_and_receiver(verb: Token, lexicon: Lexicon) -> bool:
    """Actors on both sides of a verb of giving: its subject, or that of the verb it completes ("Germany
    is willing to provide"), and whom it gives to; not "a market supplying grain to the residents"."""
    holder = _subject_holder(verb)
    while holder.dep_ in {"xcomp", "acomp"} and not any(c.dep_ == "nsubj" for c in holder.children):
        holder = holder.head  # "is willing to provide": the subject of "is"
    givers = [child for child in holder.children if child.dep_ == "nsubj"]
    return any(_names_an_actor(giver, lexicon) for giver in givers) and any(
        _names_an_actor(recipient, lexicon) for recipient in recipients(verb)
    )


def _names_an_actor(word: Token, lexicon: Lexicon) -> bool:
    """An agent noun ("suicide bombers", "riot police") or a name in the word's own phrase ("Tehran",
    "the UN envoy")."""
    return word.lower_ in lexicon.agent_nouns or any(t.ent_type_ in NAME_LABELS for t in _head_phrase(word))


def _is_martial(word: Token, lexicon: Lexicon) -> bool:
    return word.lower_ in lexicon.martial_modifiers or word.lemma_.lower() in lexicon.martial_modifiers


def _is_stopped_activity(trigger: Trigger, candidates: list[Trigger]) -> bool:
    """ "a suspension of operations", "halted its attacks": the inner activity did not take place."""
    token = trigger.token
    outer = token.head
    if token.dep_ == "pobj" and outer.dep_ == "prep" and outer.lower_ == "of":
        outer = outer.head
    elif token.dep_ not in {"dobj", "nsubjpass"}:
        return False
    return any(c.token == outer and c.spec.type in STOPPING_TYPES for c in candidates)
