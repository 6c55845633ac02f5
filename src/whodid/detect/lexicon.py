"""The trigger and factuality lexicons, loaded from the package's data files into lookup tables."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from functools import lru_cache
from pathlib import Path

from whodid.acled import read_category
from whodid.data_files import load_yaml_mapping, package_data_path
from whodid.errors import DataFileError
from whodid.ontology import CameoVerb, load_cameo_verbs, load_ontology


@dataclass(frozen=True, slots=True)
class TriggerSpec:
    """What one trigger word means."""

    lemma: str
    pos: str  # "verb" or "noun"
    type: str
    cameo: str
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    lethal: bool = False
    weak: bool = False
    intransitive: bool = False  # "protesters demonstrated", not "demonstrated its versatility"
    transitive: bool = False  # "returned the paintings to Peru", not "returned to Baghdad"
    object_is_means: bool = False  # "sent troops on a peace mission": the troops are the sender's
    particles: frozenset[str] = frozenset()
    # From the CAMEO verb dictionary, not our own list: an event only with a named actor as its
    # subject or object, as the dictionary's coder required ("Iran denounced the deal", not "it helped").
    needs_named_argument: bool = False


@dataclass(frozen=True, slots=True)
class ObjectSense:
    """The type and CAMEO code a trigger takes with a given object ("suspended aid": SANCTION 162), and
    ACLED's category where the phrase decides it ("hurled a grenade", "defused a bomb")."""

    type: str
    cameo: str
    acled: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class StreetProtest:
    """Crowds out in protest: "took to the streets", "demonstrators gathered" (see triggers.yaml)."""

    spec: TriggerSpec
    outing_verbs: frozenset[str]
    street_words: frozenset[str]
    gathering_verbs: frozenset[str]
    protester_nouns: frozenset[str]


@dataclass(frozen=True, slots=True)
class Peacekeeping:
    """Troops sent on a peace mission: "sent troops to the UN peacekeeping force" (see triggers.yaml)."""

    spec: TriggerSpec
    words: frozenset[str]
    sending_words: frozenset[str]


@dataclass(frozen=True, slots=True)
class Readiness:
    """Forces on alert: "troops remained on alert", "put the army on standby" (see triggers.yaml)."""

    spec: TriggerSpec
    words: frozenset[str]


@dataclass(frozen=True, slots=True)
class Displacement:
    """People fleeing their homes: "thousands of civilians fled the town" (see triggers.yaml)."""

    spec: TriggerSpec
    fleeing_verbs: frozenset[str]
    displaced_people: frozenset[str]


