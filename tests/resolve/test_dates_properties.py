"""Properties of date resolution: no text and no publication date make it raise, what it resolves lies
in the range it promises, and dates built from a generated day resolve to that day."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from whodid.resolve.dates import FIRST_YEAR, LAST_YEAR, find_dates, scan_dates

settings.register_profile("dates", max_examples=150, deadline=None)
# Every date the calendar has, and none: a caller may pass any of them. Its first and last days are
# drawn often, where counting days or years from publication runs off the calendar.
any_publication = st.none() | st.sampled_from([date.min, date.max, date(9999, 12, 28)]) | st.dates()
# Dates the module resolves phrases to: FIRST_YEAR to LAST_YEAR.
sane_days = st.dates(min_value=date(FIRST_YEAR, 1, 1), max_value=date(LAST_YEAR, 12, 31))
# Publication dates whose week before stays in the sane range.
publications = st.dates(min_value=date(FIRST_YEAR + 1, 1, 1), max_value=date(LAST_YEAR, 12, 31))
WORDS = (
    "on", "in", "since", "last", "next", "this", "week", "month", "year", "ago", "days", "weeks", "months",
    "years", "yesterday", "tomorrow", "today", "the", "day", "before", "after", "following", "early", "mid",
    "late", "earlier", "later", "of", "Monday", "Sunday", "February", "Feb.", "May", "Sept.", "December",
    "1850", "1900", "1999", "2024", "2100", "2150", "1990s", "31", "29", "7th", "12", "99", "-", "–", "to",
    "and", "2024-02-29", "2023-02-29", "0000-00-00", "9999-12-31", "a", "ten", ",", ".",
)  # fmt: skip
PHRASES = (
    "yesterday", "tomorrow", "3 days ago", "ten years ago", "last week", "next week", "next month",
    "next year", "later this year", "on 7 February", "in March", "on Monday", "next Monday", "in 2024",
    "since October", "late last year", "February 7, 2024", "the 1990s", "earlier this month",
)  # fmt: skip
# Text made of date phrases and the words they are made of, so that phrases come up often.
date_like_text = st.lists(
    st.sampled_from(PHRASES) | st.sampled_from(WORDS) | st.text(max_size=6), max_size=16
).map(" ".join)
A_YEAR_AND_A_DAY = timedelta(days=367)


def a_calendar_year_after(day: date) -> date:
    """The same day a year later (29 February: 1 March): the latest date a text may announce. After a
    leap day's year it is 366 days on, so a fixed count of days would disagree by one."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return date(day.year + 1, 3, 1)


@settings(settings.get_profile("dates"))
@given(text=date_like_text | st.text(), published=any_publication)
def test_no_text_and_no_publication_date_make_it_raise(text: str, published: date | None) -> None:
    scan = scan_dates(text, published, offset=3)
    for ref in scan.found:
        assert text[ref.span[0] - 3 : ref.span[1] - 3] == ref.text
    for refusal in scan.rejected:
        assert text[refusal.span[0] - 3 : refusal.span[1] - 3] == refusal.text
        assert refusal.reason


@settings(settings.get_profile("dates"))
@given(text=date_like_text, published=st.none() | publications)
def test_resolved_dates_lie_in_the_promised_range(text: str, published: date | None) -> None:
    for ref in find_dates(text, published):
        assert ref.date.year >= FIRST_YEAR
        if published is None:
            assert ref.date.year <= LAST_YEAR
        else:
            assert ref.date <= published + A_YEAR_AND_A_DAY  # a year ahead at most: an announced plan
        assert ref.date_end is None or ref.date_end >= ref.date


@settings(settings.get_profile("dates"))
@given(day=sane_days, published=st.none() | publications)
@example(day=date(1989, 1, 20), published=date(1988, 1, 19))  # 367 days on, a day past a calendar year
@example(day=date(1989, 3, 1), published=date(1988, 2, 29))
def test_an_iso_date_resolves_to_its_day(day: date, published: date | None) -> None:
    text = f"The curfew was lifted on {day.isoformat()}, officials said."
    expected = [(day.isoformat(), day, None, "day")]
    if published is not None and day > a_calendar_year_after(published):
        expected = []  # too far ahead of publication: rejected
    assert [(r.text, r.date, r.date_end, r.precision) for r in find_dates(text, published)] == expected


@settings(settings.get_profile("dates"))
@given(day=sane_days, abbreviated=st.booleans())
def test_a_day_month_year_phrase_resolves_to_its_day(day: date, abbreviated: bool) -> None:
    month = calendar.month_abbr[day.month] + "." if abbreviated else calendar.month_name[day.month]
    if month == "May.":
        month = "May"  # May has no shorter name
    phrase = f"{day.day} {month} {day.year}"
    [ref] = find_dates(f"Talks broke down on {phrase} in the capital.", None)
    assert (ref.text, ref.date, ref.date_end, ref.precision) == (phrase, day, None, "day")


@settings(settings.get_profile("dates"))
@given(published=publications, days=st.integers(1, 99))
def test_n_days_ago_is_n_days_before_publication(published: date, days: int) -> None:
    [ref] = find_dates(f"The convoy was attacked {days} days ago.", published)
    assert (ref.date, ref.precision) == (published - timedelta(days=days), "day")


@settings(settings.get_profile("dates"))
@given(published=publications, weekday=st.sampled_from(list(calendar.day_name)))
def test_a_bare_weekday_is_the_latest_such_day_not_after_publication(published: date, weekday: str) -> None:
    [ref] = find_dates(f"Gunmen struck on {weekday}.", published)
    assert calendar.day_name[ref.date.weekday()] == weekday
    assert published - timedelta(days=6) <= ref.date <= published


@settings(settings.get_profile("dates"))
@given(published=publications)
def test_yesterday_and_last_week_lie_before_publication(published: date) -> None:
    [yesterday] = find_dates("Protesters marched yesterday.", published)
    assert yesterday.date == published - timedelta(days=1)
    [last_week] = find_dates("Protesters marched last week.", published)
    assert last_week.date_end is not None and last_week.date_end < published
    assert published - last_week.date < timedelta(days=14)


# -- examples the properties found ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "reason"),
    [
        ("They met yesterday.", date.min, "yesterday counted from publication (0001-01-01) falls outside"),
        ("It ended 3 days ago.", date.min, "falls outside the calendar"),
        ("It began 10 years ago.", date(5, 6, 7), "falls outside the calendar"),
        ("Talks resume next week.", date.max, "falls outside the calendar"),
        ("Envoys arrive tomorrow.", date.max, "falls outside the calendar"),
        ("It was signed on Monday.", date.max, "year 9999 is after 2100"),
    ],
)
def test_counting_off_the_calendar_from_publication_is_rejected_not_raised(
    text: str, published: date, reason: str
) -> None:
    scan = scan_dates(text, published)
    assert scan.found == []
    [refusal] = scan.rejected
    assert reason in refusal.reason


def test_a_year_in_the_text_is_judged_against_a_publication_date_in_the_last_calendar_year() -> None:
    [ref] = find_dates("Attacks rose in 2024.", date.max)
    assert (ref.date, ref.date_end) == (date(2024, 1, 1), date(2024, 12, 31))
