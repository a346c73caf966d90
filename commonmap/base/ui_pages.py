"""The interface strings around the pages: languages and translations, the chrome of every page,
Material for MkDocs' own strings and the preview. Assembled into ui.SV (see ui.py)."""

from __future__ import annotations

LANGUAGES: dict[str, str | tuple[str, str]] = {
    # Languages: the switcher, the pages per language, translated records (issue 17)
    "languages.switcher": "Välj språk",
    "list_separator": ", ",
    "languages.label": "{name} ({own})",
    "languages.in_swedish": "Uppgifterna om verksamheterna är på svenska, om inte verksamheten har skrivit dem på ditt språk.",
    "languages.other_names": "På andra språk",
    "languages.lattlast": "lättläst svenska",
    "nav.start": "Start",
    "nav.about": "Om kartan",
    "nav.translations": "Språk och översättningar",
    "footer.copyright": "Uppgifterna är öppna data (CC0 1.0). Områdesgränser från SCB RegSO 2025 (CC0), bearbetade.",
    "translations.title": "Språk och översättningar",
    "translations.description": "Hur mycket av Gemensam karta som finns på varje språk och vem som har granskat översättningen.",
    "translations.intro": "Gemensam karta finns på sju språk. Här ser du hur mycket av varje språk som är klart. Det som inte är översatt visas på svenska.",
    "translations.who": "Översättningarna är skrivna i projektet, med hjälp av en AI-modell. Ingen som har språket som modersmål har granskat dem ännu. Uppgifterna om verksamheterna skrivs av verksamheterna själva, oftast på svenska.",
    "translations.help": "Ser du ett fel i en översättning? Skriv till oss, så rättar vi:",
    "translations.translators": "Översättare kan arbeta direkt i filerna i commonmap/locale/ med Poedit eller Weblate.",
    "translations.language": "Språk",
    "translations.texts": "Texter på webbplatsen",
    "translations.categories": "Kategorier",
    "translations.pages": "Sidor",
    "translations.reviewed": "Granskad av",
    "translations.not_reviewed": "Inte granskad ännu",
    "translations.source": "Originalspråk",
    "translations.of": "{done} av {total}",
    # The record shown in the finder of each language (record pages are in Swedish)
    "record.full_page": "Hela sidan på svenska",
    "record.back": "Tillbaka till träffarna",
    "record.not_found": "Posten finns inte, eller är inte längre med i katalogen.",
}

CHROME: dict[str, str | tuple[str, str]] = {
    # Around every page (commonmap/site/chrome.py, overrides/, content/assets/javascripts/resident.js)
    "chrome.skip": "Hoppa till innehållet",
    "chrome.menu": "Meny",
    "chrome.search": "Sök",
    "crisis.label": "Akut hjälp",
    "crisis.heading": "Behöver du hjälp nu? Ring:",
    "quick_exit": "Lämna sidan snabbt",
    "quick_exit.help": "eller tryck Esc två gånger",
    "footer.label": "Om webbplatsen",
    "footer.statement": "Tillgänglighetsredogörelse",
    "footer.about": "Om Gemensam karta",
    "footer.open_data": "Öppna data",
    "footer.contribute": "Bidra eller rätta",
    "share": "Dela",
    "share.copy": "Kopiera länk",
    "share.copied": "Länken är kopierad.",
    "share.failed": "Länken kunde inte kopieras. Markera den och kopiera den själv:",
    "statement.no_email": "(ingen e-postadress är inställd ännu)",
    "statement.email_subject": "Tillgänglighet i Gemensam karta",
}

THEME: dict[str, str | tuple[str, str]] = {
    # Material for MkDocs' own strings that residents see (its keys after "theme."; "#" is the count)
    "theme.action.edit": "Redigera sidan",
    "theme.action.skip": "Gå till innehållet",
    "theme.action.view": "Visa källkoden för denna sida",
    "theme.header": "Sidhuvud",
    "theme.footer": "Sidfot",
    "theme.nav": "Navigation",
    "theme.toc": "Innehållsförteckning",
    "theme.source": "Gå till datakatalog",
    "theme.search": "Sök",
    "theme.search.placeholder": "Sök",
    "theme.search.reset": "Rensa",
    "theme.search.result.initializer": "Initialiserar sök",
    "theme.search.result.placeholder": "Skriv sökord",
    "theme.search.result.none": "Inga sökresultat",
    "theme.search.result.one": "1 sökresultat",
    "theme.search.result.other": "# sökresultat",
    "theme.search.result.more.one": "1 till på denna sida",
    "theme.search.result.more.other": "# till på denna sida",
    "theme.search.result.term.missing": "Saknas",
    "theme.clipboard.copy": "Kopiera till urklipp",
    "theme.clipboard.copied": "Kopierat till urklipp",
    # The preview (`mkdocs serve`) while a file has errors
    "preview.title": "Förhandsvisningen visar den senaste versionen utan fel. Rätta {count} fel, så uppdateras sidan:",
    "preview.hint": "Tips: {hint}",
    "preview.kept": "Förhandsvisningen visar den senaste versionen utan fel tills {count} fel är rättade.",
}
