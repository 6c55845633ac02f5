"""ACLED's event type and sub-event type for our events, after merging, when both sides are known.

Events ACLED leaves out get none: denied ones, harm in a sentence about a natural disaster or an
industrial accident, ordinary crime, talk of who was behind an attack, and the violence a
sentence gives as the reason for sanctions. The rest are decided, in order, by: a clash with a crowd on
one side (a violent demonstration, or mob violence); an arrest at a protest (the protest's
intervention); the trigger or its instrument ("airstrike", "grenade": set in detect); the other events
of the same sentence (a protest the police broke up is a protest with intervention, protesters who
clash are a violent demonstration, ground taken as the other side withdraws changed hands without a
fight); the CAMEO code and the source's ACLED actor type (territory taken by state forces is regained,
by others overtaken; surrenders are agreements); the PLOVER mode; talks about peace; and for the rest
of the violence, who did it to whom. Last, harm done by no one named, told in the sentence next to an
explosion's, takes the explosion's category (and told next to an accident's, none), and a clash told
next to ground taken the ground's. The rules' words and categories live in data/ontology/acled.yaml."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from whodid.data_files import load_yaml_mapping, package_data_path
from whodid.errors import DataFileError
from whodid.records import HAPPENED, Event

Category = tuple[str, str]
SentenceKey = tuple[str, int]  # article id, sentence index
T = TypeVar("T")
ATTRIBUTION_REACH = 2  # words after a trigger that may make it a claim ("claimed full responsibility")
PROTEST_REACH = 2  # sentences apart that a protest and its crowd's violence are one event
CAUSE_REACH = 4  # words before an act that may make it a protest's cause ("over the recent detention")


@dataclass(frozen=True, slots=True)
class AcledRules:
    """The categorisation rules of data/ontology/acled.yaml."""

    by_mode: dict[str, dict[str, Category]]
    by_type: dict[str, Category]
    by_cameo_and_source: dict[str, dict[str, Category]]  # CAMEO code -> "state"/"non_state" -> category
    by_cameo: dict[str, Category]
    peace_talk_types: frozenset[str]
    peace_words: frozenset[str]  # talks in a sentence with one of these are peace talks
    peace_talks: Category
    assault_on_civilians: Category
    assault_between_armed: Category
    assault_by_rioters: Category
    assault_otherwise: Category
    protest_with_intervention: Category
    repression_codes: frozenset[str]  # CAMEO codes of a crowd repressed: an intervention in a protest
    obstruction_codes: frozenset[str]  # CAMEO codes of roads blocked by protesters: a violent demonstration
    force_against_protesters: Category
    violent_demonstration: Category
    crowd_violence_words: frozenset[str]  # "violent protests", "stone-throwing protesters"
    crowd_words: frozenset[str]  # "protesters", "demonstrators": a crowd named where no actor was found
    harm_words: frozenset[str]  # "injured", "killed": harm done even where no number is given
    excessive_force_words: frozenset[str]  # "violently", "brutally": force beyond dispersal
    cause_words: frozenset[str]  # "over", "following": what comes next is what a protest is about
    decrying_words: frozenset[str]  # "against", "decry": violence named next is what a crowd decries
    territory_taken_code: str  # the CAMEO code of ground taken
    withdrawal_modes: frozenset[str]  # RETREAT modes of forces leaving ground
    unopposed_words: frozenset[str]  # "without resistance": ground taken with no fight
    taken_over_words: frozenset[str]  # "leaving it in the hands of": ground withdrawn from, taken over
    transferred: Category
    group_activity: Category
    group_activity_types: frozenset[str]
    state_inters: frozenset[int]
    civilian_inters: frozenset[int]
    armed_inters: frozenset[int]
    rioter_inters: frozenset[int]
    protester_inters: frozenset[int]
    out_of_scope: OutOfScope
    remote_violence: str  # ACLED's event type of explosions and remote violence


@dataclass(frozen=True, slots=True)
class OutOfScope:
    """What ACLED does not code (the `out_of_scope` section of acled.yaml)."""

    factualities: frozenset[str]  # events told so did not happen (denied)
    disaster_words: frozenset[str]  # a natural disaster in the sentence: its harm and relief are no events
    accident_words: frozenset[str]  # an industrial accident: harm with no one behind it is no event
    crime_words: frozenset[str]  # ordinary crime
    attribution_words: frozenset[str]  # who was behind an attack: claims, denials, accusations
    reason_types: frozenset[str]  # events (sanctions) whose sentence gives violence as their reason


def read_category(value: object, where: str, source: Path) -> Category:
    """An ACLED category as data files write it, [event type, sub-event type]; DataFileError otherwise."""
    if not (isinstance(value, list) and len(value) == 2):
        raise DataFileError(str(source), f"{where}: expected [ACLED event type, sub-event type]")
    return (str(value[0]), str(value[1]))


@lru_cache(maxsize=1)
def load_acled_rules(path: Path | None = None) -> AcledRules:
    source = path or package_data_path("ontology/acled.yaml")
    raw = load_yaml_mapping(source)

    def pair(value: object, where: str) -> Category:
        return read_category(value, where, source)

    def codes(key: str) -> frozenset[int]:
        return frozenset(int(code) for code in raw[key])

    try:
        assault, protest, territory = raw["assault"], raw["protest"], raw["territory"]
        return AcledRules(
            by_mode={
                t: {m: pair(v, f"{t}.{m}") for m, v in modes.items()} for t, modes in raw["by_mode"].items()
            },
            by_type={t: pair(v, t) for t, v in raw["by_type"].items()},
            by_cameo_and_source={
                str(code): {side: pair(v, f"{code}.{side}") for side, v in sides.items()}
                for code, sides in raw["by_cameo_and_source"].items()
            },
            by_cameo={str(code): pair(v, f"by_cameo.{code}") for code, v in raw["by_cameo"].items()},
            peace_talk_types=frozenset(str(t) for t in raw["peace_talks"]["types"]),
            peace_words=frozenset(str(word).lower() for word in raw["peace_talks"]["words"]),
            peace_talks=pair(raw["peace_talks"]["category"], "peace_talks.category"),
            assault_on_civilians=pair(assault["on_civilians"], "assault.on_civilians"),
            assault_between_armed=pair(assault["between_armed"], "assault.between_armed"),
            assault_by_rioters=pair(assault["by_rioters"], "assault.by_rioters"),
            assault_otherwise=pair(assault["otherwise"], "assault.otherwise"),
            protest_with_intervention=pair(protest["with_intervention"], "protest.with_intervention"),
            repression_codes=frozenset(str(code) for code in protest["repression_codes"]),
            obstruction_codes=frozenset(str(code) for code in protest["obstruction_codes"]),
            force_against_protesters=pair(
                protest["force_against_protesters"], "protest.force_against_protesters"
            ),
            violent_demonstration=pair(protest["violent"], "protest.violent"),
            crowd_violence_words=frozenset(str(word).lower() for word in raw["crowd"]["violence_words"]),
            crowd_words=frozenset(str(word).lower() for word in raw["crowd"]["words"]),
            harm_words=frozenset(str(word).lower() for word in raw["harm_words"]),
            excessive_force_words=frozenset(str(word).lower() for word in raw["excessive_force_words"]),
            cause_words=frozenset(str(word).lower() for word in raw["protest_cause_words"]),
            decrying_words=frozenset(str(word).lower() for word in raw["decrying_words"]),
            territory_taken_code=str(territory["taken_code"]),
            withdrawal_modes=frozenset(str(mode) for mode in territory["withdrawal_modes"]),
            unopposed_words=frozenset(str(word).lower() for word in territory["unopposed_words"]),
            taken_over_words=frozenset(str(word).lower() for word in territory["taken_over_words"]),
            transferred=pair(territory["transferred"], "territory.transferred"),
            group_activity=pair(territory["group_activity"], "territory.group_activity"),
            group_activity_types=frozenset(str(t) for t in territory["group_activity_types"]),
            state_inters=codes("state_inters"),
            civilian_inters=codes("civilian_inters"),
            armed_inters=codes("armed_inters"),
            rioter_inters=codes("rioter_inters"),
            protester_inters=codes("protester_inters"),
            out_of_scope=_read_out_of_scope(raw["out_of_scope"]),
            remote_violence=str(assault["remote_violence"]),
        )
    except (KeyError, AttributeError, TypeError, ValueError) as error:
        raise DataFileError(str(source), f"bad or missing field ({error})") from error


def _read_out_of_scope(raw: dict) -> OutOfScope:
    def words(key: str) -> frozenset[str]:
        return frozenset(str(word).lower() for word in raw[key])

    return OutOfScope(
        factualities=words("factualities"),
        disaster_words=words("disaster_words"),
        accident_words=words("accident_words"),
        crime_words=words("crime_words"),
        attribution_words=words("attribution_words"),
        reason_types=frozenset(str(t) for t in raw["reason_types"]),
    )


def categorise(events: Sequence[Event], rules: AcledRules | None = None) -> None:
    """Set each event's ACLED category in place, where it falls in ACLED's scope."""
    rules = rules or load_acled_rules()
    by_sentence: dict[tuple[str, tuple[int, int]], list[Event]] = defaultdict(list)
    for event in events:
        by_sentence[(event.article_id, tuple(event.evidence.sentence_span))].append(event)
    specific_categories = _specific(rules)
    territorial_battles = {c for sides in rules.by_cameo_and_source.values() for c in sides.values()}
    for sentence_events in by_sentence.values():
        decided: dict[int, Category | None] = {}
        for event in sentence_events:
            if _out_of_scope(event, sentence_events, rules):
                event.acled_event_type = event.acled_sub_event_type = None  # a trigger's own category too
                decided[id(event)] = None
            else:
                decided[id(event)] = _category(event, sentence_events, rules)
        specific = [
            c for e in sentence_events if e.type == "ASSAULT" and (c := decided[id(e)]) in specific_categories
        ]
        ground_taken = [
            c
            for e in sentence_events
            if (c := decided[id(e)]) in territorial_battles and e.factuality in HAPPENED
        ]  # not "an attack to capture the positions was fended off"
        for event in sentence_events:
            category = decided[id(event)]
            if category == rules.assault_otherwise and specific:
                # "killed ... in clashes", "wounded when a mine exploded": one incident, told twice.
                category = specific[0]
            if category == rules.assault_between_armed and ground_taken:
                # "took the town in fierce clashes": a battle in which ground changed hands.
                category = ground_taken[0]
            if category is not None:
                event.acled_event_type, event.acled_sub_event_type = category
    _borrow_from_neighbours(events, rules)
    _clear_beside_accidents(events, rules)
    _gravest_at_the_protest(events, rules)


def _borrow_from_neighbours(events: Sequence[Event], rules: AcledRules) -> None:
    """Two sentences in a row often tell one incident. Harm done by no one named, told beside an
    explosion, is the explosion's: "A roadside bomb hit an army truck. Six people were killed." A clash
    told beside ground taken is the battle in which it changed hands: "The army drove the militants
    from the village. Troops killed several of them in fierce clashes." A withdrawal told beside ground
    handed over is that handover: "The coalition withdrew from the base. It handed control of the camp
    to Iraqi forces." Each takes its neighbour's category, the sentence before first."""
    territorial = {c for sides in rules.by_cameo_and_source.values() for c in sides.values()}
    remote = rules.remote_violence
    _taken_beside_a_withdrawal(events, territorial, rules)
    _borrow(events, rules.assault_otherwise, lambda e: e.acled_event_type == remote, unnamed_only=True)
    _borrow(events, rules.assault_between_armed, lambda e: _happened_as(e, territorial), unnamed_only=False)
    _borrow(events, rules.group_activity, lambda e: _happened_as(e, {rules.transferred}), unnamed_only=False)


