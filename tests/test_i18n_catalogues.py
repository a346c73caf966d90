"""The interface's gettext catalogues: they compile, their placeholders match the Swedish, a missing
translation falls back to Swedish string by string, plurals follow gettext, and the completeness
each build prints is what the catalogues, categories.yml and content/ hold."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po, write_po

from commonmap.base import i18n, ui
from commonmap.base.languages import LANGUAGES, RESIDENT_CONTENT, SWEDISH
from tests.support.sites import ROOT, build_site, site_config

OTHERS = [language for code, language in LANGUAGES.items() if code != SWEDISH]
PYBABEL = Path(sys.executable).with_name("pybabel")


def read(language, root: Path | None = None):
    return i18n.read_catalogue(language, root)


@pytest.mark.parametrize("language", OTHERS, ids=[language.id for language in OTHERS])
def test_every_catalogue_compiles_with_babel(language, tmp_path: Path) -> None:
    """As translators' tools do (pybabel compile), and as the build does (in memory)."""
    target = tmp_path / language.catalogue / "LC_MESSAGES"
    target.mkdir(parents=True)
    shutil.copy(i18n.po_path(language), target)
    result = subprocess.run(
        [str(PYBABEL), "compile", "-D", "messages", "-d", str(tmp_path), "--statistics"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (target / "messages.mo").stat().st_size > 0
    translations = i18n.compile_catalogue(read(language))
    assert translations.pgettext("finder.intro", ui.SV["finder.intro"]) != ui.SV["finder.intro"]


@pytest.mark.parametrize("language", OTHERS, ids=[language.id for language in OTHERS])
def test_no_translation_has_a_missing_or_extra_placeholder(language) -> None:
    assert i18n.placeholder_problems(read(language)) == []


def test_the_placeholder_check_finds_a_mismatch(tmp_path: Path) -> None:
    """The check itself: an extra, a misspelt and a dropped placeholder are each found."""
    catalogue = read(LANGUAGES["en"])
    catalogue.get("Väntas öppna igen {date}.", context="notice.reopens").string = "Opens again {datum}."
    catalogue.get("{km} km bort", context="finder.distance").string = "far away"
    catalogue.get("Öppet nu till {time}", context="finder.open_now").string = "Open now until {time} {day}"
    plural = catalogue.get(ui.SV["finder.count"], context="finder.count")
    plural.string = ("one result", "many results")
    found = {key for key, _ in i18n.placeholder_problems(catalogue)}
    assert found == {"notice.reopens", "finder.distance", "finder.open_now", "finder.count"}
    # A translation with such a mistake is not used: the Swedish text is shown instead.
    texts = i18n.Texts(LANGUAGES["en"], catalogue)
    assert texts.t("notice.reopens", date="1 maj") == "Väntas öppna igen 1 maj."
    assert texts.t("finder.count", count=3) == "3 träffar"


def test_a_plural_form_may_leave_out_the_number() -> None:
    """Arabic says "one result" and "two results" without the digit; the other forms have it."""
    catalogue = read(LANGUAGES["ar"])
    assert i18n.placeholder_problems(catalogue) == []
    texts = i18n.Texts(LANGUAGES["ar"], catalogue)
    forms = [texts.t("finder.count", count=n) for n in (1, 2, 3, 11, 100)]
    assert forms[0] == "نتيجة واحدة" and forms[1] == "نتيجتان"
    assert forms[2:] == ["3 نتائج", "11 نتيجة", "100 نتيجة"]
    assert set(texts.plural_forms("finder.count")) == {"zero", "one", "two", "few", "many", "other"}
    assert i18n.texts("en").plural_forms("finder.count") == {"one": "{count} result", "other": "{count} results"}


def test_a_missing_translation_falls_back_to_swedish_string_by_string(tmp_path: Path) -> None:
    """An empty, a fuzzy and an outdated translation show the Swedish; the others stay translated."""
    catalogue = read(LANGUAGES["so"])
    catalogue.get(ui.SV["finder.title"], context="finder.title").string = ""
    catalogue.get(ui.SV["map.title"], context="map.title").flags.add("fuzzy")
    outdated = catalogue.get(ui.SV["areas"], context="areas")
    catalogue.delete(outdated.id, context="areas")
    catalogue.add("Områdena", outdated.string, context="areas")  # translated from an older Swedish text
    path = tmp_path / "so" / "LC_MESSAGES" / "messages.po"
    path.parent.mkdir(parents=True)
    with path.open("wb") as file:
        write_po(file, catalogue)
    texts = i18n.Texts(LANGUAGES["so"], read(LANGUAGES["so"], tmp_path))
    assert texts.t("finder.title") == "Hitta stöd"
    assert texts.t("map.title") == "Karta"
    assert texts.t("areas") == "Områden"
    assert texts.t("categories") == "Qaybaha"
    assert not texts.has("finder.title") and texts.has("categories")
    assert i18n.completeness(LANGUAGES["so"], tmp_path).done == len(i18n.source()) - 3


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_no_string_is_ever_a_key_or_blank(code: str) -> None:
    texts = i18n.texts(code)
    for key in ui.SV:
        params = {name: "1" for name in re.findall(r"\{(\w+)\}", str(ui.SV[key]))}
        if isinstance(ui.SV[key], tuple):
            params["count"] = 2
        text = texts.t(key, **params)
        swedish = ui.t(key, **params)
        assert text.strip(), (code, key)
        assert text == swedish or texts.has(key), (code, key)  # its own translation, else the Swedish


def test_the_template_holds_every_string_to_translate() -> None:
    """commonmap/locale/messages.pot is what `make translations` extracts from ui.py now."""
    with (i18n.locale_dir() / "messages.pot").open("rb") as file:
        template = read_po(file)
    found = {message.context: message.id for message in template if message.id}
    wanted = {key: text if isinstance(text, str) else tuple(text) for key, text in i18n.source().items()}
    assert found == wanted, "run `make translations`"


def test_each_string_stands_in_one_group() -> None:
    """A key written in two groups of ui.py would leave one text out of SV unseen."""
    assert sum(len(group) for group in ui.GROUPS) == len(ui.SV)


def test_swedish_only_strings_are_not_offered_for_translation() -> None:
    assert "ref.field" not in i18n.source() and "map.coverage_title" not in i18n.source()
    assert "finder.title" in i18n.source() and "theme.search.placeholder" in i18n.source()


def independent_counts(directory: Path) -> dict[str, tuple[int, int, int, int]]:
    """(texts done, texts total, categories done, pages done) per language, read from the files
    themselves with Babel and PyYAML, not with the code that prints the figures."""
    total = sum(ui.translatable(key) for key in ui.SV)
    categories = yaml.safe_load((directory / "categories.yml").read_text(encoding="utf-8"))["categories"]
    counts = {}
    for language in OTHERS:
        with i18n.po_path(language).open("rb") as file:
            catalogue = read_po(file)
        done = 0
        for message in catalogue:
            source = ui.SV.get(message.context)
            forms = message.string if isinstance(message.string, tuple) else (message.string,)
            same = source is not None and (tuple(source) if isinstance(source, tuple) else source) == message.id
            done += bool(message.id and same and ui.translatable(message.context) and not message.fuzzy and all(forms))
        own = [c.get("translations", {}).get(language.id, {}) for c in categories]
        pairs = list(zip(categories, own, strict=True))
        labels = [t.get("label") or (c["label_en"] if language.id == "en" else None) for c, t in pairs]
        translated = sum(bool(label) and bool(t.get("description")) for label, t in zip(labels, own, strict=True))
        pages = sum(
            (ROOT / "content" / language.id / f"{page.rstrip('/') or 'index'}.md").exists() for page in RESIDENT_CONTENT
        )
        counts[language.id] = (done, total, translated, pages)
    return counts


def reported(output: str) -> dict[str, tuple[int, int, int, int]]:
    pattern = re.compile(
        r"Översättning (\S+) \(.*?\): texter (\d+) av (\d+) \(\d+ %\), kategorier (\d+) av \d+ \(\d+ %\), "
        r"sidor (\d+) av \d+"
    )
    return {m[1]: (int(m[2]), int(m[3]), int(m[4]), int(m[5])) for m in pattern.finditer(output)}


@pytest.mark.parametrize("name", ["sample", "minimal"])
def test_completeness_in_the_build_output_is_true(name: str, tmp_path: Path) -> None:
    # A copy inside the project's folder: the plugin reads no directory outside it (issue 22).
    directory = tmp_path / "directory"
    shutil.copytree(ROOT / "directory" if name == "sample" else ROOT / "tests" / "fixtures" / "minimal", directory)
    result = build_site(site_config(tmp_path, directory), tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    assert reported(result.stderr) == independent_counts(directory)
    page = (tmp_path / "site" / "sprak" / "index.html").read_text(encoding="utf-8")
    for code, (done, total, categories, pages) in independent_counts(directory).items():
        row = re.search(rf'<tr>\s*<th scope="row"><a href="[^"]*{code}/sprak/".*?</tr>', page, re.S)
        assert row, code
        assert f"{done} av {total}" in row[0] and f"{pages} av {len(RESIDENT_CONTENT)}" in row[0]
        assert f"{categories} av " in row[0]
