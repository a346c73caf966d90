"""How the pages say things in words: dates, periods, opening hours and phone links, shared by
the record pages and the finder."""

from __future__ import annotations

from datetime import date
from functools import cache

import phonenumbers
from babel.dates import format_date

from commonmap.base import ui
from commonmap.records.parts import Hours

DAYS = ["mo", "tu", "we", "th", "fr", "sa", "su"]


@cache
def swedish_date(value: str) -> str:
    """'2021-11-10' → '10 november 2021'; partial dates ('2009', '2011-06') stay readable."""
    parts = value.split("-")
    if len(parts) == 3:
        return format_date(date.fromisoformat(value), format="long", locale="sv")
    if len(parts) == 2:
        return format_date(date(int(parts[0]), int(parts[1]), 1), format="LLLL y", locale="sv")
    return value


def period_text(period) -> str:
    if period is None:
        return ""
    start = swedish_date(period.start)
    return f"{start} – {swedish_date(period.end)}" if period.end else f"{ui.t('from')} {start}"


def hours_text(hours: Hours) -> str:
    """'fredag och lördag 21:00–01:00 (över midnatt)' in plain Swedish; 00:00–00:00, a whole day
    from midnight, is 'måndag–söndag dygnet runt'."""
    days = day_ranges(hours.days)
    if round_the_clock(hours):
        return f"{days} {ui.t('round_the_clock')}"
    text = f"{days} {hours.opens}–{hours.closes}"
    if hours.closes <= hours.opens:
        text += f" ({ui.t('past_midnight')})"
    return text


def round_the_clock(hours: Hours) -> bool:
    """Open the whole of each of its days: from midnight to midnight."""
    return hours.opens == hours.closes == "00:00"


def day_ranges(days: list[str]) -> str:
    """Consecutive days as ranges: ['mo','tu','we','fr'] → 'måndag–onsdag och fredag'."""
    indexes = sorted({DAYS.index(d) for d in days})
    runs: list[list[int]] = []
    for index in indexes:
        if runs and index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    names: list[str] = []
    for run in runs:
        if len(run) >= 3:
            names.append(f"{_day(run[0])}–{_day(run[-1])}")
        else:
            names += [_day(index) for index in run]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]


def _day(index: int) -> str:
    return ui.t(f"day.{DAYS[index]}")


@cache
def tel_href(number: str) -> str:
    """A `tel:` link in E.164 where possible; the number is shown as typed elsewhere."""
    try:
        parsed = phonenumbers.parse(number, "SE")
    except phonenumbers.NumberParseException:
        return "tel:" + "".join(c for c in number if c.isdigit() or c == "+")
    if phonenumbers.is_valid_number(parsed):
        return "tel:" + phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return "tel:" + "".join(c for c in number if c.isdigit())
