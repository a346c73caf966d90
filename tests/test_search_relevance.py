"""The relevance set: what residents type, run in Chromium on both search surfaces of the built
sample site, the site search (/sok/) and the finder's free text (/hitta-stod/).

Each query names what must be among the top 3 results as ids, categories, areas or types, so the
set keeps working while the sample directory grows: `cat:X` is a record of category X (or, in the
site search, the category's page), `area:X` a record in or serving area X (or the area's page),
`type:X` a record of that type, `lang:X` a record in language X. Words that must never be found inside an unrelated longer word
are listed per query: no result may have matched through one of them.

    .venv/bin/python -m pytest tests/test_search_relevance.py -s   # prints the table
"""

from __future__ import annotations

from urllib.parse import quote

import pytest

from commonmap.records.validate import read_directory
from tests.support.sites import ROOT

pytestmark = pytest.mark.browser  # every test here opens Chromium

# (query, what counts as a hit in the top 3, words it must not match inside)
QUERIES: list[tuple[str, set[str], set[str]]] = [
    # everyday words (the categories' search_words)
    ("kurator", {"cat:psykisk-halsa"}, set()),
    ("ångest", {"cat:psykisk-halsa"}, set()),
    ("bostad", {"cat:boende"}, set()),
    ("hyra", {"cat:boende"}, set()),
    ("arbetsträning", {"cat:arbete"}, set()),
    ("jobb", {"cat:arbete"}, set()),
    ("kvinnojour", {"cat:vald-i-nara-relation"}, set()),
    ("ensamhet", {"cat:gemenskap"}, set()),
    ("fika", {"cat:gemenskap"}, set()),
    ("föreningsbidrag", {"cat:foreningsstod"}, set()),
    ("frivillig", {"type:roles"}, set()),
    ("misshandel", {"cat:vald-i-nara-relation", "cat:brottsofferstod"}, set()),
    # single words from the records
    ("läxhjälp", {"cat:sprak-och-utbildning"}, set()),
    ("volontär", {"type:roles"}, set()),
    ("volontäruppdrag", {"type:roles"}, set()),
    ("brottsoffer", {"cat:brottsofferstod"}, set()),
    ("vittne", {"id:vittnesstod"}, set()),
    ("polis", {"id:polisen"}, set()),
    ("solpaneler", {"id:vintrosa-solpaneler-laddstolpar", "id:vintrosa-folkets-hus"}, set()),
    ("återbruk", {"id:avfallsutbildning-aterbruk"}, set()),
    ("studieförbund", {"id:abf-orebro-lan", "id:bilda"}, set()),
    ("nattvandring", {"id:nattvandrarna-orebro", "id:nattvandrare", "cat:trygghet"}, set()),
    # compounds found by their parts
    ("språkcafé", {"cat:sprak-och-utbildning"}, set()),
    ("café", {"cat:sprak-och-utbildning", "cat:gemenskap"}, set()),
    ("jour", {"id:brottsofferjouren", "cat:vald-i-nara-relation"}, set()),
    ("praktik", {"id:vivalla-renovering-praktikplatser", "cat:arbete"}, set()),
    # inflections
    ("mötesplatsen", {"cat:gemenskap", "type:places"}, set()),
    ("mötesplatser", {"cat:gemenskap", "type:places"}, set()),
    ("nattvandrarna", {"id:nattvandrarna-orebro", "id:nattvandrare"}, set()),
    ("föreningar", {"cat:foreningsstod"}, set()),
    ("ungdomarna", {"cat:barn-och-unga"}, set()),
    ("praktikplatserna", {"id:vivalla-renovering-praktikplatser"}, set()),
    ("vittnen", {"id:vittnesstod"}, set()),
    # two-word phrases
    ("psykisk hälsa", {"cat:psykisk-halsa"}, set()),
    ("må dåligt", {"cat:psykisk-halsa"}, set()),
    ("stöd till brottsoffer", {"cat:brottsofferstod"}, set()),
    ("röda korset", {"id:roda-korset"}, set()),
    ("folkets hus", {"id:vintrosa-folkets-hus", "id:vintrosa-folkets-hus-lokal"}, set()),
    ("socialt företag", {"id:coompanion"}, set()),
    ("trygghet vivalla", {"id:est-vivalla"}, set()),
    # English labels
    ("mental health", {"cat:psykisk-halsa"}, set()),
    ("housing", {"cat:boende"}, set()),
    # language names in Swedish, English and their own script
    ("arabiska", {"lang:ar"}, set()),
    ("Arabic", {"lang:ar"}, set()),
    ("العربية", {"lang:ar"}, set()),
    ("suomi", {"lang:fi"}, set()),
    ("teckenspråk", {"lang:swl"}, set()),
    # area names
    ("vivalla", {"area:vivalla"}, set()),
    ("brickebacken", {"area:brickebacken"}, set()),
    ("vintrosa", {"area:latorp-taby-vintrosa"}, set()),
    # a word still being typed
    ("kurat", {"cat:psykisk-halsa"}, set()),
    ("nattvandr", {"id:nattvandrarna-orebro", "id:nattvandrare"}, set()),
    # short words that must not be found inside unrelated longer ones
    ("ung", {"cat:barn-och-unga"}, {"ungefär"}),
    ("idé", {"id:motorburen-ungdom-ide"}, {"ideell", "ideella", "ideellt"}),
    ("bil", set(), {"bilda"}),
    ("tid", set(), {"tidigare", "tidig", "tidning"}),
    ("ordning", set(), {"samordning"}),
    ("art", set(), {"partner", "partners", "partnerskap", "samarbetspart"}),
    ("stad", set(), {"bostad", "bostäder", "bostadsbolag", "bostadsområden", "bostadsområdena"}),
]
SURFACES = ("sok", "finder")
# Typed into the field letter by letter and left unfinished: the last word is matched as a prefix.
# Every other query is opened as a link (?q=), i.e. complete words.
TYPED = {"kurat", "nattvandr"}
FIELDS = {"sok": ("sok/", "#cm-search-q", "cm-search-status"), "finder": ("hitta-stod/", "#cm-q", "cm-status")}


