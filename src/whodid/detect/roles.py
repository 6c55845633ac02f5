"""Who acts and who is acted upon: source and target read off the dependency parse."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from whodid.detect.lexicon import Lexicon
from whodid.detect.syntax import (
    AIMED_PREPS,
    NAME_LABELS,
    PERSONAL_PRONOUNS,
    PLACE_NAME_LABELS,
    RELATIVE_PRONOUNS,
    TIME_LABELS,
    act_it_caused,
    after_stance_prefix,
    condition_clauses,
    coordination_head,
    entity_phrase,
    governing_verb,
    is_infinitive,
    is_to_infinitive,
    noun_phrases,
    opened_by,
    phrase_of,
    premodified_phrase,
    recipients,
    verb_and_object_phrase,
    word_lemmas,
)
from whodid.detect.triggers import fleeing_people, leaves_a_weapon
from whodid.records import ActorRef, Phrase

# Which prepositions introduce the target, per event type (beyond the always-aimed ones).
# "into" names a target too ("an incursion into Lebanon"), though alone it does not make a weak noun an event.
TARGET_PREPS = AIMED_PREPS | {"into"}
LEADING_VERBS = frozenset({"lead", "led", "back", "backed"})  # "Hamas-led", "US-backed"
BREAKING_AWAY_TYPES = frozenset({"PROTEST", "REQUEST"})  # acts that may seek independence from someone
TARGET_PREPS_BY_TYPE: dict[str, frozenset[str]] = {
    "CONSULT": frozenset({"with", "to"}),
    "AGREE": frozenset({"with", "to"}),
    "COOPERATE": frozenset({"with"}),
    "THREATEN": frozenset({"to"}),
    "REQUEST": frozenset({"to", "from"}),
    "AID": frozenset({"to", "for"}),
    "SUPPORT": frozenset({"to", "for"}),
    "ACCUSE": frozenset({"of"}),
    "SANCTION": frozenset(),
    "RETREAT": frozenset({"from"}),
}
# Prepositions that say what talks or an agreement are about, not whom they are aimed at: "talks on a
# troop pullback", "no agreement on the fate of the refugees".
TOPIC_PREPS_BY_TYPE: dict[str, frozenset[str]] = {"CONSULT": frozenset({"on"}), "AGREE": frozenset({"on"})}
# Prepositions on an event's object, or on the verb it controls, that name whom the event is aimed at
# when the object is a thing: "suspended food supplies to X", "lift the ban on X", "shared evidence
# with X", "hosting a dinner for X", "ended mediation efforts between X" (or "among" them).
OBJECT_TARGET_PREPS = TARGET_PREPS | {"to", "with", "for", "between", "among"}
SOURCE_PREPS = frozenset({"by"})
# Prepositions that name the other side of a reciprocal event: "clashed with police", "talks between".
COUNTERPART_PREPS = frozenset({"with", "between"})
# "condemnation from Baghdad", "aid from the US": from names the actor of these types only
# (a withdrawal from Iraq leaves Iraq; an attack from Syria was launched there).
FROM_IS_SOURCE = frozenset({"ACCUSE", "REJECT", "THREATEN", "SUPPORT", "AID", "COOPERATE", "REQUEST"})
TOLL_PREPS = frozenset({"in", "during", "by"})  # "wounded in the raid": the act a toll is of
# "the withdrawal of US forces": of names the actor for these types, the victim for the others.
OF_IS_SOURCE = frozenset({"RETREAT", "MOBILIZE", "PROTEST", "CONSULT"})
# Inner events whose actor is what an accusation, rejection or concession is about: "condemnation of
# the US attack", "conceded to demands from UNITA".
ABOUT_AN_ACT = frozenset({"ACCUSE", "REJECT", "SUPPORT", "PROTEST", "AGREE", "CONCEDE"})
# Types aimed at whom their condition binds: "threatened to strike unless Israel rescinded it".
CONDITION_AIMED = frozenset({"THREATEN"})
# Types of force, which a protest may be the object of ("broke up the rally").
FORCE_TYPES = frozenset({"COERCE", "ASSAULT"})
RETREAT_TYPE = "RETREAT"
# Types whose direct object is the actor's own means, not whom it acts on: "deployed troops",
# "strengthened its forces in Lebanon" (the target is the one mobilised against, if named).
MEANS_AS_OBJECT = frozenset({"MOBILIZE"})
# Acts whose people-noun modifier may name their victims ("child abductions", "student arrests").
HARM_TYPES = frozenset({"ASSAULT", "COERCE"})
# Acts imposed on someone, whose "of" object is whom: "its blockade of the U.K.", "the siege of Sarajevo".
IMPOSED_TYPES = FORCE_TYPES | {"SANCTION"}
# Who a sentence holds to have done an act: "responsible for", "guilty of"; "accused of", "blamed for".
RESPONSIBLE_WORDS = frozenset({"responsible", "accountable", "guilty", "culpable"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})  # a verb in these forms has a subject of its own
BLAMING_VERBS = frozenset({"accuse", "suspect", "charge", "convict", "blame", "implicate"})
RESPONSIBILITY_NOUNS = frozenset({"responsibility", "credit"})  # "claimed responsibility for the attack"
CLAIMING_VERBS = frozenset({"claim", "take", "accept", "admit", "bear", "assume"})
# "placed under house arrest", "remained under siege": the object of a verb of placing, or the subject
# of a verb of being, is who is under the act ("under the accord, each side will ..." places no one).
UNDER_PREPS = frozenset({"under"})
STANCE_OBJECT_PREPS = frozenset({"of", "for", "at", "over", "with", "against", "toward", "towards"})
# What a complaint or a protest is about: "complained to the UN about Syrian raids" is aimed at Syria,
# not at the UN it was made to.
ABOUT_PREPS = frozenset({"about", "over"})
# What an act is done in spite of, or under: "declined to resign despite pressure from the commission".
PRESSED_PREPS = frozenset({"despite", "under"})
THAT = frozenset({"that"})  # "its demand that Israel ease ...": the clause of what is demanded
FOR = frozenset({"for"})  # "called for Britain to stay": the clause of who is to act
PLACING_VERBS = frozenset({"put", "place", "keep", "hold", "bring", "take", "leave"})
STATE_VERBS = frozenset({"be", "remain", "stay", "come", "fall", "live"})
NATION_LABELS = frozenset({"NORP", "GPE"})
POLITY_NOUNS = frozenset({"nation", "country", "state", "kingdom", "republic", "emirate", "sultanate"})
LOCATING_PREPS = frozenset({"in", "inside", "across", "throughout", "of"})
# "militants based in Somalia", "troops stationed in Kosovo": where people are kept is where they are.
BASED_PARTICIPLES = frozenset({"base", "station", "headquarter"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
NON_ACTOR_MODIFIER_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


@dataclass(slots=True)
class Roles:
    sources: list[ActorRef] = field(default_factory=list)
    targets: list[ActorRef] = field(default_factory=list)
    # Read further from the trigger: used only where the nearer ones name no actor ("cyber" in "Russia
    # launched cyber attacks" is a modifier but no actor; "food supplies" an object but no target).
    further_sources: list[ActorRef] = field(default_factory=list)
    further_targets: list[ActorRef] = field(default_factory=list)
    reciprocal: str | None = None  # see Mention.reciprocal


def read_roles(
    trigger: Token, event_type: str, lexicon: Lexicon, as_noun: bool = False, object_is_means: bool = False
) -> Roles:
    """`as_noun`: the trigger is read as an event noun even where the parser tagged it a verb.
    `object_is_means`: the verb's direct object, or the noun's "of" object, is what the actor acts with,
    whatever the type ("sent troops to the peacekeeping force", "the deployment of peacekeeping troops"),
    as it always is for the MEANS_AS_OBJECT types."""
    if trigger.pos_ == "VERB" and not as_noun and _is_flight(trigger, event_type, lexicon):
        roles = _fleeing_roles(trigger)
    elif trigger.pos_ == "VERB" and not as_noun:
        roles = _verb_roles(trigger, event_type, lexicon, object_is_means or event_type in MEANS_AS_OBJECT)
    else:
        roles = _noun_roles(trigger, event_type, lexicon, object_is_means)
    if event_type in BREAKING_AWAY_TYPES:
        # "rioted ... in demanding a referendum on independence from Indonesian rule": aimed at whom
        # the breaking away is from, where no one else is.
        rulers = _broken_away_from(trigger, lexicon)
        roles.further_targets += [ref for ruler in rulers for ref in _refs(ruler)]
    return Roles(
        _distinct_refs(roles.sources),
        _distinct_refs(roles.targets),
        _distinct_refs(roles.further_sources),
        _distinct_refs(roles.further_targets),
        _reciprocal(trigger, lexicon, as_noun),
    )


def _broken_away_from(trigger: Token, lexicon: Lexicon) -> list[Token]:
    """Whom the independence, secession or autonomy a protest or a demand seeks is from, anywhere in
    what the trigger governs: "demanding a referendum on independence from Indonesian rule"."""
    sought = [t for t in trigger.subtree if t.lemma_.lower() in lexicon.secession_nouns and t != trigger]
    return [ruler for noun in sought for ruler in _prep_children(noun, {"from"})]


def _reciprocal(trigger: Token, lexicon: Lexicon, as_noun: bool) -> str | None:
    """How a trigger whose parties act toward each other names them (see Mention.reciprocal)."""
    lemma = word_lemmas(trigger)[0]  # the whole word: "shoot-out"
    if lemma not in lexicon.reciprocal_triggers:
        return None
    # "clashed with police", "talks between X and Y", "signed a deal with Y", "held talks with Y"
    holders = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    if trigger.dep_ == "compound":
        holders.append(trigger.head)  # "ceasefire talks with the rebels"
    if (verb := carrying_verb(trigger, lexicon)) is not None:
        holders.append(verb)
    counterparts = [other for holder in holders for other in _prep_children(holder, COUNTERPART_PREPS)]
    if any(not _set_apart(other.head) for other in counterparts):
        return "counterpart"
    if trigger.pos_ == "VERB" and not as_noun and lemma in lexicon.reciprocal_object_verbs:
        objects = [c for c in trigger.children if c.dep_ == "dobj" and not _is_act(c, lexicon)]
        if objects:
            return "counterpart"  # "met Putin", "fought the rebels"
    return "joint"


def _set_apart(prep: Token) -> bool:
    """A preposition added after "and" or a comma says how, not with whom: "agreed to lift the embargoes
    on Iran, and with strings attached, on Cuba"."""
    return prep.i > 0 and prep.nbor(-1).dep_ in {"cc", "punct"}


