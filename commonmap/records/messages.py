"""The catalogue of problems: a stable code, a Swedish message, a Swedish hint and a severity for each.

Messages say what was expected and what was found; hints say what to do. Tests compare codes,
never wording, so the texts can be improved freely. Parameters are filled with str.format. A code
is an error (the check fails) unless its part of the catalogue lists it as a warning (shown, but
the check passes); a Problem takes its severity from here.
"""

from __future__ import annotations

from typing import Literal

from commonmap.base.characters import EXCERPT, excerpt
from commonmap.records.messages_fields import FIELD_MESSAGES, FIELD_WARNINGS
from commonmap.records.messages_files import FILE_MESSAGES, FILE_WARNINGS
from commonmap.records.messages_rules import RULE_MESSAGES, RULE_WARNINGS

Severity = Literal["error", "warning"]

# Reading a file here; the fields, the rules and the files around the records in their own modules.
MESSAGES: dict[str, tuple[str, str]] = {
    # Reading the file
    "file-too-large": (
        "Filen är {size} byte, större än gränsen {limit} byte.",
        "En post ska vara en kort fil. Dela upp texten eller korta beskrivningen.",
    ),
    "encoding-utf16": (
        "Filen är sparad som UTF-16, inte UTF-8.",
        "Spara filen med teckenkodningen UTF-8 i din textredigerare.",
    ),
    "encoding": (
        "Filen är inte giltig UTF-8 (byte {byte} kan inte läsas).",
        "Spara filen med teckenkodningen UTF-8 (inte Latin-1/Windows-1252).",
    ),
    "control-character": (
        "Otillåtet styrtecken {char} i texten.",
        "Ta bort tecknet; skriv om raden om du inte ser det.",
    ),
    "invisible-character": (
        "Osynligt tecken {char} ({name}) i '{text}'.",
        "Ta bort tecknet. Det syns inte men kan ändra hur texten visas eller ser ut som ett annat ord.",
    ),
    "yaml-syntax": (
        "YAML-fel: {detail}.",
        "Kontrollera indraget (samma antal mellanslag på rader som hör ihop, inga tabbar) och sätt citattecken runt text som innehåller kolon.",
    ),
    "yaml-tab": ("Tabbtecken i indraget.", "Använd mellanslag i stället för tabb för att dra in rader."),
    "yaml-colon": (
        "Ett kolon på fel ställe: värdet kan inte tolkas.",
        "Sätt citattecken runt värden som innehåller ': ', till exempel namn: \"Öppet: mån–fre\". Kontrollera också indraget.",
    ),
    "yaml-indentation": (
        "Raden är indragen fel i förhållande till raderna ovanför.",
        "Fält på samma nivå ska börja i samma kolumn; använd två mellanslag per nivå.",
    ),
    "yaml-list-item": (
        "Raden börjar med '- ' men står inte i samma kolumn som listan ovanför.",
        "Börja alla rader med '- ' i en lista i samma kolumn, till exempel två mellanslag in under fältnamnet.",
    ),
    "yaml-quote": ("Ett citattecken är inte avslutat.", "Avsluta texten med samma citattecken som den börjar med."),
    "yaml-unclosed": (
        "En lista [ ] eller en grupp {{ }} är inte avslutad, eller ett värde saknas efter ett kommatecken.",
        "Kontrollera att varje [ har en ] och varje {{ en }} på samma rad, t.ex. categories: [arbete, trygghet].",
    ),
    "duplicate-key": (
        "Fältet '{field}' finns två gånger (också på rad {other_line}).",
        "Ta bort det ena; varje fält får bara finnas en gång.",
    ),
    "yaml-anchor": (
        "YAML-ankare och alias (& och *) används inte i katalogen.",
        "Skriv ut värdet på varje ställe i stället för att hänvisa med & och *.",
    ),
    "yaml-tag": (
        "YAML-taggen '{tag}' är inte tillåten.",
        "Ta bort taggen (ordet som börjar med !); skriv bara värdet.",
    ),
    "multiple-documents": (
        "Filen innehåller flera YAML-dokument (---).",
        "En fil ska innehålla exakt en post. Lägg övriga poster i egna filer.",
    ),
    "empty-file": ("Filen är tom.", "Fyll i posten; utgå från en mall (commonmap new)."),
    "not-a-mapping": (
        "Filen ska bestå av fält i formen 'namn: värde' men börjar med {found}.",
        "Börja filen med 'id: ...' på första raden utan indrag.",
    ),
    "too-deep": (
        "Filen är nästlad djupare än {limit} nivåer.",
        "En post har bara några få nivåer; kontrollera indraget.",
    ),
    "complex-key": ("Ett fältnamn måste vara ett enkelt ord.", "Skriv fältnamnet som vanlig text följt av kolon."),
    **FIELD_MESSAGES,
    **RULE_MESSAGES,
    **FILE_MESSAGES,
}
# The codes of reading a file above are all errors (what cannot be read is not checked); the other
# parts list their warnings.
WARNINGS = FIELD_WARNINGS | RULE_WARNINGS | FILE_WARNINGS

# What the reading of a file stopped at (loader.Refused) says besides its own message.
STOPPED = "Resten av filen kontrolleras först när det här är rättat."
# How an unquoted value reads to another YAML reader (loaded.PLAIN_KINDS), for needs-quotes.
KINDS = {
    "number": "ett tal",
    "boolean": "sant eller falskt",
    "time": "ett tal, inte ett klockslag (21:00 blir 1260)",
    "date": "ett datum",
    "null": "inget värde",
}

# How much of a parameter a message prints: values from files are quoted briefly (a file that
# cannot be read may hold anything, and messages become public annotations on pull requests).
LIMITS = {"allowed": 600, "reason": 200, "detail": 200}


def shown(params: dict[str, object]) -> dict[str, object]:
    """The parameters as a message prints them: texts cut short and made visible."""
    return {
        key: excerpt(value, LIMITS.get(key, EXCERPT)) if isinstance(value, str) else value
        for key, value in params.items()
    }


def message(code: str, params: dict[str, object]) -> str:
    text = MESSAGES[code][0].format(**shown(params))
    return f"{text} {STOPPED}" if params.get("stopped") else text


def hint(code: str, params: dict[str, object]) -> str:
    return MESSAGES[code][1].format(**shown(params))


def severity(code: str) -> Severity:
    return "warning" if code in WARNINGS else "error"


# The summary line of `commonmap validate`: each record type in the singular and the plural.
TYPE_COUNTS = {
    "organisations": ("organisation", "organisationer"),
    "places": ("mötesplats", "mötesplatser"),
    "roles": ("volontäruppdrag", "volontäruppdrag"),
    "collaborations": ("samverkan", "samverkan"),
}


def summary(files: dict[str, int], errors: int, warnings: int) -> str:
    """E.g. "28 organisationer, 1 mötesplats, 3 volontäruppdrag och 8 samverkan kontrollerade: 0 fel, 1 varning"."""
    parts = [f"{files.get(t, 0)} {names[files.get(t, 0) != 1]}" for t, names in TYPE_COUNTS.items()]
    counted = ", ".join(parts[:-1]) + " och " + parts[-1]
    return f"{counted} kontrollerade: {errors} fel, {warnings} {'varning' if warnings == 1 else 'varningar'}"
