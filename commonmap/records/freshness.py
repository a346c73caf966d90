"""Sources that tell their age: a record whose newest dated source is old says so.

Only a source with a `year` (a page's own date, as the page states it) is dated; a text source
such as a seed file has no year and never makes a record old or new. The newest dated source
counts: facts confirmed on a recent page are not old because an older page said them first.
"""

from __future__ import annotations

from datetime import date

from commonmap.records.model import Record
from commonmap.records.parts import SourceLink

MAX_AGE_YEARS = 2  # a page more than two years older than today is old


def newest_source_year(record: Record) -> int | None:
    years = [s.year for s in record.sources if isinstance(s, SourceLink) and s.year is not None]
    return max(years) if years else None


def old_source_year(record: Record, today: date) -> int | None:
    """The year of the record's newest dated source when that is more than MAX_AGE_YEARS before
    today's year, else None (recent, or no dated source)."""
    year = newest_source_year(record)
    return year if year is not None and today.year - year > MAX_AGE_YEARS else None