@pytest.fixture(scope="module")
def sample():
    directory, _ = read_directory(ROOT / "directory")
    return directory


@pytest.fixture
def tab(browser):
    """A tab whose waits may evaluate script (the pages' CSP is checked in test_trust_csp.py)."""
    context = browser.new_context(locale="sv-SE", bypass_csp=True)
    yield context.new_page()
    context.close()


def accepted(expected: set[str], url: str, directory) -> bool:
    """Whether a result (its URL relative to the site root) is one of `expected`."""
    folder, _, rest = url.partition("/")
    name = rest.strip("/")
    if folder == "kategorier":
        return f"cat:{name}" in expected
    if folder == "omraden":
        return f"area:{name}" in expected
    entry = directory.entries.get(name)
    if entry is None:
        return False
    keys = {f"id:{entry.id}", f"type:{entry.type}"}
    keys |= {f"cat:{c}" for c in entry.record.categories} | {f"area:{a}" for a in entry.areas}
    keys |= {f"lang:{code}" for code in entry.record.languages}
    return bool(keys & expected)


def run(page, url: str, surface: str, query: str) -> tuple[list[str], list[str]]:
    """(the result URLs in order, every word a result matched through) for one query."""
    path, field, status = FIELDS[surface]
    if query in TYPED:
        page.goto(f"{url}/{path}")
        page.locator(field).press_sequentially(query, delay=30)
    else:
        page.goto(f"{url}/{path}?q={quote(query)}")
    page.wait_for_function(f"() => /träff/.test(document.getElementById('{status}').textContent)")
    if surface == "sok":
        found = page.locator("#cm-search-results > li").evaluate_all("items => items.map(i => i.dataset.url)")
    else:
        found = page.locator("#cm-results > li").evaluate_all(
            "items => items.map(i => i.querySelector('a').getAttribute('href'))"
        )
        found = [href.removeprefix("../") for href in found]
    # Every match the engine made, not only those shown: through which word each result matched.
    words = page.evaluate(
        """async ([query, finder, typing]) => {
            const m = await CMSearch.manifest();
            const result = await CMSearch.search(query, {limit: finder ? m.records : Infinity, typing: typing});
            return result.hits.flatMap(h => h.why.map(w => w.surface));
        }""",
        [query, surface == "finder", query in TYPED],
    )
    marks = page.locator("mark.cm-hit").all_inner_texts()
    return found, words + [m.lower() for m in marks]


def test_relevance_on_both_surfaces(tab, site_url: str, sample) -> None:
    rows, hits, inside = [], dict.fromkeys(SURFACES, 0), []
    scored = [q for q in QUERIES if q[1]]
    for query, expected, forbidden in QUERIES:
        row = [query, ", ".join(sorted(expected)) or "–"]
        for surface in SURFACES:
            found, words = run(tab, site_url, surface, query)
            top = found[:3]
            ok = any(accepted(expected, u, sample) for u in top)
            hits[surface] += ok and bool(expected)
            inside += [(surface, query, w) for w in words if w in forbidden]
            row.append(("✓ " if ok else "✗ " if expected else "") + "; ".join(u.strip("/") or "start" for u in top))
        rows.append(row)
    table = ["| query | expected in top 3 | site search (/sok/) | finder (/hitta-stod/) |", "| --- | --- | --- | --- |"]
    table += ["| " + " | ".join(row) + " |" for row in rows]
    rates = {s: hits[s] / len(scored) for s in SURFACES}
    table.append(f"\nhit@3: site search {rates['sok']:.0%}, finder {rates['finder']:.0%} ({len(scored)} queries)")
    table.append(f"matches inside unrelated words: {len(inside)}")
    print("\n".join(table))
    assert len(scored) >= 40
    assert inside == []
    assert min(rates.values()) >= 0.9, "\n".join(table)
