"""The search index as files: a manifest, term shards and document chunks (see __init__.py).

    data/sok/index.json   the rules (stop words, folding, field weights) and the sizes
    data/sok/t<N>.json    {term: [surface words, postings]}; a term's shard is fixed by its first
                          two characters (shard_of), so every term with a given prefix is in one
    data/sok/d<K>.json    documents K*CHUNK ... as rows of wire.DOC_COLUMNS (the manifest's chunks)

A posting is three numbers: the document (as the difference from the previous one), the field
and kind (field * 2 + 1 for a compound's part) and which surface word it was found as. The
manifest's fields are a table of wire.FIELD_COLUMNS (name, weight, what it is about): each category's everyday words are a
field of their own, so that a result can say which category a word belongs to.
"""

from __future__ import annotations

import functools
import json
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from commonmap.base import words
from commonmap.records.directory import Directory
from commonmap.search.documents import FIELDS, Doc, PageText, documents
from commonmap.site import wire
from commonmap.site.outputs import Asset

FOLDER = "data/sok"
CHUNK = 20  # documents per chunk: a page of results fetches a few small files
TERMS_PER_SHARD = 100
PART = 0.6  # a word found as part of a compound counts less than the word itself
PREFIX = 0.8  # and a word still being typed less than a whole word
# A term's documents, ascending, and its best posting in each (pack()).
Postings = tuple[array, array]


def build(directory: Directory, pages: Iterable[PageText] = ()) -> Iterator[Asset]:
    """The index's files, each as it is made: the chunks first, so that the documents' rows are
    let go before the postings are counted, then the manifest and one term shard at a time
    (issue 24's memory). Write each before asking for the next."""
    read = _Read()
    for doc in documents(directory, pages):  # one at a time: 30,000 records' are 40 MB (issue 24)
        read.add(doc)
    docs = len(read.rows)
    spec, chunks = wire.chunked(
        f"{FOLDER}/index.json", f"{FOLDER}/d{{n}}.json", read.rows, CHUNK, _json, wire.DOC_COLUMNS
    )
    read.rows.clear()
    while chunks:
        yield chunks.pop(0)
    fields = sorted(read.fields, key=_field_order)
    order = array("I", bytes(4 * len(fields)))  # a field's number in the order first seen -> in `fields`
    for number, field_ in enumerate(fields):
        order[read.fields[field_]] = number
    postings, surfaces = postings_of(read, order, [FIELDS[name] for name, _ in fields])
    shards = _shard_count(len(postings))
    by_shard: list[list[str]] = [[] for _ in range(shards)]
    for term in postings:
        by_shard[shard_of(term, shards)].append(term)
    manifest = {
        "version": 2,
        "shards": shards,
        "chunks": spec,
        "docs": docs,
        "records": len(directory.listed()),
        "boosts": wire.table(wire.BOOST_COLUMNS, _boosts(read.boosts)),
        "fields": wire.table(wire.FIELD_COLUMNS, [[name, FIELDS[name], about] for name, about in fields]),
        "part": PART,
        "prefix": PREFIX,
        "stop": sorted(words.STOP_WORDS),
        "fold": words.FOLD,
    }
    yield Asset(f"{FOLDER}/index.json", _json(manifest))
    for n, terms in enumerate(by_shard):  # each term's arrays let go once it is encoded
        shard = {term: _encode(postings.pop(term), surfaces) for term in terms}
        yield Asset(f"{FOLDER}/t{n}.json", _json(shard))


@dataclass
class _Read:
    """The documents as the index needs them, read one at a time: each one's words by their
    numbers in `seen` (_numbered), its row of the chunks and its boost. Fields and words are
    numbered in the order first seen; the compounds' lexicon is made of the words too."""

    fields: dict[tuple[str, str], int] = field(default_factory=dict)  # (name, what it is about)
    seen: dict[str, int] = field(default_factory=dict)
    words: list[array | None] = field(default_factory=list)  # postings_of lets each go once read
    rows: list[list[object]] = field(default_factory=list)
    boosts: list[float] = field(default_factory=list)

    def add(self, doc: Doc) -> None:
        self.words.append(_numbered(doc, self.fields, self.seen))
        self.rows.append([getattr(doc, column) for column in wire.DOC_COLUMNS])
        self.boosts.append(doc.boost)