@dataclass(frozen=True, slots=True, eq=False)  # one per process, compared and hashed by identity
class Lexicon:
    verbs: dict[str, TriggerSpec]
    nouns: dict[str, TriggerSpec]
    phrasal_verbs: dict[str, tuple[TriggerSpec, ...]]  # lemma -> the phrasal senses tried before the bare one
    # trigger lemma -> object lemma -> the sense it takes with that object (None: no event)
    object_senses: dict[str, dict[str, ObjectSense | None]]
    light_verbs: frozenset[str]
    reciprocal_triggers: frozenset[str]  # "agree", "clash", "talk": the parties act toward each other
    reciprocal_object_verbs: frozenset[str]  # "meet", "fight": ... and the direct object is the other side
    street_protest: StreetProtest
    peacekeeping: Peacekeeping
    displacement: Displacement
    readiness: Readiness
    senses_from_doer: frozenset[str]  # "strike": workers' is a protest, an air force's an attack
    giving_verbs: frozenset[str]  # "offered troops": the object that picks the sense is what is given
    victim_modifiers: frozenset[str]  # "child abductions": a modifier that names the victims
    letting_go_nouns: frozenset[str]  # "release": its "of" object is who is let go
    fire_nouns: frozenset[str]  # "bombing": its "of" object fires where it is an armed body
    armed_body_heads: frozenset[str]  # "army", "air force": a singular armed body, not its people
    planting_participles: frozenset[str]  # "a bomb planted by X": X did what the bomb does
    opinion_with_verbs: frozenset[str]  # "agree with X that ...": an opinion, no agreement
    act_nouns: frozenset[str]  # "offer", "crime": acts an accusation or a rejection may be about
    promise_nouns: frozenset[str]  # "his commitment to the people": aimed at whom it is made to
    said_act_nouns: frozenset[str]  # "call", "charge": acts of saying, whose "of" object said them
    stance_participles: frozenset[str]  # "opposed": "X is opposed to Y" is X's stance on Y
    reason_for_verbs: frozenset[str]  # "apologized to X for Y": the "for" says why
    land_taking_triggers: frozenset[str]  # "invaded South Lebanon": the land's state is the target
    undergoing_verbs: frozenset[str]  # "died as a result of torture": the subject is the act's target
    permitting_verbs: frozenset[str]  # "allow the return of the inspectors": the inspectors are the target
    secession_nouns: frozenset[str]  # "independence from X": a demand for it is aimed at X
    engaging_participles: frozenset[str]  # "engaged": "X was engaged in Y" is X doing Y
    holding_participles: frozenset[str]  # "occupying": "fighters occupying the town" hold it
    stance_nouns: frozenset[str]  # "in defiance of X": whom a protest is aimed at
    natural_causes: frozenset[str]  # "earthquake", "flood": subjects that make a killing a disaster
    economic_means: frozenset[str]  # "targeted with sanctions": a sanction, not an attack
    economic_sense: ObjectSense  # ... the type and CAMEO code it takes then
    spoken_protest_verbs: frozenset[str]  # "X protested that ...": a complaint in words, not a protest
    spoken_protest_sense: ObjectSense  # ... the type and CAMEO code it takes then
    accident_verbs: frozenset[str]  # "killed when the bus plunged off a bridge": no one's act
    measure_nouns: frozenset[str]  # "a lot of", "a total of": the object is what their "of" names
    classified_things: frozenset[str]  # "riot gear", "arrest warrant": an event noun names their kind
    agent_nouns: frozenset[str]  # "soldiers", "police", "protesters": who can act, without a name
    martial_modifiers: frozenset[str]
    mode_words: dict[str, dict[str, str]]  # type -> modifier word -> PLOVER mode ("drone" strike)
    acled_words: dict[str, dict[str, tuple[str, str]]]  # type -> instrument word -> ACLED category
    instrument_words: frozenset[str]  # every mode and ACLED word: "drone", "lathi" are no actors
    sense_words: frozenset[str]  # every word that picks a trigger's sense: "war" games, "hunger" strike
    trigger_modes: dict[str, dict[str, str]]  # type -> trigger lemma -> PLOVER mode ("assassination")
    decisive_mode_words: dict[str, dict[str, str]]  # type -> weapon -> mode, wherever the sentence names it
    hypothetical_modals: frozenset[str]
    planned_modals: frozenset[str]
    reported_future_modals: frozenset[str]
    obligation_modals: frozenset[str]
    conditional_markers: frozenset[str]
    planned_verbs: frozenset[str]
    threat_verbs: frozenset[str]
    hypothetical_verbs: frozenset[str]
    planned_nouns: frozenset[str]
    planned_modifiers: frozenset[str]
    planned_adjectives: frozenset[str]
    hypothetical_modifiers: frozenset[str]
    hypothetical_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    disowned_nouns: frozenset[str]
    reporting_adverbs: frozenset[str]
    according_to: frozenset[str]
    negations: frozenset[str]
    negating_prepositions: frozenset[str]
    threat_conditions: frozenset[str]
    conflict_threat_conditions: frozenset[str]
    future_time_markers: frozenset[str]


# Every Lexicon field from hypothetical_modals on is a word list of factuality.yaml with the same name.
_FIELD_NAMES = tuple(f.name for f in fields(Lexicon))
FACTUALITY_CUE_FIELDS = _FIELD_NAMES[_FIELD_NAMES.index("hypothetical_modals") :]


# Factuality cue lists of verbs that frame another event ("said", "planned", "denied").
CUE_VERB_FIELDS = ("reporting_verbs", "denial_verbs", "planned_verbs", "threat_verbs", "hypothetical_verbs")


