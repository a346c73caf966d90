"""The contributor's form, /bidra/formular/: a new record (or a change to one) in plain Swedish
fields instead of YAML, for volunteers who want no editor and no account.

The fields are generated from the editor schemas (schema.py, the model's JSON Schema): their
titles, descriptions, examples, what is required, the choices and the value checks. The page
checks the values as the volunteer types (assets/contribute/form.js) with the catalogue's own
messages (messages.py, handed to the page whole) and the parameters the command line would give
(typed.py's empty-value hints), writes the file by the one rule for unquoted values
(loaded.PLAIN_KINDS, yamltext.PLAIN), and offers three routes: a new file on GitHub (a pull
request from a fork), an e-mail to the address in mkdocs.yml, or a download. Nothing is sent by
the site itself. A record page links here to change its record: the form is filled from
data/bidra/ (the values as written in the file).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from jinja2 import Environment

from commonmap.base import ui
from commonmap.contribute import schema as editor_schema
from commonmap.records import checks, messages, typed
from commonmap.records.directory import Directory
from commonmap.records.loaded import PLAIN_KINDS
from commonmap.records.settings import Settings
from commonmap.records.types import REFERENCES, TYPE_NAMES, TYPES
from commonmap.records.yamltext import PLAIN
from commonmap.site import templating, wire
from commonmap.site.outputs import Asset, Output, Page
from commonmap.site.urls import FOLDERS

URL = "bidra/formular/"
BASE = "../../"  # from /bidra/formular/ to the site's root
INDEX = "data/bidra/index.json"
CHUNK_PATH = "data/bidra/poster-{n}.json"
CHUNK = 500
ASSETS = ("form.css",)
# The point picker of issue 16 (/bidra/plats/), which gives `location:` lines to paste into the
# form's location box. Set to its page's path once it is on main; None: no link is shown.
POINT_PICKER: str | None = None
# Fields written as several lines of text.
LONG_TEXT = frozenset({"description", "tasks", "summary"})
QUOTING = re.compile(r",? inom citattecken")
# The value checks of checks.py, recognised by what they add to the schema (schema.CHECKS), and
# the name form.js knows each by.
CHECK_NAMES = {
    checks.record_id: "id",
    checks.reference: "reference",
    checks.full_date: "date",
    checks.partial_date: "partial-date",
    checks.phone: "phone",
    checks.email: "email",
    checks.url: "url",
    checks.time: "time",
    checks.language: "language",
    checks.text: "text",
    checks.term: "text",
}
# References to other records: the field → the type folder it points to (datalists in the form).
REFERENCE_TYPES = {**REFERENCES, "organisation": "organisations", "distinct_from": ""}


@dataclass
class Widget:
    """One field of the form, from one property of the schema."""

    key: str  # the field's name in the file
    path: tuple  # from the record's root; list items as 0
    kind: str  # text, textarea, select, flag, flag3, choices, list, group, rows, number
    label: str
    help: str
    required: bool
    check: str = ""  # the value check, for form.js
    choices: list[tuple[str, str]] = field(default_factory=list)  # (value, label)
    children: list[Widget] = field(default_factory=list)
    item: Widget | None = None  # a list's item
    empty: dict = field(default_factory=dict)  # the CLI's problem for no value: code and params
    limit: int | None = None
    datalist: str = ""
    default: object = None

    @property
    def id(self) -> str:
        return "-".join(str(step) for step in self.path)


def outputs(directory: Directory, settings: Settings) -> list[Output]:
    labels = {
        "categories": {c.id: c.label for c in directory.categories.values()},
        "areas": {a.id: a.name for a in directory.areas},
    }
    forms = {type_: widgets(type_, editor_schema.schema_for(type_, directory), labels) for type_ in TYPES}
    config = page_config(directory, settings)
    html = (
        _environment()
        .get_template("form.html")
        .render(
            forms=forms,
            types=list(TYPES),
            config=json.dumps(config, ensure_ascii=False, sort_keys=True),
            languages=sorted(checks.language_names().items(), key=lambda item: item[1]),
            base=BASE,
            point_picker=POINT_PICKER,
            has_email=bool(settings.report_email),
            has_github="github.com/" in settings.repo_url,
        )
    )
    found: list[Output] = [Page(URL, ui.t("form.title"), html, description=ui.t("form.description"))]
    found += data_files(directory)
    found.append(Asset("assets/contribute/form.js", wire.script("contribute", "form.js")))
    for name in ASSETS:
        content = (resources.files("commonmap") / "assets" / "contribute" / name).read_bytes()
        found.append(Asset(f"assets/contribute/{name}", content))
    return found


@cache
def _environment() -> Environment:
    return templating.environment("commonmap.contribute")


def page_config(directory: Directory, settings: Settings) -> dict:
    """What form.js needs besides the fields: the catalogue, the writing rule, the routes."""
    return {
        "messages": {code: list(texts) for code, texts in messages.MESSAGES.items()},
        "kinds": [pattern for _, pattern in PLAIN_KINDS],
        "plain": PLAIN,
        "patterns": {
            "id": checks.ID_PATTERN.pattern,
            "date": checks.FULL_DATE.pattern,
            "partial": checks.PARTIAL_DATE.pattern,
            "time": checks.TIME.pattern,
            "degrees": checks.DEGREES.pattern,
            "phone": checks.PHONE_CHARS.pattern,
            "comma": checks.DECIMAL_COMMA.pattern,
        },
        "reserved": sorted(checks.RESERVED_IDS),
        "id_max": checks.ID_MAX,
        "languages": sorted(checks.language_names()),
        "type_names": TYPE_NAMES,
        "types": list(TYPES),  # the order in which the index numbers the types
        "schemas": {type_: editor_schema.NAMES[type_] for type_ in TYPES},
        "folders": FOLDERS,
        "directory": settings.directory_path,
        "repo": settings.repo_url.rstrip("/") if "github.com/" in settings.repo_url else "",
        "branch": _branch(settings.edit_uri),
        "email": settings.report_email,
        "index": BASE + INDEX,
        "chunk": BASE + CHUNK_PATH,
        "text": {key.removeprefix("form."): value for key, value in ui.SV.items() if key.startswith("form.")},
    }


def _branch(edit_uri: str) -> str:
    """'edit/main/' → 'main' (mkdocs.yml's edit_uri names the branch the site is built from)."""
    parts = [part for part in edit_uri.split("/") if part]
    return parts[1] if len(parts) >= 2 and parts[0] in ("edit", "blob") else "main"


def data_files(directory: Directory) -> list[Asset]:
    """The records for references and for "change a record": an index of (type, id, name), and
    each record's values as written in its file, in chunks fetched when one is changed."""
    entries = list(directory.entries.values())
    types = list(TYPES)
    values = [e.record.model_dump(mode="json", exclude_unset=True) for e in entries]
    spec, chunks = wire.chunked(INDEX, CHUNK_PATH, values, CHUNK, _json)
    rows = [[types.index(e.type), e.id, e.record.name] for e in entries]
    return [Asset(INDEX, _json({"chunks": spec} | wire.table(wire.FORM_COLUMNS, rows))), *chunks]


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))


