"""A lexical prefilter: sentences in which no trigger word occurs are blanked before the parse.

The parse is most of whodid's cost, and most sentences of a news story report no event. A sentence
can hold a trigger only if one of its words is an inflected form of a trigger lemma, which a set lookup
decides without any model. Blanking (spaces, newlines kept) instead of cutting keeps every character
offset of the article valid, so spans, evidence and ids are the same as with a full parse.

The word forms come from the lexicon's lemmas run backwards through the lemmatizer's own tables (its
exceptions and suffix rules), so every form the model can lemmatise to a trigger lemma is a candidate.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language

from whodid.data_files import package_data_path
from whodid.detect.lexicon import Lexicon, TriggerSpec
from whodid.detect.syntax import AIMED_PREPS
from whodid.detect.triggers import PERSON_OBJECT, PLACE_OBJECT, PROPER_OBJECT
from whodid.nlp import lemma_fixes

# A sentence ends at . ! or ? (and any closing quotes or brackets) before whitespace and a word (of
# any case: some archives are lower-cased) unless the stop ends an abbreviation; or at a blank line.
# Splitting too little only costs speed (a longer candidate); splitting too much could blank half a
# sentence, so doubtful cases do not split.
_SENTENCE_END = re.compile(r"""(?<=[.!?])["'”’)\]]*\s+(?=["'“‘(\[]?[A-Za-z0-9])|\n[ \t\r]*\n\s*""")
_WORD_BEFORE_STOP = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_INITIALS = re.compile(r"[a-z](?:\.[a-z])+")  # "f.w" of "F.W.", "j.r.r" of "J.R.R."
_WORDS = re.compile(r"[a-z]+")
_HYPHENATED = re.compile(r"[a-z]+(?:-[a-z]+)+")  # "sit-in": a word of its own besides its parts
# A month's name beside a day number is a date, even where it is also a trigger ("march 15").
_MONTH_AND_DAY = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"(?=\s+\d)|(?<=\d\s)(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)\b"
)
# The object_senses keys that a name satisfies.
NAME_OBJECTS = frozenset({PLACE_OBJECT, PROPER_OBJECT, PERSON_OBJECT})
# A name: a capitalised word after the first ("captured Mokha"), or a first word that is no common one
# ("Hamas gave up"; "The", "In", "He" are spaCy's stop words).
_NAME_INSIDE = re.compile(r"\s[A-Z][a-z]")
_FIRST_WORD = re.compile(r"[^A-Za-z]*([A-Z][a-z]+)")


@dataclass(frozen=True, slots=True)
class _Need:
    """What else a sentence must hold for a word to be a trigger (a word may have several such needs;
    any one will do): all of `words` (after the word itself, for a phrasal verb's particles, as the
    detector wants them), a name, an actor (a name or an agent noun: "Tehran denounced", "police
    stormed")."""

    words: frozenset[str] = frozenset()
    after: bool = False
    name: bool = False
    actor: bool = False


_A_NAME = _Need(name=True)
_AN_ACTOR = _Need(actor=True)


@dataclass(frozen=True, slots=True)
class SentenceUnits:
    """The article's sentences as the prefilter cuts them: start offsets, in order."""

    starts: list[int]
    ends: list[int]

    def index_of(self, offset: int) -> int:
        """The ordinal of the sentence holding character `offset`: stable whether or not we prefilter."""
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)