@lru_cache(maxsize=1)
def load_lexicon(
    triggers_path: Path | None = None,
    factuality_path: Path | None = None,
    cameo_verbs_path: Path | None = None,
) -> Lexicon:
    """Our own trigger lexicon (triggers.yaml), then the CAMEO dictionary's verbs it lacks
    (cameo_verbs.yaml) less those it excludes, and the factuality cues (factuality.yaml)."""
    triggers_file = triggers_path or package_data_path("lexicon/triggers.yaml")
    cues_file = factuality_path or package_data_path("lexicon/factuality.yaml")
    triggers = load_yaml_mapping(triggers_file)
    cues = load_yaml_mapping(cues_file)
    verbs, nouns, our_phrasal = _trigger_tables(triggers, triggers_file)

    def words(mapping: dict, key: str, source: Path) -> frozenset[str]:
        value = mapping.get(key)
        if not isinstance(value, list) or not _are_words(value):
            raise DataFileError(str(source), f"{key!r} must be a list of words (quote no, yes, on, off)")
        return frozenset(word.lower() for word in value)

    cue_words = {key: words(cues, key, cues_file) for key in FACTUALITY_CUE_FIELDS}
    mode_words = _mode_table(triggers, "mode_words", triggers_file)
    object_senses = _object_senses(triggers, triggers_file)
    acled_words = _acled_words(triggers, triggers_file)
    light_verbs = words(triggers, "light_verbs", triggers_file)
    # Verbs that carry another event or frame a claim are never events of their own.
    not_events = (
        words(triggers, "cameo_verbs_excluded", triggers_file)
        | light_verbs
        | frozenset().union(*(cue_words[key] for key in CUE_VERB_FIELDS))
    )
    phrasal: dict[str, list[TriggerSpec]] = {}
    for spec in our_phrasal.values():
        phrasal.setdefault(spec.lemma, []).append(spec)
    for verb in load_cameo_verbs(cameo_verbs_path).values():
        ours = verbs.get(verb.lemma)
        if verb.key in not_events or (ours is not None and (not verb.particles or ours.type == verb.plover)):
            continue  # our own entry decides, unless the phrase means another type ("call off")
        if verb.particles:
            phrasal.setdefault(verb.lemma, []).append(_cameo_spec(verb))
        else:
            verbs[verb.lemma] = _cameo_spec(verb)
    return Lexicon(
        verbs=verbs,
        nouns=nouns,
        phrasal_verbs={lemma: tuple(specs) for lemma, specs in phrasal.items()},
        object_senses=object_senses,
        sense_words=frozenset(word for senses in object_senses.values() for word in senses),
        light_verbs=light_verbs,
        reciprocal_triggers=words(triggers, "reciprocal_triggers", triggers_file),
        reciprocal_object_verbs=words(triggers, "reciprocal_object_verbs", triggers_file),
        senses_from_doer=words(triggers, "senses_from_doer", triggers_file),
        giving_verbs=words(triggers, "giving_verbs", triggers_file),
        victim_modifiers=words(triggers, "victim_modifiers", triggers_file),
        letting_go_nouns=words(triggers, "letting_go_nouns", triggers_file),
        fire_nouns=words(triggers, "fire_nouns", triggers_file),
        armed_body_heads=words(triggers, "armed_body_heads", triggers_file),
        planting_participles=words(triggers, "planting_participles", triggers_file),
        opinion_with_verbs=words(triggers, "opinion_with_verbs", triggers_file),
        act_nouns=words(triggers, "act_nouns", triggers_file),
        promise_nouns=words(triggers, "promise_nouns", triggers_file),
        said_act_nouns=words(triggers, "said_act_nouns", triggers_file),
        stance_participles=words(triggers, "stance_participles", triggers_file),
        reason_for_verbs=words(triggers, "reason_for_verbs", triggers_file),
        land_taking_triggers=words(triggers, "land_taking_triggers", triggers_file),
        undergoing_verbs=words(triggers, "undergoing_verbs", triggers_file),
        permitting_verbs=words(triggers, "permitting_verbs", triggers_file),
        secession_nouns=words(triggers, "secession_nouns", triggers_file),
        engaging_participles=words(triggers, "engaging_participles", triggers_file),
        holding_participles=words(triggers, "holding_participles", triggers_file),
        stance_nouns=words(triggers, "stance_nouns", triggers_file),
        peacekeeping=Peacekeeping(
            # The troops sent are the sender's own, not whom it acts on.
            _sense_spec(triggers, "peacekeeping_sense", triggers_file, object_is_means=True),
            words=words(triggers, "peacekeeping_words", triggers_file),
            sending_words=words(triggers, "peacekeeping_sending_words", triggers_file),
        ),
        street_protest=StreetProtest(
            _sense_spec(triggers, "street_protest_sense", triggers_file),
            outing_verbs=words(triggers, "street_outing_verbs", triggers_file),
            street_words=words(triggers, "street_words", triggers_file),
            gathering_verbs=words(triggers, "street_gathering_verbs", triggers_file),
            protester_nouns=words(triggers, "protester_nouns", triggers_file),
        ),
        displacement=Displacement(
            _sense_spec(triggers, "displacement_sense", triggers_file),
            fleeing_verbs=words(triggers, "fleeing_verbs", triggers_file),
            displaced_people=words(triggers, "displaced_people", triggers_file),
        ),
        readiness=Readiness(
            _sense_spec(triggers, "readiness_sense", triggers_file),
            words=words(triggers, "readiness_words", triggers_file),
        ),
        natural_causes=words(triggers, "natural_causes", triggers_file),
        economic_means=words(triggers, "economic_means", triggers_file),
        economic_sense=_sense(triggers, "economic_sense", triggers_file),
        spoken_protest_verbs=words(triggers, "spoken_protest_verbs", triggers_file),
        spoken_protest_sense=_sense(triggers, "spoken_protest_sense", triggers_file),
        accident_verbs=words(triggers, "accident_verbs", triggers_file),
        measure_nouns=words(triggers, "measure_nouns", triggers_file),
        classified_things=words(triggers, "classified_things", triggers_file),
        agent_nouns=load_agent_nouns(),
        martial_modifiers=words(triggers, "martial_modifiers", triggers_file),
        mode_words=mode_words,
        acled_words=acled_words,
        instrument_words=frozenset(
            word for table in (*mode_words.values(), *acled_words.values()) for word in table
        ),
        trigger_modes=_mode_table(triggers, "trigger_modes", triggers_file),
        decisive_mode_words=_mode_table(triggers, "decisive_mode_words", triggers_file),
        **cue_words,
    )