def _gravest_at_the_protest(events: Sequence[Event], rules: AcledRules) -> None:
    """ACLED codes one protest once, by the gravest thing told of it: where its crowd turns violent
    ("clashes erupted between police and protesters", "protesters pelted the forces", "blocked roads")
    it is a violent demonstration whatever force met it; else where force killed or hurt protesters,
    excessive force; else where the police stepped in, a protest with intervention. A protest told a
    sentence or two away from the graver act is that act's protest."""
    graver = [rules.violent_demonstration, rules.force_against_protesters, rules.protest_with_intervention]
    told: dict[str, list[tuple[int, int]]] = defaultdict(list)  # article -> (rank, sentence index)
    for event in events:
        index = _sentence_index(event)
        category = (event.acled_event_type, event.acled_sub_event_type)
        if index is None or category not in graver or event.factuality not in HAPPENED:
            continue
        if category == rules.violent_demonstration and not _by_the_crowd(event, rules):
            continue
        told[event.article_id].append((graver.index(category), index))
    protests = rules.protest_with_intervention[0]  # ACLED's event type of protests of every kind
    for event in events:
        index = _sentence_index(event)
        if event.acled_event_type != protests or index is None:
            continue
        category = (event.acled_event_type, event.acled_sub_event_type)
        own = graver.index(category) if category in graver else len(graver)
        near = [rank for rank, other in told.get(event.article_id, ()) if abs(index - other) <= PROTEST_REACH]
        if near and min(near) < own:
            event.acled_event_type, event.acled_sub_event_type = graver[min(near)]


