"""Date phrases in news text, resolved against the publication date.

Rule-based: one regular expression per form, each with a resolver. A phrase's span leaves out a leading
preposition ("on", "in", "since") and the "the" of a decade ("in the 1990s" is "1990s"), but keeps words
that change its meaning ("late", "last", "mid-").

Nothing is guessed: with no publication date, phrases that need one ("yesterday", "7 February") stay
unresolved, and so do phrases counted from another date in the text ("the day before", "the following
Monday"). Impossible or absurd dates ("31 February", "2024-13-01", "in 1850", "in 2031" in a 2024
article) are rejected with a reason, which `scan_dates` reports; so are phrases counted off the calendar
from a publication date at its edge ("yesterday" on 1 January of year 1).

"since X" runs from X's first day to the publication date at X's precision; its span is X alone, like
any other leading preposition. With no publication date, or when X starts after it, X keeps its own range.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date, timedelta

from whodid.records import DateRef, Span

Resolved = tuple[date, date | None, str]  # first day, last day (None for a single day), precision

MONTHS: dict[str, int] = {
    **{name.lower(): number for number, name in enumerate(calendar.month_name) if name},
    **{name.lower(): number for number, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}
WEEKDAYS: dict[str, int] = {name.lower(): number for number, name in enumerate(calendar.day_name)}
SCHEDULED_DAYS = 7  # a yearless date may lie this many days after publication (announced events)
FIRST_YEAR, LAST_YEAR = 1900, 2100
# A bare year out of FIRST_YEAR..LAST_YEAR is read as a year only after these: "in 1850" is a date,
# "a crowd of 1500" a number.
YEAR_PREPOSITIONS = frozenset({"in", "since", "during", "until", "till", "throughout"})

# Month names must be capitalised: "may" the verb is not May. Full names before abbreviations.
# Only abbreviations take a dot, so a sentence's full stop stays out of "in February."
_MONTH = (
    r"(?P<month>(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# Wider than FIRST_YEAR..LAST_YEAR so that "in 1850" and "March 2150" are seen, then rejected.
_YEAR = r"(?P<year>1\d{3}|2[01]\d\d)"
_PART_WORDS = r"(?i:early|late|mid|the\s+middle\s+of|the\s+end\s+of|the\s+beginning\s+of)"
_PART = rf"(?P<part>{_PART_WORDS})"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PREPOSITION = r"(?i:in|on|since|by|of|until|till|from|during|through|throughout|before|after)"
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class RejectedDate:
    """A date-shaped phrase that names no acceptable date, and why."""

    text: str
    span: Span
    reason: str


@dataclass(slots=True)
class DateScan:
    """Everything a scan saw: resolved dates and rejected phrases, each in text order."""

    found: list[DateRef]
    rejected: list[RejectedDate]


@dataclass(frozen=True, slots=True)
class _Rejection:
    reason: str


# A resolver's outcome; None is a phrase left unresolved (it needs a publication date or another date).
Outcome = Resolved | _Rejection | None
Resolver = Callable[[re.Match[str], date | None], Outcome]


@dataclass(frozen=True, slots=True)
class _Form:
    pattern: re.Pattern[str]
    resolve: Resolver


# --- calendar helpers ----------------------------------------------------------------------------


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _exact_day(year: int, month: int, day: int) -> Resolved | _Rejection:
    if not 1 <= month <= 12:
        return _Rejection(f"there is no month {month}")
    if year < MINYEAR:
        return _too_early(year)
    found = _day(year, month, day)
    if found is None:
        return _Rejection(f"{calendar.month_name[month]} {year} has no day {day}")
    return found, None, "day"


def _too_early(year: int) -> _Rejection:
    return _Rejection(f"year {year} is before {FIRST_YEAR}")


def _longest_month(month: int) -> int:
    return calendar.monthrange(2000, month)[1]  # 2000 is a leap year: February has 29 days


def _a_year_after(day: date) -> date:
    if day.year == MAXYEAR:
        return date.max
    return _day(day.year + 1, day.month, day.day) or date(day.year + 1, 3, 1)  # 29 February: 1 March


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _week_range(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _add_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _latest_year(published: date, month: int, day: int) -> date | None:
    """The most recent month-day no more than SCHEDULED_DAYS after publication (leap days look back)."""
    latest = published + timedelta(days=SCHEDULED_DAYS)
    for year in range(published.year + 1, published.year - 8, -1):
        candidate = _day(year, month, day)
        if candidate is not None and candidate <= latest:
            return candidate
    return None


def _part_of_month(part: str | None, year: int, month: int) -> tuple[date, date]:
    """Early is days 1-10, mid 11-20, late 21 to the end; no part is the whole month."""
    first, last = _month_range(year, month)
    kind = _part_kind(part)
    if kind == "early":
        return first, first.replace(day=10)
    if kind == "mid":
        return first.replace(day=11), first.replace(day=20)
    if kind == "late":
        return first.replace(day=21), last
    return first, last


def _part_of_year(part: str | None, year: int) -> tuple[date, date]:
    """Early is January-April, mid May-August, late September-December."""
    kind = _part_kind(part)
    if kind == "early":
        return date(year, 1, 1), date(year, 4, 30)
    if kind == "mid":
        return date(year, 5, 1), date(year, 8, 31)
    if kind == "late":
        return date(year, 9, 1), date(year, 12, 31)
    return date(year, 1, 1), date(year, 12, 31)


def _part_kind(part: str | None) -> str | None:
    if part is None:
        return None
    words = part.lower().split()
    if words[0] == "early" or "beginning" in words:
        return "early"
    if words[0] == "mid" or "middle" in words:
        return "mid"
    return "late"  # "late", "the end of"


def _group(match: re.Match[str], name: str) -> str | None:
    return match.groupdict().get(name)


def _month_of(match: re.Match[str]) -> int:
    return MONTHS[match.group("month").rstrip(".").lower()]


# --- resolvers -----------------------------------------------------------------------------------


def _iso_date(match: re.Match[str], published: date | None) -> Outcome:
    return _exact_day(int(match.group("year")), int(match.group("month")), int(match.group("day")))


def _calendar_day(match: re.Match[str], published: date | None) -> Outcome:
    """'7 February 2024', 'February 7', '7th of February': a year in the text, or the latest fitting one."""
    month, day = _month_of(match), int(match.group("day"))
    year = _group(match, "year")
    if year is not None:
        return _exact_day(int(year), month, day)
    if not 1 <= day <= _longest_month(month):  # impossible in any year, publication date or not
        return _Rejection(f"{calendar.month_name[month]} has no day {day}")
    found = _latest_year(published, month, day) if published is not None else None
    return (found, None, "day") if found is not None else None


def _day_range(match: re.Match[str], published: date | None) -> Outcome:
    """'7-9 February (2024)': the days of the range, precision day."""
    last = _calendar_day(match, published)
    if not isinstance(last, tuple):
        return last
    first = _day(last[0].year, last[0].month, int(match.group("first")))
    if first is None or first >= last[0]:
        return None
    return first, last[0], "day"


def _calendar_month(match: re.Match[str], published: date | None) -> Outcome:
    """'September 2023', 'mid-January', 'earlier in March': a year in the text, or the latest fitting one."""
    month = _month_of(match)
    year = _group(match, "year")
    if year is None:
        if published is None:
            return None
        latest = _latest_year(published, month, 1)
        if latest is None:
            return None
        year = str(latest.year)
    first, last = _part_of_month(_group(match, "part"), int(year), month)
    if published is not None:
        first, last = _narrow_to_publication(_group(match, "side"), first, last, published)
    return first, last, "month"


def _calendar_year(match: re.Match[str], published: date | None) -> Outcome:
    year, part = int(match.group("year")), _group(match, "part")
    lead = (_group(match, "lead") or "").lower()
    if part is None and lead not in YEAR_PREPOSITIONS and not FIRST_YEAR <= year <= LAST_YEAR:
        return None  # "a crowd of 1500": a number, not a year to reject
    first, last = _part_of_year(part, year)
    return first, last, "year"


def _decade(match: re.Match[str], published: date | None) -> Outcome:
    """'the 1990s' is 1990-1999; early is its first four years, mid years 3-6, late its last four."""
    start = int(match.group("decade"))
    first, last = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(
        _part_kind(_group(match, "part")), (0, 9)
    )
    return date(start + first, 1, 1), date(start + last, 12, 31), "year"  # no coarser precision exists


def _relative_day(match: re.Match[str], published: date | None) -> Outcome:
    if published is None:
        return None
    words = match.group("relday").lower().split()
    step = 2 if words[0] == "the" else 1  # "the day before yesterday", "the day after tomorrow"
    if words[-1] == "yesterday" or words == ["last", "night"]:
        return published - timedelta(days=step), None, "day"
    if words[-1] == "tomorrow":
        return published + timedelta(days=step), None, "day"
    return published, None, "day"  # today, tonight, this morning ...


def _counted_from_another_date(match: re.Match[str], published: date | None) -> Outcome:
    """'the day before', 'the following Monday': their anchor is another date, not publication."""
    return None


def _weekday(match: re.Match[str], published: date | None) -> Outcome:
    """'Saturday' is the latest Saturday on or before publication; 'last'/'next' move off today."""
    if published is None:
        return None
    wanted = WEEKDAYS[match.group("weekday").lower()]
    which = (_group(match, "which") or "").lower()
    back = (published.weekday() - wanted) % 7
    if which == "next":
        return published + timedelta(days=(7 - back) % 7 or 7), None, "day"
    if which == "last" and back == 0:
        back = 7
    return published - timedelta(days=back), None, "day"


def _relative_period(match: re.Match[str], published: date | None) -> Outcome:
    """'last week', 'earlier this month', 'late last year': a range around the publication date."""
    if published is None:
        return None
    shift = {"last": -1, "this": 0, "next": 1}[match.group("which").lower()]
    unit = match.group("unit").lower()
    if unit == "week":
        first, last = _week_range(published + timedelta(weeks=shift))
    elif unit == "month":
        first, last = _part_of_month(_group(match, "part"), *_add_months(published, shift))
    else:
        first, last = _part_of_year(_group(match, "part"), published.year + shift)
    first, last = _narrow_to_publication(_group(match, "side"), first, last, published)
    return first, last, unit


def _narrow_to_publication(side: str | None, first: date, last: date, published: date) -> tuple[date, date]:
    """'earlier this week' ends at publication; 'later this week' starts there."""
    if side is None:
        return first, last
    if side.lower() == "earlier":
        return first, max(first, min(last, published))
    return min(last, max(first, published)), last


def _time_ago(match: re.Match[str], published: date | None) -> Outcome:
    """'three days ago' is a day; 'two weeks ago' the week, month or year it falls in."""
    if published is None:
        return None
    amount_text = match.group("amount").lower()
    amount = int(amount_text) if amount_text.isdigit() else _NUMBER_WORDS[amount_text]
    unit = match.group("unit").lower().rstrip("s")
    if unit == "day":
        return published - timedelta(days=amount), None, "day"
    if unit == "week":
        return (*_week_range(published - timedelta(weeks=amount)), "week")
    if unit == "month":
        return (*_month_range(*_add_months(published, -amount)), "month")
    return date(published.year - amount, 1, 1), date(published.year - amount, 12, 31), "year"


# --- the forms -----------------------------------------------------------------------------------

# A bare month or year counts only after a preposition or with a part: "in March", "late 2019",
# never "188 operations" or "Tower 22".
_LEAD = rf"(?:\b(?P<lead>{_PREPOSITION})\s+|\b(?={_PART_WORDS}[\s-]))"
_PARTED = rf"(?:{_PART}[\s-]+(?:of\s+)?)?"


def _form(pattern: str, resolve: Resolver) -> _Form:
    return _Form(re.compile(pattern), resolve)


_FORMS: tuple[_Form, ...] = (
    _form(r"(?<![\d-])(?P<phrase>(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d))(?![\d-])", _iso_date),
    _form(
        rf"\b(?P<phrase>(?P<first>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*{_DAY}\s+(?:of\s+)?{_MONTH}"
        rf"(?:,?\s+{_YEAR}\b)?)",
        _day_range,
    ),
    _form(rf"\b(?P<phrase>{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?)", _calendar_day),
    _form(rf"\b(?P<phrase>{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?)", _calendar_day),
    _form(rf"\b(?P<phrase>{_PARTED}{_MONTH},?\s+(?:of\s+)?{_YEAR})\b", _calendar_month),
    _form(
        rf"(?:{_LEAD}|\b(?=(?i:earlier|later)\s+in\s))"
        rf"(?P<phrase>(?:(?P<side>(?i:earlier|later))\s+(?i:in)\s+)?{_PARTED}{_MONTH})",
        _calendar_month,
    ),
    _form(rf"{_LEAD}(?P<phrase>{_PARTED}{_YEAR})\b", _calendar_year),
    _form(
        rf"\b(?P<phrase>(?:{_PART}[\s-]+(?:of\s+)?(?:the\s+)?)?(?P<decade>1\d{{2}}0|2[01]\d0)['’]?s)\b",
        _decade,
    ),
    _form(
        r"(?i)\b(?P<phrase>(?P<relday>(?:the\s+day\s+before\s+)?yesterday|(?:the\s+day\s+after\s+)?tomorrow"
        r"|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening)|earlier\s+today))\b",
        _relative_day,
    ),
    _form(
        r"(?i)\b(?P<phrase>the\s+day\s+(?:before|after)|the\s+(?:previous|following|next|same)\s+day"
        r"|the\s+(?:previous|following|next)\s+(?:morning|afternoon|evening|night)"
        rf"|the\s+(?:previous|following)\s+(?:week|month|year|{_WEEKDAY})"
        r"|(?:\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:days?|weeks?|months?|years?)"
        r"\s+(?:earlier|later|before|after))\b",
        _counted_from_another_date,
    ),
    _form(rf"\b(?P<phrase>(?:(?P<which>(?i:last|next|this))\s+)?{_WEEKDAY})\b", _weekday),
    _form(
        rf"\b(?P<phrase>(?:(?P<side>(?i:earlier|later))\s+|{_PART}[\s-]+)?"
        r"(?P<which>(?i:last|this|next))\s+(?P<unit>(?i:week|month|year)))\b",
        _relative_period,
    ),
    _form(
        r"(?i)\b(?P<phrase>(?P<amount>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
        r"(?P<unit>days?|weeks?|months?|years?)\s+ago)\b",
        _time_ago,
    ),
)


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    outcome: Outcome


_SINCE = re.compile(r"(?i)(?:^|\W)since\s+(?:the\s+)?$")


def scan_dates(text: str, published: date | None, offset: int = 0) -> DateScan:
    """Every date phrase in text, resolved against the publication date or rejected, in text order.

    Where phrases overlap the longest wins, whatever its outcome: "31 February 2024" is rejected whole
    and gives no "February 2024"; "the following Monday" stays unresolved and gives no "Monday".
    Unresolved phrases appear in neither list. Spans are shifted by offset.
    """
    scan = DateScan(found=[], rejected=[])
    for chosen in sorted(_longest_first(list(_candidates(text, published))), key=lambda found: found.start):
        phrase, span = text[chosen.start : chosen.end], (chosen.start + offset, chosen.end + offset)
        if isinstance(chosen.outcome, _Rejection):
            scan.rejected.append(RejectedDate(text=phrase, span=span, reason=chosen.outcome.reason))
        elif chosen.outcome is not None:
            first, last, precision = chosen.outcome
            scan.found.append(DateRef(text=phrase, span=span, date=first, date_end=last, precision=precision))
    return scan


def find_dates(text: str, published: date | None, offset: int = 0) -> list[DateRef]:
    """The resolved dates of `scan_dates`, for callers that do not need the rejections."""
    return scan_dates(text, published, offset).found


def _candidates(text: str, published: date | None) -> Iterator[_Candidate]:
    for form in _FORMS:
        for match in form.pattern.finditer(text):
            start, end = match.span("phrase")
            yield _Candidate(start, end, _outcome(form, match, text, published))


def _outcome(form: _Form, match: re.Match[str], text: str, published: date | None) -> Outcome:
    start, end = match.span("phrase")
    try:
        outcome = _checked(form.resolve(match, published), text[start:end], published)
        if isinstance(outcome, tuple) and published is not None and _after_since(text, start):
            outcome = _since(outcome, published)
        return outcome
    except (OverflowError, ValueError):
        # Only date arithmetic raises these: counting from a publication date at the calendar's edge
        # ("yesterday" on 1 January of year 1, "next week" in 9999) runs off the calendar.
        phrase = text[start:end]
        return _Rejection(f"{phrase} counted from publication ({published}) falls outside the calendar")


def _after_since(text: str, start: int) -> bool:
    return _SINCE.search(text[max(0, start - 16) : start]) is not None


def _checked(outcome: Outcome, phrase: str, published: date | None) -> Outcome:
    """Rejects a date before FIRST_YEAR, or more than a year after publication (a few months ahead can
    be an announced plan), or after LAST_YEAR when there is no publication date to judge by."""
    if not isinstance(outcome, tuple):
        return outcome
    first = outcome[0]
    if first.year < FIRST_YEAR:
        return _too_early(first.year)
    if published is not None and first > _a_year_after(published):
        return _Rejection(f"{phrase} is more than a year after publication ({published.isoformat()})")
    if first.year > LAST_YEAR:
        return _Rejection(f"year {first.year} is after {LAST_YEAR}")
    return outcome


def _since(resolved: Resolved, published: date) -> Resolved:
    """'since October': October's first day to publication, at October's precision."""
    first, _, precision = resolved
    if published < first:
        return resolved  # starts after publication: there is no run up to it to describe
    if published == first and precision == "day":
        return first, None, precision
    return first, published, precision


def _longest_first(candidates: list[_Candidate]) -> list[_Candidate]:
    chosen: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda found: (found.start - found.end, found.start)):
        if all(candidate.end <= kept.start or kept.end <= candidate.start for kept in chosen):
            chosen.append(candidate)
    return chosen
