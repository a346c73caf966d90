"""Every problem code has a Swedish message and a hint, and every code the code uses exists."""

from __future__ import annotations

import re
import string

from commonmap.messages import MESSAGES
from tests.conftest import ROOT


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


def test_bad_corpus_covers_most_codes() -> None:
    expected = set()
    for path in (ROOT / "tests" / "bad").glob("*.yml"):
        head = path.read_text(encoding="utf-8").splitlines()[:2]
        for line in head:
            if line.startswith("# expect: "):
                expected |= {item.split()[1] for item in line[10:].split(",")}
    unused = set(MESSAGES) - expected
    # Codes exercised elsewhere (binary inputs, file placement, the vocabulary files) or generic.
    elsewhere = {
        "file-too-large",
        "encoding-utf16",
        "encoding",
        "control-character",
        "misplaced-file",
        "bad-filename",
        "bad-vocabulary",
        "search-word-no-letters",  # categories.yml's everyday words: tests/test_search.py
        "duplicate-search-word",
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