def _by_the_crowd(event: Event, rules: AcledRules) -> bool:
    """Done by the crowd ("protesters blocked roads", "clashes erupted"), not force that met it ("the
    violent dispersal of the sit-in")."""
    sides = _inters(event.source) | (_inters(event.target) if event.reciprocal else set())
    if event.type == "PROTEST" or sides & (rules.protester_inters | rules.rioter_inters):
        return True  # a clash with protesters is the crowd's too
    return not event.source and event.cameo not in rules.repression_codes


def _taken_beside_a_withdrawal(
    events: Sequence[Event], territorial: set[Category], rules: AcledRules
) -> None:
    """Ground taken next to a sentence that tells of the other side's withdrawal, with no fight told in
    either, changed hands without a fight: "IS seized the border point. It took the Syrian side after
    the withdrawal of the Syrian forces"."""
    fights = {
        key
        for event in events
        if event.type == "ASSAULT"
        and event.factuality in HAPPENED
        and (key := _sentence_key(event)) is not None
    }
    withdrawals = {
        key: True
        for event in events
        if _withdraws(event, rules)
        and event.factuality in HAPPENED
        and (key := _sentence_key(event)) is not None
        and key not in fights  # "the rebels withdrew after days of fighting": a battle's end
    }
    for event in events:
        if not _happened_as(event, territorial) or _sentence_key(event) in fights:
            continue
        if _beside(event, withdrawals):
            event.acled_event_type, event.acled_sub_event_type = rules.transferred