def postings_of(read: _Read, order: array, weights: list[int]) -> tuple[dict[str, Postings], list[str]]:
    """term -> the documents it is in (ascending) and its best posting in each (pack()), and the
    surface words the postings number. A field is its position in the manifest's fields (`order`
    maps the numbers read to them), `weights` their weights. Kept as arrays of machine ints, not
    dicts of Python ints: 30,000 records make millions of postings (issue 24's memory)."""
    seen = read.seen
    surfaces = sorted(seen)
    final = array("I", bytes(4 * len(seen)))  # a word's number in the order first seen -> in `surfaces`
    for number, surface in enumerate(surfaces):
        final[seen[surface]] = number
    folded = [words.fold(surface) for surface in surfaces]
    compounds = words.Compounds(folded)
    terms_of = functools.cache(lambda word: _terms(word, compounds))
    terms = [terms_of(word) for word in folded]  # by surface
    ranks = {value: n for n, value in enumerate(sorted({w * k for w in FIELDS.values() for k in (1, PART)}))}
    found: dict[str, Postings] = {}
    for number in range(len(read.words)):
        doc, read.words[number] = read.words[number], None  # let go once read
        for term, posting in _best(doc, order, weights, final, terms, ranks).items():
            if term not in found:
                found[term] = (array("I"), array("Q"))
            docs_of, postings = found[term]
            docs_of.append(number)
            postings.append(posting)
    return found, surfaces


def _best(
    doc: array, order: array, weights: list[int], final: array, terms: list, ranks: dict[float, int]
) -> dict[str, int]:
    """A document's best posting of each of its terms; `doc` is as _numbered makes it."""
    best: dict[str, int] = {}
    at = 0
    while at < len(doc):
        field_index, count = order[doc[at]], doc[at + 1]
        weight = weights[field_index]
        kinds = (pack(ranks[weight], field_index * 2, 0), pack(ranks[weight * PART], field_index * 2 + 1, 0))
        for surface in map(final.__getitem__, doc[at + 2 : at + 2 + count]):
            for term, kind in terms[surface]:
                posting = kinds[kind] | surface
                known = best.get(term)
                if known is None or posting >> RANK > known >> RANK:
                    best[term] = posting
        at += 2 + count
    return best


def _numbered(doc: Doc, fields: dict[tuple[str, str], int], seen: dict[str, int]) -> array:
    """A document's fields as one array of machine ints, each field as its number in `fields`, the
    count of its distinct words and their numbers in `seen` (numbering fields and words not seen
    yet): one small array per document, not a list of them per field (issue 24's memory)."""
    found: list[int] = []
    for name, text, about in doc.fields:
        numbered = [seen.setdefault(word, len(seen)) for word in dict.fromkeys(words.lower_words(text))]
        found += [fields.setdefault((name, about), len(fields)), len(numbered), *numbered]
    return array("I", found)


def pack(rank: int, field_kind: int, surface: int) -> int:
    """A posting as one int, the value's rank highest so that ints compare as the values do:
    30,000 records make millions of postings, and an int takes a third of a tuple's memory."""
    return rank << RANK | field_kind << FIELD_KIND | surface


RANK, FIELD_KIND, SURFACE = 49, 32, (1 << 32) - 1  # bit positions in a posting, the surface's mask


def _terms(word: str, compounds: words.Compounds) -> tuple[tuple[str, int], ...]:
    """A folded word's terms: its stem (kind 0) and its compound parts' stems (kind 1)."""
    if word in words.STOP_WORDS:
        return ()
    return ((words.stem(word), 0), *((words.stem(part), 1) for part in compounds.parts(word)))


def _field_order(field: tuple[str, str]) -> tuple[int, str]:
    return list(FIELDS).index(field[0]), field[1]


def shard_of(term: str, shards: int) -> int:
    """The shard of a term, from its first two characters (search.js computes the same)."""
    first = ord(term[0])
    second = ord(term[1]) if len(term) > 1 else 0
    return (first * 31 + second) % shards


def _shard_count(terms: int) -> int:
    count = 16
    while count * TERMS_PER_SHARD < terms and count < 1024:
        count *= 2
    return count


def _encode(term: Postings, surfaces: list[str]) -> list:
    docs_of, postings = term
    shown = sorted({surfaces[posting & SURFACE] for posting in postings})
    index = {surface: i for i, surface in enumerate(shown)}
    flat: list[int] = []
    previous = 0
    for number, posting in zip(docs_of, postings, strict=True):
        flat += [
            number - previous,
            posting >> FIELD_KIND & ((1 << (RANK - FIELD_KIND)) - 1),
            index[surfaces[posting & SURFACE]],
        ]
        previous = number
    return [shown, flat]


def _boosts(boosts: list[float]) -> list[list[float]]:
    """Runs of documents with the same boost: [[first, boost], ...]."""
    runs: list[list[float]] = []
    for number, boost in enumerate(boosts):
        if not runs or runs[-1][1] != boost:
            runs.append([number, boost])
    return runs


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