def _is_stance(verb: Token, agent: Token | None, lexicon: Lexicon) -> bool:
    """ "is opposed to", "is committed to": a participle of stance with no agent, aimed with "to" at
    someone or at an act ("committed to opening its economy"), is no passive act."""
    stance = verb.lemma_.lower() in lexicon.stance_participles
    aimed = any(
        prep.dep_ == "prep"
        and prep.lower_ == "to"
        and any(c.dep_ in {"pobj", "pcomp"} for c in prep.children)
        for prep in verb.children
    )
    return agent is None and stance and aimed


def _stance_holder(verb: Token) -> Token | None:
    """The subject of "is opposed", which the parser may hang on the auxiliary, or on the "is" the
    participle completes."""
    auxiliary = next((c for c in verb.children if c.dep_ in {"aux", "auxpass"}), None)
    completed = _child(verb.head, "nsubj") if verb.dep_ == "acomp" else None
    return (
        _child(verb, "nsubj") or (_child(auxiliary, "nsubj") if auxiliary is not None else None) or completed
    )


def _distinct_refs(refs: list[ActorRef]) -> list[ActorRef]:
    seen: set[tuple[int, int]] = set()
    distinct = []
    for ref in refs:
        if ref.candidates[-1].span not in seen:
            seen.add(ref.candidates[-1].span)
            distinct.append(ref)
    return distinct


