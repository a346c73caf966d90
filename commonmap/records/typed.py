"""A file's strings made into its model, with every problem of the file reported at once.

pydantic reports a problem for every field, but it gives no model when one field is wrong, and
the rules that involve several fields (the model's validators) run only when all fields are
right. A volunteer would then see some mistakes, fix them and find others. So a file with
problems is also made into a *partial* model: every field that is right on its own, validated as
the model validates it, the others left out (reading one raises AttributeError). The model's
rules then run on it wherever the fields they need are there, and so do the checks of
validate.py (vocabulary, dates, places, references). A partial model never reaches the directory.

The one rule for unquoted values is applied here too (`unquoted`): see loaded.PLAIN_KINDS.
"""

from __future__ import annotations

import re
import types
from functools import cache
from typing import Annotated, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError

from commonmap.records import checks, messages
from commonmap.records.loader import Loaded
from commonmap.records.problems import Problem, field_name, found_as
from commonmap.records.suggest import suggest
from commonmap.records.yamltext import scalar

M = TypeVar("M", bound=BaseModel)
# Fields that have moved out of the record files, with the code that says where to.
MOVED = {"good_example": "good-example-moved"}


def build(loaded: Loaded, model: type[M], problems: list[Problem]) -> tuple[M | None, BaseModel | None]:
    """(the model, None) for a valid file; (None, a partial model) with every problem reported
    for a file with problems."""
    try:
        result: M | None = model.model_validate(loaded.data)
        errors: list[dict] = []
        partial = None
    except ValidationError as error:
        result = None
        errors = error.errors(include_url=False)
        partial, more = _partial(model, loaded.data, {_path(e) for e in errors})
        errors += more
    nulls = {path for path, kind in loaded.typed.items() if kind == "null"}
    quiet = loaded.explained | nulls  # problems the loader or the null rule report instead
    reported = [e for e in errors if _path(e) not in quiet]
    problems += [_schema_problem(loaded, model, e) for e in reported]
    problems += unquoted(loaded, model, {_path(e) for e in errors})
    return result, partial


def _path(error: dict) -> tuple:
    """pydantic's location without the steps it adds, such as 'function-after[...]'."""
    return tuple(step for step in error["loc"] if isinstance(step, int) or not _is_internal(step))


def _is_internal(step: str) -> bool:
    return "[" in step or step in ("str", "bool", "float", "list")


# --- partial models ---


def _partial(model: type[BaseModel], data: object, bad: set[tuple]) -> tuple[BaseModel | None, list[dict]]:
    """The model with the fields of `data` that have no problem in `bad` (paths below this model),
    and the problems of its rules that could be judged on them."""
    if not isinstance(data, dict):
        return None, []
    values: dict[str, object] = {}
    left_out: list[str] = []
    errors: list[dict] = []
    by_step = _by_first_step(bad)
    for name, info in model.model_fields.items():
        if name not in data:
            continue
        value, found = _partial_value(model, name, info.annotation, data[name], by_step.get(name, set()))
        if value is _LEFT_OUT:
            left_out.append(name)
        else:
            values[name] = value
        errors += [{**e, "loc": (name, *e["loc"])} for e in found]
    instance = model.model_construct(**values)
    for name in left_out:
        instance.__dict__.pop(name, None)  # model_construct filled in its default
    return instance, errors + _rules(model, instance)


_LEFT_OUT = object()


def _by_first_step(bad: set[tuple]) -> dict[object, set[tuple]]:
    """The problem paths grouped by their first step, each without it (once per level, so that a
    list of 25,000 wrong items costs no more than its length)."""
    grouped: dict[object, set[tuple]] = {}
    for path in bad:
        if path:
            grouped.setdefault(path[0], set()).add(path[1:])
    return grouped


def _partial_value(model: type[BaseModel], name: str, annotation: object, data: object, bad: set[tuple]):
    """A field's value when it is right, a partial value when only parts of it are wrong (a nested
    model, a list whose wrong items are None), else _LEFT_OUT; with the problems of nested rules."""
    if not bad:
        try:
            return _adapter(model, name).validate_python(data), []
        except ValidationError:
            return _LEFT_OUT, []
    if () in bad:
        return _LEFT_OUT, []
    inner = _without_none(annotation)
    nested = _model_of(inner)
    if nested is not None and isinstance(data, dict):
        return _partial(nested, data, bad)
    if get_origin(inner) is list and isinstance(data, list):
        return _partial_list(get_args(inner)[0], data, bad)
    return _LEFT_OUT, []