def split_sentences(text: str) -> SentenceUnits:
    starts, ends = [], []
    start = 0
    for boundary in _SENTENCE_END.finditer(text):
        if _ends_with_abbreviation(text, boundary.start()):
            continue
        if text[start : boundary.start()].strip():
            starts.append(start)
            ends.append(boundary.start())
        start = boundary.end()
    if text[start:].strip():
        starts.append(start)
        ends.append(len(text))
    return SentenceUnits(starts, ends)


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    lines = package_data_path("lexicon/abbreviations.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def _ends_with_abbreviation(text: str, stop_end: int) -> bool:
    """ "Mr. Khan", "the U.S. embassy", "J. Smith", "F.W. de Klerk": the stop belongs to the word
    before it, an abbreviation or initials."""
    before = text[max(0, stop_end - 12) : stop_end].rstrip("\"'”’)]")
    match = _WORD_BEFORE_STOP.search(before)
    if match is None:
        return False
    word = match.group(1).lower()
    return word in _abbreviations() or len(word) == 1 or _INITIALS.fullmatch(word) is not None


class TriggerPrefilter:
    """Decides which sentences may hold a trigger, and blanks the others.

    A word of our own lexicon passes its sentence. A word that is a trigger only as a phrase ("go to",
    "give up"), with some objects ("took the town", "set up a base") or with an actor as its subject or
    object (the CAMEO dictionary's verbs) passes it only beside one of those particles (after it) or
    objects, or a name or an agent noun ("police"), as the detector will want them: the commonest verbs
    would otherwise let almost every sentence by. A phrase from the CAMEO dictionary wants its particle
    and an actor."""

    def __init__(self, lexicon: Lexicon, nlp: Language) -> None:
        verb_forms, noun_forms = _WordForms(nlp, "verb").of, _WordForms(nlp, "noun").of

        alone = {
            pos: [lemma for lemma, spec in table.items() if _stands_alone(spec)]
            for pos, table in (("verb", lexicon.verbs), ("noun", lexicon.nouns))
        }
        self.forms = frozenset(verb_forms(alone["verb"]) | noun_forms(alone["noun"]))
        self.agent_nouns = lexicon.agent_nouns
        # Words that make a weak trigger an event ("missile strikes", "strikes against"), besides actors.
        self.evidence_words = lexicon.martial_modifiers | (AIMED_PREPS - {"on", "at"})
        # word -> what else the sentence needs for the word to be a trigger (any one of them)
        self.companions: dict[str, list[_Need]] = {}
        for table, forms_of in ((lexicon.verbs, verb_forms), (lexicon.nouns, noun_forms)):
            for lemma, spec in table.items():
                if not _stands_alone(spec):
                    self._add_companions(forms_of([lemma]), _needs(spec))
        alone_lemmas = {*alone["verb"], *alone["noun"]}
        for lemma, specs in lexicon.phrasal_verbs.items():
            if lemma not in alone_lemmas:
                needs = [_Need(spec.particles, after=True, actor=spec.needs_named_argument) for spec in specs]
                self._add_companions(verb_forms([lemma]), needs)
        # Crowds out in protest: a verb of going out beside "streets", of gathering beside "protesters".
        protest = lexicon.street_protest
        streets = [_Need(frozenset({word})) for word in protest.street_words]
        self._add_companions(verb_forms(protest.outing_verbs), streets)
        protesters = [_Need(frozenset({word})) for word in noun_forms(protest.protester_nouns)]
        self._add_companions(verb_forms(protest.gathering_verbs), protesters)
        # Troops sent on a peace mission: a sending word beside a word of peacekeeping.
        peacekeeping = lexicon.peacekeeping
        peace_words = [_Need(frozenset({word})) for word in noun_forms(peacekeeping.words)]
        self._add_companions(verb_forms(peacekeeping.sending_words) | noun_forms(peacekeeping.sending_words),
                             peace_words)  # fmt: skip
        # People fleeing: a verb of flight beside a word for people, or a name (a nationality: "Syrians").
        displacement = lexicon.displacement
        people = [_Need(frozenset({word})) for word in noun_forms(displacement.displaced_people)]
        self._add_companions(verb_forms(displacement.fleeing_verbs), [*people, _A_NAME])
        # Forces on alert: a word of readiness beside "on".
        self._add_companions(noun_forms(lexicon.readiness.words), [_Need(frozenset({"on"}))])
        # Saying what another must do is a demand ("said China must drop the barriers"): a reporting verb
        # beside an obligation modal, and an actor.
        obliged = [_Need(frozenset({modal}), actor=True) for modal in lexicon.obligation_modals]
        self._add_companions(verb_forms(lexicon.reporting_verbs), obliged)
        for lemma, senses in lexicon.object_senses.items():
            if " " in lemma:  # a phrase's table: "laid down their arms" wants the particle and the object
                verb, particle = lemma.split(" ", 1)
                objects = noun_forms([word for word in senses if word not in NAME_OBJECTS])
                self._add_companions(
                    verb_forms([verb]), [_Need(frozenset({particle, o}), after=True) for o in objects]
                )
            elif lemma not in alone_lemmas:
                objects = noun_forms([word for word in senses if word not in NAME_OBJECTS])
                forms = verb_forms([lemma]) | noun_forms([lemma])
                needs = [_Need(frozenset({word})) for word in objects]
                named = not NAME_OBJECTS.isdisjoint(senses)
                self._add_companions(forms, needs + ([_A_NAME] if named else []))

    def _add_companions(self, forms: set[str], needs: list[_Need]) -> None:
        for form in forms - self.forms:
            self.companions.setdefault(form, []).extend(needs)

    def may_hold_trigger(self, sentence: str) -> bool:
        lowered = _MONTH_AND_DAY.sub(" ", sentence.lower())
        sequence = _WORDS.findall(lowered)
        words = set(sequence) | set(_HYPHENATED.findall(lowered))
        if not self.forms.isdisjoint(words):
            return True
        return any(
            self._met(need, word, sequence, words, sentence)
            for word in words & self.companions.keys()
            for need in self.companions[word]
        )

    def _met(self, need: _Need, word: str, sequence: list[str], words: set[str], sentence: str) -> bool:
        if need.words:
            # After the word's first use, any later particle follows some use of it.
            around = set(sequence[sequence.index(word) + 1 :]) if need.after else words
            if not need.words <= around:
                return False
        if need.name and not _may_name(sentence):
            return False
        return not need.actor or (
            _may_name(sentence)
            or not self.agent_nouns.isdisjoint(words)
            or not self.evidence_words.isdisjoint(words)
        )

    def mask(self, text: str, units: SentenceUnits) -> str:
        """The text with every sentence that cannot hold a trigger turned into spaces (newlines kept)."""
        pieces, cursor = [], 0
        for start, end in zip(units.starts, units.ends, strict=True):
            sentence = text[start:end]
            if self.may_hold_trigger(sentence):
                continue
            pieces.append(text[cursor:start])
            pieces.append(_blank(sentence))
            cursor = end
        if not pieces:
            return text
        pieces.append(text[cursor:])
        return "".join(pieces)


def _stands_alone(spec: TriggerSpec) -> bool:
    """A trigger by itself: no particle, actor or evidence wanted beside it."""
    return not (spec.needs_named_argument or spec.weak or spec.particles)


def _needs(spec: TriggerSpec) -> list[_Need]:
    """What a trigger that is not one alone wants beside it: any one of its particles ("call for"), an
    actor or evidence of an event (weak words and the CAMEO verbs), or both."""
    actor = spec.needs_named_argument or spec.weak
    if spec.particles:
        return [_Need(frozenset({particle}), actor=actor) for particle in spec.particles]
    return [_AN_ACTOR]


def _may_name(sentence: str) -> bool:
    if _NAME_INSIDE.search(sentence) is not None:
        return True
    first = _FIRST_WORD.match(sentence)
    return first is not None and first.group(1).lower() not in STOP_WORDS


def _blank(sentence: str) -> str:
    return "".join(char if char == "\n" else " " for char in sentence)


def trigger_word_forms(lemmas: Iterable[str], pos: str, nlp: Language) -> set[str]:
    """Every lower-case word the model's rule lemmatizer could turn into one of `lemmas` for `pos`."""
    return _WordForms(nlp, pos).of(lemmas)


class _WordForms:
    """The lemmatizer's tables for one part of speech, inverted once: its exceptions ("shot" -> "shoot")
    read backwards, and its suffix rules applied backwards ("attack" -> "attacks", "attacked").
    Over-generating is harmless: it only lets a sentence through to the parser."""

    def __init__(self, nlp: Language, pos: str) -> None:
        self.rules, exceptions = _lemmatizer_tables(nlp, pos)
        self.irregular: dict[str, set[str]] = {}
        for form, form_lemmas in exceptions.items():
            for lemma in form_lemmas:
                self.irregular.setdefault(lemma, set()).add(form)
        for form, lemma in lemma_fixes().get(pos, {}).items():
            self.irregular.setdefault(lemma, set()).add(form)  # the lemmas our own fixes give

    def of(self, lemmas: Iterable[str]) -> set[str]:
        forms: set[str] = set()
        for lemma in lemmas:
            for word in lemma.lower().split():  # a phrasal entry's words are all needed; any one will do
                forms.add(word)
                forms.update(self.irregular.get(word, ()))
                for inflected, base in self.rules:
                    if word.endswith(base):
                        forms.add(word[: len(word) - len(base)] + inflected)
                forms.update(_doubled_consonant_forms(word))
        return {form for form in forms if form}


def _doubled_consonant_forms(word: str) -> set[str]:
    """ "ban" -> "banned", "banning": the exceptions table lists many such forms, not all."""
    if len(word) >= 3 and word[-1] in "bdgklmnprt" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        return {word + word[-1] + "ed", word + word[-1] + "ing"}
    return set()


def _lemmatizer_tables(nlp: Language, pos: str) -> tuple[list[tuple[str, str]], dict[str, list[str]]]:
    """The suffix rules and exceptions of the model's rule lemmatizer for "verb" or "noun"."""
    if "lemmatizer" not in nlp.component_names:  # disabled when whodid runs it remembered: still there
        return [], {}
    lookups = nlp.get_pipe("lemmatizer").lookups
    rules = [(str(old), str(new)) for old, new in lookups.get_table("lemma_rules", {}).get(pos, [])]
    return rules, dict(lookups.get_table("lemma_exc", {}).get(pos, {}))