def _verb_roles(verb: Token, event_type: str, lexicon: Lexicon, object_is_means: bool) -> Roles:
    roles = Roles()
    passive_subject = _child(verb, "nsubjpass")
    agent = _child(verb, "agent")
    if _is_stance(verb, agent, lexicon) and (holder := passive_subject or _stance_holder(verb)) is not None:
        # "Israel is opposed to French mediation": a stance the subject holds, aimed at the "to" object.
        roles.sources += _refs(holder)
        for aim in _prep_children(verb, {"to"}):
            if _is_act(aim, lexicon):
                _read_inner_event(aim, event_type, lexicon, roles)
            else:
                roles.targets += _refs(aim)
    elif passive_subject is not None and (doing := _engaged_in(verb, lexicon)):
        # "Serb forces were engaged in ethnic cleansing against the Albanians": they do it, to them.
        roles.sources += _refs(passive_subject)
        roles.targets += [ref for act in doing for ref in _prep_objects(act, TARGET_PREPS)]
    elif passive_subject is not None:
        roles.targets += _refs(passive_subject)
        if event_type == "ASSAULT":
            # "a camp for Congolese refugees was attacked": struck, whom it is for are harmed
            roles.further_targets += _prep_objects(passive_subject, {"for"})
        if agent is not None and (by_object := _child(agent, "pobj")) is not None:
            roles.sources += _refs(_planter(by_object, lexicon) or by_object)
    elif verb.dep_ == "acl" and agent is not None and (by_object := _child(agent, "pobj")) is not None:
        # "the missiles fired by the Israeli military", "a convoy ambushed by gunmen": the participle's
        # "by" names the doer; what it describes is its object, unless the means ("missiles").
        roles.sources += _refs(by_object)
        described = verb.head
        if described.pos_ in {"NOUN", "PROPN"} and described.lemma_.lower() not in lexicon.instrument_words:
            roles.targets += _refs(described)
    elif (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and not object_is_means
        and _is_patient(verb, lexicon)
        and _misparsed_subject(verb, event_type, lexicon) is None
    ):
        roles.targets += _refs(verb.head)  # "the minister murdered in Washington": done to the minister
    else:
        subject = clause_subject(verb) or _misparsed_subject(verb, event_type, lexicon)
        planted = [p for o in verb.children if o.dep_ == "dobj" and (p := _planter(o, lexicon)) is not None]
        if subject is not None and planted:
            # "two boys set off a device abandoned by the militia": the militia's doing, the boys hit.
            roles.sources += _refs(planted[0])
            roles.targets += _refs(subject)
        elif subject is not None:
            roles.sources += _refs(_planter(subject, lexicon) or subject)
            if (holder := _held_responsible(subject)) is not None:
                # "X was responsible for the blast that killed five": a thing that did it was X's doing.
                roles.further_sources += _refs(holder)
        if (
            verb.dep_ == "acl"
            and verb.tag_ == "VBG"
            and subject == verb.head
            and subject.dep_ in {"dobj", "attr"}
        ):
            # "X issued a declaration demanding ...": the declaration is X's, and so is the demand.
            owner = clause_subject(subject.head)
            roles.further_sources += _refs(owner) if owner is not None else []
        for shifted in _object_after_as(verb):
            if _is_act(shifted, lexicon):
                _read_inner_event(shifted, event_type, lexicon, roles)
        for child in verb.children:
            if child.dep_ == "dobj" and _is_act(child, lexicon):
                # "condemned the strike", "halted its attacks": the object is an act, not an actor.
                _read_inner_event(child, event_type, lexicon, roles)
                if verb.lemma_.lower() in lexicon.permitting_verbs:
                    roles.targets += _prep_objects(child, {"of"})  # "allow the return of UN inspectors"
                if _said_by_misparsed(child, event_type, lexicon):
                    # "denied charges by the Chamber of Commerce", parsed as the verb's "by": an active
                    # verb's "by" names a doer only as the doer of its object, who said it.
                    roles.targets += _prep_objects(verb, SOURCE_PREPS)
                roles.further_targets += _object_targets(child, event_type)  # "lifted a travel ban on X"
            elif child.dep_ in {"dobj", "dative"} and child.pos_ != "ADP" and not _second_object_apart(child):
                if not object_is_means and child.lemma_.lower() not in lexicon.instrument_words:
                    roles.targets += _refs(child)  # not "set off an Explosive Device"
                # "lobbed a grenade towards a police post"
                roles.further_targets += _object_targets(child, event_type)
                if event_type == "REQUEST":
                    roles.targets += _prep_objects(child, {"from"})  # "demanded support from the assembly"
        # "condemned the act of aggression and the continuing threats made by X": each object an act, also
        # one the parser joins to the verb.
        more = [c for o in verb.children if o.dep_ == "dobj" for c in o.conjuncts]
        more += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
        for act in (thing for thing in more if _is_act(thing, lexicon)):
            _read_inner_event(act, event_type, lexicon, roles)
        if not object_is_means:
            roles.targets += [ref for thing in _up_to_objects(verb) for ref in _refs(thing)]
    target_preps = _target_preps(event_type)
    if verb.lemma_.lower() in lexicon.reason_for_verbs:
        target_preps -= {"for"}  # "apologized to Brazil for the incident": why, not to whom
    aimed_at = _prep_children(verb, target_preps)
    if event_type == "AID":
        aimed_at = [_served_country(mission, lexicon) for mission in aimed_at]
    elif event_type == "AGREE":
        # "agreed to an extension of the mandate for the peacekeeping force in Lebanon": the mission's
        # mandate serves Lebanon.
        aimed_at = [_served_country_within(aim, lexicon) for aim in aimed_at]
    # Not an act it is aimed at, which the parser may hang on the verb ("suspended aid to Kabul in protest
    # at the harassment of aid organisations").
    roles.targets += [ref for aim in aimed_at if not _is_act(aim, lexicon) for ref in _refs(aim)]
    for joined in _sharing_object(verb):
        # "donated and delivered goods to the school": the verb's object and whom it goes to are told once.
        things = [c for c in joined.children if c.dep_ == "dobj"]
        roles.further_targets += [ref for thing in things for ref in _object_targets(thing, event_type)]
        aims = [aim for aim in _prep_children(joined, target_preps) if not _is_act(aim, lexicon)]
        roles.further_targets += [ref for aim in aims for ref in _refs(aim)]
    if object_is_means:
        # The place left, on the verb or on what was withdrawn: "withdrew its ambassador from Cairo".
        holders = verb_and_object_phrase(verb)
        roles.targets += [ref for holder in holders for ref in _prep_objects(holder, {"from"})]
        if event_type not in MEANS_AS_OBJECT:
            # Whom what is handed on goes to: "returned 21 frogs to Brazil", "granted asylum to the
            # officers" (troops sent "to Anbar" go to a place).
            given_to = recipients(verb) or _taken_from(verb)
            roles.targets += [ref for mission in given_to for ref in _refs(_served_country(mission, lexicon))]
    if event_type in MEANS_AS_OBJECT:
        # "mobilized the army for a ground assault against X": forces readied for an act against X.
        for act in (a for a in _prep_children(verb, FOR) if _is_act(a, lexicon)):
            _read_inner_event(act, event_type, lexicon, roles)
    if event_type in ABOUT_AN_ACT | {"REQUEST"}:
        # "conceded to demands from UNITA", "protested against the killing of a student by police",
        # "called for sanctions against Nigeria", "declined to resign despite pressure by the commission"
        holders = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]  # "declined to resign despite"
        acts = [
            act
            for holder in holders
            for act in _prep_children(holder, OBJECT_TARGET_PREPS | ABOUT_PREPS | PRESSED_PREPS)
        ]
        for act in acts:
            if act.pos_ == "NOUN" and _is_act(act, lexicon):
                _read_inner_event(act, event_type, lexicon, roles)
    roles.further_targets += _prep_objects(verb, _object_target_preps(event_type) - _target_preps(event_type))
    if event_type == "COERCE":
        # "confiscated weapons from Palestinian armed groups", "seized control of the town from the
        # rebels": whom a thing is taken from, where what is taken is no one.
        roles.further_targets += [
            ref for h in verb_and_object_phrase(verb) for ref in _prep_objects(h, {"from"})
        ]
    if not roles.targets:
        # "allowed the opposition leader to hold a rally", "forced the paper to close", "let free the
        # activist": an infinitive clause with a subject of its own names whom the act is aimed at.
        clauses = [c for c in verb.children if c.dep_ in {"ccomp", "xcomp"} and is_infinitive(c)]
        for clause in clauses:
            # "let free some 74 leaders", parsed as a bare clause with an object and no subject.
            bare_object = _child(clause, "dobj") if not is_to_infinitive(clause) else None
            doer = _child(clause, "nsubj") or bare_object
            roles.targets += _refs(doer) if doer is not None else []
    if event_type == "PROTEST":
        # Before a road blocked, which is no one: whom the protest defies, or what it demands of whom.
        roles.targets = _stance_shown_to(verb, lexicon) + _demanded_of(verb, lexicon) + roles.targets
    if not roles.targets and event_type == "REQUEST":
        # "demanded that Israel ease the restrictions", "said Iraq must cooperate", "called for Britain to
        # stay": who is to act.
        roles.targets += _subjects_of(
            [c for c in verb.children if c.dep_ == "ccomp" or (c.dep_ == "advcl" and opened_by(c, FOR))]
        )
    if not roles.targets:
        # "threatened to retaliate against American forces": the complement names the target.
        for complement in (c for c in verb.children if c.dep_ == "xcomp"):
            roles.targets += _prep_objects(complement, TARGET_PREPS)
            # "refused to respond to a demand from the US": whose act the complement answers
            for act in (p for p in _prep_children(complement, {"to"}) if _is_act(p, lexicon)):
                _read_inner_event(act, event_type, lexicon, roles)
            objects = [c for c in complement.children if c.dep_ == "dobj"]
            # "refused to allow UN planes to land": whom the complement lets or makes act.
            roles.targets += _subjects_of(
                [c for c in complement.children if c.dep_ in {"ccomp", "xcomp"} and is_to_infinitive(c)]
            )
            for thing in objects:
                if _is_act(thing, lexicon):
                    # "agreed to undertake joint exercises", "threatened to launch an offensive against
                    # X": the object is an act, whose own target is the event's.
                    _read_inner_event(thing, event_type, lexicon, roles)
                else:
                    roles.targets += _refs(thing)
            # "threatened to cut off electricity to X", "threatened to impose restrictions against X"
            roles.further_targets += _prep_objects(complement, _object_target_preps(event_type))
            roles.further_targets += [ref for c in objects for ref in _object_targets(c, event_type)]
    # "agreed to re-open its borders to UN peacekeepers": whom the complement gives or opens to, where
    # its objects are no one.
    for complement in (c for c in verb.children if c.dep_ == "xcomp"):
        roles.further_targets += [ref for given_to in recipients(complement) for ref in _refs(given_to)]
    if not roles.targets and event_type in CONDITION_AIMED:
        # "threatened to strike unless Israel rescinded the annexation": whom the condition binds, where
        # the threat names no one it would strike ("threatened to shell Haifa if Israel hits Beirut").
        roles.targets += _condition_subjects(verb, lexicon)
    return roles


def _stance_shown_to(verb: Token, lexicon: Lexicon) -> list[ActorRef]:
    """Whom a protest shows its stance to: "in defiance of the Chinese authorities", "to show their
    disapproval of US policies" (the stance's object, or the owner of the act it is about)."""
    stances = _prep_children(verb, {"in"})
    purposes = [c for c in verb.children if c.dep_ in {"xcomp", "advcl"} and is_to_infinitive(c)]
    stances += [o for purpose in purposes for o in purpose.children if o.dep_ == "dobj"]
    aimed = [
        thing
        for stance in stances
        if stance.lemma_.lower() in lexicon.stance_nouns
        for thing in _prep_children(stance, STANCE_OBJECT_PREPS)
    ]
    # "disapproval for the United States' military policies": the policies' owner.
    return [ref for thing in aimed for ref in _refs(_child(thing, "poss") or thing)]


def _demanded_of(protest: Token, lexicon: Lexicon) -> list[ActorRef]:
    """Whom a protest's demand is aimed at, told as its purpose: "marched to demand the resignation of
    the president", "continued their hunger strike to demand ..." (the clause may hang on the verb
    that carries the protest noun)."""
    holders = [protest]
    if protest.dep_ in {"dobj", "nsubj"} and protest.head.pos_ == "VERB":
        holders.append(protest.head)
    purposes = [
        clause
        for holder in holders
        for clause in holder.children
        if clause.dep_ in {"xcomp", "advcl", "acl"} and is_to_infinitive(clause)
    ]
    demands = [p for p in purposes if _trigger_type(p, lexicon) == "REQUEST"]
    return [ref for demand in demands for ref in read_roles(demand, "REQUEST", lexicon).targets]


def _trigger_type(verb: Token, lexicon: Lexicon) -> str | None:
    spec = lexicon.verbs.get(verb.lemma_.lower())
    return spec.type if spec is not None else None


def _engaged_in(verb: Token, lexicon: Lexicon) -> list[Token]:
    """What "X was engaged in" or "involved in" names: an activity X carries out."""
    if verb.lemma_.lower() not in lexicon.engaging_participles:
        return []
    return _prep_children(verb, {"in"})