@lru_cache(maxsize=1)
def load_agent_nouns(path: Path | None = None) -> frozenset[str]:
    """The head words of the actor knowledge base's generic agents (actors/agents.yaml): a trigger whose
    subject is "gunmen" or "riot police" has an actor even where no name is given."""
    source = path or package_data_path("actors/agents.yaml")
    agents = load_yaml_mapping(source).get("agents")
    if not isinstance(agents, list):
        raise DataFileError(str(source), "'agents' must be a list of agents with their terms")
    return frozenset(
        str(term).lower().split()[-1]
        for agent in agents
        if isinstance(agent, dict)
        for term in agent.get("terms", [])
    )


def _cameo_spec(verb: CameoVerb) -> TriggerSpec:
    return TriggerSpec(
        lemma=verb.lemma,
        pos="verb",
        type=verb.plover,
        cameo=verb.cameo,
        particles=frozenset(verb.particles),
        needs_named_argument=True,
    )


def _are_words(values: list) -> bool:
    """YAML reads a bare on, off, yes or no as a boolean: "with: [for, on]" would want "true"."""
    return all(isinstance(value, str) for value in values)


def _sense(raw: dict, key: str, source: Path) -> ObjectSense:
    """A sense a key of triggers.yaml names: [PLOVER type, CAMEO code (, ACLED category)]."""
    sense = raw.get(key)
    if not (isinstance(sense, list) and len(sense) in {2, 3} and sense[0] in load_ontology()):
        raise DataFileError(str(source), f"{key}: expected [PLOVER type, CAMEO code (, ACLED category)]")
    acled = read_category(sense[2], key, source) if len(sense) == 3 else None
    return ObjectSense(str(sense[0]), str(sense[1]), acled)


def _sense_spec(raw: dict, key: str, source: Path, object_is_means: bool = False) -> TriggerSpec:
    """The trigger a sense makes; the detector names it after the word that carries it."""
    sense = _sense(raw, key, source)
    acled_type, acled_sub_type = sense.acled or (None, None)
    return TriggerSpec(
        key, "verb", sense.type, sense.cameo, acled_type, acled_sub_type, object_is_means=object_is_means
    )