def _partial_list(item_type: object, data: list, bad: set[tuple]) -> tuple[list, list[dict]]:
    items: list[object] = []
    errors: list[dict] = []
    nested = _model_of(_without_annotated(item_type))
    by_step = _by_first_step(bad)
    for index, item in enumerate(data):
        below = by_step.get(index, set())
        if not below:
            items.append(_item_adapter(item_type).validate_python(item))
        elif nested is not None and isinstance(item, dict) and () not in below:
            value, found = _partial(nested, item, below)
            items.append(value)
            errors += [{**e, "loc": (index, *e["loc"])} for e in found]
        else:
            items.append(None)
    return items, errors


def _rules(model: type[BaseModel], instance: BaseModel) -> list[dict]:
    """The model's rules across fields, run on a partial model. A rule that needs a field left out
    cannot be judged (AttributeError), nor one that meets a wrong list item (None): the field's
    own problem is reported already."""
    errors: list[dict] = []
    for decorator in model.__pydantic_decorators__.model_validators.values():
        if decorator.info.mode != "after":
            continue
        try:
            decorator.func(instance)
        except ValidationError as error:
            errors += error.errors(include_url=False)
        except (AttributeError, TypeError):
            pass
    return errors


@cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter:
    info = model.model_fields[name]
    return TypeAdapter(Annotated[info.annotation, *info.metadata]) if info.metadata else TypeAdapter(info.annotation)


_ITEM_ADAPTERS: dict[int, tuple[object, TypeAdapter]] = {}


def _item_adapter(item_type: object) -> TypeAdapter:
    found = _ITEM_ADAPTERS.get(id(item_type))
    if found is None or found[0] is not item_type:
        found = _ITEM_ADAPTERS[id(item_type)] = (item_type, TypeAdapter(item_type))
    return found[1]


def _without_none(annotation: object) -> object:
    if get_origin(annotation) in (Union, types.UnionType):
        rest = [arg for arg in get_args(annotation) if arg is not type(None)]
        return rest[0] if len(rest) == 1 else annotation
    return annotation


def _without_annotated(annotation: object) -> object:
    return get_args(annotation)[0] if get_origin(annotation) is Annotated else annotation


def _model_of(annotation: object) -> type[BaseModel] | None:
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


# --- what a field is ---


def field_at(model: type[BaseModel], path: tuple) -> tuple[object, list, object] | None:
    """(annotation, metadata, FieldInfo of the last named step) of the value at a path, or None
    when the path leads to no field."""
    annotation: object = model
    metadata: list = []
    info = None
    for step in path:
        annotation = _without_none(_without_annotated(annotation))
        if isinstance(step, int):
            if get_origin(annotation) is not list:
                return None
            annotation, metadata = get_args(annotation)[0], []
            continue
        if get_origin(annotation) is dict:  # a mapping's value: translations' "ar"
            annotation, metadata = get_args(annotation)[1], []
            continue
        current = _model_in(annotation)
        if current is None or step not in current.model_fields:
            return None
        info = current.model_fields[step]
        annotation, metadata = info.annotation, list(info.metadata)
    annotation = _without_none(annotation)
    if get_origin(annotation) is Annotated:
        annotation, *extra = get_args(annotation)
        metadata = [*metadata, *extra]
    return annotation, metadata, info


DATE_CHECKS = (checks.full_date, checks.partial_date)


def expected_kind(model: type[BaseModel], path: tuple) -> str | None:
    """What a field holds, in loaded.PLAIN_KINDS' terms: "boolean", "number", "date" or "text"."""
    found = field_at(model, path)
    if found is None:
        return None
    annotation, metadata, _ = found
    if annotation is bool:
        return "boolean"
    if annotation is float or annotation is int:  # lat and lon; a source's year
        return "number"
    if any(getattr(item, "func", None) in DATE_CHECKS for item in metadata):
        return "date"
    return "text"


def unquoted(loaded: Loaded, model: type[BaseModel], wrong: set[tuple]) -> list[Problem]:
    """The one rule for unquoted values (content/bidra.md): a plain value that another YAML reader
    reads as something else is an error where the field holds text or a date. In a true/false or
    number field it is what the field expects, or the field's own check says why not; a value
    with a problem of its own is not told to be quoted, since quotes would not mend it."""
    found = []
    for path, kind in sorted(loaded.typed.items(), key=lambda item: loaded.position(item[0])):
        if path in loaded.explained:
            continue
        line, col = loaded.position(path)
        value = _value_at(loaded.data, path)
        params = {"field": field_name(path), "value": value}
        if kind == "null":
            found.append(Problem(loaded.file, line, col, "null-value", params))
            continue
        expected = expected_kind(model, path)
        if path in wrong or expected not in ("text", "date") or kind == expected:
            continue
        found.append(Problem(loaded.file, line, col, "needs-quotes", {**params, "kind": messages.KINDS[kind]}))
    return found