def _is_flight(verb: Token, event_type: str, lexicon: Lexicon) -> bool:
    displacement = lexicon.displacement
    return event_type == displacement.spec.type and verb.lemma_.lower() in displacement.fleeing_verbs


def _fleeing_roles(verb: Token) -> Roles:
    """People who flee are the target of their displacement; its source is whom they flee, where that
    is no place ("fled Boko Haram", "fleeing the Taliban"; not "fled Fallujah"), as PLOVER has it."""
    roles = Roles()
    if (who := fleeing_people(verb)) is not None:
        roles.targets += _refs(who)
    fled = [c for c in verb.children if c.dep_ == "dobj"]
    fled += _prep_children(verb, {"from"})  # "fled from the Taliban"
    roles.sources += [
        ref for thing in fled if thing.ent_type_ not in PLACE_NAME_LABELS for ref in _refs(thing)
    ]
    return roles


def _second_object_apart(thing: Token) -> bool:
    """ "refusing admittance to Ghanaians, by far the biggest group involved": a second object set off
    by a comma is the parser's reading of an appositive, which restates whom the verb names."""
    verb = thing.head
    earlier = [c for c in verb.children if c.dep_ == "dobj" and c.i < thing.i]
    return bool(earlier) and any(t.text == "," for t in thing.doc[earlier[-1].i : thing.left_edge.i])


def _up_to_objects(verb: Token) -> list[Token]:
    """ "kidnapped up to 16 advisers", which the parser reads as the particle "up" with "to 16
    advisers" (on the particle or on the verb): the counted object."""
    ups = [c for c in verb.children if c.dep_ == "prt" and c.lower_ == "up"]
    counted = [thing for holder in ([*ups, verb] if ups else []) for thing in _prep_children(holder, {"to"})]
    return [thing for thing in counted if any(c.dep_ == "nummod" for c in thing.children)]


def _served_country(mission: Token, lexicon: Lexicon) -> Token:
    """Where a peace mission serves, for what is given to it: "sent troops to the UN peacekeeping force in
    South Sudan" goes to South Sudan, as CAMEO and PLOVER code such help."""
    words = lexicon.peacekeeping.words
    if not any(word.lemma_.lower() in words or word.lower_ in words for word in mission.lefts):
        return mission
    served = next((p for p in _prep_children(mission, {"in"}) if p.ent_type_ in PLACE_NAME_LABELS), None)
    return served if served is not None else mission


def _served_country_within(thing: Token, lexicon: Lexicon) -> Token:
    """Where a peace mission named inside a thing's phrase serves ("an extension of the mandate for the
    peacekeeping force in Lebanon"), else the thing."""
    for word in thing.subtree:
        if (served := _served_country(word, lexicon)) is not word:
            return served
    return thing


def _said_by_misparsed(act: Token, event_type: str, lexicon: Lexicon) -> bool:
    """Whether an active verb's "by" may name who said its object: "denied charges by X"."""
    return (
        event_type in ABOUT_AN_ACT
        and act.lemma_.lower() in lexicon.said_act_nouns
        and not _prep_children(act, SOURCE_PREPS)
    )


def _condition_subjects(verb: Token, lexicon: Lexicon) -> list[ActorRef]:
    """The subjects of the conditions set on a threat or on what it threatens ("unless Israel ...",
    "if the United States goes ahead")."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    conditions = [
        clause for holder in holders for clause in condition_clauses(holder, lexicon.conditional_markers)
    ]
    return [ref for clause in conditions if (s := _child(clause, "nsubj")) is not None for ref in _refs(s)]


def _is_act(thing: Token, lexicon: Lexicon) -> bool:
    """An object that names an act, not an actor: "condemned the strike", "held joint exercises"."""
    lemma = thing.lemma_.lower()
    return lemma in lexicon.nouns or (
        thing.pos_ == "NOUN"
        and (lemma in lexicon.object_senses or lemma in lexicon.act_nouns or lemma in lexicon.promise_nouns)
    )


def _misparsed_subject(verb: Token, event_type: str, lexicon: Lexicon) -> Token | None:
    """ "Hundreds of refugees protested in Berlin", parsed as a noun the verb modifies: in a sentence
    with no verb of its own, a protest, a verb that is an event only without an object, or one with a
    direct object cannot be a passive participle, so the noun is its subject. ("Five killed in raid"
    stays passive.) The subject is the sentence's noun also where the parser hangs the verb on a noun
    inside it ("Doctors from two aid groups donated"), and the appositive noun of a closing report
    ("X is failing refugees, a rights group protested")."""
    if verb.dep_ != "acl" or verb.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    doer = _sentence_noun(verb.head) or _closing_reporter(verb)
    if doer is None:
        return None
    spec = lexicon.verbs.get(verb.lemma_.lower())
    if event_type == "PROTEST" or (spec is not None and spec.intransitive):
        return doer
    # "The rebels handed over the town to the army": a participle with an object of its own (or of the
    # verb it is joined to: "donated and delivered goods") is active; and so is one the parser gives a
    # day as what it names ("a newspaper called Thursday on Arabs to unite").
    joined = (verb, *verb.conjuncts)
    if any(child.dep_ == "dobj" for one in joined for child in one.children):
        return doer
    return doer if any(c.dep_ == "oprd" and c.ent_type_ in {"DATE", "TIME"} for c in verb.children) else None


def _sentence_noun(noun: Token) -> Token | None:
    """The noun a sentence with no verb of its own is parsed as, where `noun` is it or lies inside its
    phrase ("Doctors from two aid groups")."""
    current = noun
    while current.dep_ != "ROOT":
        if current.dep_ not in {"pobj", "prep", "compound", "conj"}:
            return None
        current = current.head
    return current if current.pos_ in {"NOUN", "PROPN"} else None


def _closing_reporter(verb: Token) -> Token | None:
    """The noun of ", a rights group protested here Wednesday" closing a sentence, parsed as an
    appositive the verb describes."""
    noun = verb.head
    before = noun.doc[noun.left_edge.i - 1] if noun.left_edge.i > 0 else None
    last = max(token.i for token in noun.sent if not token.is_punct)
    closes = before is not None and before.text == "," and verb.right_edge.i >= last
    return noun if noun.dep_ == "appos" and closes else None


def _object_targets(thing: Token, event_type: str) -> list[ActorRef]:
    """Whom an object that is a thing is aimed at: "food supplies to X", "a ban imposed on X"."""
    preps = _object_target_preps(event_type)
    refs = _prep_objects(thing, preps)
    for participle in (c for c in thing.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        refs += _prep_objects(participle, preps)
    return refs


def _noun_roles(noun: Token, event_type: str, lexicon: Lexicon, object_is_means: bool = False) -> Roles:
    roles = Roles()
    holder = _held_responsible(noun)
    modifier = _modifier_phrase(noun, lexicon)
    if modifier is not None and event_type in HARM_TYPES and _names_victims(modifier, lexicon):
        roles.targets.append(ActorRef([modifier]))  # "child abductions", "civilian killings"
    elif holder is None and modifier is not None:
        roles.sources.append(ActorRef([modifier, *_nation_words(modifier, noun)]))
    if holder is not None:
        roles.sources += _refs(holder)  # named as the doer: a modifier is then no doer
    roles.sources += _leaders(noun)
    roles.sources += _prep_objects(noun, _source_preps(event_type))
    _read_aimed(noun, event_type, lexicon, roles)
    roles.further_targets += _object_targets(noun, event_type)  # "a ceasefire with the Taliban"
    for of_object in _prep_children(noun, {"of"}):
        lets_go = noun.lemma_.lower() in lexicon.letting_go_nouns
        said = noun.lemma_.lower() in lexicon.said_act_nouns  # "the demands of the truck drivers"
        fired_by = noun.lemma_.lower() in lexicon.fire_nouns and _is_armed_body(of_object, lexicon)
        of_is_source = (event_type in OF_IS_SOURCE or object_is_means or said or fired_by) and not lets_go
        _read_of_object(of_object, event_type, lexicon, roles, of_is_source)
    _read_between(noun, roles, lexicon)
    if event_type == "REQUEST":
        # "its demand that Israel ease the restrictions": who is to act; the parser may hang the clause
        # on the verb whose object the demand is ("reiterated its demand today that Israel ease ...").
        clauses = [c for c in noun.children if c.dep_ in {"acl", "ccomp"} and opened_by(c, THAT)]
        if noun.dep_ == "dobj":
            clauses += [
                c for c in noun.head.children if c.dep_ == "ccomp" and c.i > noun.i and opened_by(c, THAT)
            ]
        roles.targets += _subjects_of(clauses)
    if event_type == "PROTEST" and not roles.targets:
        roles.targets += _demanded_of(noun, lexicon)  # "a hunger strike to demand the resignation of X"
    placed = _placed_under(noun)
    if placed is not None:
        roles.targets += _refs(placed)
    roles.targets += [ref for used in _used_as(noun) for ref in _refs(used)]
    verb = carrying_verb(noun, lexicon)
    if verb is None and (doer := _passive_carrier_agent(noun, lexicon)) is not None:
        roles.sources += _refs(doer)  # "the attack was carried out by Hamas fighters"
    if verb is not None:
        # "X issued a warning to Y": the carrying verb holds the source and sometimes the target ("The
        # Iraqi air force carried out strikes", parsed as a force that "carried" describes, too).
        if (subject := clause_subject(verb) or _misparsed_subject(verb, event_type, lexicon)) is not None:
            if roles.sources:
                roles.further_sources += _refs(subject)  # "Russia launched cyber attacks"
            else:
                roles.sources += _refs(subject)
        if not roles.targets:
            roles.targets += [ref for c in verb.children if c.dep_ == "dative" for ref in _dative_refs(c)]
            _read_aimed(verb, event_type, lexicon, roles)  # "completed its investigation into an allegation"
    elif (
        not roles.sources
        and noun.dep_ == "pobj"  # a circumstance of the clause: "... in 188 operations against US targets"
        and (subject := _nearest_subject(noun)) is not None
        and not _in_phrase(noun, subject)
        and subject != placed  # "the town remained under siege": the town is besieged
        and act_it_caused(noun) is None  # "children suffered injuries due to an explosion"
        and not _responsibility_for(noun, lexicon)  # "denied any role in the killings": not the killer
    ):
        # "the IRI demonstrated ... in 188 operations": the clause's subject carried them out.
        roles.sources += _refs(subject)
    elif not roles.targets and (harmed := _harmed_by(noun, lexicon)) is not None:
        roles.targets += _refs(harmed)  # "a prisoner died as a result of torture"
    possessor = _child(noun, "poss")
    if not roles.sources and possessor is not None and possessor.lower_ in PERSONAL_PRONOUNS:
        # "The ILO reiterated its demand": the act is the one the pronoun stands for.
        roles.sources.append(actor_ref(possessor))
    if (purpose := _purpose_of(noun)) is not None:
        # "measures by the Treasury to diminish the value of the Iraqi dinar": whom the act's aim is at
        roles.further_targets += [ref for c in purpose.children if c.dep_ == "dobj" for ref in _refs(c)]
    return roles


def _sharing_object(verb: Token) -> list[Token]:
    """The verbs joined after one with no object of its own, sharing its subject, whose object and
    recipient are told once for both: "donated and personally delivered goods to the school"."""
    if any(c.dep_ in {"dobj", "dative"} for c in verb.children):
        return []
    joined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    return [c for c in joined if not any(s.dep_ in {"nsubj", "nsubjpass"} for s in c.children)]


def _harmed_by(noun: Token, lexicon: Lexicon) -> Token | None:
    """The subject of a verb of coming to harm that an act is told as the cause of: "a prisoner died
    as a result of torture", "children suffered injuries due to an explosion"."""
    undergone = act_it_caused(noun)
    if undergone is None or undergone.lemma_.lower() not in lexicon.undergoing_verbs:
        return None
    return clause_subject(undergone)


