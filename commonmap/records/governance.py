"""What only the municipality decides, and how that is guarded.

The decisions live in files of their own (GOVERNED), so that GitHub's code owners can guard
them: `.github/CODEOWNERS` gives each of them to the municipality's team alone, whose name is set
once, as `municipality_team` in mkdocs.yml's commonmap plugin (tests/test_governance.py fails
while CODEOWNERS disagrees). With the branch rule "Require review from Code Owners" on main, a
pull request that changes one of them cannot be merged without that team's approval; everything
else may get other owners too (an association for its own record's file).

The same list is shown on /bidra/ (contribute/reference.py's `governance` snippet).
"""

from __future__ import annotations

# CODEOWNERS patterns (from the repository's root) → what the municipality decides there.
GOVERNED: dict[str, str] = {
    "/directory/good_examples.yml": "vilka samverkan som visas som goda exempel",
    "/directory/categories.yml": "kategorierna: behoven och typerna av stöd som alla poster använder",
    "/directory/areas.geojson": "områdena i kommunen",
    "/mkdocs.yml": "webbplatsens inställningar, bland annat vilket team som är kommunens och vart e-post går",
    "/.github/": "kontrollerna av varje pull request, publiceringen, vem som granskar vad (CODEOWNERS) och mallarna",
}