# --- the widgets, from the schema ---


def widgets(type_: str, schema: dict, labels: dict[str, dict[str, str]]) -> list[Widget]:
    """The fields of one record type: required ones first, as in the template (commonmap new).
    `labels` names the vocabularies' values: {"categories": {id: label}, "areas": {id: name}}."""
    found = _Fields(TYPES[type_], schema, labels).properties(schema, ())
    return [w for w in found if w.required] + [w for w in found if not w.required]


@dataclass
class _Fields:
    model: type
    root: dict
    labels: dict[str, dict[str, str]]

    def properties(self, node: dict, path: tuple) -> list[Widget]:
        required = set(node.get("required", ()))
        return [
            self.widget(self.resolve(prop), (*path, key), key in required)
            for key, prop in node.get("properties", {}).items()
        ]

    def resolve(self, node: dict) -> dict:
        """A property with its $ref followed (keeping the property's own title), and a choice of
        several forms (anyOf) as its first."""
        if "anyOf" in node:
            node = {**node["anyOf"][0], **{k: v for k, v in node.items() if k != "anyOf"}}
        if "$ref" in node:
            target = self.root["$defs"][node["$ref"].rsplit("/", 1)[1]]
            node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        return node

    def widget(self, node: dict, path: tuple, required: bool) -> Widget:
        key = str(path[-1])
        widget = Widget(key, path, "text", node.get("title", key), _help(node), required)
        widget.empty = _empty(self.model, path) if required else {}
        kind = node.get("type")
        if kind == "object":
            widget.kind = "group"
            widget.children = self.properties(node, path)
        elif kind == "array":
            self.array(widget, self.resolve(node.get("items", {})))
        elif kind == "boolean":
            # A checkbox where leaving it unticked means the default (false); a choice of yes, no
            # or not given where a value must be written (cost.free) or unknown is a meaning of its own.
            widget.kind = "flag" if "default" in node and not required else "flag3"
            widget.default = node.get("default", False)
        elif "enum" in node:
            widget.kind = "select"
            widget.choices = [(value, self.label(key, value)) for value in node["enum"]]
            widget.default = node.get("default")
        elif kind == "number":
            widget.kind, widget.check = "number", "latitude" if node.get("maximum") == 90 else "longitude"
        else:
            _text(widget, self.model, node)
        return widget

    def array(self, widget: Widget, items: dict) -> None:
        if "enum" in items:
            widget.kind = "choices"
            widget.choices = [(value, self.label(widget.key, value)) for value in items["enum"]]
            return
        item_path = (*widget.path, 0)
        if items.get("type") == "object":
            widget.kind = "rows"
            widget.item = Widget(widget.key, item_path, "group", widget.label, "", False)
            widget.item.children = self.properties(items, item_path)
            return
        widget.kind = "list"
        widget.item = self.widget(items, item_path, False)
        widget.item.label, widget.item.key = widget.label, widget.key

    def label(self, field_name: str, value: str) -> str:
        """A choice as the volunteer reads it: a category's label, an area's name, a day's name."""
        if field_name in self.labels:
            return self.labels[field_name].get(value, value)
        key = f"{LABEL_PREFIXES.get(field_name, field_name)}.{value}"
        return ui.SV.get(key, value)