def _object_after_as(verb: Token) -> list[Token]:
    """ "denounced as an ugly crime Serbia's suppression of the unrest": an object put after what the
    verb calls it, which the parser takes for an apposition to the "as" phrase."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return []
    named = [
        o
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "as"
        for o in c.children
        if o.dep_ == "pobj"
    ]
    return [c for thing in named for c in thing.children if c.dep_ == "appos"]


def _purpose_of(noun: Token) -> Token | None:
    """The infinitive that says what a nominal act is for: its own ("measures to curb imports"), or one
    the parser hung on the verb above right where the act's phrase ends ("followed measures by X to
    diminish ...")."""
    own = next((c for c in noun.children if c.dep_ == "acl" and is_to_infinitive(c)), None)
    if own is not None:
        return own
    verb = governing_verb(noun)
    hung = [c for c in verb.children if c.dep_ == "advcl"] if verb is not None else []
    return next((c for c in hung if is_to_infinitive(c) and c.left_edge.i == noun.right_edge.i + 1), None)


def _read_aimed(holder: Token, event_type: str, lexicon: Lexicon, roles: Roles) -> None:
    """Whom the prepositions of a nominal event (or of the light verb that carries it) aim it at; an act
    there is aimed at in its turn ("an investigation into crimes by X")."""
    for aimed in _prep_children(holder, _target_preps(event_type) - {"of"}):
        if _is_act(aimed, lexicon):
            _read_inner_event(aimed, event_type, lexicon, roles)
        else:
            roles.targets += _refs(aimed)


def carrying_verb(noun: Token, lexicon: Lexicon) -> Token | None:
    """The light verb whose object a nominal trigger is, or modifies ("carried out an attack", "launched
    air and artillery strikes", "launched a mediation effort"), if any."""
    member = coordination_head(noun)
    if member.dep_ == "compound":
        member = member.head  # "launched a mediation effort", "undertook a peace mission"
    verb = member.head if member.dep_ in {"dobj", "attr"} else None
    if verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon.light_verbs:
        return verb
    return None


def _passive_carrier_agent(noun: Token, lexicon: Lexicon) -> Token | None:
    """Who a light verb in the passive says carried the act out: "the war game was staged by US
    marines", "the attack was carried out by Hamas"."""
    member = coordination_head(noun)
    if member.dep_ != "nsubjpass" or member.head.pos_ != "VERB":
        return None
    # "was planned and carried out by the army": the light verb may be the second of two the act shares.
    for verb in (member.head, *member.head.conjuncts):
        if verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon.light_verbs:
            agent = _child(verb, "agent")
            if agent is not None:
                return _child(agent, "pobj")
    return None


def _subjects_of(clauses: list[Token]) -> list[ActorRef]:
    return [
        ref
        for clause in clauses
        for c in clause.children
        if c.dep_ in {"nsubj", "nsubjpass"}
        for ref in _refs(c)
    ]


def _placed_under(noun: Token) -> Token | None:
    """Who is put under an act: "was placed under house arrest", "put X under investigation", "the town
    remained under siege"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in UNDER_PREPS:
        return None
    verb, lemma = prep.head, prep.head.lemma_.lower()
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    if lemma in PLACING_VERBS:
        return _child(verb, "dobj") or _child(verb, "nsubjpass")
    return _child(verb, "nsubj") if lemma in STATE_VERBS else None


def _used_as(noun: Token) -> list[Token]:
    """ "used Lebanese civilians as human shields": whom the verb's "as" makes the act's victims."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "as":
        return []
    if prep.head.dep_ == "dobj":
        return [prep.head]  # "hold several hundred families as human shields", "as" hung on the object
    return [child for child in prep.head.children if child.dep_ == "dobj"] if prep.head.pos_ == "VERB" else []


def _taken_from(verb: Token) -> list[Token]:
    """Whom what is given back was taken from: "will return weapons they seized from the Iraqi army"."""
    things = [t for child in verb.children if child.dep_ == "dobj" for t in (child, *child.conjuncts)]
    clauses = [c for thing in things for c in thing.children if c.dep_ in {"relcl", "acl"}]
    return [pobj for clause in clauses for pobj in _prep_children(clause, {"from"})]


def _names_victims(modifier: Phrase, lexicon: Lexicon) -> bool:
    words = modifier.text.lower().split()
    return bool(words) and words[-1] in lexicon.victim_modifiers


def _held_responsible(noun: Token) -> Token | None:
    """Whom the sentence holds to have done an act: "X is responsible for the killings", "X was behind
    the attack", "X is accused of killings", "accused X of the bombing"."""
    member = coordination_head(noun)
    prep = member.head
    if member.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    holder, word = prep.head, prep.lower_
    if word in {"for", "of"} and holder.dep_ == "acomp" and holder.lemma_.lower() in RESPONSIBLE_WORDS:
        return clause_subject(holder.head)
    if word == "behind" and holder.lemma_.lower() == "be":
        return clause_subject(holder)
    if (
        word == "for"
        and holder.lemma_.lower() in RESPONSIBILITY_NOUNS
        and holder.dep_ == "dobj"
        and holder.head.lemma_.lower() in CLAIMING_VERBS
    ):
        return clause_subject(holder.head)  # "X claimed responsibility for the bombings"; not "denied"
    if word in {"for", "of"} and holder.pos_ == "VERB" and holder.lemma_.lower() in BLAMING_VERBS:
        return _child(holder, "nsubjpass") or _child(holder, "dobj")
    if word in {"for", "of"} and holder.dep_ == "dobj" and holder.head.lemma_.lower() in BLAMING_VERBS:
        return holder  # "accused the rebels of the bombing", parsed with "of" on the rebels
    return None


