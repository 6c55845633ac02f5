"""Place names in a parsed sentence, and which of them only situates another.

The entity recogniser finds most toponyms, but calls small towns people or organisations ("the cities of
Palmyra", "captured Jaffna") and misses some. Place words around a name ("the town of", "district",
"province") make it a place whatever its label; the object of a verb of taking ground ("captured Badme")
is one if the gazetteer knows it. Between two places, the one reached from the other through
prepositions and nouns only locates it: "Taji, just north of Baghdad", "Khanasir town in the
countryside of Aleppo", "Syria's Aleppo province". The event happened at the finer one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from whodid.data_files import load_yaml_mapping, package_data_path
from whodid.detect.syntax import tokens_span
from whodid.errors import DataFileError
from whodid.records import PlacePhrase, Span

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels the recogniser gives small towns by mistake; NORP ("Kurdish") never names a place.
MISTAKEN_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT"})
WHO_LABELS = frozenset({"PERSON", "ORG", "NORP"})
# A person's name may hold short lower-case particles ("Hans van den Broek"): up to two, of 3 letters.
NAME_PARTICLES_MAX = 2
NAME_PARTICLE_LENGTH = 3
FUNCTION_WORD_TAGS = frozenset({"ADP", "CCONJ", "SCONJ", "DET", "AUX", "PART", "PRON"})
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "around", "into", "across", "from", "on", "off", "over",
     "along", "through", "throughout", "within", "behind", "beyond", "between"}
)  # fmt: skip
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})
NAMING_DEPS = frozenset({"compound", "appos"})  # "Aziziyah district", "the capital, Grozny"
CLAUSE_HEADS = frozenset({"VERB", "AUX"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
# A recognised place in one of these slots may be a mislabelled person ("captured Abu Zubaydah").
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
# Prepositions whose object is someone's, not somewhere: "Ricardo Munguia of El Salvador", "by Iraq".
PERSON_PREPS = frozenset({"of", "by", "with", "for", "against", "to"})
MAX_HOPS = 6


@dataclass(frozen=True, slots=True)
class PlaceWords:
    """Words that mark a name as a place (read from lexicon/places.yaml)."""

    place_nouns: dict[str, int]  # noun lemma -> the precision a place of that kind gets
    site_nouns: frozenset[str]  # buildings and sites: "the Tuwaitha plant"
    place_object_verbs: frozenset[str]  # "liberated Palmyra": only places
    place_or_person_object_verbs: frozenset[str]  # "captured Badme", "captured Khadr"
    place_name_heads: frozenset[str]  # "Kawkab army base" is a place whatever its label
    landmark_words: frozenset[str]  # "20 km south of Mosul": Mosul situates the place before it
    event_nouns: frozenset[str]  # "the Manbij campaign": a place before one is where it happens
    dropped_from_names: frozenset[str]  # "Diyala province" names Diyala
    direction_adjectives: frozenset[str]  # "eastern Chad" is Chad
    border_words: frozenset[str]  # "the Thai border": a place on the edge of a state, of either side
    settlement_nouns: frozenset[str]  # "shelled the village": where people live, who are struck

    @property
    def ground_verbs(self) -> frozenset[str]:
        """Every verb whose object may be a place."""
        return self.place_object_verbs | self.place_or_person_object_verbs

    def kind_of(self, noun: Token) -> int | None:
        """The precision of the kind of place a noun names, if it names one."""
        # "outskirts" may lemmatise to "outskirt": the word as written counts too.
        return self.kind_of_word(noun.lemma_) or self.kind_of_word(noun.lower_)

    def kind_of_word(self, lemma: str | None) -> int | None:
        if lemma is None:
            return None
        lemma = lemma.lower()
        return self.place_nouns.get(lemma) or (1 if lemma in self.site_nouns else None)


@lru_cache(maxsize=4)
def load_place_words(path: Path | None = None) -> PlaceWords:
    source = path or package_data_path("lexicon/places.yaml")
    data = load_yaml_mapping(source)
    nouns = data.get("place_nouns")
    if not isinstance(nouns, dict) or not all(value in (1, 2, 3) for value in nouns.values()):
        raise DataFileError(str(source), "'place_nouns' must map nouns to a precision of 1, 2 or 3")
    lists = {}
    keys = (
        "site_nouns",
        "place_object_verbs",
        "place_or_person_object_verbs",
        "place_name_heads",
        "landmark_words",
        "event_nouns",
        "dropped_from_names",
        "direction_adjectives",
        "border_words",
        "settlement_nouns",
    )
    for key in keys:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(word, str) for word in value):
            raise DataFileError(str(source), f"{key!r} must be a list of lemmas")
        lists[key] = frozenset(word.lower() for word in value)
    return PlaceWords({str(k).lower(): int(v) for k, v in nouns.items()}, *(lists[key] for key in keys))


@dataclass(slots=True)
class _Candidate:
    first: Token
    last: Token
    label: str | None
    anchor: Token  # the place noun the name names ("town" for Bakwa), else the name's own root
    kind_word: str | None
    needs_gazetteer: bool
    modifies_trigger: bool
    needs_notable: bool = False
    modifier: bool = False

    @property
    def root(self) -> Token:
        return self.first.doc[self.first.i : self.last.i + 1].root

    def holds(self, token: Token) -> bool:
        return self.first.i <= token.i <= self.last.i or token == self.anchor

    def phrase(self, locates: PlacePhrase | None) -> PlacePhrase:
        doc = self.first.doc
        return PlacePhrase(
            text=doc[self.first.i : self.last.i + 1].text,
            span=tokens_span(self.first, self.last),
            label=self.label,
            kind_word=self.kind_word,
            locates=locates.span if locates is not None else None,
            needs_gazetteer=self.needs_gazetteer,
            needs_notable=self.needs_notable,
            modifier=self.modifier,
            modifies_trigger=self.modifies_trigger,
        )


def place_phrases(
    sentence: SpacySpan,
    entities: list[SpacySpan],
    trigger_indexes: set[int],
    words: PlaceWords,
    event_nouns: frozenset[str] = frozenset(),
    agent_nouns: frozenset[str] = frozenset(),
) -> list[PlacePhrase]:
    """The sentence's place names in text order, each with the place it only situates, if any.
    `event_nouns` (lemmas) are nouns of happenings: a place that modifies one is where it happens;
    `agent_nouns` are nouns of people: a place that modifies one says who they are."""
    happenings = {token.i for token in sentence if token.lemma_.lower() in event_nouns} | trigger_indexes
    candidates = [c for e in entities if (c := _from_entity(e, happenings, words, agent_nouns)) is not None]
    taken = {token.i for c in candidates for token in c.first.doc[c.first.i : c.last.i + 1]}
    candidates += _unlabelled_names(sentence, taken, words)
    candidates.sort(key=lambda c: c.first.i)
    _rename_containers(candidates)
    phrases = [c.phrase(None) for c in candidates]
    for index, candidate in enumerate(candidates):
        other = _situated_by(candidate, candidates)
        if other is None and index > 0 and _is_landmark(candidate, words):
            other = candidates[index - 1]
        if other is not None:
            phrases[index].locates = phrases[candidates.index(other)].span
    return phrases


def attached_places(
    trigger: Token, carrier: Token | None, places: list[PlacePhrase], words: PlaceWords
) -> list[Span]:
    """Spans of the places whose path up the parse reaches the trigger (or the verb that carries a
    nominal trigger) before any other verb or any subject: "demonstrated across Turkey as leaders
    gathered in Istanbul" is in Turkey; "a bomber from a village near Jenin detonated" is not in Jenin.
    A place that is itself the subject is the actor ("Iran said"), unless the verb takes ground
    ("Kabul was captured")."""
    doc = trigger.doc
    targets = {trigger.i} | ({carrier.i} if carrier is not None else set())
    attached = []
    for place in places:
        found = doc.char_span(*place.span)
        if found is None:
            continue
        current = found.root
        if current.dep_ in SUBJECT_DEPS and current.head.lemma_.lower() not in words.ground_verbs:
            continue
        for _ in range(MAX_HOPS + 2):
            if current.head == current or (current is not found.root and current.dep_ in SUBJECT_DEPS):
                break
            current = current.head
            if current.i in targets:
                attached.append(place.span)
                break
            if current.pos_ in CLAUSE_HEADS:
                break
    return attached


def _from_entity(
    ent: SpacySpan, trigger_indexes: set[int], words: PlaceWords, agent_nouns: frozenset[str]
) -> _Candidate | None:
    first, last = _without_article(ent)
    while first.i < last.i and first.lower_ in words.direction_adjectives and first.is_lower:
        first = first.nbor()  # "eastern Chad"
    if _ends_a_persons_name(ent):
        return None  # "Hans Van den Broek" read as a person "Hans Van den" and a town "Broek"
    # The root of the name itself: an entity that swallowed "the" may have the article as its root.
    root = ent.doc[first.i : last.i + 1].root
    kind = _place_noun_naming(root, words)
    if first != last and last.lemma_.lower() in words.dropped_from_names:
        # "Diyala province": the place is Diyala, and a province.
        kind = kind or (last, words.place_nouns.get(last.lemma_.lower(), 2))
        last = last.nbor(-1)
    if ent.label_ in PLACE_LABELS:
        if _describes_someone(root, trigger_indexes, words, agent_nouns):
            return None
        # "a US attack", "the Manbij campaign"; a verb's "captured off Mogadishu" is no modifier.
        modifies = root.dep_ in MODIFIER_DEPS and root.head.i in trigger_indexes and root.head.pos_ == "NOUN"
        # "captured Abu Zubaydah" (a person the recogniser took for a place) needs the gazetteer's
        # word; "bombed Pooneryn" does not: a verb of taking or striking ground has a place there.
        argument = (
            kind is None
            and not _taken_ground(root, words.ground_verbs)
            and (root.dep_ in ARGUMENT_DEPS or (root.dep_ == "pobj" and root.head.lower_ in PERSON_PREPS))
        )
        candidate = _candidate(first, last, ent.label_, kind, needs_gazetteer=argument, modifies=modifies)
        candidate.modifier = root.dep_ in MODIFIER_DEPS and root.dep_ != "poss"
        return candidate
    if ent.label_ == "NORP" and (kind is not None or _taken_ground(root, words.ground_verbs)):
        return _candidate(first, last, ent.label_, kind, needs_gazetteer=True)  # "capital of Tunis"
    if ent.label_ not in MISTAKEN_LABELS:
        return None
    if kind is not None:
        # "the Bush home" is no place; "the town of Jaffna" is, whether the gazetteer knows it or not,
        # and so is a named site where something happens ("in al-Zahawi school").
        site = kind[0].lemma_.lower() not in words.place_nouns and not _after_locative(kind[0])
        return _candidate(first, last, ent.label_, kind, needs_gazetteer=site)
    own_kind = words.place_nouns.get(last.lemma_.lower())
    if own_kind is not None and last.lemma_.lower() in words.place_name_heads and first != last:
        # "Kawkab army base", "Homs Governorate": the name holds its own place noun.
        return _candidate(first, last, ent.label_, (last, own_kind), needs_gazetteer=False)
    located = _after_locative(root) or _taken_ground(root, words.ground_verbs)
    if located and last.lemma_.lower() in words.site_nouns and first != last:
        # "at the popular Bardo Museum": a named site, whether the gazetteer knows it or not.
        return _candidate(first, last, ent.label_, None, needs_gazetteer=False)
    strong_cue = _taken_ground(root, words.place_object_verbs) or _owns_place_noun(root, words)
    modifies = root.dep_ in MODIFIER_DEPS and root.head.i in trigger_indexes  # "the Manbij campaign"
    if _after_locative(root) or strong_cue or modifies:
        return _candidate(first, last, ent.label_, None, needs_gazetteer=True)
    if _taken_ground(root, words.place_or_person_object_verbs):
        candidate = _candidate(first, last, ent.label_, None, needs_gazetteer=True)
        candidate.needs_notable = ent.label_ == "PERSON"  # "captured Khadr"; "captured Badme" (ORG)
        return candidate
    return None


def _ends_a_persons_name(ent: SpacySpan) -> bool:
    """A place label on the proper noun right after a person's name, or after the name and a short
    lower-case particle of it ("van", "den", "de"): the recogniser cut the name."""
    if ent.label_ not in PLACE_LABELS or ent[0].pos_ != "PROPN":
        return False
    index = ent.start - 1
    while index > ent.sent.start and ent.start - index <= NAME_PARTICLES_MAX:
        if not _name_particle(ent.doc[index]):
            break
        index -= 1
    before = ent.doc[index] if index >= ent.sent.start else None
    return before is not None and before.ent_type_ == "PERSON" and before.pos_ == "PROPN"


def _name_particle(token: Token) -> bool:
    # "in", "and", "the" are no part of a name whatever their length ("John Smith in Chicago").
    return (
        token.is_lower
        and token.is_alpha
        and len(token) <= NAME_PARTICLE_LENGTH
        and token.pos_ not in FUNCTION_WORD_TAGS
        and token.dep_ != "prep"
    )


def _unlabelled_names(sentence: SpacySpan, taken: set[int], words: PlaceWords) -> list[_Candidate]:
    """Proper nouns outside any entity that a place noun names ("the village of Tamthil"), or that
    stand where places do ("captured Gibraltar", "in Mazar-e-Sharif") and the gazetteer knows."""
    found = []
    for token in sentence:
        if token.i in taken or token.pos_ != "PROPN" or token.dep_ == "compound" or token.ent_type_:
            continue
        kind = _place_noun_naming(token, words)
        weak = kind is None and (_after_locative(token) or _taken_ground(token, words.ground_verbs))
        if kind is None and not weak:
            continue
        first = token
        while first.i > sentence.start and first.nbor(-1).pos_ == "PROPN" and first.nbor(-1).i not in taken:
            first = first.nbor(-1)
        # A name the recogniser missed is a place only where the gazetteer knows it ("in Mazar-e-Sharif").
        found.append(_candidate(first, token, None, kind, needs_gazetteer=weak))
    return found


def _candidate(
    first: Token,
    last: Token,
    label: str | None,
    kind: tuple[Token, int] | None,
    needs_gazetteer: bool,
    modifies: bool = False,
) -> _Candidate:
    root = first.doc[first.i : last.i + 1].root
    anchor = kind[0] if kind is not None else root
    kind_word = kind[0].lower_ if kind is not None else None
    return _Candidate(first, last, label, anchor, kind_word, needs_gazetteer, modifies)


def _place_noun_naming(name: Token, words: PlaceWords) -> tuple[Token, int] | None:
    """The place noun a name names: "Aziziyah district", "the town of Bakwa", "the capital, Grozny"."""
    head = name.head
    if name.dep_ == "appos" and head.pos_ == "PROPN" and head.ent_type_ in WHO_LABELS:
        return None  # "the International Labor Office (ILO)": an organisation's name and its acronym
    kind = words.kind_of(head)
    if kind is not None and name.dep_ in NAMING_DEPS:
        return head, kind
    if name.dep_ == "pobj" and head.lower_ == "of" and head.head != head:
        kind = words.kind_of(head.head)
        if kind is not None:
            return head.head, kind
    return None


def _rename_containers(candidates: list[_Candidate]) -> None:
    """A place noun with an "of" name and a modifier name is named by the first and situated by the
    second: in "the south Baghdad neighbourhood of Al-Bayaa" the neighbourhood is Al-Bayaa."""
    named_by_of = {c.anchor.i for c in candidates if c.kind_word and c.root.dep_ == "pobj"}
    for candidate in candidates:
        if candidate.kind_word and candidate.root.dep_ != "pobj" and candidate.anchor.i in named_by_of:
            candidate.anchor = candidate.root


def _situated_by(candidate: _Candidate, candidates: list[_Candidate]) -> _Candidate | None:
    """The place this one hangs from through nouns and prepositions, before any verb or coordination."""
    current = candidate.anchor
    for _ in range(MAX_HOPS):
        if current.dep_ == "conj" or current.head == current:
            return None
        current = current.head
        if current.pos_ in CLAUSE_HEADS:
            return None
        other = next((c for c in candidates if c is not candidate and c.holds(current)), None)
        if other is not None:
            return other
    return None


def _is_landmark(candidate: _Candidate, words: PlaceWords) -> bool:
    """ "south of Mosul", "near Mosul": a place introduced by a direction or nearness word."""
    prep = candidate.root.head
    if candidate.root.dep_ != "pobj":
        return False
    if prep.lower_ in words.landmark_words:
        return True
    return prep.lower_ == "of" and prep.head.lower_ in words.landmark_words


def _without_article(ent: SpacySpan) -> tuple[Token, Token]:
    first, last = ent[0], ent[-1]
    # "the village of Sheikh Najjar" recognised as "Najjar": the proper nouns before it are its name.
    while first.i > ent.sent.start and first.nbor(-1).pos_ == "PROPN" and first.nbor(-1).ent_type_ == "":
        first = first.nbor(-1)
    while first.i < last.i and first.lower_ in {"the", "a", "an"}:
        first = first.nbor()
    while last.i > first.i and last.pos_ == "PART":  # a trailing "'s"
        last = last.nbor(-1)
    return first, last


def _describes_someone(
    place: Token, trigger_indexes: set[int], words: PlaceWords, agent_nouns: frozenset[str]
) -> bool:
    """ "a cab driver from Abidjan", "Caracas' newspaper": the place says who someone is, not where
    anything happened; "Syria's Aleppo province" is still a place."""
    if place.dep_ == "poss":
        return words.kind_of(place.head) is None
    if place.dep_ in {"compound", "amod", "nmod"} and place.head.pos_ in {"NOUN", "PROPN"}:
        # "a U.S. soldier", "a Staten Island police officer": who someone is; "the Manbij campaign",
        # "a Hong Kong hotel": where.
        return _is_someone(place.head, agent_nouns)
    prep = place.head
    return (
        place.dep_ == "pobj"
        and prep.lower_ == "from"
        and prep.head.pos_ in {"NOUN", "PROPN"}
        and prep.head.i not in trigger_indexes
        and words.kind_of(prep.head) is None
        and prep.head.ent_type_ != "QUANTITY"  # "30 kilometres from Kilinochchi": a landmark
    )


def _is_someone(noun: Token, agent_nouns: frozenset[str]) -> bool:
    """A person or group: a name of one, or a noun of people ("driver", "soldiers")."""
    return noun.ent_type_ in WHO_LABELS or bool({noun.lemma_.lower(), noun.lower_} & agent_nouns)


def _after_locative(token: Token) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS


def _taken_ground(token: Token, verbs: frozenset[str]) -> bool:
    """ "liberated Palmyra", "shelled Kidal and Gao": the object of a verb of taking or striking ground."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token.dep_ in {"dobj", "nsubjpass"} and token.head.lemma_.lower() in verbs


def _owns_place_noun(token: Token, words: PlaceWords) -> bool:
    """ "Grozny's streets": a name that owns a place is one ("Patten's hotel" is a person's)."""
    nouns = words.place_nouns
    return token.dep_ == "poss" and (token.head.lemma_.lower() in nouns or token.head.lower_ in nouns)
