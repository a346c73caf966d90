"""Every problem code has a Swedish message and a hint, and every code the code uses exists."""

from __future__ import annotations

import re
import string

import yaml

from commonmap.records.messages import MESSAGES
from tests.support.corpus import codes, headers
from tests.support.directories import TESTS
from tests.support.sites import ROOT


def test_every_code_has_message_and_hint() -> None:
    for code, (message, hint) in MESSAGES.items():
        assert message.strip() and hint.strip(), code
        assert re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", code)


def test_every_code_used_is_in_the_catalogue() -> None:
    used = set()
    for path in (ROOT / "commonmap").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'fail\("([a-z0-9-]+)"', text))
        used |= set(re.findall(r'Problem\([^)]*?"([a-z0-9]+(?:-[a-z0-9]+)+)"', text))
    assert used, "found no codes: the pattern is out of date"
    assert used <= set(MESSAGES), used - set(MESSAGES)


def corpus_codes() -> set[str]:
    """The codes the corpora expect: tests/bad/ and tests/hostile/{vocabulary,settings}/ in their
    headers, tests/hostile/areas/ in its expect.yml."""
    expected = set()
    for folder in ("bad", "hostile/vocabulary", "hostile/settings"):
        for path in (TESTS / folder).glob("*.yml"):
            expected |= {code for _, code in codes(headers(path).get("expect", ""))}
    areas = yaml.safe_load((TESTS / "hostile" / "areas" / "expect.yml").read_text(encoding="utf-8"))
    for case in areas.values():
        expected |= {code for _, code in codes(case["expect"])}
    return expected


def test_bad_corpus_covers_most_codes() -> None:
    unused = set(MESSAGES) - corpus_codes()
    # Codes exercised elsewhere (binary inputs, sizes, the file system, the site build) or generic.
    elsewhere = {
        # a shared file beside the type folders that is missing (stodlinjer.yml is optional, categories.yml not)
        "bad-vocabulary",
        "file-too-large",  # tests/test_bad_input.py, test_trust_entrances.py, test_trust_files.py
        "encoding-utf16",
        "encoding",
        "control-character",
        "too-many-areas",  # made in tests/test_trust_entrances.py
        "too-many-vertices",
        "too-many-items",
        "missing-file",
        "not-regular-file",  # tests/test_trust_files.py
        "hidden-entry",
        "unknown-file",
        "too-deep-folder",
        "misplaced-file",
        "bad-filename",
        "unreadable-file",  # tests/test_trust_files.py, by a refused open
        "unknown-snippet",  # tests/test_trust_build.py
        "yaml-syntax",
        "yaml-unclosed",
        "invalid-value",
        "complex-key",
        "invalid-partial-date",
        "too-long",
        # possible duplicates: warnings about two files, tested in tests/test_duplicates.py
        "duplicate-name",
        "duplicate-website",
        "duplicate-phone",
        "duplicate-address",
        # the municipality's list of good examples: tests/test_governance.py
        "good-example-incomplete",
        "good-example-planned",
        "good-example-repeated",
        # stodlinjer.yml, the crisis strip: tested in tests/test_chrome.py
        "helpline-phone-differs",
        # web addresses that fail: found by `commonmap links`, tested in tests/test_contribute_links.py
        "link-gone",
        "link-moved",
        "link-failing",
        "link-timeout",
        "link-unreachable",
    }
    assert unused <= elsewhere, unused - elsewhere


def test_parameters_of_messages_are_named() -> None:
    for code, texts in MESSAGES.items():
        for text in texts:
            for _, name, _, _ in string.Formatter().parse(text):
                assert name is None or name.isidentifier(), code