def _happened_as(event: Event, categories: set[Category]) -> bool:
    return event.factuality in HAPPENED and (event.acled_event_type, event.acled_sub_event_type) in categories


def _borrow(
    events: Sequence[Event], borrower: Category, lends: Callable[[Event], bool], unnamed_only: bool
) -> None:
    """Give each event of category `borrower` (by no one named, if `unnamed_only`) the category of an
    event that `lends` in the sentence before it, or else after it."""
    lent: dict[SentenceKey, Category] = {}
    for event in events:
        if (key := _sentence_key(event)) is not None and lends(event):
            lent.setdefault(key, (event.acled_event_type, event.acled_sub_event_type))
    for event in events:
        if (event.acled_event_type, event.acled_sub_event_type) != borrower or (
            unnamed_only and event.source
        ):
            continue
        borrowed = _beside(event, lent)
        if borrowed is not None:
            event.acled_event_type, event.acled_sub_event_type = borrowed


def _sentence_key(event: Event) -> SentenceKey | None:
    index = _sentence_index(event)
    return None if index is None else (event.article_id, index)


def _beside(event: Event, by_sentence: Mapping[SentenceKey, T]) -> T | None:
    """What `by_sentence` holds for the sentence before the event's, or else the one after."""
    key = _sentence_key(event)
    if key is None:
        return None
    article, index = key
    before = by_sentence.get((article, index - 1))
    return before if before is not None else by_sentence.get((article, index + 1))


def _sentence_index(event: Event) -> int | None:
    return event.reports[0].sentence_index if event.reports else None


def _specific(rules: AcledRules) -> frozenset[Category]:
    """Categories of violence that say more than the fallback: those of a mode, or a battle."""
    by_mode = {category for modes in rules.by_mode.values() for category in modes.values()}
    return frozenset(by_mode | {rules.assault_between_armed})


