"""The contributor's form /bidra/formular/ in Debian's Chromium (issue 19): filling it in gives a
file that `commonmap validate` accepts; a mistake shows the command line's own message and hint;
the GitHub link carries the file's name and content, the e-mail link the YAML, the download the
file; a record is changed from its page; the page works under the CSP, sends nothing, and is
usable with labels, described errors and the keyboard."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from commonmap.records.loader import load_bytes
from tests.support.browser import serve
from tests.support.directories import MINIMAL, TODAY
from tests.support.processes import cli
from tests.support.sites import fixture_site
from tests.test_trust_csp import VIOLATIONS

pytestmark = pytest.mark.browser  # every test here opens Chromium

REPO = "https://github.com/exempel/karta"
EMAIL = "gemensam-karta@example.se"  # mkdocs.yml's report_email, which the test site keeps


@pytest.fixture(scope="module")
def form_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("form")
    site, directory = fixture_site(root, {})
    url, server = serve(site)
    yield url, directory
    server.shutdown()


@pytest.fixture
def form(page, form_site):
    """The form in a tab whose clock is the suite's day, recording CSP violations and every host."""
    url, _ = form_site
    hosts: list[str] = []
    page.on("request", lambda request: hosts.append(urlsplit(request.url).hostname or ""))
    page.add_init_script(VIOLATIONS)
    page.clock.set_fixed_time(datetime(TODAY.year, TODAY.month, TODAY.day, 12))
    page.hosts = hosts
    return page


def open_form(page, form_site, query: str = "") -> None:
    page.goto(f"{form_site[0]}/bidra/formular/{query}", wait_until="networkidle")
    page.wait_for_selector("#cm-form:not([hidden])")


def fill_place(page) -> None:
    """A new meeting place as a volunteer fills it in: labels, not ids."""
    page.get_by_label("Sorts post").select_option(label="Mötesplats")
    box = page.locator('.cm-type[data-type="places"]')
    box.get_by_label("Namn", exact=False).first.fill("Kvällscafé: läxhjälp & fika")
    box.get_by_label("Gemenskap och mötesplatser").check()
    box.get_by_label("Källor 1").fill("Föreningens affisch, 2026")
    box.get_by_label("Värd 1").fill("exempelforeningen")
    box.get_by_label("Telefon", exact=True).fill("019-21 10 00")
    box.get_by_label("Rullstol").select_option(label="Tillgänglig med rullstol")
    box.get_by_role("button", name="Lägg till i öppettider").click()
    box.get_by_label("fredag").check()
    box.get_by_label("Öppnar").fill("18:00")
    box.get_by_label("Stänger").fill("21:00")
    box.get_by_label("Beskrivning", exact=True).fill("Vi ses på fredagar.\n\nAlla är välkomna: ta med en vän!")
    page.wait_for_timeout(300)


def yaml_of(page) -> str:
    return page.locator("#cm-yaml").text_content()


def validate_file(directory: Path, folder: str, name: str, text: str, tmp_path: Path) -> tuple[int, str]:
    """`commonmap validate` on a copy of the site's directory with the form's file added."""
    root = tmp_path / "directory"
    shutil.copytree(directory, root)
    (root / folder / name).write_text(text, encoding="utf-8")
    result = cli("validate", str(root), cwd=tmp_path, timeout=120)
    return result.returncode, result.stdout


