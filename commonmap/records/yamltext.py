"""Values written as YAML by the project (templates, examples in messages): the one rule for
unquoted values, from the writing side. A value is written bare only when every YAML reader reads
it as the same text, or as the true/false or number it is; everything else in double quotes.

The contributor's form (assets/contribute/form.js) writes by the same rule, from the same
patterns (loaded.PLAIN_KINDS and PLAIN below), handed to it by the form's page.
"""

from __future__ import annotations

import json
import re

from commonmap.records.loaded import plain_kind

# Words and ISO dates are written bare; other text in double quotes (as the guide teaches).
PLAIN = r"^([a-z][a-z0-9-]*|[0-9]{4}-[0-9]{2}-[0-9]{2})$"
PLAIN_PATTERN = re.compile(PLAIN)


def scalar(value: object) -> str:
    """A value in YAML: words such as `arbete` bare, other text in double quotes."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if PLAIN_PATTERN.match(text) and plain_kind(text) in (None, "date"):
        return text
    return json.dumps(text, ensure_ascii=False)