def _category(event: Event, sentence: list[Event], rules: AcledRules) -> Category | None:
    if event.type == "PROTEST":
        return _protest_category(event, sentence, rules)
    preset = (event.acled_event_type, event.acled_sub_event_type) if event.acled_event_type else None
    if preset == rules.assault_between_armed and (crowd := _crowd_clash(event, sentence, rules)):
        return crowd
    arrests = rules.by_mode.get("COERCE", {}).get("arrest")
    if (
        preset is not None
        and preset == arrests
        and _protest_held(sentence)
        and not _is_the_protests_cause(event, rules)
    ):
        return rules.protest_with_intervention  # ACLED codes arrests at a protest as the protest's
    sources, targets = _inters(event.source), _inters(event.target)
    if event.type == "ASSAULT" and sources & rules.rioter_inters:
        return rules.assault_by_rioters  # "a mob vandalised temples": a mob's violence, whatever its act
    if preset is not None and preset[1] is not None:
        return preset  # the trigger or its instrument said
    if event.type == "ASSAULT" and (
        event.cameo in rules.repression_codes or _against_protesters(event, sentence, rules)
    ):
        if _harmful(event, rules):
            return rules.force_against_protesters
        # "fired tear gas as the protest descended into violence": the crowd's violence decides.
        return (
            rules.violent_demonstration
            if _tells_of_violence(event, rules)
            else rules.protest_with_intervention
        )
    if (territorial := _territory_category(event, sentence, rules)) is not None:
        return territorial
    by_source = rules.by_cameo_and_source.get(event.cameo or "")
    if by_source is not None and (side := _taking_side(sources, targets, rules)) is not None:
        return by_source[side]
    if event.cameo in rules.by_cameo:
        return rules.by_cameo[event.cameo]
    if event.mode is not None and (category := rules.by_mode.get(event.type, {}).get(event.mode)):
        return category
    if event.type in rules.peace_talk_types and _words_of(event) & rules.peace_words:
        return rules.peace_talks
    if event.type == "ASSAULT":
        return _assault_category(sources, targets, rules)
    return rules.by_type.get(event.type)


def _out_of_scope(event: Event, sentence: list[Event], rules: AcledRules) -> bool:
    """Whether ACLED would leave the event out, whatever its type (see OutOfScope)."""
    out = rules.out_of_scope
    if event.factuality in out.factualities:
        return True
    words = _words_of(event)
    if (
        words & out.crime_words
        and event.type != "PROTEST"
        and not _inters(event.source) & rules.rioter_inters
    ):
        return True  # a protest about a crime is a protest; a mob that beats a thief, mob violence
    if _by_nature_or_accident(event, words, out):
        return True  # "killed by floods", "workers were hurt when a tank at the plant exploded"
    if event.type in {"ASSAULT", "PROTEST"} and any(
        other.type in out.reason_types and not other.acled_sub_event_type for other in sentence
    ):
        # "expelled diplomats over the poisoning", "sanctions after the chemical attack" (but people
        # who fled the attacks are displaced: a development ACLED counts, beside the attacks)
        return True
    before, after = _words_around_trigger(event)
    if set(after[:ATTRIBUTION_REACH]) & out.attribution_words:
        return True  # the claim itself: "claimed responsibility", "took credit", "denied responsibility"
    # "claimed responsibility for the attack", "accused Iran of bombing": the talk comes before the act
    # it is about ("a mob beat two men accused of theft" is the beating's own sentence).
    # A mob's own violence stays in scope whatever its victims are accused of ("a man accused of rape
    # was beaten by a mob").
    rioters = bool(_inters(event.source) & rules.rioter_inters)
    return event.type == "ASSAULT" and not rioters and bool(set(before) & out.attribution_words)


def _by_nature_or_accident(event: Event, words: set[str], out: OutOfScope) -> bool:
    """Harm done by a flood (or troops sent to help), or by an industrial accident with no one behind
    it: no one's act of violence."""
    if words & out.disaster_words and not (event.type == "ASSAULT" and event.source):
        return True
    return event.type == "ASSAULT" and not event.source and bool(words & out.accident_words)


def _clear_beside_accidents(events: Sequence[Event], rules: AcledRules) -> None:
    """Harm done by no one named, told in the sentence next to a disaster's or an accident's, is its
    toll: "Workers were hurt when a tank at the plant exploded. Four people were injured." It gets no
    category, as the harm in the sentence that names the accident does not."""
    out = rules.out_of_scope
    accidents = {
        key: True
        for event in events
        if (key := _sentence_key(event)) is not None and _by_nature_or_accident(event, _words_of(event), out)
    }
    for event in events:
        category = (event.acled_event_type, event.acled_sub_event_type)
        if event.type != "ASSAULT" or event.source or category != rules.assault_otherwise:
            continue
        if _beside(event, accidents):
            event.acled_event_type = event.acled_sub_event_type = None