LABEL_PREFIXES = {"days": "day"}


def _text(widget: Widget, model: type, node: dict) -> None:
    widget.kind = "textarea" if widget.key in LONG_TEXT else "text"
    widget.check = _check_of(model, widget.path)
    widget.limit = node.get("maxLength") if widget.check != "id" else None
    if widget.check == "reference":
        widget.datalist = f"cm-poster-{REFERENCE_TYPES.get(widget.key, '') or 'alla'}"
    elif widget.check == "language":
        widget.datalist = "cm-sprak"


def _check_of(model: type, path: tuple) -> str:
    """The value check of checks.py that the model gives a text field (typed.field_at)."""
    found = typed.field_at(model, path)
    for item in found[1] if found else ():
        name = CHECK_NAMES.get(getattr(item, "func", None))
        if name:
            return name
    return "text"


def _empty(model: type, path: tuple) -> dict:
    """The problem `commonmap validate` reports for this required field written without a value."""
    code, params = typed.empty_problem(model, path)
    return {"code": code, "params": params}


def _help(node: dict) -> str:
    """The description and an example. Choices need neither (their labels say it), and quoting is
    the form's job, not the volunteer's."""
    if node.get("type") == "boolean" or "enum" in node or "enum" in node.get("items", {}):
        return ""
    parts = [QUOTING.sub("", node.get("description", ""))]
    example = (node.get("examples") or [None])[0]
    if example is not None and not isinstance(example, bool | dict):
        shown = ", ".join(map(str, example)) if isinstance(example, list) else str(example)
        parts.append(ui.t("form.example", example=shown))
    return " ".join(part for part in parts if part)
