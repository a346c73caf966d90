"""The program's one clock: every "today" (validation, `new`, `stale`, the site build, the exports)
comes from here, so that a test, a reproducible build or a user can set it.

In order: `COMMONMAP_TODAY` (an ISO date, also what `--today` sets), `SOURCE_DATE_EPOCH` (the
reproducible-builds convention, seconds since 1970, read as a UTC date), then the system's date.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

ENV = "COMMONMAP_TODAY"


class ClockError(ValueError):
    """The date set in the environment cannot be read; the message says which variable and why."""


def today() -> date:
    return _from_environment() or date.today()


def pin(value: str) -> None:
    """Set "today" for this process and the processes it starts (the CLI's `--today`)."""
    os.environ[ENV] = parse(value, "--today").isoformat()


def parse(value: str, source: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ClockError(f"{source}: '{value}' är inget datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2027-01-31") from None


def _from_environment() -> date | None:
    if value := os.environ.get(ENV, "").strip():
        return parse(value, ENV)
    if (epoch := os.environ.get("SOURCE_DATE_EPOCH", "").strip()).isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return None
