"""Detect's one entry point: every event mention in a parsed article, as text-level records."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from whodid.detect.factuality import read_factuality
from whodid.detect.lexicon import Lexicon, TriggerSpec, load_lexicon
from whodid.detect.numbers import arrested_of, count_of, fatalities_of, injured_of, participants_of
from whodid.detect.places import attached_places, load_place_words, place_phrases
from whodid.detect.roles import ABOUT_AN_ACT, read_roles
from whodid.detect.syntax import (
    act_it_caused,
    clause_depth,
    condition_clauses,
    coordination_head,
    in_condition,
    recipients,
    subtree_span,
    tokens_span,
    word_lemmas,
    word_span,
)
from whodid.detect.triggers import Trigger, find_triggers
from whodid.ontology import load_cameo
from whodid.records import Mention, PlacedSentence, PlacePhrase, Sentence, Span

OUTCOME_DEPS = frozenset({"advcl", "xcomp", "relcl", "acl"})
OUTCOME_PREPS = frozenset({"in", "during"})  # not conj: "attacked X and killed Y in Z"
# Dependents of the carrying verb that hold when and where ("on 31 January announced ...").
CIRCUMSTANCE_DEPS = frozenset({"prep", "npadvmod", "advmod", "tmod", "obl"})

# Types whose sense, when an object chose it, is the thing given ("granted asylum").
GIVING_TYPES = frozenset({"AID"})


def detect_mentions(
    doc: Doc,
    article_id: str,
    lexicon: Lexicon | None = None,
    sentence_index: Callable[[int], int] | None = None,
) -> list[Mention]:
    """Every event mention in the parsed article."""
    return detect_article(doc, article_id, lexicon, sentence_index)[0]


def detect_article(
    doc: Doc,
    article_id: str,
    lexicon: Lexicon | None = None,
    sentence_index: Callable[[int], int] | None = None,
) -> tuple[list[Mention], list[PlacedSentence]]:
    """The article's event mentions, and the places named in its sentences without a trigger.
    `sentence_index` numbers a sentence from its first character's offset (the pipeline's own
    sentence cut, the same whether or not blanked sentences were parsed); else the parser's order."""
    lexicon = lexicon or load_lexicon()
    mentions: list[Mention] = []
    placed: list[PlacedSentence] = []
    place_words = load_place_words()
    event_nouns = frozenset(lexicon.nouns) | place_words.event_nouns
    agents = lexicon.agent_nouns
    entities = list(doc.ents)  # once: Span.ents rebuilds the document's entities on every call
    for parser_index, sentence in enumerate(doc.sents):
        in_sentence = [ent for ent in entities if sentence.start <= ent.start and ent.end <= sentence.end]
        triggers = find_triggers(sentence, lexicon)
        if not triggers and not in_sentence:
            continue
        index = sentence_index(_trimmed_span(sentence)[0]) if sentence_index else parser_index
        trigger_indexes = {trigger.token.i for trigger in triggers}
        places = place_phrases(sentence, in_sentence, trigger_indexes, place_words, event_nouns, agents)
        if not triggers:
            if places:
                record = Sentence(article_id, index, _trimmed_span(sentence), sentence.text.strip())
                placed.append(PlacedSentence(record, places))
            continue
        for trigger in triggers:
            mention = _mention(trigger, sentence, index, article_id, places, lexicon)
            mention.outcome_of = _outcome_of(trigger, triggers)
            if (caused := _act_told_as_caused(trigger, triggers)) is not None:
                # below the act it led to, wherever that stands: "offered to talk following the invasion"
                mention.clause_depth = max(mention.clause_depth, clause_depth(caused.token)) + 1
            else:
                mention.clause_depth += _is_what_another_act_is_about(trigger, triggers, lexicon.light_verbs)
            # A condition is not what the sentence reports: "will send help if it is attacked".
            mention.clause_depth += in_condition(trigger.token, lexicon.conditional_markers)
            mentions.append(mention)
    return mentions, placed