def test_filling_in_gives_a_file_that_validate_accepts(form, form_site, tmp_path) -> None:
    open_form(form, form_site)
    fill_place(form)
    text = yaml_of(form)
    assert form.locator("#cm-filename").text_content() == "directory/places/kvallscafe-laxhjalp-fika.yml"
    code, out = validate_file(form_site[1], "places", "kvallscafe-laxhjalp-fika.yml", text, tmp_path)
    assert code == 0, text + out
    loaded, _ = load_bytes(text.encode(), "x.yml")
    assert loaded.data["name"] == "Kvällscafé: läxhjälp & fika"  # the value exactly as typed
    assert loaded.data["description"] == "Vi ses på fredagar.\n\nAlla är välkomna: ta med en vän!\n"
    assert loaded.data["opening_hours"] == [{"days": ["fr"], "opens": "18:00", "closes": "21:00"}]
    assert loaded.data["accessibility"] == {"wheelchair": "yes"} and loaded.typed == {("last_reviewed",): "date"}
    assert loaded.data["last_reviewed"] == TODAY.isoformat()
    assert form.locator("#cm-summary").text_content().startswith("Inga fel")


def cli_problems(directory: Path, folder: str, name: str, text: str, tmp_path: Path) -> dict[str, tuple[str, str]]:
    from commonmap.records.validate import read_directory

    root = tmp_path / "cli"
    shutil.copytree(directory, root)
    (root / folder / name).write_text(text, encoding="utf-8")
    _, problems = read_directory(root, today=TODAY)
    return {p.code: (p.message, p.hint) for p in problems if p.file.endswith(name)}


def test_a_mistake_shows_the_same_message_as_the_command_line(form, form_site, tmp_path) -> None:
    open_form(form, form_site)
    fill_place(form)
    box = form.locator('.cm-type[data-type="places"]')
    mistakes = {
        "Telefon": "019-21 10 00 ankn. 5",  # invalid-phone
        "E-post": "info@exempel",  # invalid-email, with the reason in Swedish
        "Webbplats": "www.exempel.se",  # invalid-url
        "Stänger": "25:00",  # invalid-time (a required field: its label says so too)
        "Latitud": "59,2988",  # decimal-comma
        "Longitud": "15.1869",
        "Id": "Kvällscafé",  # invalid-id
    }
    for label, value in mistakes.items():
        required = label in ("Stänger", "Latitud", "Longitud")  # their labels also say "(måste fyllas i)"
        field = box.locator("#f-places-id") if label == "Id" else box.get_by_label(label, exact=not required)
        field.fill(value)
        field.blur()
    box.get_by_label("Status").select_option("temporarily-closed")  # status-reason-missing
    form.wait_for_timeout(400)
    shown = {}
    for line in form.locator(".cm-error:not([hidden]) .cm-message").all():
        message, hint = line.text_content().split(" Gör så här: ", 1)
        shown[line.get_attribute("data-code")] = (message, hint)
    expected = {"invalid-phone", "invalid-email", "invalid-url", "invalid-time", "decimal-comma", "invalid-id"}
    assert expected | {"status-reason-missing"} <= set(shown)
    # The field's message is linked to it for screen readers.
    phone = box.get_by_label("Telefon", exact=True)
    assert phone.get_attribute("aria-invalid") == "true"
    described = phone.get_attribute("aria-describedby").split()
    assert any(form.locator(f"#{i}").text_content().startswith(shown["invalid-phone"][0]) for i in described)
    cli = cli_problems(
        form_site[1], "places", "kvallscafe.yml", yaml_of(form).replace("id: Kvällscafé", 'id: "Kvällscafé"'), tmp_path
    )
    for code, texts in shown.items():
        assert cli.get(code) == texts, code


def test_the_github_link_carries_the_file_name_and_content(form, form_site) -> None:
    open_form(form, form_site)
    fill_place(form)
    href = form.locator("#cm-github").get_attribute("href")
    parts = urlsplit(href)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO}/new/main"
    query = parse_qs(parts.query)
    assert query["filename"] == ["directory/places/kvallscafe-laxhjalp-fika.yml"]
    assert query["value"] == [yaml_of(form)]


def test_the_email_link_carries_the_yaml(form, form_site) -> None:
    open_form(form, form_site)
    fill_place(form)
    href = form.locator("#cm-email").get_attribute("href")
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == EMAIL
    query = parse_qs(parts.query)
    assert "Kvällscafé" in query["subject"][0]
    body = query["body"][0].replace("\r\n", "\n")
    assert body.endswith(yaml_of(form)) and "directory/places/kvallscafe-laxhjalp-fika.yml" in body


