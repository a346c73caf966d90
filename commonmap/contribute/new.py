"""`commonmap new`: a new record file from a template generated from the model.

Required fields are left empty, so an unfilled template fails `commonmap validate` on exactly the
lines still to fill in; optional fields are there as comments (`# phone:`) to switch on. Every
field has a comment with its Swedish title, whether it is required, what it is for and an example.
"""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

from commonmap.contribute.fields import FieldDoc, fields_of
from commonmap.contribute.schema import NAMES, SCHEMA_DIR
from commonmap.records.checks import record_id
from commonmap.records.inputs import CATEGORIES_FILE
from commonmap.records.messages import hint, message
from commonmap.records.types import RECORD_TYPES, TYPE_NAMES, TYPES
from commonmap.records.yamltext import scalar

WIDTH = 100
# Accepted spellings of a type on the command line: the folder, the schema name, the Swedish name.
ALIASES = {alias: type_.folder for type_ in RECORD_TYPES for alias in type_.aliases}


def resolve_type(name: str) -> str | None:
    return ALIASES.get(name.lower())


def template(type_: str, id_: str, today: date, categories: dict[str, str] | None = None) -> str:
    """The text of a new record file. `categories` (id → label) lists the choices in the comment."""
    fields = fields_of(TYPES[type_])
    values = {"id": id_, "last_reviewed": today.isoformat()}
    lines = [
        f"# yaml-language-server: $schema=../../{SCHEMA_DIR}/{NAMES[type_]}.schema.json",
        f"# Ny post: {TYPE_NAMES[type_]}. Fyll i alla tomma fält under 'Obligatoriska fält' och spara.",
        "# Rader som börjar med # är förklaringar; programmet läser dem inte.",
        "# Kontrollera filen med: commonmap validate",
        "",
        "# --- Obligatoriska fält ---",
        "",
    ]
    for field in (f for f in fields if f.required):
        lines += _field(field, 0, commented=False, value=values.get(field.name), categories=categories)
    lines += [
        "# --- Frivilliga fält ---",
        "# Ta bort '# ' i början av raderna för ett fält du vill fylla i, och fyll i värdet.",
        "",
    ]
    for field in (f for f in fields if not f.required):
        lines += _field(field, 0, commented=True, value=None, categories=categories)
    return "\n".join(lines).rstrip() + "\n"


def _field(
    field: FieldDoc, indent: int, commented: bool, value: str | None, categories: dict | None, in_comment: bool = False
) -> list[str]:
    """The comment explaining a field, then the field. `commented` turns the field (not its
    explanation) into comments that the volunteer switches on by removing '# '; inside a block
    that is commented already (`in_comment`), nothing is commented twice."""
    pad = " " * indent
    explanation = [pad + "# " + line for line in _explain(field, categories)]
    body = _body(field, indent, value, categories, in_comment or commented)
    if commented and not in_comment:
        body = [pad + "# " + line[indent:] for line in body]
    return explanation + body + ([""] if indent == 0 else [])


def _body(field: FieldDoc, indent: int, value: str | None, categories: dict | None, in_comment: bool) -> list[str]:
    pad = " " * indent
    key = f"{pad}{field.name}:"
    if value is not None:
        return [f"{key} {value}"]

    def child_lines(child: FieldDoc, child_indent: int) -> list[str]:
        return _field(child, child_indent, not child.required, None, categories, in_comment)

    if field.model and field.is_list:
        first, *rest = field.children()
        item = child_lines(first, indent + 4)
        # The first field of a list item starts with "- ", two columns left of its siblings.
        at = next(i for i, line in enumerate(item) if line.lstrip().startswith(f"{first.name}:"))
        item[at] = f"{pad}  - {item[at].lstrip()}"
        for child in rest:
            item += child_lines(child, indent + 4)
        return [key, *item]
    if field.model:
        lines = [key]
        for child in field.children():
            lines += child_lines(child, indent + 2)
        return lines
    if field.is_list:
        return [key, f"{pad}  -"]
    return [key]


def _explain(field: FieldDoc, categories: dict | None) -> list[str]:
    need = "obligatoriskt" if field.required else "frivilligt"
    parts = [f"{field.title} ({need})."]
    if field.description:
        parts.append(field.description)
    if field.choices:
        parts.append(f"Välj {'ett eller flera' if field.is_list else 'ett'} av: {field.choice_text()}.")
    if field.name == "categories" and categories:
        parts.append(f"Välj bland ({CATEGORIES_FILE}): {', '.join(categories)}.")
    example = field.examples[0] if field.examples else None
    if field.is_list and not field.model:
        parts.append("Skriv ett värde per rad, efter '- '." + (" Exempel:" if example else ""))
    elif example is not None:
        parts.append(f"Exempel: {scalar(example)}")
    lines = textwrap.wrap(" ".join(parts), WIDTH - 2, break_on_hyphens=False)
    if field.is_list and isinstance(example, list):
        lines += [f"  - {scalar(item)}" for item in example]
    return lines


def create(root: Path, type_: str, id_: str, today: date, categories: dict[str, str] | None = None) -> Path:
    """Write the template to root/<type>/<id>.yml; raises ValueError with a Swedish reason."""
    try:
        record_id(id_)
    except Exception as error:  # the check's PydanticCustomError carries a catalogue code
        code = getattr(error, "type", "invalid-id")
        params = {"value": id_, "field": "id"}
        raise ValueError(f"{message(code, params)} {hint(code, params)}") from None
    taken = sorted(root.glob(f"*/{id_}.yml"))
    if taken:
        raise ValueError(f"Id '{id_}' används redan av {taken[0]}. Välj ett annat id.")
    path = root / type_ / f"{id_}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(template(type_, id_, today, categories), encoding="utf-8")
    return path


def list_types() -> str:
    lines = ["Posttyper (skriv namnet eller mappen):"]
    for type_ in RECORD_TYPES:
        lines.append(f"  {type_.schema_name:<14} {type_.folder + '/':<16} {type_.name}")
    return "\n".join(lines)


def category_labels(root: Path) -> dict[str, str] | None:
    """The category ids of the directory, for the template's comment (None when unreadable)."""
    from commonmap.records.loader import load_file

    path = root / CATEGORIES_FILE
    loaded, _ = load_file(path) if path.exists() else (None, [])
    items = loaded.data.get("categories") if loaded else None
    if not isinstance(items, list):
        return None
    return {item["id"]: item.get("label", "") for item in items if isinstance(item, dict) and "id" in item}