def _crowd_clash(event: Event, sentence: list[Event], rules: AcledRules) -> Category | None:
    """A clash with protesters or rioters on a side, beside a protest, or with no side but state forces
    in a sentence that names a crowd, is a violent demonstration ("protesters clashed with police"); one
    between civilians only, mob violence ("villagers clashed")."""
    sides = _inters(event.source) | _inters(event.target)
    if sides & (rules.protester_inters | rules.rioter_inters):
        return rules.violent_demonstration
    if any(other.type == "PROTEST" for other in sentence):
        return rules.violent_demonstration
    if _words_of(event) & rules.crowd_words and not sides - rules.state_inters:
        # "police clashed with hundreds of protesters", the protesters not parsed as a side
        return rules.violent_demonstration
    if sides and sides <= rules.civilian_inters:
        return rules.assault_by_rioters
    return None


def _protest_category(event: Event, sentence: list[Event], rules: AcledRules) -> Category | None:
    """Peaceful unless the protesters used violence or blocked roads, someone (the police) acted
    against them, or the sentence says the protest was violent."""
    if event.mode is not None and (category := rules.by_mode.get("PROTEST", {}).get(event.mode)):
        return category
    others = [other for other in sentence if other is not event]
    # The protest's own actors, less any state force the parse made one ("police ... during a protest").
    protesters = {a.actor_id or a.text for a in event.source if a.acled_inter not in rules.state_inters}
    if any(
        other.type == "ASSAULT" and {a.actor_id or a.text for a in other.source} & protesters
        for other in others
    ):
        return rules.violent_demonstration
    if any(
        _crowd_clash(other, sentence, rules) == rules.violent_demonstration
        for other in others
        if other.type == "ASSAULT" and other.acled_sub_event_type == rules.assault_between_armed[1]
    ):
        return rules.violent_demonstration  # "protests ... after demonstrators clashed with police"
    if any(e.cameo in rules.obstruction_codes and e.factuality in HAPPENED for e in sentence):
        return rules.violent_demonstration  # "protesters blocked roads and railways"
    interventions = [other for other in others if _intervenes(other, rules)]
    if any(_harmful(other, rules) for other in interventions):  # "violently suppressed", "shot dead"
        return rules.force_against_protesters
    if _tells_of_violence(event, rules):
        return rules.violent_demonstration  # the crowd's violence decides, police or no police
    if interventions:
        return rules.protest_with_intervention
    return rules.by_type.get("PROTEST")


def _intervenes(event: Event, rules: AcledRules) -> bool:
    """An act against a protest in its sentence: state forces using force or arresting, or force or
    arrests by no one named ("ten protesters were injured", "activists were detained")."""
    if event.type not in {"ASSAULT", "COERCE"} or event.factuality not in HAPPENED:
        return False  # "a plan for mass arrests" is none
    if _is_the_protests_cause(event, rules):
        return False
    if _is_state_action(event, rules):
        return True
    # Done by no one named, and not to the police ("stones were thrown at police" is the crowd's act).
    return not event.source and not _inters(event.target) & rules.state_inters


def _territory_category(event: Event, sentence: list[Event], rules: AcledRules) -> Category | None:
    """Ground taken while the other side withdraws, or "without resistance", changed hands without a
    fight, and so did the ground withdrawn from; forces withdrawing with nobody taking over, or
    deploying, change their group's activity."""
    # "withdrew after heavy shelling"; not "entered without fighting"
    fought = any(other.type == "ASSAULT" and other.factuality in HAPPENED for other in sentence)
    if _takes_ground(event, rules):
        withdrawn = any(_withdraws(other, rules) for other in sentence if other is not event)
        return rules.transferred if (withdrawn and not fought) or _unopposed(event, rules) else None
    if _withdraws(event, rules) and _inters(event.source) & rules.armed_inters:
        taken = any(_takes_ground(other, rules) for other in sentence if other is not event)
        # "withdrew, ... allowing Daesh to seize it without resistance", "leaving it in the hands of X"
        handed = _unopposed(event, rules) or bool(_words_of(event) & rules.taken_over_words)
        return rules.transferred if (taken or handed) and not fought else rules.group_activity
    if event.type in rules.group_activity_types and not _inters(event.source) - rules.armed_inters:
        return rules.group_activity  # by armed actors, or by forces the text does not name
    return None


def _taking_side(sources: set[int], targets: set[int], rules: AcledRules) -> str | None:
    """Whether ground was taken by state forces or by an armed group: by who took it, or else by whom
    it was taken from ("captured two NPA camps": rebels lose ground to the state). Ground a crowd
    takes over is no battle's."""
    if sources & rules.state_inters:
        return "state"
    if sources & rules.armed_inters:
        return "non_state"
    if sources:
        return None
    if targets & rules.state_inters:
        return "non_state"
    return "state" if targets & rules.armed_inters else None


