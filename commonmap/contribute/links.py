"""`commonmap links`: the records' web addresses checked before residents find them dead.

Each address is asked with HEAD, then GET when a server refuses HEAD; one request at a time per
host with a pause between them (polite to small associations' servers); answers are kept in a
cache for a week so that a weekly run asks each site once. Problems are printed in the same
`FILE:LINE:COL` form as `commonmap validate`. Only an address that is gone (404, 410) is an error:
a slow or failing server is a warning, so that a pull request never fails for someone else's
bad day.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from commonmap.base import clock
from commonmap.records.directory import Directory
from commonmap.records.loader import load_file
from commonmap.records.problems import Problem

URL_FIELDS = ("website", "url")
TIMEOUT = 10.0  # seconds per request
PAUSE = 1.0  # seconds between two requests to the same host
CACHE_DAYS = 7
USER_AGENT = "commonmap-links/1.0 (Gemensam karta; kontroll av länkar i katalogen)"
GONE = {404, 410}
# Servers that do not answer HEAD as they answer GET: ask again with GET.
HEAD_REFUSED = {400, 403, 405, 501}


@dataclass(frozen=True)
class Link:
    url: str
    file: str
    line: int
    col: int


@dataclass(frozen=True)
class Answer:
    """What a server said: a status (0 when nothing came back), where it moved, or why it failed."""

    status: int
    location: str = ""
    reason: str = ""


Fetch = Callable[[str, str], Answer]


def links_of(directory: Directory) -> list[Link]:
    """Every web address in the records (websites and source URLs), at its place in the file."""
    found: list[Link] = []
    for entry in directory.entries.values():
        loaded, _ = load_file(directory.root.parent / entry.file, entry.file)
        if loaded is not None:
            found += [Link(url, entry.file, *loaded.values[path]) for path, url in _urls(loaded.data, ())]
    return found


def _urls(value: object, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _urls(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _urls(child, (*path, index))
    elif isinstance(value, str) and value.startswith(("http://", "https://")) and _is_address(path):
        yield path, value


def _is_address(path: tuple) -> bool:
    return path[-1] in URL_FIELDS or path[:1] == ("sources",)


def fetch(url: str, method: str) -> Answer:
    """One request, without following redirects (a moved page is worth telling)."""
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=TIMEOUT) as response:
            return Answer(response.status)
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers.get("Location", ""))
    except TimeoutError:
        return Answer(0, reason="timeout")
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        return Answer(0, reason="timeout" if isinstance(reason, TimeoutError) else str(reason)[:80])


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003 - urllib's signature
        return None


def ask(url: str, get: Fetch = fetch) -> Answer:
    answer = get(url, "HEAD")
    refused = answer.status in HEAD_REFUSED or (answer.status == 0 and answer.reason != "timeout")
    return get(url, "GET") if refused else answer  # a slow server is not asked twice


def check(
    links: list[Link], get: Fetch = fetch, cache: dict[str, dict] | None = None, pause: float = PAUSE
) -> list[Problem]:
    """The problems of a list of links: hosts are checked side by side, each host's URLs in turn."""
    cache = {} if cache is None else cache
    today = clock.today()
    by_host: dict[str, list[str]] = {}
    for url in dict.fromkeys(link.url for link in links):
        by_host.setdefault(urlsplit(url).hostname or "", []).append(url)

    def host_answers(urls: list[str]) -> dict[str, Answer]:
        answers = {}
        for index, url in enumerate(urls):
            if (kept := _cached(cache, url, today)) is not None:
                answers[url] = kept
                continue
            if index:
                time.sleep(pause)
            answers[url] = ask(url, get)
            cache[url] = {"status": answers[url].status, "location": answers[url].location,
                          "reason": answers[url].reason, "checked": today.isoformat()}  # fmt: skip
        return answers

    answers: dict[str, Answer] = {}
    with ThreadPoolExecutor(max_workers=4) as pool:
        for part in pool.map(host_answers, by_host.values()):
            answers.update(part)
    return [p for link in links if (p := problem(link, answers[link.url])) is not None]


def _cached(cache: dict[str, dict], url: str, today: date) -> Answer | None:
    kept = cache.get(url)
    if not kept or date.fromisoformat(kept["checked"]) < today - timedelta(days=CACHE_DAYS):
        return None
    return Answer(kept["status"], kept.get("location", ""), kept.get("reason", ""))


def problem(link: Link, answer: Answer) -> Problem | None:
    """How an answer is classified: gone is an error; moved, failing and silent are warnings."""
    where = (link.file, link.line, link.col)
    params = {"url": link.url, "status": answer.status, "location": answer.location, "reason": answer.reason}
    if 200 <= answer.status < 300:
        return None
    if answer.status in GONE:
        return Problem(*where, "link-gone", params)
    if 300 <= answer.status < 400:
        return Problem(*where, "link-moved", params)
    if answer.status >= 400:
        return Problem(*where, "link-failing", params)
    code = "link-timeout" if answer.reason == "timeout" else "link-unreachable"
    return Problem(*where, code, params)


def read_cache(path: Path | None) -> dict[str, dict]:
    if path is None or not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a damaged cache only means asking again
    return data if isinstance(data, dict) else {}


def write_cache(path: Path | None, cache: dict[str, dict]) -> None:
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(cache, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