def _responsibility_for(noun: Token, lexicon: Lexicon) -> bool:
    """The act is what someone's part in is told ("claimed" or "denied responsibility for", "denied any
    role in"), which says nothing of who did it but through the verb."""
    prep = coordination_head(noun).head
    part = prep.head.lemma_.lower()
    return prep.lower_ in {"for", "in"} and (part in RESPONSIBILITY_NOUNS or part in lexicon.disowned_nouns)


def _leaders(noun: Token) -> list[ActorRef]:
    """ "the Hamas-led operation", "a US-backed offensive": who leads or backs the act carries it out."""
    refs = []
    for participle in (c for c in noun.children if c.dep_ == "amod" and c.lemma_.lower() in LEADING_VERBS):
        names = [c for c in participle.children if c.dep_ in {"npadvmod", "compound", "nmod"}]
        refs += [ref for name in names for ref in _refs(name)]
    return refs


def _is_patient(participle: Token, lexicon: Lexicon) -> bool:
    """Whom a passive participle describes undergoes it: people or a name ("the minister murdered in
    Washington"), not the means ("missiles fired") nor a thing a garbled line runs into it. Not where
    the participle tells the toll of an act it names ("40 people wounded in the raid"): that act is
    the event, told elsewhere."""
    if any(_is_act(thing, lexicon) for thing in _prep_children(participle, TOLL_PREPS)):
        return False
    described = participle.head
    return (
        described.pos_ == "PROPN"
        or described.ent_type_ in NAME_LABELS
        or described.lower_ in lexicon.agent_nouns
    )


def _planter(thing: Token, lexicon: Lexicon) -> Token | None:
    """Who left a weapon where it went off: "a roadside bomb planted by the rebels"."""
    for participle in thing.children:
        if leaves_a_weapon(participle, lexicon) and (agent := _child(participle, "agent")) is not None:
            return _child(agent, "pobj")
    return None


def _is_armed_body(word: Token, lexicon: Lexicon) -> bool:
    """ "the air force", "the army": an armed body named in the singular, not its people ("soldiers")."""
    return word.tag_ == "NN" and word.lemma_.lower() in lexicon.armed_body_heads


def _read_of_object(
    of_object: Token, event_type: str, lexicon: Lexicon, roles: Roles, of_is_source: bool
) -> None:
    """`of_is_source`: the "of" object names who acts ("the withdrawal of troops"), not whom the act is
    done to ("the release of the hostages")."""
    if of_object.pos_ == "NOUN" and of_object.lemma_.lower() in lexicon.nouns:
        _read_inner_event(of_object, event_type, lexicon, roles)
        # The parser hangs "from Baghdad" on the last noun: "condemnation of the attack from Baghdad".
        if event_type in ABOUT_AN_ACT:
            roles.sources += _prep_objects(of_object, {"from"})
        return
    left = _prep_objects(of_object, {"from"}) if event_type == RETREAT_TYPE else []
    if of_is_source and left:
        # "the withdrawal of invasion forces from Panama": the parser hangs where they leave on what
        # leaves; it is the place withdrawn from, and says nothing of whose the forces are.
        roles.targets += left
        roles.sources += [replace(ref, located_in=None) for ref in _refs(of_object)]
    elif of_is_source:
        roles.sources += _refs(of_object)
    else:
        roles.targets += _refs(of_object)