def _takes_ground(event: Event, rules: AcledRules) -> bool:
    return event.cameo == rules.territory_taken_code


def _withdraws(event: Event, rules: AcledRules) -> bool:
    return event.type == "RETREAT" and event.mode in rules.withdrawal_modes


def _sentence_words(event: Event) -> list[str]:
    return _words_in(event.evidence.sentence)


def _words_in(text: str) -> list[str]:
    """The lower-case words of a text, hyphenated ones whole ("stone-throwing")."""
    return re.findall(r"[a-z]+(?:-[a-z]+)*", text.lower())


def _words_around_trigger(event: Event) -> tuple[list[str], list[str]]:
    """The words of the event's sentence before its trigger, and after it."""
    evidence = event.evidence
    start, end = (offset - evidence.sentence_span[0] for offset in evidence.trigger_span)
    return _words_in(evidence.sentence[:start]), _words_in(evidence.sentence[end:])


def _words_of(event: Event) -> set[str]:
    return set(_sentence_words(event))


def _unopposed(event: Event, rules: AcledRules) -> bool:
    """ "entered the town without resistance", "took it without a fight"."""
    words = _sentence_words(event)
    return any(
        word == "without" and any(w in rules.unopposed_words for w in words[i + 1 : i + 4])
        for i, word in enumerate(words)
    )


def _tells_of_violence(event: Event, rules: AcledRules) -> bool:
    """A word of the sentence tells of a crowd's violence, not as what the crowd protests against
    ("took to the streets to decry the arrests and violence")."""
    words = _sentence_words(event)
    return any(
        word in rules.crowd_violence_words
        and not set(words[max(0, i - CAUSE_REACH) : i]) & rules.decrying_words
        for i, word in enumerate(words)
    )


def _is_the_protests_cause(event: Event, rules: AcledRules) -> bool:
    """ "demonstrations over the detention of X", "protests following two police shootings": an act
    named after a word of cause, a few words before it, is what the protest is about."""
    before, _ = _words_around_trigger(event)
    return bool(set(before[-CAUSE_REACH:]) & rules.cause_words)


def _against_protesters(event: Event, sentence: list[Event], rules: AcledRules) -> bool:
    """State forces firing on, beating, arresting or killing protesters, or harm done by no one named
    at a protest: protesters are someone's target in this sentence, or protest in it."""
    return _intervenes(event, rules) and _at_a_protest(sentence, rules)


def _protest_held(sentence: list[Event]) -> bool:
    """A protest the sentence tells of as held, not one planned or feared: arrests of activists
    "ahead of the referendum" or "in anticipation of protests" are arrests."""
    return any(e.type == "PROTEST" and e.factuality in HAPPENED for e in sentence)


def _at_a_protest(sentence: list[Event], rules: AcledRules) -> bool:
    """The sentence tells of a protest, or of protesters as someone's target."""
    return any(e.type == "PROTEST" or _inters(e.target) & rules.protester_inters for e in sentence)


def _harmful(event: Event, rules: AcledRules) -> bool:
    """Someone was killed or hurt, or the sentence calls the force excessive ("violently suppressed"):
    ACLED's excessive force is lethal force or force that injures."""
    if event.evidence.trigger_text.lower() in rules.harm_words:
        return True
    if _words_of(event) & rules.excessive_force_words:
        return True
    return any(n is not None and n.value > 0 for n in (event.fatalities, event.injured))


def _is_state_action(event: Event, rules: AcledRules) -> bool:
    return bool(_inters(event.source) & rules.state_inters)


def _assault_category(sources: set[int], targets: set[int], rules: AcledRules) -> Category:
    if sources & rules.rioter_inters:
        return rules.assault_by_rioters
    if sources & rules.protester_inters:
        return rules.violent_demonstration
    if sources & rules.armed_inters and targets & rules.armed_inters:
        # armed sides on both ends, civilians killed too ("attacked a checkpoint, killing five")
        return rules.assault_between_armed
    if targets & rules.civilian_inters:
        return rules.assault_on_civilians
    return rules.assault_otherwise


def _inters(actors: Sequence) -> set[int]:
    return {actor.acled_inter for actor in actors if actor.acled_inter}
