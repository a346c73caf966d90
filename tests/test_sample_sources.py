"""Every fact of the sample directory traces to a public page or a seed file (issue 15).

Each record has at least one source; each source is a web page (a `url`, or a text that is a
web address), names one of the seed files in ../shared/seeds/, or names the directory's own
areas file (`directory/areas.geojson`, whence an approximate point inside an area is taken);
every web address, in sources and in contact.website, is absolute https. Free text ("allmänt
känd uppgift: ...") is not a source a reader can check.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from commonmap.records.checks import URL_LIKE
from commonmap.records.parts import SourceLink
from commonmap.records.validate import read_directory
from tests.support.directories import TODAY
from tests.support.sites import ROOT
from tests.test_sample import SEEDS

SEED_FILE = re.compile(r"^seeds/(\d{3}_[0-9a-f]{16})\.txt\b")
AREAS_FILE = "directory/areas.geojson"  # in the repository, with its provenance in README.md
ANY_URL = re.compile(r"[a-z][a-z0-9+.-]*://\S+|www\.\S+", re.IGNORECASE)


def https(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme == "https" and bool(parts.hostname) and not any(c.isspace() for c in url)


def source_problem(source: object) -> str | None:
    """Why a source is not one a reader can check, or None."""
    if isinstance(source, SourceLink):
        return None if https(source.url) else f"not absolute https: {source.url}"
    text = str(source)
    if URL_LIKE.match(text):
        return None if https(text.strip()) else f"not absolute https: {text}"
    seed = SEED_FILE.match(text)
    if seed is None and not text.startswith(AREAS_FILE):
        return f"neither a web page nor a seed file: {text}"
    if seed is not None and seed.group(1) not in SEEDS:
        return f"no such seed file: {text}"
    for url in ANY_URL.findall(text):
        if not https(url):
            return f"a web address in the text that is not absolute https: {url}"
    return None


def test_every_sample_record_has_checkable_sources_and_https_urls() -> None:
    directory, _ = read_directory(ROOT / "directory", today=TODAY)
    problems = []
    for entry in directory.entries.values():
        record = entry.record
        if not record.sources:
            problems.append((entry.file, "no source"))
        for source in record.sources:
            if (problem := source_problem(source)) is not None:
                problems.append((entry.file, problem))
        website = record.contact.website if record.contact else None
        if website and not https(website):
            problems.append((entry.file, f"contact.website not absolute https: {website}"))
    assert problems == [], "\n".join(f"{file}: {problem}" for file, problem in problems)


def test_the_rule_itself() -> None:
    assert source_problem(SourceLink(url="https://www.orebro.se/", year=2024)) is None
    assert source_problem("https://www.orebro.se/a?b=1") is None
    assert source_problem("seeds/001_a92cbaa44183fa4f.txt: anteckningar") is None
    assert source_problem("seeds/999_0000000000000000.txt") == "no such seed file: seeds/999_0000000000000000.txt"
    assert source_problem("directory/areas.geojson: ungefärlig punkt i Vivalla") is None
    assert source_problem("allmänt känd uppgift: bra.se").startswith("neither a web page nor a seed file")
    assert source_problem("areas.geojson").startswith("neither a web page nor a seed file")
    assert source_problem("seeds/001_a92cbaa44183fa4f.txt: se http://exempel.se").startswith("a web address")
    assert https("https://exempel.se") and not https("http://exempel.se") and not https("https:///x")