def _mention(
    trigger: Trigger,
    sentence: SpacySpan,
    index: int,
    article_id: str,
    places: list[PlacePhrase],
    lexicon: Lexicon,
) -> Mention:
    token, spec = trigger.token, trigger.spec
    # "granted asylum to the officers", "gave food to the camps", "offered troops to the president":
    # help, troops or inspectors named by the object are what is given, not whom it is given to.
    # So is the object of a verb of giving that names whom it gives to ("returned dozens of artifacts to
    # the embassy", "provide our expertise to the UN").
    giving = token.lemma_.lower() in lexicon.giving_verbs
    given = (trigger.sense_object is not None and (spec.type in GIVING_TYPES or giving)) or (
        giving and token.pos_ == "VERB" and bool(recipients(token))
    )
    roles = read_roles(
        token, spec.type, lexicon, as_noun=spec.pos == "noun", object_is_means=spec.object_is_means or given
    )
    factuality = read_factuality(token, spec.type, lexicon)
    acled_type, acled_sub_type = _acled_category(token, spec, lexicon)
    span, trigger_span = _trimmed_span(sentence), word_span(token)
    elsewhere = _conditions(token, lexicon)  # read once: the scope leaves it out
    has_actor = bool(roles.sources or roles.targets)
    # The sentence's own text: Doc.text joins the whole document's tokens on every call.
    text, offset = sentence.text, sentence.start_char
    return Mention(
        sentence=Sentence(article_id, index, span, text.strip()),
        trigger_text=text[trigger_span[0] - offset : trigger_span[1] - offset],
        trigger_span=trigger_span,
        type=spec.type,
        cameo=spec.cameo,
        mode=_mode(token, spec.type, lexicon, has_actor=has_actor)
        or (_sense_mode(trigger) if has_actor else None),
        acled_event_type=acled_type,
        acled_sub_event_type=acled_sub_type,
        sources=roles.sources,
        targets=roles.targets,
        further_sources=roles.further_sources,
        further_targets=roles.further_targets,
        factuality=factuality.label,
        attributed_to=factuality.attributed_to(),
        attributed_to_text=factuality.attributed_text.text if factuality.attributed_text else None,
        fatalities=fatalities_of(token, spec),
        injured=injured_of(token, spec),
        arrested=arrested_of(token, spec),
        participants=participants_of(token, spec),
        count=count_of(token),
        scope=_scope(token, lexicon, elsewhere),
        elsewhere=elsewhere,
        reciprocal=roles.reciprocal,
        takes_land=token.lemma_.lower() in lexicon.land_taking_triggers,
        places=places,
        attached_places=attached_places(token, _carrier(token, lexicon), places, load_place_words()),
        clause_depth=clause_depth(token),
        confidence=_confidence(roles.sources, roles.targets, spec.weak),
    )


def _sense_mode(trigger: Trigger) -> str | None:
    """For a verb's sense its object chose ("imposed a curfew", CAMEO 1723), the mode the CAMEO-to-PLOVER
    table gives its code, where the words around the trigger named none. Only for an event with an
    actor, and a verb's: a mode makes an event of violence or unrest data even with no actor, and a
    noun's "object" may be no argument at all ("the 7600 block of 25th Street" is no road blocked)."""
    if trigger.sense_object is None or trigger.spec.cameo is None or trigger.token.pos_ != "VERB":
        return None
    code = load_cameo().get(trigger.spec.cameo)
    return code.mode if code is not None and code.plover == trigger.spec.type else None