def _value_at(data: object, path: tuple) -> object:
    for step in path:
        data = data[step]  # type: ignore[index]
    return data


# --- pydantic's problems in the catalogue's terms ---


def _schema_problem(loaded: Loaded, model: type[BaseModel], error: dict) -> Problem:
    path = _path(error)
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    # A wrong mapping key (pydantic's "[key]" step, e.g. a translation's language) is reported where the key is written.
    line, col = loaded.position(path, key=kind in ("extra_forbidden", "missing") or "[key]" in error["loc"])
    code, params = _code_for(kind, value, ctx, path, model)
    if code == "empty-required-list" and _has_other_items(loaded.data, path):
        code, params = "empty-item", {}  # the list has values; this one item is empty
    return Problem(loaded.file, line, col, code, {"field": field_name(path), **params})


def _has_other_items(data: object, path: tuple) -> bool:
    """Whether the list an empty item stands in has an item that is not empty."""
    if not path or not isinstance(path[-1], int):
        return False
    items = _value_at(data, path[:-1])
    return isinstance(items, list) and any(item not in ("", None) for item in items)


def _choices(expected: str) -> str:
    """pydantic's "'mo', 'tu' or 'su'" as Swedish: "mo, tu eller su"."""
    values = re.findall(r"'([^']*)'", expected) or [expected]
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " eller " + values[-1]


def _code_for(kind: str, value: object, ctx: dict, path: tuple, model: type[BaseModel]) -> tuple[str, dict]:
    field = str(path[-1]) if path else ""
    if kind == "empty-value" or value == "" and kind != "missing":
        return empty_problem(model, path)
    if kind in messages.MESSAGES:
        return kind, dict(ctx)
    if kind == "missing":
        return "missing-field", {}
    if kind == "extra_forbidden":
        if len(path) == 1 and field in MOVED and model.__name__ == "Collaboration":
            return MOVED[field], {}
        allowed = _fields_at(model, path[:-1])
        return "unknown-field", {"suggestion": suggest(field, allowed), "allowed": ", ".join(allowed)}
    if kind == "literal_error":
        return "invalid-choice", {"value": value, "allowed": _choices(ctx.get("expected", ""))}
    if kind == "too_short":
        return "empty-list", {"min": ctx.get("min_length", 1)}
    if kind == "string_too_long" or kind == "too_long" and isinstance(value, str):
        return "too-long", {"length": len(str(value)), "limit": ctx.get("max_length")}
    if kind == "too_long":
        return "too-many-items", {"count": ctx.get("actual_length"), "limit": ctx.get("max_length")}
    found = found_as(value, "underfält")
    if kind == "list_type":
        return "expected-list", {"found": found}
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "expected-mapping", {"found": found}
    return "expected-text", {"found": found}


def empty_problem(model: type[BaseModel], path: tuple) -> tuple[str, dict]:
    """No value: the hint differs for a field that may be left out, one that must be filled in,
    and a list (an empty item of it, or no items)."""
    item = bool(path) and isinstance(path[-1], int)
    found = field_at(model, path[:-1] if item else path)
    info = found[2] if found else None
    required = info is not None and info.is_required()
    is_list = found is not None and get_origin(found[0]) is list
    if not required:
        return ("empty-item" if item else "empty-value"), {}
    example = info.examples[0] if info.examples else None
    if is_list:
        shown = "; ".join(f"- {scalar(value)}" for value in example) if isinstance(example, list) else ""
        return "empty-required-list", {"example": f" (Exempel: {shown})" if shown else ""}
    shown = f" (Exempel: {path[-1]}: {scalar(example)})" if example is not None else ""
    return "empty-required", {"example": shown}


def _fields_at(model: type[BaseModel], path: tuple) -> list[str]:
    """The field names allowed at a path, for "did you mean" suggestions."""
    current: type[BaseModel] = model
    for step in path:
        if isinstance(step, int):
            continue
        annotation = current.model_fields[step].annotation if step in current.model_fields else None
        nested = _model_in(annotation)
        if nested is None:
            break
        current = nested
    return list(current.model_fields)


def _model_in(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
