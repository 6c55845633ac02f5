"""MUC-4 in the GRIT format (Du et al. 2021): a JSON object of documents, each
`{"doc": text, "roles": {role: [entity, ...]}}` where an entity is a list of coreferent mentions.

One item per document. Name fields: `perpetrator_individual` (perp_individual_id),
`perpetrator_org` (perp_organization_id) and `target` (phys_tgt_id and hum_tgt_name together: our
events' targets do not tell things from people). Every mention of every entity is an accepted gold
string; a role with no entity is not scored. `has_attack` is a flag over every document: the gold has
any role filled. Weapons (incident_instrument_id) are not scored: our events do not record them.
The texts are upper case and are coded as they are: that is part of the test.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from whodid.errors import InputError
from whodid.evaluate.gold import Dropped, FieldSpec, GoldItem, GoldSet, ReadOptions
from whodid.evaluate.predict import main_event
from whodid.records import HAPPENED, Actor, Event
from whodid.resolve.actors import ActorKB
from whodid.resolve.events import is_pronoun
from whodid.resolve.kb_files import STATE_KIND

NAME = "muc4"
FIELDS = [
    FieldSpec("perpetrator_individual", "name", "who carried out the attack (people, or unnamed groups)"),
    FieldSpec("perpetrator_org", "name", "the organisation responsible"),
    FieldSpec("target", "name", "the physical or human target"),
    FieldSpec("has_attack", "flag", "the document reports an attack (any role filled)"),
]
# GRIT role key -> our field; two roles feed `target`.
ROLE_FIELDS = {
    "perp_individual_id": "perpetrator_individual",
    "perp_organization_id": "perpetrator_org",
    "phys_tgt_id": "target",
    "hum_tgt_name": "target",
}
GRIT_ROLES = frozenset({*ROLE_FIELDS, "incident_instrument_id"})
# MUC-4 counts unnamed groups of people ("GUERRILLAS", "TERRORISTS") as individual perpetrators.
INDIVIDUAL_KINDS = frozenset({"person", "agent"})
CLAIM_CODE = "015"  # CAMEO: claim responsibility
# ... but state forces named as a body ("the armed forces", "the army", "the national police") are an
# organisation to MUC-4, where their members ("soldiers", "policemen") are individuals. A body counts
# only where no organisation is named by name.
STATE_BODY_WORDS = frozenset({"army", "forces", "military", "police", "navy", "force"})


def sniff(path: Path) -> bool:
    if path.suffix != ".json" or not path.is_file():
        return False
    try:
        with path.open(encoding="utf-8") as handle:
            head = handle.read(4000)
    except (OSError, UnicodeDecodeError):
        return False
    return head.lstrip().startswith("{") and '"roles"' in head and '"perp_' in head


def read(path: Path, options: ReadOptions) -> GoldSet:
    documents = _load_documents(path)
    items: list[GoldItem] = []
    dropped: list[Dropped] = []
    for doc_id, document in documents.items():
        if options.limit is not None and len(items) >= options.limit:
            break
        origin = f"{path.name}:{doc_id}"
        gold = _document_gold(document)
        if isinstance(gold, str):
            dropped.append(Dropped(origin, gold))
            continue
        items.append(GoldItem(str(doc_id), document["doc"], gold, None, origin))
    notes = [
        "target = physical targets and human targets together; weapons are not scored",
        "individuals and targets predicted from the main ASSAULT event (source actors of kind "
        "person/agent are individuals); the organisation is the one that is the source of most of the "
        "text's asserted or reported one-sided ASSAULT events (not fighting, not a state named as itself), "
        "or an armed group that reports attacks by units it "
        "does not name (else state forces named as a body, 'the armed "
        "forces', that attacked or are blamed, else the main event's); actor texts as written (a "
        "pronoun by the name of what it stands for; people of a group the text names, 'the guerrillas', "
        "are individuals, and the group by the words that name it the organisation, also where 'the "
        "group' stands for it)",
        "has_attack predicted: any ASSAULT or COERCE event",
    ]
    return GoldSet(path.stem, NAME, FIELDS, items, predict, dropped, notes)


def predict(item: GoldItem, events: list[Event]) -> dict[str, Any]:
    has_attack = any(event.type in {"ASSAULT", "COERCE"} for event in events)
    attack = main_event(events, {"ASSAULT"})
    if attack is None:
        return {"has_attack": has_attack}
    individuals = [actor for actor in attack.source if _is_individual(actor)]
    organisation = _document_perpetrator(events)
    organisations = (
        [organisation]
        if organisation is not None
        else [actor for actor in attack.source if actor.kind not in INDIVIDUAL_KINDS]
    )
    return {
        "perpetrator_individual": _texts(individuals, _as_written),
        "perpetrator_org": _texts(organisations, _as_named),
        "target": _texts(attack.target, _as_written),
        "has_attack": has_attack,
    }


def _document_perpetrator(events: list[Event]) -> Actor | None:
    """A template is one incident told over the whole text, and the group behind it is often named in
    another sentence than the main attack's ("the FMLN claimed..."): the organisation most often named
    as the source of the text's one-sided attacks (not fighting) told as fact or as reported, but a
    state named as itself, as claiming one, or as an armed group accused of one; the first named of
    equals. Where none is named, state forces named as a body
    ("the armed forces") that did an attack or are blamed for one."""
    attacks = [e for e in events if e.type == "ASSAULT" and e.factuality in HAPPENED]
    # Fighting between two sides ("the guerrillas fought the army") is no attack a template is about.
    one_sided = [e for e in attacks if not e.reciprocal]
    # A state named as itself ("the U.S. invasion of Panama") is no organisation to MUC-4, which names a
    # state's forces or its government ("ARMED FORCES", "GOVERNMENT"), never the country.
    organisations = [a for e in one_sided for a in e.source if a.kind not in INDIVIDUAL_KINDS | {STATE_KIND}]
    # Who claims an attack, and an armed group blamed for one, are named as behind it too.
    claimants = [e for e in events if e.cameo == CLAIM_CODE]
    organisations += [a for e in claimants for a in e.source if a.kind not in INDIVIDUAL_KINDS]
    organisations += [a for e in events if e.type == "ACCUSE" for a in e.target if a.kind == "armed_group"]
    # An armed group that reports attacks by units it does not name ("the FMLN reports that urban commando
    # units staged attacks") tells of its own.
    organisations += [
        e.attributed_to
        for e in attacks
        if e.attributed_to is not None
        and e.attributed_to.kind == "armed_group"
        and all(a.kind in INDIVIDUAL_KINDS for a in e.source)
    ]
    if not organisations:
        # State forces named as a body that did an attack, or that someone blames for one.
        organisations = [a for e in attacks for a in e.source if _is_state_body(a)]
        blamed = [e for e in events if e.type == "ACCUSE" and e.factuality in HAPPENED]
        organisations += [a for e in blamed for a in e.target if _is_state_body(a)]
    if not organisations:
        return None
    counts = Counter(actor.actor_id or _as_named(actor) for actor in organisations)
    return max(organisations, key=lambda actor: counts[actor.actor_id or _as_named(actor)])


def _is_individual(actor: Actor) -> bool:
    """People, and unnamed groups of people, also where they stand for a group the article names ("the
    guerrillas" of the FMLN are individuals to MUC-4, the FMLN its organisation); "the group" that
    stands for it is the organisation."""
    if actor.kind in INDIVIDUAL_KINDS:
        return True
    words = actor.text.split()
    stands_for = actor.antecedent is not None and not is_pronoun(actor)
    return stands_for and not (words and ActorKB.default().is_group_word(words[-1]))


def _is_state_body(actor: Actor) -> bool:
    """ "the armed forces", "the Salvadoran army": a generic agent named by its institution's word."""
    words = actor.text.lower().split()
    return actor.kind == "agent" and bool(words) and words[-1] in STATE_BODY_WORDS


def _texts(actors: list[Actor], naming: Callable[[Actor], str]) -> list[str] | None:
    texts = list(dict.fromkeys(naming(actor) for actor in actors if actor.text))
    return texts or None


def _as_written(actor: Actor) -> str:
    """The actor as the text names it; a pronoun by what it stands for (MUC-4's fillers are names)."""
    return (actor.name or actor.text) if is_pronoun(actor) else actor.text


def _as_named(actor: Actor) -> str:
    """As written, but members of a named group ("the guerrillas") by the words that name the group."""
    if is_pronoun(actor) or actor.antecedent is None:
        return _as_written(actor)
    return actor.antecedent.text


def _load_documents(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot read: {error}") from error
    except json.JSONDecodeError as error:
        raise InputError(str(path), f"not a MUC-4 GRIT file: not JSON ({error.msg})") from error
    if not isinstance(data, dict) or not any(
        isinstance(document, dict) and "roles" in document for document in data.values()
    ):
        raise InputError(str(path), "not a MUC-4 GRIT file: expected {doc_id: {doc, roles}}")
    return data


def _document_gold(document: Any) -> dict[str, Any] | str:
    """Gold fields of one document, or why it cannot be read."""
    if not isinstance(document, dict):
        return "not a JSON object"
    text, roles = document.get("doc"), document.get("roles")
    if not isinstance(text, str) or not text.strip():
        return "no text ('doc')"
    if not isinstance(roles, dict):
        return "no 'roles' object"
    unknown = sorted(set(roles) - GRIT_ROLES)
    if unknown:
        return f"unknown role(s) {', '.join(unknown)}"
    gold: dict[str, Any] = {}
    for role, field_name in ROLE_FIELDS.items():
        mentions = _mentions(roles.get(role, []))
        if mentions is None:
            return f"role {role} is not a list of entities (lists of mention strings)"
        gold.setdefault(field_name, []).extend(mentions)
    has_attack = any(roles.values())
    gold = {name: list(dict.fromkeys(mentions)) or None for name, mentions in gold.items()}
    gold["has_attack"] = has_attack
    return gold


def _mentions(entities: Any) -> list[str] | None:
    """Every mention string of a role's entities; None when the role is malformed."""
    if not isinstance(entities, list):
        return None
    mentions: list[str] = []
    for entity in entities:
        if not isinstance(entity, list) or not all(isinstance(mention, str) for mention in entity):
            return None
        mentions.extend(mention for mention in entity if mention.strip())
    return mentions