def _mode(trigger: Token, event_type: str, lexicon: Lexicon, has_actor: bool) -> str | None:
    """The PLOVER mode: for violence with an actor, a chemical agent the sentence names ("shells
    containing chlorine"); named by the trigger's modifiers and instrument ("a drone strike", "attacked
    with rockets", "drones struck"), which say more than the trigger ("a suicide bombing", "aerial
    bombing"), or by the trigger itself ("assassination"); for violence with an actor, else by the
    sentence's weapon (an accident's "chemical" or "gas" makes no chemical attack)."""
    decisive = lexicon.decisive_mode_words.get(event_type, {})
    if has_actor and (
        mode := next((decisive[t.lemma_.lower()] for t in trigger.sent if t.lemma_.lower() in decisive), None)
    ):
        return mode  # "fired shells containing chlorine": the agent, not the shell
    words = lexicon.mode_words.get(event_type, {})
    mode = next((words[lemma] for lemma in _instrument_lemmas(trigger) if lemma in words), None)
    if mode is None:
        modes = lexicon.trigger_modes.get(event_type, {})
        mode = next((modes[lemma] for lemma in word_lemmas(trigger) if lemma in modes), None)  # "gang-raped"
    if mode is None and event_type == "ASSAULT" and has_actor:
        # "killed when three IEDs detonated", "used mustard gas in an attack": the sentence's
        # weapon, the nearest to the trigger, is the violence's.
        nearest = sorted(trigger.sent, key=lambda token: abs(token.i - trigger.i))
        mode = next((words[t.lemma_.lower()] for t in nearest if t.lemma_.lower() in words), None)
    return mode


def _acled_category(trigger: Token, spec: TriggerSpec, lexicon: Lexicon) -> tuple[str | None, str | None]:
    """ACLED's type and sub-type when the trigger or its instrument decides them ("grenade attack")."""
    if spec.acled_event_type is not None:
        return spec.acled_event_type, spec.acled_sub_event_type
    words = lexicon.acled_words.get(spec.type, {})
    category = next((words[lemma] for lemma in _instrument_lemmas(trigger) if lemma in words), None)
    return category if category is not None else (None, None)


def _instrument_lemmas(trigger: Token) -> Iterator[str]:
    """Lemmas of the trigger's modifiers ("sexually abused"), subject and "with" instrument, nearest
    first."""
    for child in trigger.children:
        if child.dep_ in {"compound", "amod", "advmod", "nsubj", "nmod"} or (
            child.dep_ == "prep" and child.lower_ == "with"
        ):
            for token in child.subtree:
                yield token.lemma_.lower()


def _is_what_another_act_is_about(
    trigger: Trigger, triggers: list[Trigger], light_verbs: frozenset[str]
) -> bool:
    """An event noun that another trigger's act is about ("agreed to US mediation", "condemned the
    attack", "protested against the killing") stands one clause below it, as "agreed to mediate" does:
    the act about it is what the sentence reports. An act of the same type is the same happening
    ("marched in a protest"), and stands as deep as it ("opposed to mediation in the negotiations")."""
    token = trigger.token
    if trigger.spec.pos != "noun":
        return False
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        act = token.head.head
    elif token.dep_ == "dobj":
        act = token.head
    else:
        return False
    for other in (other for other in triggers if other.token == act):
        if other.spec.type != trigger.spec.type:
            return other.spec.type in ABOUT_AN_ACT
        if other.spec.pos == "noun":
            return _is_what_another_act_is_about(other, triggers, light_verbs)
        # "ready to host a meeting between X and Y": the verb's object is the same happening, told
        # with who does it (a light verb, "providing aid", tells it as one).
        return token.dep_ == "dobj" and act.lemma_.lower() not in light_verbs
    return False


def _act_told_as_caused(trigger: Trigger, triggers: list[Trigger]) -> Trigger | None:
    """The act an event noun is told as having led to ("fled because of Boko Haram attacks", "arrested
    five following the bombing", "fled in the wake of the murder"), itself or what the word it hangs
    from sets out to do ("offered to negotiate ... following the invasion"): the noun is its background."""
    if trigger.spec.pos != "noun":
        return None
    caused = act_it_caused(trigger.token)
    if caused is None:
        return None
    return next(
        (
            other
            for other in triggers
            if other.token == caused or (other.token.dep_ == "xcomp" and other.token.head == caused)
        ),
        None,
    )


