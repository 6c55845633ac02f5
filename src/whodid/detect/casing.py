"""Texts written all in capitals (old wire copy, telex, some headlines) parsed as ordinary text.

The parser and the entity recogniser learnt their trade on mixed case: in capitals every word looks
like a name, so no verb is found and no actor either. Such a text is parsed in restored case: lower
case, with capitals back where the knowledge base and the gazetteer recognise a name ("SAN SALVADOR",
"FMLN") and at the start of each sentence. The restored text has the same length, character for
character, so every span still points into the article as written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable

from whodid.ingest.language import function_words
from whodid.records import Span

# A text is "in capitals" when nearly all its letters are: a few lower-case letters come from units
# ("5 km") and quoted words.
CAPITALS_SHARE = 0.9
MIN_LETTERS = 40  # a short line in capitals is a headline or an acronym, not a text to restore
SAMPLE = 2000
ABBREVIATION_LENGTH = 5  # a recognised one-word name this short stays in capitals ("FMLN", "DAS")
_WORD = re.compile(r"[A-Za-z.]+")
# An acronym in brackets after the name it stands for: "(FAL)", "[ FMLN ]".
_BRACKETED = re.compile(r"[(\[]\s*([A-Z][A-Z0-9]{1,7})\s*[)\]]")
_WHOLE_WORD = r"(?<![A-Za-z0-9]){}(?![A-Za-z0-9])"
_LINKING = frozenset({"of", "and", "for"})  # words inside a name: "ARMED FORCES OF LIBERATION"
MAX_NAME_WORDS = 10


def written_in_capitals(text: str) -> bool:
    sample = text[:SAMPLE]  # every article is asked: its opening tells, and costs microseconds
    letters = sum(map(str.isalpha, sample))
    if letters < MIN_LETTERS:
        return False
    return sum(map(str.isupper, sample)) >= CAPITALS_SHARE * letters


def restore_case(
    text: str,
    names: Iterable[Span],
    sentence_starts: Iterable[int],
    abbreviations: Collection[str] = frozenset(),
) -> str:
    """The text in lower case but for the first letter of each word of `names` (an abbreviation keeps
    all its capitals, and so does a word of `abbreviations` inside a longer name: "FMLN Terrorists"),
    the first letter of each sentence, and the pronoun "I"."""
    chars = [_lower(char) for char in text]
    for start, end in names:
        name = text[start:end]
        if name.isupper() and " " not in name and len(name) <= ABBREVIATION_LENGTH:
            chars[start:end] = list(name)
            continue
        _capitalise_words(text, chars, start, end)
        for word in _WORD.finditer(name):
            if word.group().replace(".", "") in abbreviations:
                chars[start + word.start() : start + word.end()] = list(word.group())
    for start in sentence_starts:
        first = next((i for i in range(start, len(text)) if text[i].isalnum()), None)
        if first is not None:
            chars[first] = text[first]
    _keep_pronoun_i(chars)
    return "".join(chars)


def _lower(char: str) -> str:
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char  # "İ" lowers to two characters: keep the length


def _capitalise_words(text: str, chars: list[str], start: int, end: int) -> None:
    at_word_start = True
    for index in range(start, end):
        if text[index].isalpha():
            if at_word_start:
                chars[index] = text[index]
            at_word_start = False
        else:
            at_word_start = text[index] in " -\u00a0\n\t"


def _keep_pronoun_i(chars: list[str]) -> None:
    for index, char in enumerate(chars):
        if char != "i":
            continue
        before = chars[index - 1] if index > 0 else " "
        after = chars[index + 1] if index + 1 < len(chars) else " "
        if not before.isalnum() and not after.isalnum() and after != ".":
            chars[index] = "I"


def names_spelt_out(text: str, known: Collection[Span] = ()) -> list[Span]:
    """Names an article in capitals spells out before an acronym in brackets, which the knowledge base
    need not know ("THE ZARATE WILKA ARMED FORCES OF LIBERATION (FAL)"): the span of the name, and of
    every use of the acronym. The name is the words right before the bracket, back to a function word
    or a punctuation mark; each of the acronym's letters must begin one of its words, so a speaker's
    label ("... THIS PROBLEM (REPORTER)") names nothing. Acronyms at `known` spans stand for a name the
    knowledge base knows, which says where it begins."""
    spans: list[Span] = []
    for match in _BRACKETED.finditer(text):
        if match.span(1) in known:
            continue
        name = _words_before(text, match.start())
        while name and text[slice(*name[0])].lower() in _LINKING:
            name = name[1:]
        content = [span for span in name if text[slice(*span)].lower() not in _LINKING]
        acronym = match.group(1)
        if len(content) < 2 or Counter(acronym) - Counter(text[start] for start, _ in content):
            continue
        spans.append((content[0][0], content[-1][1]))
        spans += [use.span() for use in re.finditer(_WHOLE_WORD.format(re.escape(acronym)), text)]
    return spans


def _words_before(text: str, end: int) -> list[Span]:
    """The words in capitals right before `end` that only spaces or line breaks separate, back to a
    function word other than a linking one; at most MAX_NAME_WORDS."""
    words: list[Span] = []
    position = end
    while len(words) < MAX_NAME_WORDS:
        word_end = position
        while word_end > 0 and text[word_end - 1] in " \n":
            word_end -= 1
        word_start = word_end
        while word_start > 0 and (text[word_start - 1].isupper() or text[word_start - 1] in "'-"):
            word_start -= 1
        word = text[word_start:word_end]
        if not word[:1].isupper() or (word_start > 0 and text[word_start - 1].isalnum()):
            break
        if word.lower() in function_words() and word.lower() not in _LINKING:
            break
        words.insert(0, (word_start, word_end))
        position = word_start
    return words


def is_common_word(text: str, span: Span) -> bool:
    """A name that, in capitals, is a common word: "THEY ATTACKED US" (the pronoun, unless "the" makes
    it the country), "THE MEN WHO FIRED" (not the World Health Organization)."""
    word = text[slice(*span)]
    if word == "US":
        before = text[max(0, span[0] - 4) : span[0]]
        return before.upper() != "THE "
    return word.lower() in function_words()
