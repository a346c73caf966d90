"""Records as they are kept for the whole build, with one copy of what thousands of them share
(issue 24's memory).

pydantic keeps in every model the set of the fields the file gave (`__pydantic_fields_set__`,
read by `model_dump(exclude_unset=True)`): at 30,000 records 1.3 KB a record, a third of what
the records' own objects take. The records are frozen, so the set never changes after
validation, and records of the same shape can hold the same one. It stays a `set` (pydantic's
serializer requires one) that refuses to be changed; a copy of it (`model_copy`) is an ordinary set.
"""

from __future__ import annotations

from typing import NoReturn, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)


class SharedFields(set):
    """A field set held by many models at once: it refuses changes, its copies are plain sets."""

    __slots__ = ()

    def _refuse(self, *_: object) -> NoReturn:
        raise TypeError("a shared field set is never changed: change a copy (model_copy) instead")

    add = discard = remove = pop = clear = update = _refuse
    intersection_update = difference_update = symmetric_difference_update = _refuse
    __ior__ = __iand__ = __isub__ = __ixor__ = _refuse

    def __copy__(self) -> set[str]:
        return set(self)

    def __deepcopy__(self, memo: dict) -> set[str]:
        return set(self)

    def __reduce__(self) -> tuple:
        return set, (sorted(self),)


_SHAPES: dict[frozenset[str], SharedFields] = {}  # every shape seen: a few hundred at most


def compact(model: M) -> M:
    """The model, and the models inside it, holding the shared field set of their shape."""
    fields = model.__pydantic_fields_set__
    if type(fields) is not SharedFields:
        key = frozenset(fields)
        shared = _SHAPES.get(key)
        if shared is None:
            shared = _SHAPES[key] = SharedFields(key)
        object.__setattr__(model, "__pydantic_fields_set__", shared)  # frozen: the only way in
    for value in model.__dict__.values():
        if isinstance(value, BaseModel):
            compact(value)
        elif isinstance(value, list | tuple):
            for item in value:
                if isinstance(item, BaseModel):
                    compact(item)
    return model