def _outcome_of(trigger: Trigger, triggers: list[Trigger]) -> Span | None:
    """A clause hanging off another trigger of the same type reports that event's outcome or manner:
    "attacked an army base, killing four soldiers", "shelled the town, wounding dozens"; and a killing
    "in" or "during" another act of violence, or done by it, is that act's outcome: "five were killed in
    police firing", "97 died during the clashes", "the clashes killed five"."""
    token = trigger.token
    same_type = {t.token.i: t for t in triggers if t.spec.type == trigger.spec.type and t.token != token}
    if token.dep_ in OUTCOME_DEPS and token.head.i in same_type:
        return word_span(token.head)
    # "the clashes killed five people": the act that is the subject did the harm.
    cause = next((c for c in token.children if c.dep_ == "nsubj" and c.i in same_type), None)
    if cause is not None:
        return word_span(cause)
    for prep in (child for child in token.children if child.dep_ == "prep" and child.lower_ in OUTCOME_PREPS):
        for obj in (obj for obj in prep.children if obj.dep_ == "pobj"):
            # "in police firing", parsed at times as "police" described by "firing"
            causes = [obj, *(c for c in obj.children if c.dep_ == "acl")]
            cause = next((c for c in causes if c.i in same_type), None)
            if cause is not None:
                return word_span(cause)
    return None


def _trimmed_span(sentence: SpacySpan) -> Span:
    """The sentence without the blank lines spaCy attaches to its end."""
    words = [token for token in sentence if not token.is_space]
    return tokens_span(words[0], words[-1]) if words else tokens_span(sentence[0], sentence[-1])


def _carrier(trigger: Token, lexicon: Lexicon) -> Token | None:
    """The light verb above a nominal trigger, whatever the trigger's part in its clause ("carried out
    an attack", "the offensive began on Monday"): its circumstances are the event's. Which of them also
    gives the event its actors is `roles.carrying_verb`'s rule, stricter: the trigger must be its object."""
    carrier = coordination_head(trigger).head
    if trigger.pos_ == "NOUN" and carrier.pos_ == "VERB" and carrier.lemma_.lower() in lexicon.light_verbs:
        return carrier
    return None


def _scope(trigger: Token, lexicon: Lexicon, conditions: list[Span]) -> list[Span]:
    """Text whose dates and places belong to this event: the trigger's subtree and the circumstances
    of the verb that carries a nominal trigger; not the `conditions` (see _conditions): "will not
    accept refugees if war starts in Iraq" happens in Syria."""
    spans = _without(subtree_span(trigger), conditions)
    carrier = _carrier(trigger, lexicon)
    if carrier is not None:
        spans += [subtree_span(child) for child in carrier.children if child.dep_ in CIRCUMSTANCE_DEPS]
    return spans


def _conditions(trigger: Token, lexicon: Lexicon) -> list[Span]:
    """What the act is said to depend on or to happen without: "if war starts in Iraq", "without
    returning to Kyrgyzstan". Its places and dates are not the act's."""
    spans = [subtree_span(clause) for clause in condition_clauses(trigger, lexicon.conditional_markers)]
    negating = lexicon.negating_prepositions
    return spans + [subtree_span(t) for t in trigger.subtree if t.dep_ == "prep" and t.lower_ in negating]


def _without(span: Span, holes: list[Span]) -> list[Span]:
    """The stretches of `span` outside the `holes` inside it."""
    pieces, start = [], span[0]
    for hole_start, hole_end in sorted(holes):
        if start < hole_start:
            pieces.append((start, hole_start))
        start = max(start, hole_end)
    return [*pieces, (start, span[1])] if start < span[1] else pieces


def _confidence(sources: list, targets: list, weak: bool) -> float:
    """A crude prior until a calibrated model exists: events with both roles are likelier real."""
    score = 0.4 + 0.25 * bool(sources) + 0.25 * bool(targets)
    return round(score - (0.1 if weak else 0.0), 2)
