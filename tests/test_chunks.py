"""A file made piece by piece (site/outputs.Chunks, issue 24): written as it comes, the same bytes
as made whole, its size known after, and never read twice by mistake."""

from __future__ import annotations

import pytest

from commonmap.mkdocs_files import put
from commonmap.site.outputs import Chunks

PIECES = [b"[", b'{"a":1}', b",", b'{"b":"\xc3\xa5"}', b"]\n"]


def test_pieces_are_written_as_they_come_and_counted(tmp_path) -> None:
    made: list[bytes] = []

    def pieces():
        for piece in PIECES:
            made.append(piece)
            yield piece

    chunks = Chunks(pieces())
    assert made == []  # nothing is made before it is written
    target = put(tmp_path / "data" / "x.json", chunks)
    assert target.read_bytes() == b"".join(PIECES)
    assert len(chunks) == len(b"".join(PIECES))
    with pytest.raises(RuntimeError):
        bytes(chunks)  # the pieces are gone: reading them again is an error, not an empty file


def test_made_whole_they_can_be_read_again() -> None:
    chunks = Chunks(iter(PIECES))
    assert len(chunks) == len(b"".join(PIECES))
    assert bytes(chunks) == b"".join(PIECES) == b"".join(chunks) == b"".join(chunks)
