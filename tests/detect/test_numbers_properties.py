"""Properties of reading number words: every count spelled out in English reads back as itself, digits
with thousands separators and decimals before a scale read exactly, and no words make the reader raise."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from whodid.detect.numbers import number_from_words

ONES = (
    "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
)  # fmt: skip
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
NUMBER_WORDS = (*ONES[1:], *TENS[2:], *SCALES, "dozen", "dozens", "tens", "hundreds", "thousands", "a", "an")
LINKS = ("and", "of", "to", "or", "-", "–", "between", ",", "")
settings.register_profile("numbers", max_examples=200, deadline=None)


@dataclass(frozen=True)
class Style:
    """The ways English spells the same number."""

    hyphen: bool  # "forty-two" or "forty two"
    with_and: bool  # "three hundred and six" or "three hundred six"
    article: bool  # "a hundred" or "one hundred"
    capital: bool  # "Three hundred" at the start of a sentence


styles = st.builds(Style, st.booleans(), st.booleans(), st.booleans(), st.booleans())


def spell_below_hundred(n: int, style: Style) -> list[str]:
    if n < 20:
        return [ONES[n]]
    tens, ones = divmod(n, 10)
    if not ones:
        return [TENS[tens]]
    return [f"{TENS[tens]}-{ONES[ones]}"] if style.hyphen else [TENS[tens], ONES[ones]]


def spell_below_thousand(n: int, style: Style) -> list[str]:
    hundreds, rest = divmod(n, 100)
    words: list[str] = []
    if hundreds:
        words += ["a" if hundreds == 1 and style.article else ONES[hundreds], "hundred"]
    if rest:
        if hundreds and style.with_and:
            words.append("and")
        words += spell_below_hundred(rest, style)
    return words


def spell(n: int, style: Style) -> list[str]:
    """1 to 999,999 in English words: "three hundred and forty-two thousand five hundred and six"."""
    thousands, rest = divmod(n, 1000)
    words: list[str] = []
    if thousands:
        words += [*spell_below_thousand(thousands, style), "thousand"]
    if rest:
        if thousands and rest < 100 and style.with_and:
            words.append("and")  # "two thousand and five"
        words += spell_below_thousand(rest, style)
    if style.capital:
        words[0] = words[0].capitalize()
    return words


def test_the_speller_spells_as_english_does() -> None:
    plain = Style(hyphen=True, with_and=True, article=False, capital=False)
    assert " ".join(spell(342_506, plain)) == "three hundred and forty-two thousand five hundred and six"
    assert " ".join(spell(2_005, plain)) == "two thousand and five"
    assert (
        " ".join(spell(100, Style(hyphen=False, with_and=False, article=True, capital=True))) == "A hundred"
    )


@settings(settings.get_profile("numbers"))
@given(n=st.integers(1, 999_999), style=styles)
def test_every_count_spelled_in_words_reads_as_itself(n: int, style: Style) -> None:
    assert number_from_words(spell(n, style)) == n


@settings(settings.get_profile("numbers"))
@given(n=st.integers(1, 10**15))
def test_digits_with_and_without_thousands_separators_read_as_the_number(n: int) -> None:
    assert number_from_words([f"{n:,}"]) == n
    assert number_from_words([str(n)]) == n


@settings(settings.get_profile("numbers"))
@given(whole=st.integers(0, 999), tenths=st.integers(0, 9), scale=st.sampled_from(["thousand", "million"]))
def test_a_decimal_before_a_scale_reads_exactly(whole: int, tenths: int, scale: str) -> None:
    expected = (whole * 10 + tenths) * SCALES[scale] // 10
    assert number_from_words([f"{whole}.{tenths}", scale]) == (expected or None)


@settings(settings.get_profile("numbers"))
@given(low=st.integers(1, 5000), more=st.integers(1, 5000), link=st.sampled_from(["to", "or", "-"]))
def test_a_range_reads_as_its_lower_bound(low: int, more: int, link: str) -> None:
    assert number_from_words([str(low), link, str(low + more)]) == low


@settings(settings.get_profile("numbers"))
@given(words=st.lists(st.sampled_from(NUMBER_WORDS + LINKS) | st.text(max_size=12), max_size=12))
def test_no_words_make_the_reader_raise(words: list[str]) -> None:
    value = number_from_words(words)
    assert value is None or (isinstance(value, int) and value >= 1)


def test_zero_is_no_count() -> None:
    # A stated zero ("no one was killed") is read from its words, not as a number.
    assert number_from_words(["zero"]) is None
    assert number_from_words(["0"]) is None
    assert number_from_words(["0", "thousand"]) is None


def test_long_digit_strings_are_no_count() -> None:
    assert number_from_words(["1" * 31]) is None
    assert number_from_words(["9" * 5000]) is None  # past Python's limit on converting digit strings


def test_decimals_before_a_scale_that_floats_cannot_hold_read_exactly() -> None:
    # 4.1 and 8.2 have no exact binary fraction: a float product falls short of a whole number.
    assert number_from_words(["4.1", "million"]) == 4_100_000
    assert number_from_words(["8.2", "million"]) == 8_200_000
    assert number_from_words(["16.1", "thousand"]) == 16_100