def _read_inner_event(act: Token, event_type: str, lexicon: Lexicon, roles: Roles) -> None:
    """An event about another act: "suspension of operations against US forces" is aimed at US forces,
    "condemnation of the US attack" at the US."""
    # Not "military" in "military exercises".
    modifier = _name_modifier(act, _not_actor_modifiers(act, lexicon))
    possessor = _child(act, "poss")
    inner_sources = [ActorRef([modifier])] if modifier is not None else []
    if possessor is not None and possessor.pos_ != "PRON":
        inner_sources.append(ActorRef([premodified_phrase(possessor)]))  # "US President Trump's decision"
    elif possessor is not None:
        inner_sources += _refs(possessor)
    # "rejected calls by Belarus's rulers", "accepted demands from the rebels", "an offer from Kabul"
    spec = lexicon.nouns.get(act.lemma_.lower())
    inner_sources += _prep_objects(act, _source_preps(spec.type) if spec else SOURCE_PREPS | {"from"})
    if act.lemma_.lower() in lexicon.said_act_nouns:
        inner_sources += _prep_objects(act, {"of"})  # "rejected the call of the European Parliament"
    for participle in (c for c in act.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        inner_sources += _prep_objects(participle, SOURCE_PREPS)  # "crimes committed by Croat forces"
    inner_targets = _prep_objects(act, TARGET_PREPS)
    for clause in (c for c in act.children if c.dep_ == "relcl"):
        inner_targets += _prep_objects(clause, AIMED_PREPS)  # "the ban that they imposed on aid agencies"
    undone_or_imposed = event_type not in ABOUT_AN_ACT | {"REQUEST"}
    if not inner_targets and undone_or_imposed and spec is not None and spec.type in IMPOSED_TYPES:
        inner_targets = _prep_objects(act, {"of"})  # "lifted its blockade of the U.K."
    promised_to = _prep_objects(act, {"to"}) if act.lemma_.lower() in lexicon.promise_nouns else []
    if promised_to:
        # "reneged on his commitment to the Zambian people": aimed at whom it was made to, not its maker.
        inner_sources, inner_targets = [], inner_targets + promised_to
    # "prevented the demonstration staged by students", "banned rallies by the Kifaya group": force
    # against a protest is aimed at who protests.
    protest_stopped = event_type in FORCE_TYPES and spec is not None and spec.type == "PROTEST"
    if event_type in ABOUT_AN_ACT or protest_stopped:
        roles.targets += inner_sources or inner_targets
    else:
        roles.targets += inner_targets
    asked_to_act = (
        spec is not None and spec.type in OF_IS_SOURCE and act.lemma_.lower() not in lexicon.letting_go_nouns
    )
    if event_type == "REQUEST" and not inner_targets and asked_to_act:
        # "demanded the withdrawal of Serbian forces", "called for a meeting of the Security Council":
        # those asked to act are whom the demand is aimed at (not the prisoners of "the release of").
        roles.targets += _prep_objects(act, {"of"})
    elif event_type == "REQUEST" and not inner_targets:
        # "demanded support from the assembly", "asked for US help": who is to give it.
        roles.targets += inner_sources


def _read_between(noun: Token, roles: Roles, lexicon: Lexicon) -> None:
    """ "talks between X and Y": the two sides; "mediation between X and Y": whom the act is aimed at."""
    holders = [noun, noun.head] if noun.dep_ == "compound" else [noun]  # "a mediation effort between"
    for first in (pobj for holder in holders for pobj in _prep_children(holder, {"between"})):
        refs = _refs(first) if first.conjuncts else _sides_among_modifiers(first) or _refs(first)
        if len(refs) < 2:
            continue
        if word_lemmas(noun)[0] in lexicon.reciprocal_triggers:
            roles.sources.append(refs[0])
            roles.targets += refs[1:]
        else:
            roles.targets += refs


def _sides_among_modifiers(pobj: Token) -> list[ActorRef]:
    """ "between the army and M23 rebels", parsed as rebels that "the army and M23" modify: "between"
    needs two sides, so the first is the modifier, the second its conjunct with the head noun."""
    modifier = next((c for c in pobj.lefts if c.dep_ in MODIFIER_DEPS and c.conjuncts), None)
    if modifier is None:
        return []
    second = modifier.conjuncts[-1]
    return [actor_ref(modifier), ActorRef([phrase_of(second, pobj, second.ent_type_ or None)])]


def _nearer_conjunct_subject(verb: Token) -> Token | None:
    """ "the raiders came ..., but police guards posted there killed one of them": a verb joined to
    others shares the subject of the nearest one before it that has its own, not the first one's."""
    earlier = [
        c for c in verb.head.children if c.dep_ == "conj" and c.i < verb.i and c.pos_ in {"VERB", "AUX"}
    ]
    for sibling in reversed(earlier):
        subject = _child(sibling, "nsubj")
        if subject is not None and subject.lower_ not in RELATIVE_PRONOUNS:
            return subject
    return None


def clause_subject(verb: Token) -> Token | None:
    """The subject of a verb, following relative pronouns to their antecedent and sharing subjects
    across coordination and control ("X met Y and signed...", "X vowed to retaliate")."""
    current = verb
    for _ in range(4):
        subject = _child(current, "nsubj")
        if subject is not None:
            if subject.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return current.head
            if subject.tag_ == "VBG" and (described := _child(subject, "nsubj")) is not None:
                return described  # "The Red Cross operating in Iraq said", parsed as a gerund subject
            return subject
        if _describes_its_subject(current):
            return current.head  # "Palestinian youths resorted to ...", parsed as a noun the verb describes
        if current.dep_ == "conj" and (nearer := _nearer_conjunct_subject(current)) is not None:
            return nearer
        if current.dep_ in {"conj", "xcomp", "advcl"} and current.head.pos_ in {"VERB", "AUX"}:
            current = current.head
            continue
        if (
            current.dep_ == "xcomp"
            and current.head.dep_ == "acomp"
            and current.head.head.pos_ in {"VERB", "AUX"}
        ):
            current = current.head.head  # "Norway is willing to send", "X is ready to contribute"
            continue
        if current.dep_ == "pcomp" and (blamed := _blamed_for(current)) is not None:
            return blamed  # "accused the NPFL of seizing the town": the NPFL seized it
        if current.dep_ == "pcomp" and current.head.head.pos_ in {"VERB", "AUX"}:
            current = current.head.head  # "X demonstrated ... by employing": by-gerunds share X
            continue
        if (
            current.dep_ == "pcomp"
            and current.head.head.dep_ == "acomp"
            and current.head.head.head.pos_ in {"VERB", "AUX"}
        ):
            current = current.head.head.head  # "X is guilty of violating the truce"
            continue
        if current.dep_ == "relcl":
            return current.head
        if current.dep_ == "acl" and current.tag_ == "VBG" and current.head.pos_ in {"NOUN", "PROPN"}:
            return current.head  # "gunmen firing at the crowd", "police firing": an active participle
        if current.dep_ == "acl" and current.head.pos_ == "NOUN":
            # "Moscow's willingness to bolster", "X expressed its readiness to help": the noun's owner.
            owner = _child(current.head, "poss")
            if owner is not None:
                return owner
            if current.head.dep_ in {"dobj", "attr"} and current.head.head.pos_ in {"VERB", "AUX"}:
                current = current.head.head
                continue
        return None
    return None


def _describes_its_subject(verb: Token) -> bool:
    """Whether a verb the parser says describes a noun is the noun's own verb: in a sentence with no
    other ("Palestinian youths resorted to ..."), or where the parser made the noun a second subject of
    a closing report ("Palestinian youths resorted to ..., officials said")."""
    if verb.dep_ != "acl":
        return False
    noun = verb.head
    if verb.tag_ in FINITE_TAGS and noun.dep_ == "ROOT":
        return True
    second = noun.dep_ == "nsubj" and any(c.dep_ == "nsubj" and c.i > noun.i for c in noun.head.children)
    return verb.tag_ in {"VBD", "VBN"} and second


def _blamed_for(gerund: Token) -> Token | None:
    """Whom a verb of blame holds to have done what its "of" or "for" gerund says: "accused X of
    seizing", "X was blamed for killing"."""
    prep = gerund.head
    verb = prep.head
    if prep.lower_ not in {"of", "for"} or verb.pos_ != "VERB" or verb.lemma_.lower() not in BLAMING_VERBS:
        return None
    return _child(verb, "dobj") or _child(verb, "nsubjpass")


def _in_phrase(token: Token, noun: Token) -> bool:
    """Whether the token is in the noun's phrase, not in its own verb that the parser says describes it
    ("youths resorted to throwing stones during demonstrations")."""
    clauses = [c for c in noun.children if _describes_its_subject(c)]
    inside = noun.left_edge.i <= token.i <= noun.right_edge.i
    return inside and not any(c.left_edge.i <= token.i <= c.right_edge.i for c in clauses)


def _nearest_subject(noun: Token) -> Token | None:
    verb = governing_verb(noun)
    if verb is None:
        return None
    subject = clause_subject(verb)
    return subject


def _refs(head: Token) -> list[ActorRef]:
    """The actor phrase(s) headed by a token, one per coordinated member ("Iraq and Syria", and
    "Hungarian and Romanian officials": Hungarian officials and Romanian officials)."""
    refs = _coordinated_modifier_refs(head) or [actor_ref(head)]
    refs += [actor_ref(member) for member in head.conjuncts if member.i > head.i]
    of_object = _past_counts(next(iter(_prep_children(head, {"of"})), None))
    if of_object is not None and entity_phrase(head) is None:
        # "scores of refugees and migrants", "the leaders of Iraq and Syria": each member of the "of".
        refs += [actor_ref(member) for member in of_object.conjuncts if member.i > of_object.i]
    return refs


def _coordinated_modifier_refs(head: Token) -> list[ActorRef]:
    for modifier in head.lefts:
        members = [modifier, *modifier.conjuncts]
        if (
            modifier.dep_ in MODIFIER_DEPS
            and len(members) > 1
            and all(m.ent_type_ in NATION_LABELS for m in members)
        ):
            end = head.idx + len(head)
            return [ActorRef([Phrase(f"{m.text} {head.text}", (m.idx, end), m.ent_type_)]) for m in members]
    return []


def actor_ref(head: Token) -> ActorRef:
    if head.pos_ == "PRON" and head.lower_ in PERSONAL_PRONOUNS:
        pronoun = phrase_of(head, head, "PRON")
        speaker = _speaker_it_stands_for(head)
        if speaker is not None:
            # "Lebanon says it will not accept more refugees": the speaker, named in the sentence.
            return ActorRef([*actor_ref(speaker).candidates, pronoun])
        return ActorRef([pronoun])
    candidates: list[Phrase] = []
    named = entity_phrase(head)
    if named is not None:
        # A name before its description: "Pakistan, a key U.S. ally" is Pakistan. A name the knowledge
        # base does not know leaves the description to tell who it is ("Tran Xuan Gia, the minister").
        candidates.append(named)
    for appos in (child for child in head.children if child.dep_ == "appos"):
        appos_named = entity_phrase(appos)
        candidates.append(appos_named or premodified_phrase(appos))
    base = premodified_phrase(head)
    of_object = next(iter(_prep_children(head, {"of"})), None)
    # "fighters from Hezbollah", but not "refugees from Serbia": the place people come from is where
    # they are, not who they are (see _located_in).
    from_group = next((o for o in _prep_children(head, {"from"}) if o.ent_type_ == "ORG"), None)
    of_object = of_object or from_group
    of_object = _past_counts(of_object)
    if named is None and of_object is not None and head.lemma_.lower() in POLITY_NOUNS:
        # "the South Pacific island nation of Nauru", "the kingdom of Bhutan": the state named.
        polity = entity_phrase(of_object)
        candidates += [polity] if polity is not None and of_object.ent_type_ == "GPE" else []
    if named is None and of_object is not None:
        # "fighters of Kataib Hezbollah": the group the people belong to is the actor.
        end = of_object.idx + len(of_object)
        candidates.append(
            Phrase(
                head.doc.char_span(base.span[0], end).text, (base.span[0], end), of_object.ent_type_ or None
            )
        )
    candidates.append(base)
    if head.pos_ == "NOUN" and base.span[0] < head.idx:
        # "Dock workers" at the start of a sentence: a capital that is not a name must not hide the agent,
        # nor what the words after it say ("Unidentified armed men" are armed men).
        phrase = head.doc.char_span(*base.span)
        lead = phrase[0] if phrase is not None else None
        opening = lead is not None and lead.is_sent_start and lead.pos_ != "PROPN" and not lead.ent_type_
        if opening and lead.i + 1 < head.i:
            candidates.append(phrase_of(lead.nbor(), head))
        candidates.append(phrase_of(head, head))
    if from_group is not None and (group_named := entity_phrase(from_group)) is not None:
        # "a group of terrorists from the Zarate Willka Armed Forces": the group they come from, last.
        candidates.append(group_named)
    return ActorRef(_unique(candidates), phrases=noun_phrases(head), located_in=_located_in(head))


def _past_counts(of_object: Token | None) -> Token | None:
    """ "three of the dozens of Colombian hostages": a count's own "of" names whom it counts."""
    while of_object is not None and (of_object.tag_ == "CD" or of_object.ent_type_ == "CARDINAL"):
        counted = next(iter(_prep_children(of_object, {"of"})), None)
        if counted is None:
            break
        of_object = counted
    return of_object


def _speaker_it_stands_for(pronoun: Token) -> Token | None:
    """The subject of the verb whose complement clause (what it says, fears, hopes) the pronoun is the
    subject of, when they agree: "Lebanon says it will ...", "the rebels said they would ...", "the
    minister said he had ..."."""
    clause = pronoun.head
    if pronoun.dep_ not in {"nsubj", "nsubjpass"} or clause.dep_ != "ccomp":
        return None
    # "the rebels rejected the plan and said they ...": a verb of saying shares its conjunct's subject.
    speaker = clause_subject(clause.head)
    if speaker is None or speaker.pos_ == "PRON":
        return None
    word = pronoun.lower_
    person = speaker.ent_type_ == "PERSON"
    plural = speaker.tag_ in {"NNS", "NNPS"} or bool(speaker.conjuncts)
    if word in {"he", "she"}:
        agrees = person or (speaker.tag_ == "NN" and speaker.ent_type_ == "")  # "the minister said he"
    elif word == "it":
        agrees = not person and not plural
    else:  # "they"
        agrees = plural or speaker.ent_type_ in {"ORG", "NORP"}
    return speaker if agrees else None


def _located_in(head: Token) -> Phrase | None:
    """The named place a people noun is "in", "of" or "from" ("protesters in Baghdad", "rebels in the
    Ivory Coast", "the government of Sindh province", "refugees from Serbia"), or based in ("militants
    based in Somalia"), or that modifies it ("Darfur rebels")."""
    if head.pos_ != "NOUN":
        return None
    places = _prep_children(head, LOCATING_PREPS | {"from"})  # "refugees from Serbia"
    based = [c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in BASED_PARTICIPLES]
    places += [place for participle in based for place in _prep_children(participle, {"in"})]
    for place in places:
        if place.ent_type_ in PLACE_NAME_LABELS:
            return entity_phrase(place) or premodified_phrase(place)
        # "Sindh province", "the Syrian Golan Heights": the name is a modifier of the place noun.
        named = _place_name_before(place, frozenset({"compound"}))
        if named is not None:
            return named
        if (unlabelled := _unlabelled_name(place)) is not None:
            return unlabelled  # the gazetteer tells whether it is a place
    return _place_name_before(head, MODIFIER_DEPS)  # "Darfur rebels", "Gaza residents"


def _unlabelled_name(place: Token) -> Phrase | None:
    """A proper name the recogniser gave no type, with the capitalised words before it that it gave
    none either: "Golan Heights" of "inhabitants of the Syrian Golan Heights"."""
    if place.pos_ != "PROPN" or place.ent_type_:
        return None
    first = place
    for word in reversed(list(place.lefts)):
        if word.i != first.i - 1 or word.dep_ != "compound" or word.pos_ != "PROPN" or word.ent_type_:
            break
        first = word
    return phrase_of(first, place)


def _place_name_before(noun: Token, deps: frozenset[str]) -> Phrase | None:
    named = next(
        (
            t
            for t in noun.lefts
            if t.ent_type_ in PLACE_NAME_LABELS and t.dep_ in deps and not after_stance_prefix(t)
        ),
        None,
    )  # not "anti-Syria" in "an anti-Syria journalist"
    return None if named is None else entity_phrase(named) or phrase_of(named, named)


def _dative_refs(dative: Token) -> list[ActorRef]:
    if dative.pos_ == "ADP":
        return [ref for child in dative.children if child.dep_ == "pobj" for ref in _refs(child)]
    return _refs(dative)


def _prep_objects(head: Token, preps: frozenset[str] | set[str]) -> list[ActorRef]:
    return [ref for pobj in _prep_children(head, preps) for ref in _refs(pobj)]


def _prep_children(head: Token, preps: frozenset[str] | set[str]) -> list[Token]:
    objects = []
    for prep in head.children:
        if prep.dep_ in {"prep", "agent", "dative"} and prep.lower_ in preps:
            # "on Monday", "at dawn": when, not whom.
            objects += [c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ not in TIME_LABELS]
            objects += _stranded_object(prep)
    return objects


def _stranded_object(prep: Token) -> list[Token]:
    """ "granted asylum to five officers holed up in a residence", parsed as a preposition with no object
    and a clause after it: the clause's subject, right after the preposition, is its object."""
    if any(c.dep_ == "pobj" for c in prep.children):
        return []
    clause = next((c for c in prep.head.children if c.dep_ in {"advcl", "ccomp"} and c.i > prep.i), None)
    subject = _child(clause, "nsubj") if clause is not None else None
    if subject is None or subject.left_edge.i != prep.i + 1:
        return []
    return [subject]


def _source_preps(event_type: str) -> frozenset[str]:
    return SOURCE_PREPS | ({"from"} if event_type in FROM_IS_SOURCE else set())


def _object_target_preps(event_type: str) -> frozenset[str]:
    return OBJECT_TARGET_PREPS - TOPIC_PREPS_BY_TYPE.get(event_type, frozenset())


def _target_preps(event_type: str) -> frozenset[str]:
    preps = TARGET_PREPS | TARGET_PREPS_BY_TYPE.get(event_type, frozenset())
    return preps - TOPIC_PREPS_BY_TYPE.get(event_type, frozenset())


def _modifier_phrase(noun: Token, lexicon: Lexicon) -> Phrase | None:
    """Who a nominal event belongs to, from its modifiers: "a 7 February US missile attack" -> "US"."""
    possessor = _child(noun, "poss")
    if possessor is not None and possessor.pos_ != "PRON":
        return premodified_phrase(possessor)
    return _name_modifier(noun, _not_actor_modifiers(noun, lexicon))


def _nation_words(modifier: Phrase, noun: Token) -> list[Phrase]:
    """ "US Predator attacks", "Israeli Apache strikes": the nation word alone, should the whole
    modifier name no actor."""
    words = noun.doc.char_span(*modifier.span)
    if words is None or len(words) < 2:
        return []
    return [phrase_of(word, word, word.ent_type_) for word in words if word.ent_type_ in NATION_LABELS]


def _not_actor_modifiers(noun: Token, lexicon: Lexicon) -> frozenset[str]:
    """Modifiers of an event noun that say how, not who: "military", "drone", the words that pick a
    trigger's sense ("hunger" strike, "war" games, "house" arrest), unless they name a kind of actor and
    pick no sense of this noun ("mob" violence, though a mob dispersed is a sense of "disperse")."""
    own_senses = frozenset(lexicon.object_senses.get(noun.lemma_.lower(), {}))
    spec = lexicon.nouns.get(noun.lemma_.lower())
    # Only for force: the troops of "troop withdrawal" or "troop deployment" are what is moved.
    doers = lexicon.agent_nouns if spec is not None and spec.type in HARM_TYPES else frozenset()
    return lexicon.martial_modifiers | lexicon.instrument_words | (lexicon.sense_words - doers) | own_senses


def _name_modifier(noun: Token, skip: frozenset[str] = frozenset()) -> Phrase | None:
    chosen = [
        child
        for child in noun.lefts
        if child.dep_ in {"compound", "amod", "nmod", "npadvmod"}
        and child.ent_type_ not in NON_ACTOR_MODIFIER_LABELS
        and child.lower_ not in skip
        and (child.pos_ in {"PROPN", "NOUN"} or child.ent_type_ in {"NORP", "GPE", "ORG"})
    ]
    if not chosen:
        return None
    first = chosen[0].left_edge if chosen[0].ent_type_ not in NON_ACTOR_MODIFIER_LABELS else chosen[0]
    while first.i < chosen[-1].i and (first.ent_type_ in NON_ACTOR_MODIFIER_LABELS or first.like_num):
        first = first.nbor()
    return phrase_of(first, chosen[-1], chosen[-1].ent_type_ or None)


def _child(token: Token, dep: str) -> Token | None:
    return next((child for child in token.children if child.dep_ == dep), None)


def _unique(phrases: list[Phrase]) -> list[Phrase]:
    seen: set[tuple[int, int]] = set()
    unique = []
    for phrase in phrases:
        if phrase.span not in seen:
            seen.add(phrase.span)
            unique.append(phrase)
    return unique
