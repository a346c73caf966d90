"""Swedish public holidays, for "öppet nu": a place is closed on them unless it says otherwise.

Counted: the public holidays of lagen (1989:253) om allmänna helgdagar except Sundays, and the
three eves that the Annual Leave Act and most agreements treat as Sundays (midsommarafton,
julafton, nyårsafton), when most meeting places are closed. Computed here rather than taken
from a library so that the list is exactly this and the build stays reproducible.
"""

from __future__ import annotations

from datetime import date, timedelta

from commonmap.records.directory import Directory

# Years around the directory's newest review that the finder gets holidays for: a site built
# from the same directory is byte-identical whenever it is built, so the build's own date is
# never used.
YEARS_BEFORE = 1
YEARS_AFTER = 2


def easter(year: int) -> date:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    day = (h + l_ - 7 * m + 33 * month + 19) % 32
    return date(year, month, day)


def _saturday_between(start: date) -> date:
    """The Saturday in the seven days from `start` (midsommardagen, alla helgons dag)."""
    return start + timedelta(days=(5 - start.weekday()) % 7)


def swedish_holidays(year: int) -> dict[date, str]:
    """The holidays of a year with their Swedish names, in date order."""
    sunday = easter(year)
    midsummer = _saturday_between(date(year, 6, 20))
    found = {
        date(year, 1, 1): "nyårsdagen",
        date(year, 1, 6): "trettondedag jul",
        sunday - timedelta(days=2): "långfredagen",
        sunday: "påskdagen",
        sunday + timedelta(days=1): "annandag påsk",
        sunday + timedelta(days=39): "Kristi himmelsfärds dag",
        date(year, 5, 1): "första maj",
        sunday + timedelta(days=49): "pingstdagen",
        date(year, 6, 6): "Sveriges nationaldag",
        midsummer - timedelta(days=1): "midsommarafton",
        midsummer: "midsommardagen",
        _saturday_between(date(year, 10, 31)): "alla helgons dag",
        date(year, 12, 24): "julafton",
        date(year, 12, 25): "juldagen",
        date(year, 12, 26): "annandag jul",
        date(year, 12, 31): "nyårsafton",
    }
    return dict(sorted(found.items()))


def holiday_years(directory: Directory) -> range:
    """The years the site knows holidays for, from the newest `last_reviewed` (not today)."""
    reviewed = [entry.record.reviewed for entry in directory.entries.values()]
    year = max(reviewed).year if reviewed else 2000
    return range(year - YEARS_BEFORE, year + YEARS_AFTER + 1)


def holiday_dates(years: range) -> list[str]:
    """Every holiday of the years as ÅÅÅÅ-MM-DD, sorted."""
    return [day.isoformat() for year in years for day in swedish_holidays(year)]