def test_the_download_is_the_file(form, form_site) -> None:
    open_form(form, form_site)
    fill_place(form)
    with form.expect_download() as info:
        form.locator("#cm-download").click()
    download = info.value
    assert download.suggested_filename == "kvallscafe-laxhjalp-fika.yml"
    assert Path(download.path()).read_text(encoding="utf-8") == yaml_of(form)
    href = form.locator("#cm-download").get_attribute("href")
    assert unquote(href.split(",", 1)[1]) == yaml_of(form)


def test_changing_a_record_from_its_page_keeps_its_values(form, form_site, tmp_path) -> None:
    url, directory = form_site
    form.goto(f"{url}/motesplatser/exempelplatsen/", wait_until="networkidle")
    form.get_by_role("link", name="Ändra med formuläret").click()
    form.wait_for_selector("#cm-yaml:has-text('exempelplatsen')")
    form.wait_for_timeout(300)
    assert form.locator('input[name="cm-mode"][value="update"]').is_checked()
    text = yaml_of(form)
    before, _ = load_bytes((MINIMAL / "places" / "exempelplatsen.yml").read_bytes(), "a.yml")
    after, _ = load_bytes(text.encode(), "b.yml")
    assert {**before.data, "last_reviewed": TODAY.isoformat()} == after.data
    code, out = validate_file(directory, "places", "exempelplatsen.yml", text, tmp_path)
    assert code == 0, text + out
    github = form.locator("#cm-github").get_attribute("href")
    assert github == f"{REPO}/edit/main/directory/places/exempelplatsen.yml"


def test_the_form_works_under_the_policy_and_sends_nothing(form, form_site) -> None:
    open_form(form, form_site)
    fill_place(form)
    form.locator("#cm-github").get_attribute("href")
    assert form.evaluate("window.__csp") == []
    assert set(form.hosts) == {"127.0.0.1"}  # the page and its own data files only


def test_the_form_is_accessible_and_usable_from_the_keyboard(form, form_site) -> None:
    open_form(form, form_site)
    form.get_by_label("Sorts post").select_option(label="Mötesplats")
    results = Axe().run(form)
    serious = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    assert serious == []
    unlabelled = form.evaluate(
        """() => [...document.querySelectorAll('.cm-type:not([hidden]) input, .cm-type:not([hidden]) textarea,'
              + ' .cm-type:not([hidden]) select')].filter(e => !e.labels.length && !e.closest('label')).map(e => e.id)"""
    )
    assert unlabelled == []
    add = form.locator('.cm-type[data-type="places"]').get_by_role("button", name="Lägg till i källor")
    add.focus()
    form.keyboard.press("Enter")
    assert form.evaluate("document.activeElement.id") == "f-places-sources-1"
    form.keyboard.type("Kommunens webbplats")
    form.keyboard.press("Tab")
    assert form.evaluate("document.activeElement.textContent").startswith("Ta bort ur källor")
    form.keyboard.press("Enter")  # removes the row; the focus goes back to its list's button
    assert form.evaluate("document.activeElement.textContent").startswith("Lägg till i källor")


def test_a_form_page_screenshot_at_phone_width(form, form_site, tmp_path) -> None:
    """The page at 390 px with a mistake shown fits the screen (the screenshot is for looking at)."""
    form.set_viewport_size({"width": 390, "height": 844})
    open_form(form, form_site)
    fill_place(form)
    phone = form.locator('.cm-type[data-type="places"]').get_by_label("Telefon", exact=True)
    phone.fill("019-abc")
    phone.blur()
    form.wait_for_timeout(300)
    phone.scroll_into_view_if_needed()
    shot = tmp_path / "form-390.png"
    form.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    assert form.evaluate("document.documentElement.scrollWidth") <= 390