def _object_senses(raw: dict, source: Path) -> dict[str, dict[str, ObjectSense | None]]:
    table = raw.get("object_senses") or {}
    if not isinstance(table, dict):
        raise DataFileError(str(source), "'object_senses' must map trigger lemmas to object tables")
    ontology = load_ontology()
    senses: dict[str, dict[str, ObjectSense | None]] = {}
    for trigger, objects in table.items():
        if not isinstance(objects, dict):
            raise DataFileError(str(source), f"object_senses.{trigger}: expected object: [type, code]")
        senses[str(trigger).lower()] = by_object = {}
        for word, sense in objects.items():
            if sense is None:
                by_object[str(word).lower()] = None
                continue
            if not (isinstance(sense, list) and len(sense) in (2, 3) and sense[0] in ontology):
                raise DataFileError(
                    str(source),
                    f"object_senses.{trigger}.{word}: expected [type, code] or [type, code, acled]",
                )
            acled = (
                read_category(sense[2], f"object_senses.{trigger}.{word}", source)
                if len(sense) == 3
                else None
            )
            by_object[str(word).lower()] = ObjectSense(str(sense[0]), str(sense[1]), acled)
    return senses


def _acled_words(raw: dict, source: Path) -> dict[str, dict[str, tuple[str, str]]]:
    table = raw.get("acled_words") or {}
    if not isinstance(table, dict) or not all(isinstance(words, dict) for words in table.values()):
        raise DataFileError(str(source), "'acled_words' must map PLOVER types to word: [type, sub-type]")
    return {
        str(t): {
            str(w).lower(): read_category(pair, f"acled_words.{t}.{w}", source) for w, pair in words.items()
        }
        for t, words in table.items()
    }


def _mode_table(raw: dict, key: str, source: Path) -> dict[str, dict[str, str]]:
    table = raw.get(key) or {}
    if not isinstance(table, dict) or not all(isinstance(words, dict) for words in table.values()):
        raise DataFileError(str(source), f"{key!r} must map PLOVER types to word: mode pairs")
    return {str(t): {str(w).lower(): str(m) for w, m in words.items()} for t, words in table.items()}


def _trigger_tables(
    raw: dict, source: Path
) -> tuple[dict[str, TriggerSpec], dict[str, TriggerSpec], dict[str, TriggerSpec]]:
    """Verbs, nouns, and phrasal verbs ("push for": the verb "push" with "for" after it, a sense tried
    before the bare verb's, which may be of another type), each keyed as written."""
    ontology = load_ontology()
    types = raw.get("types")
    if not isinstance(types, dict):
        raise DataFileError(str(source), "'types' must map PLOVER types to their verbs and nouns")
    tables: dict[str, dict[str, TriggerSpec]] = {"verb": {}, "noun": {}, "phrasal": {}}
    for type_name, groups in types.items():
        if type_name not in ontology:
            raise DataFileError(str(source), f"unknown PLOVER type {type_name!r}")
        for pos, group_key in (("verb", "verbs"), ("noun", "nouns")):
            for key, entry in (groups.get(group_key) or {}).items():
                written = str(key).lower()
                lemma, *after = written.split() if pos == "verb" else [written]
                spec = _trigger_spec(lemma, pos, type_name, entry or {}, source)
                if after:
                    spec = replace(spec, particles=spec.particles | frozenset(after))
                table = tables["phrasal" if after else pos]
                if written in table:
                    raise DataFileError(str(source), f"{pos} {written!r} is listed under two types")
                table[written] = spec
    return tables["verb"], tables["noun"], tables["phrasal"]


def _trigger_spec(lemma: str, pos: str, type_name: str, entry: dict, source: Path) -> TriggerSpec:
    acled = read_category(entry["acled"], f"{lemma!r}: acled", source) if entry.get("acled") else None
    particles = entry.get("with") or []
    if not _are_words(particles):
        raise DataFileError(str(source), f"{lemma!r}: 'with' particles must be quoted words: {particles!r}")
    return TriggerSpec(
        lemma=lemma,
        pos=pos,
        type=type_name,
        cameo=str(entry.get("cameo") or load_ontology()[type_name].cameo_root),
        acled_event_type=acled[0] if acled else None,
        acled_sub_event_type=acled[1] if acled else None,
        lethal=bool(entry.get("lethal", False)),
        weak=bool(entry.get("weak", False)),
        intransitive=bool(entry.get("intransitive", False)),
        transitive=bool(entry.get("transitive", False)),
        object_is_means=bool(entry.get("object_is_means", False)),
        particles=frozenset(str(p).lower() for p in particles),
    )
