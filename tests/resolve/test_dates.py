"""Date phrases resolved against a publication date, with exact spans and precision."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from whodid.resolve.dates import DateScan, find_dates, scan_dates

WEDNESDAY = date(2024, 2, 7)  # publication date for most cases below


def found(text: str, published: date | None = WEDNESDAY) -> list[tuple[str, date, date | None, str]]:
    refs = find_dates(text, published)
    for ref in refs:
        assert text[ref.span[0] : ref.span[1]] == ref.text
    return [(ref.text, ref.date, ref.date_end, ref.precision) for ref in refs]


def rejected(text: str, published: date | None = WEDNESDAY) -> list[tuple[str, str]]:
    refused = scan_dates(text, published).rejected
    for refusal in refused:
        assert text[refusal.span[0] : refusal.span[1]] == refusal.text
    return [(refusal.text, refusal.reason) for refusal in refused]


@pytest.mark.parametrize(
    ("text", "phrase", "day"),
    [
        ("Militias struck on 31 January.", "31 January", date(2024, 1, 31)),
        ("The drone hit on 7 February.", "7 February", date(2024, 2, 7)),
        ("The drone hit on February 7 near the border.", "February 7", date(2024, 2, 7)),
        ("It was signed on February 7, 2024.", "February 7, 2024", date(2024, 2, 7)),
        ("It was signed on 7 February 2024.", "7 February 2024", date(2024, 2, 7)),
        ("By the 7th of February it was over.", "7th of February", date(2024, 2, 7)),
        ("The talks of Feb. 3 failed.", "Feb. 3", date(2024, 2, 3)),
        ("Dated 2024-02-07 in the log.", "2024-02-07", date(2024, 2, 7)),
        ("The strike of Sept. 12, 2023 was the first.", "Sept. 12, 2023", date(2023, 9, 12)),
        ("Envoys arrived on Jan. 5 for talks.", "Jan. 5", date(2024, 1, 5)),
    ],
)
def test_calendar_days(text: str, phrase: str, day: date) -> None:
    assert found(text) == [(phrase, day, None, "day")]


def test_span_is_shifted_by_offset() -> None:
    [ref] = find_dates("Hit on 31 January.", WEDNESDAY, offset=500)
    assert ref.span == (507, 517)


def test_a_yearless_date_takes_the_latest_year_not_after_publication() -> None:
    assert found("Talks on 15 December.", date(2024, 1, 10)) == [
        ("15 December", date(2023, 12, 15), None, "day")
    ]


def test_a_yearless_date_may_be_scheduled_a_few_days_ahead() -> None:
    assert found("Talks are set for 12 February.") == [("12 February", date(2024, 2, 12), None, "day")]
    assert found("Talks are set for 20 February.") == [("20 February", date(2023, 2, 20), None, "day")]


def test_leap_day_without_a_year_looks_back_to_a_leap_year() -> None:
    assert found("On 29 February.", date(2025, 3, 3)) == [("29 February", date(2024, 2, 29), None, "day")]


@pytest.mark.parametrize(
    "text", ["On 31 February they met.", "On 31 February 2024 too.", "Logged 2024-13-45."]
)
def test_impossible_dates_are_skipped(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "phrase", "first", "last", "precision"),
    [
        ("In September 2023 they met.", "September 2023", date(2023, 9, 1), date(2023, 9, 30), "month"),
        ("Attacks rose in 2023.", "2023", date(2023, 1, 1), date(2023, 12, 31), "year"),
        ("It began in late 2019.", "late 2019", date(2019, 9, 1), date(2019, 12, 31), "year"),
        ("They met in mid-January.", "mid-January", date(2024, 1, 11), date(2024, 1, 20), "month"),
        ("Home earlier in February.", "earlier in February", date(2024, 2, 1), WEDNESDAY, "month"),
        ("The talks of early March 2023.", "early March 2023", date(2023, 3, 1), date(2023, 3, 10), "month"),
        ("Raids between 7 and 9 February.", "7 and 9 February", date(2024, 2, 7), date(2024, 2, 9), "day"),
        ("Raids on 5-6 February.", "5-6 February", date(2024, 2, 5), date(2024, 2, 6), "day"),
        ("Raids on 5–6 February.", "5–6 February", date(2024, 2, 5), date(2024, 2, 6), "day"),
    ],
)  # fmt: skip
def test_months_years_and_ranges(text: str, phrase: str, first: date, last: date, precision: str) -> None:
    assert found(text) == [(phrase, first, last, precision)]


@pytest.mark.parametrize(
    "text",
    [
        "There were 188 operations in total.",
        "A drone struck Tower 22 overnight.",
        "Some 2023 people fled.",
    ],
)
def test_numbers_are_not_years(text: str) -> None:
    assert found(text) == []


def test_may_is_a_month_only_when_capitalised_after_a_preposition() -> None:
    assert found("Troops may withdraw, officials may say. May brought calm.") == []
    assert found("They met in May.") == [("May", date(2023, 5, 1), date(2023, 5, 31), "month")]


@pytest.mark.parametrize(
    ("text", "phrase", "day"),
    [
        ("It happened yesterday.", "yesterday", date(2024, 2, 6)),
        ("Talks resume today.", "today", WEDNESDAY),
        ("A vote is due tonight.", "tonight", WEDNESDAY),
        ("Rockets fell last night.", "last night", date(2024, 2, 6)),
        ("He arrives tomorrow.", "tomorrow", date(2024, 2, 8)),
        ("Rockets fell three days ago.", "three days ago", date(2024, 2, 4)),
        ("Rockets fell the day before yesterday.", "the day before yesterday", date(2024, 2, 5)),
        ("He arrives the day after tomorrow.", "the day after tomorrow", date(2024, 2, 9)),
    ],
)
def test_days_relative_to_publication(text: str, phrase: str, day: date) -> None:
    assert found(text) == [(phrase, day, None, "day")]


@pytest.mark.parametrize(
    ("text", "phrase", "day"),
    [
        ("The base was hit on Saturday.", "Saturday", date(2024, 2, 3)),
        ("The base was hit Monday night.", "Monday", date(2024, 2, 5)),
        ("Talks ended on Wednesday.", "Wednesday", WEDNESDAY),  # the publication day itself
        ("Talks ended last Wednesday.", "last Wednesday", date(2024, 1, 31)),
        ("Talks resume next Monday.", "next Monday", date(2024, 2, 12)),
        ("Shelling began last Tuesday night.", "last Tuesday", date(2024, 2, 6)),
    ],
)
def test_weekdays(text: str, phrase: str, day: date) -> None:
    assert found(text) == [(phrase, day, None, "day")]


@pytest.mark.parametrize(
    ("text", "phrase", "first", "last", "precision"),
    [
        ("Strikes rose last week.", "last week", date(2024, 1, 29), date(2024, 2, 4), "week"),
        ("Strikes rose this week.", "this week", date(2024, 2, 5), date(2024, 2, 11), "week"),
        ("Strikes rose earlier this week.", "earlier this week", date(2024, 2, 5), WEDNESDAY, "week"),
        ("Strikes rose last month.", "last month", date(2024, 1, 1), date(2024, 1, 31), "month"),
        ("Strikes rose this month.", "this month", date(2024, 2, 1), date(2024, 2, 29), "month"),
        ("Strikes rose earlier this month.", "earlier this month", date(2024, 2, 1), WEDNESDAY, "month"),
        ("Strikes rose last year.", "last year", date(2023, 1, 1), date(2023, 12, 31), "year"),
        ("Strikes rose late last year.", "late last year", date(2023, 9, 1), date(2023, 12, 31), "year"),
        ("Strikes rose early this year.", "early this year", date(2024, 1, 1), date(2024, 4, 30), "year"),
        ("Strikes rose two weeks ago.", "two weeks ago", date(2024, 1, 22), date(2024, 1, 28), "week"),
    ],
)  # fmt: skip
def test_periods_relative_to_publication(
    text: str, phrase: str, first: date, last: date, precision: str
) -> None:
    assert found(text) == [(phrase, first, last, precision)]


def test_last_month_across_new_year() -> None:
    assert found("Raids last month.", date(2024, 1, 10)) == [
        ("last month", date(2023, 12, 1), date(2023, 12, 31), "month")
    ]


def test_without_publication_date_nothing_relative_is_guessed() -> None:
    text = "Yesterday, on Saturday, on 7 February and last week; on 7 February 2024 and in 2023."
    assert found(text, published=None) == [
        ("7 February 2024", date(2024, 2, 7), None, "day"),
        ("2023", date(2023, 1, 1), date(2023, 12, 31), "year"),
    ]


def test_results_are_in_text_order_and_do_not_overlap() -> None:
    text = "On 7 February 2024, a day after talks on Tuesday, strikes resumed; in 2023 there were none."
    refs = find_dates(text, WEDNESDAY)
    assert [ref.text for ref in refs] == ["7 February 2024", "Tuesday", "2023"]
    assert all(a.span[1] <= b.span[0] for a, b in itertools.pairwise(refs))


@pytest.mark.parametrize(
    ("text", "phrase", "reason"),
    [
        ("They met on 31 February.", "31 February", "February has no day 31"),
        ("On 31 February 2024 too.", "31 February 2024", "February 2024 has no day 31"),
        ("Signed on 29 February 2023.", "29 February 2023", "February 2023 has no day 29"),
        ("Raids between 30 and 31 February.", "30 and 31 February", "February has no day 31"),
        ("Logged 2024-13-45.", "2024-13-45", "there is no month 13"),
        ("Logged 2024-02-30.", "2024-02-30", "February 2024 has no day 30"),
        ("The fort was built in 1850.", "1850", "year 1850 is before 1900"),
        ("The fort fell in March 1850.", "March 1850", "year 1850 is before 1900"),
        ("The fort fell on 4 March 1850.", "4 March 1850", "year 1850 is before 1900"),
        ("Rail came in the late 1880s.", "late 1880s", "year 1886 is before 1900"),
        ("Elections are due in 2031.", "2031", "2031 is more than a year after publication (2024-02-07)"),
        ("In March 2025.", "March 2025", "March 2025 is more than a year after publication (2024-02-07)"),
        ("Since 2031 nothing.", "2031", "2031 is more than a year after publication (2024-02-07)"),
    ],
)  # fmt: skip
def test_impossible_and_absurd_dates_are_rejected_with_a_reason(text: str, phrase: str, reason: str) -> None:
    # Rejected whole: no shorter date ("February 2024", "March") survives inside the phrase.
    assert found(text) == []
    assert rejected(text) == [(phrase, reason)]


def test_rejected_spans_are_shifted_by_offset() -> None:
    [refusal] = scan_dates("Built in 1850.", WEDNESDAY, offset=100).rejected
    assert (refusal.text, refusal.span) == ("1850", (109, 113))


def test_a_date_up_to_a_year_ahead_may_be_a_plan() -> None:
    assert found("Elections are due in 2025.") == [("2025", date(2025, 1, 1), date(2025, 12, 31), "year")]
    assert found("Talks resume on 7 February 2025.") == [("7 February 2025", date(2025, 2, 7), None, "day")]
    assert rejected("Talks resume on 8 February 2025.") == [
        ("8 February 2025", "8 February 2025 is more than a year after publication (2024-02-07)")
    ]


@pytest.mark.parametrize(
    "text", ["A crowd of 1500 gathered.", "Some 1850 people fled.", "Rooms 1850 to 1870 burned."]
)
def test_bare_numbers_are_neither_dates_nor_rejections(text: str) -> None:
    assert scan_dates(text, WEDNESDAY) == DateScan(found=[], rejected=[])
    assert rejected(text) == []


def test_without_publication_date_yearless_dates_are_unresolved_not_rejected() -> None:
    text = "Talks on 7 February and on 29 February, yesterday and in March."
    assert scan_dates(text, None).found == []
    assert rejected(text, None) == []
    # A day no year has is impossible with or without a publication date.
    assert rejected("Talks on 30 February.", None) == [("30 February", "February has no day 30")]


def test_without_publication_date_only_the_year_bounds_apply() -> None:
    assert found("Elections are due in 2031.", None) == [
        ("2031", date(2031, 1, 1), date(2031, 12, 31), "year")
    ]
    assert rejected("Colonies on Mars in 2150.", None) == [("2150", "year 2150 is after 2100")]


@pytest.mark.parametrize(
    ("text", "phrase", "first", "last", "precision"),
    [
        ("Attacks since October.", "October", date(2023, 10, 1), WEDNESDAY, "month"),
        ("Quiet since 2019 here.", "2019", date(2019, 1, 1), WEDNESDAY, "year"),
        ("Since late 2023 it rose.", "late 2023", date(2023, 9, 1), WEDNESDAY, "year"),
        ("Held since 5 February.", "5 February", date(2024, 2, 5), WEDNESDAY, "day"),
        ("Held since last week.", "last week", date(2024, 1, 29), WEDNESDAY, "week"),
        ("Fighting since the 1990s.", "1990s", date(1990, 1, 1), WEDNESDAY, "year"),
    ],
)  # fmt: skip
def test_since_runs_from_the_first_day_to_publication(
    text: str, phrase: str, first: date, last: date, precision: str
) -> None:
    assert found(text) == [(phrase, first, last, precision)]


def test_since_publication_day_is_that_day() -> None:
    assert found("Held since 7 February.") == [("7 February", WEDNESDAY, None, "day")]


def test_since_without_publication_date_keeps_its_own_range() -> None:
    assert found("Quiet since 2019.", None) == [("2019", date(2019, 1, 1), date(2019, 12, 31), "year")]


@pytest.mark.parametrize(
    ("text", "phrase", "first", "last"),
    [
        ("Sanctions hit in the 1990s.", "1990s", date(1990, 1, 1), date(1999, 12, 31)),
        ("Built in the early 2000s.", "early 2000s", date(2000, 1, 1), date(2003, 12, 31)),
        ("Exiled in the mid-1990s.", "mid-1990s", date(1993, 1, 1), date(1996, 12, 31)),
        ("Founded in the late 1980s.", "late 1980s", date(1986, 1, 1), date(1989, 12, 31)),
        ("Music of the 1970's.", "1970's", date(1970, 1, 1), date(1979, 12, 31)),
    ],
)
def test_decades(text: str, phrase: str, first: date, last: date) -> None:
    assert found(text) == [(phrase, first, last, "year")]


@pytest.mark.parametrize(
    "text",
    [
        "Troops massed the day before.",
        "They withdrew the previous day.",
        "They withdrew the following day.",
        "They returned two days later.",
        "They had left a week earlier.",
    ],
)
def test_dates_counted_from_another_date_stay_unresolved(text: str) -> None:
    assert scan_dates(text, WEDNESDAY) == DateScan(found=[], rejected=[])


def test_a_weekday_counted_from_another_date_is_not_read_from_publication() -> None:
    text = "Troops crossed on Saturday and withdrew the following Monday."
    assert found(text) == [("Saturday", date(2024, 2, 3), None, "day")]
    assert rejected(text) == []
