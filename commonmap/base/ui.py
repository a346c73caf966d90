"""The interface's message catalogue: every string a page shows comes from here, in Swedish.

Swedish is the source language. `make translations` extracts these strings (commonmap/base/i18n.py's
extractor; the key becomes the msgctxt, the Swedish text the msgid) into the gettext catalogues
under commonmap/locale/, where they are translated; the build shows each language's translation
and falls back to the Swedish here, string by string. A string whose form depends on a number is
a pair (singular, plural) and takes the number as `count`. Placeholders are {name}; the theme's
strings (theme.*) count with "#", as Material for MkDocs does.

Add a string: a key and its Swedish text below, then `make translations` and translate it in
each commonmap/locale/*/LC_MESSAGES/messages.po (Poedit, Weblate or a text editor).
"""

from __future__ import annotations

# Strings only Swedish pages show (the contributors' guide /bidra/, the record lists, good examples
# and the municipality's coverage table): not extracted for translation, not counted as missing.
SWEDISH_ONLY_PREFIXES = ("ref.", "errors.", "list_intro.", "map.coverage", "report_", "suggest_change")
SWEDISH_ONLY_PREFIXES += ("preview.", "statement.")  # the preview's notice; the statement (Swedish only)
# The point picker on /bidra/plats/ (for contributors) and the coverage page's GIS layer.
SWEDISH_ONLY_PREFIXES += ("map.picker", "map.noscript_picker", "map.gis_intro", "map.download_g")
SWEDISH_ONLY_PREFIXES += ("form.", "change_with_form", "governance.")  # contributing (/bidra/, record pages)
SWEDISH_ONLY_PREFIXES += ("search.type_words.",)  # words of the Swedish search index, not shown
SWEDISH_ONLY_KEYS = frozenset(
    {"or", "good_examples", "good_examples_intro", "ongoing_and_planned", "history", "map.download_csv"}
    | {"map.to_map", "map.table_caption", "map.area", "map.total", "map.gap", "map.unplaced", "map.gaps_summary"}
    | {"map.wide_only"}
)


def translatable(key: str) -> bool:
    return key not in SWEDISH_ONLY_KEYS and not key.startswith(SWEDISH_ONLY_PREFIXES)


SV: dict[str, str | tuple[str, str]] = {
    # Record types: singular, plural (list page titles), and the URL folders are in pages.py.
    "type.organisations": "Organisation",
    "type.places": "Mötesplats",
    "type.roles": "Volontäruppdrag",
    "type.collaborations": "Samverkan",
    "types.organisations": "Organisationer",
    "types.places": "Mötesplatser",
    "types.roles": "Volontäruppdrag",
    "types.collaborations": "Samverkan",
    "kind.association": "Förening",
    "kind.municipal-service": "Kommunal verksamhet",
    "kind.municipal-company": "Kommunalt bolag",
    "kind.public-agency": "Myndighet",
    "kind.region": "Region",
    "kind.company": "Företag",
    "kind.housing-company": "Bostadsbolag",
    "kind.faith-community": "Trossamfund",
    "kind.study-association": "Studieförbund",
    "kind.foundation": "Stiftelse",
    "kind.network": "Nätverk",
    "kind.partnership": "Partnerskap",
    "status.planned": "Planerad",
    "status.ongoing": "Pågår",
    "status.ended": "Avslutad",
    "status.active": "Verksam",
    "status.temporarily-closed": "Tillfälligt stängt",
    "status.closed": "Stängt",
    "notice.closed": "Stängt: verksamheten finns inte längre. Sidan finns kvar så att gamla länkar fungerar.",
    "notice.temporarily_closed": "Tillfälligt stängt.",
    "notice.reopens": "Väntas öppna igen {date}.",
    "notice.protected": "Skyddad adress: adressen visas inte, för att skydda dem som får stöd här. Ta kontakt på det sätt som står under Kontakt.",
    "notice.protected_area": "Verkar i",
    "notice.protected_place": "Mötesplatsen har skyddad adress och adressen visas inte. Så tar du kontakt:",
    "notice.old_sources_phone": "Uppgifterna kommer från en sida från {year} – ring och kontrollera innan du går dit.",
    "notice.old_sources": "Uppgifterna kommer från en sida från {year} – kontrollera med verksamheten innan du går dit.",
    "badge.protected": "Skyddad adress",
    "closed_periods": "Stängt under perioder",
    "closed_period": "Stängt {start} – {end}",
    "public_holidays.closed": "Stängt på helgdagar och på midsommar-, jul- och nyårsafton.",
    "public_holidays.open": "Öppet även på helgdagar.",
    "day.mo": "måndag",
    "day.tu": "tisdag",
    "day.we": "onsdag",
    "day.th": "torsdag",
    "day.fr": "fredag",
    "day.sa": "lördag",
    "day.su": "söndag",
    "serves.municipality": "hela kommunen",
    "serves.county": "hela länet",
    "serves.country": "hela landet",
    "reach": "Når",
    "reach.heading.municipality": "Gäller hela kommunen",
    "reach.heading.county": "Gäller hela länet",
    "reach.heading.country": "Gäller hela landet",
    "reach.intro.municipality": "Stöd som finns för alla i Örebro kommun, också i {name}.",
    "reach.intro.county": "Stöd som finns för alla i Örebro län, också i {name}.",
    "reach.intro.country": "Stöd som finns för alla i Sverige, också i {name}: stödlinjer och nationella verksamheter.",
    "wheelchair.yes": "Tillgänglig med rullstol",
    "wheelchair.limited": "Delvis tillgänglig med rullstol",
    "wheelchair.no": "Inte tillgänglig med rullstol",
    # Headings and labels
    "categories": "Kategorier",
    "contact": "Kontakt",
    "phone": "Telefon",
    "email": "E-post",
    "website": "Webbplats",
    "address": "Adress",
    "show_on_map": "Visa på kartan",
    "approximate": "Ungefärligt läge: punkten på kartan visar bara ungefär var det ligger.",
    "opening_hours": "Öppettider",
    "past_midnight": "över midnatt",
    "round_the_clock": "dygnet runt",
    "accessibility": "Tillgänglighet",
    "cost": "Kostnad",
    "free": "Gratis",
    "not_free": "Kostar",
    "languages": "Språk",
    "target_groups": "För vem",
    "description": "Om verksamheten",
    "services": "Stöd som erbjuds",
    "areas": "Områden",
    "located_in": "Ligger i",
    "places": "Mötesplatser",
    "roles": "Volontäruppdrag",
    "collaborations": "Samverkan",
    "hosts": "Drivs av",
    "organisation": "Organisation",
    "place": "Mötesplats",
    "tasks": "Vad du gör",
    "time_commitment": "Tid",
    "requirements": "Krav",
    "criminal_record_extract.true": "Utdrag ur belastningsregistret krävs.",
    "criminal_record_extract.false": "Utdrag ur belastningsregistret krävs inte.",
    "how_to_apply": "Så anmäler du dig",
    "partners": "Parter",
    "period": "Period",
    "status": "Status",
    "outcomes": "Vad samverkan gav",
    "funding": "Finansiering",
    "lessons": "Lärdomar",
    "good_example": "Gott exempel",
    "last_reviewed": "Senast granskad",
    "sources": "Källor",
    "suggest_change": "Föreslå ändring",
    "change_with_form": "Ändra med formuläret",
    "change_with_form_help": "Inget konto behövs: formuläret fylls i med uppgifterna här, och du skickar ändringen med e-post eller på GitHub.",
    "report_error": "Rapportera fel",
    "report_error_help": "Är något fel, till exempel ett telefonnummer eller en adress? Berätta för oss",
    "report_by_email": "med e-post (inget konto behövs)",
    "report_by_form": "i ett formulär på GitHub",
    "or": "eller",
    "suggest_change_help": "Har du ett GitHub-konto kan du själv föreslå ändringen i filen.",
    "none_yet": "Inga ännu.",
    "all_areas": "Alla områden",
    "in_area": "I området",
    "serving_area": "Verkar i området",
    "area_intro": "Det här finns i {name} och det här verkar i området. Längre ner: stöd som gäller hela kommunen, länet eller landet.",
    "areas_intro": "Örebro kommun är indelad i 36 områden (SCB:s RegSO 2025). Välj ett område för att se vad som finns där och vad som verkar där.",
    "areas_wide": (
        "Siffran räknar stöd i området. Dessutom gäller {count} för hela kommunen, länet eller landet; det står på varje områdes sida.",
        "Siffran räknar stöd i området. Dessutom gäller {count} för hela kommunen, länet eller landet; de står på varje områdes sida.",
    ),
    "categories_intro": "Välj ett behov för att se vilket stöd som finns.",
    "list_intro.organisations": "Föreningar, myndigheter, kommunala verksamheter och andra som erbjuder stöd, ordnade efter kategori.",
    "list_intro.places": "Mötesplatser i Örebro kommun, ordnade efter kategori.",
    "list_intro.roles": "Volontäruppdrag: så kan du göra en insats, ordnade efter kategori.",
    "list_intro.collaborations": "Samverkan mellan föreningar, kommunen, myndigheter och företag, ordnad efter kategori.",
    "good_examples": "Goda exempel",
    "good_examples_intro": "Samverkan som kommunen lyfter fram som goda exempel: vilka som var med, vad det gav och vad man lärde sig. Avslutade samarbeten finns kvar som historia.",
    "ongoing_and_planned": "Pågående och planerade",
    "history": "Avslutade – historia",
    "from": "från",
    "until": "till",
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
    # The contributor's form, /bidra/formular/ (contribute/form.py, assets/contribute/form.js)
    "form.title": "Fyll i ett formulär",
    "form.description": "Lägg till eller ändra en verksamhet i Gemensam karta med ett formulär, utan GitHub och utan YAML.",
    "form.intro": "Fyll i fälten, så skriver formuläret filen åt dig. Felen visas medan du skriver, med samma förklaringar som kontrollen ger. Sedan väljer du hur du skickar in: på GitHub, med e-post (inget konto behövs) eller som en fil du laddar ner. Webbplatsen skickar ingenting själv.",
    "form.noscript": "Formuläret behöver JavaScript. Utan JavaScript kan du skriva filen själv, med mallen och fältreferensen på sidan Bidra.",
    "form.back": "Till sidan Bidra",
    "form.mode": "Vad vill du göra?",
    "form.mode_new": "Lägga till en ny post",
    "form.mode_update": "Ändra en post som finns",
    "form.type": "Sorts post",
    "form.record": "Posten du vill ändra",
    "form.record_help": "Skriv namnet eller id:t och välj i listan.",
    "form.record_missing": "Det finns ingen {type} med id '{id}'. Välj en post i listan.",
    "form.record_failed": "Uppgifterna kunde inte hämtas. Försök igen.",
    "form.record_loaded": "Uppgifterna för {name} är ifyllda. Ändra det som är fel.",
    "form.load": "Hämta uppgifterna",
    "form.required_fields": "Måste fyllas i",
    "form.optional_fields": "Frivilliga uppgifter",
    "form.optional_intro": "Fyll i det du vet. Tomma fält kommer inte med i filen.",
    "form.required": "måste fyllas i",
    "form.choose": "Välj …",
    "form.unknown": "Vet inte",
    "form.yes": "Ja",
    "form.no": "Nej",
    "form.example": "Exempel: {example}",
    "form.add": "Lägg till i {what}",
    "form.remove": "Ta bort ur {what}:",
    "form.point_picker": "Välj punkten på en karta (öppnas i en ny flik)",
    "form.location_paste": "Klistra in raderna från kartan",
    "form.location_paste_help": "Kartan för att välja en punkt ger några rader som börjar med location:. Klistra in dem här, så fylls latitud och longitud i.",
    "form.send": "Skicka in",
    "form.summary_none": "Inga fel hittade. Kontrollen på GitHub ser också sådant som bara den kan kontrollera.",
    "form.summary_one": "1 fel kvar. Du kan skicka in ändå, men rätta det gärna först:",
    "form.summary_many": "{count} fel kvar. Du kan skicka in ändå, men rätta dem gärna först:",
    "form.github": "Öppna som ny fil på GitHub",
    "form.github_update": "Öppna filen på GitHub",
    "form.github_help": "Du behöver ett GitHub-konto. GitHub gör en egen kopia åt dig och en pull request när du sparar.",
    "form.github_update_help": "Du behöver ett GitHub-konto. Kopiera texten med knappen, markera allt i filen på GitHub och klistra in.",
    "form.copy": "Kopiera texten",
    "form.copied": "Texten är kopierad.",
    "form.copy_failed": "Texten kunde inte kopieras. Markera den under Filen och kopiera den själv.",
    "form.email": "Skicka med e-post",
    "form.email_help": "Inget konto behövs. Ditt e-postprogram öppnas med texten ifylld; du skickar själv.",
    "form.email_long": "Texten är lång. Om ditt e-postprogram kortar den: ladda ner filen och bifoga den i stället.",
    "form.email_subject_new": "Ny post i Gemensam karta: {name}",
    "form.email_subject_update": "Ändring i Gemensam karta: {name}",
    "form.email_body": "Hej! Här är en post till Gemensam karta. Filen ska heta {file}.",
    "form.download": "Ladda ner filen",
    "form.download_help": "Spara filen och skicka den som bilaga, eller lägg den i rätt mapp själv.",
    "form.file": "Filen",
    "form.fix": "Gör så här",
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
    # The field reference and error list on /bidra/ (commonmap/contribute)
    "governance.team": "Bara kommunens team {team} kan godkänna en ändring i de här filerna:",
    "governance.no_team": "Kommunens team är inte angivet (municipality_team i mkdocs.yml). Det här är kommunens beslut:",
    "ref.field": "Fält",
    "ref.title": "Namn på svenska",
    "ref.required": "Måste finnas",
    "ref.meaning": "Vad du skriver",
    "ref.example": "Exempel",
    "ref.yes": "Ja",
    "ref.no": "Nej",
    "ref.required_if": "Ja, om {parent} finns med",
    "ref.choices": "Välj bland: {choices}.",
    "ref.list": "En lista: skriv ett värde per rad, efter '- '.",
    "ref.common_fields": "Fält som alla poster har",
    "ref.type_fields": "Fält för {type} (mappen {folder}/)",
    "ref.see_list": "Se listan.",
    "ref.category_ids": "Id att skriva",
    "ref.not_in_editor": "Det här kontrollerar bara commonmap validate",
    "ref.not_in_editor_intro": "Textredigeraren markerar okända fält, fel typ av värde och fel form. Det här kan bara commonmap validate och kontrollen av din pull request se:",
    "errors.fix": "Gör så här",
    "errors.others": "Alla andra felmeddelanden",
    # Hitta stöd
    "finder.title": "Hitta stöd",
    "finder.intro": "Välj vad du behöver, var och på vilket språk. Resultaten uppdateras direkt, och länken i adressfältet visar dina val så att du kan dela den.",
    "finder.noscript": "Sökfiltren behöver JavaScript. Utan JavaScript hittar du samma sak, lite långsammare, via kategorier, områden och listorna nedan.",
    "finder.need": "Behov",
    "finder.area": "Område",
    "finder.language": "Språk",
    "finder.any": "Alla",
    "finder.near_me": "Sortera efter närhet till mig",
    "finder.near_me_help": "Din position används bara i din webbläsare och skickas ingenstans.",
    "finder.near_me_failed": "Din position kunde inte hämtas.",
    "finder.types": "Typ",
    "finder.free": "Gratis",
    "finder.wheelchair": "Tillgängligt med rullstol",
    "finder.when": "När",
    "finder.when_any": "Alla tider",
    "finder.when_now": "Öppet nu",
    "finder.when_evening": "Öppet kvällar eller helger",
    "finder.text": "Sökord",
    "finder.reset": "Rensa filter",
    "finder.print": "Skriv ut listan",
    "finder.results": "Resultat",
    "finder.count": ("{count} träff", "{count} träffar"),
    "finder.none": "Inga träffar. Ta bort något filter eller sök på ett annat ord.",
    "finder.more": "Visa fler",
    "finder.open_now": "Öppet nu till {time}",
    "finder.open_round_the_clock": "Öppet nu, dygnet runt",
    "finder.opens": "Öppnar {day} {time}",
    "finder.loading": "Hämtar katalogen …",
    "finder.plain_all": "Alla {count} poster.",
    "finder.plain_some": "De första {shown} av {count} poster; alla finns i listorna under Bläddra utan filter.",
    "finder.load_failed": "Katalogen kunde inte hämtas. Försök igen eller använd listorna nedan.",
    "finder.distance": "{km} km bort",
    "finder.distance_approx": "ca {km} km bort (ungefärligt läge)",
    "finder.temporarily_closed": "Tillfälligt stängt",
    "finder.protected": "Skyddad adress: ta kontakt via telefon, e-post eller webbplats",
    "finder.browse": "Bläddra utan filter",
    # The site search (/sok/ and the header) and the matching in both search surfaces.
    "search.title": "Sök",
    "search.description": "Sök bland stöd, mötesplatser, volontäruppdrag och samverkan i Örebro kommun.",
    "search.label": "Sök på webbplatsen",
    "search.placeholder": "Sök, t.ex. läxhjälp eller kurator",
    "search.submit": "Sök",
    "search.intro": "Skriv vad du letar efter: ett behov, ett ord, ett språk eller ett område. Resultaten visas medan du skriver.",
    "search.noscript": "Sökningen behöver JavaScript. Utan JavaScript hittar du samma sak via kategorier, områden och listorna.",
    "search.empty": "Skriv ett ord för att söka.",
    "search.searching": "Söker …",
    "search.count": "{count} träffar",
    "search.count_one": "1 träff",
    "search.none": "Inga träffar på ”{query}”. Pröva ett annat ord, eller bläddra bland kategorierna.",
    "search.partial": "Inget hade alla orden; här är det som har några av dem.",
    "search.failed": "Sökningen kunde inte hämtas. Försök igen.",
    "search.more": "Visa fler",
    "search.why": "Träff på",
    "search.area_unknown": "område okänt",
    "search.kind.category": "Kategori",
    "search.kind.area": "Område",
    "search.kind.page": "Sida",
    "search.field.name": "namnet",
    "search.field.category": "kategorin",
    "search.field.words": "vanligt ord för",
    "search.field.type": "typen",
    "search.field.language": "språk",
    "search.field.area": "område",
    "search.field.for": "målgrupp eller stöd",
    "search.field.summary": "beskrivningen",
    "search.field.text": "texten",
    # Everyday words for each type of record, searched as the type's name is.
    "search.type_words.organisations": "verksamhet",
    "search.type_words.places": "träffpunkt, ställe",
    "search.type_words.roles": "volontär, frivillig, ideell, engagera dig, hjälpa till",
    "search.type_words.collaborations": "samarbete, projekt",
    "finder.filter": "Filtrera",
    "finder.filter_count": ("Filtrera ({count} valt)", "Filtrera ({count} valda)"),
    "finder.printed": "Utskriven {date}.",
    "finder.print_filters": "Valda filter: {filters}.",
    "finder.print_no_filters": "Inga filter valda: alla poster.",
    "finder.print_link": "Samma lista på webben: {url}",
    # The map (/karta/), the point picker (/bidra/plats/) and the coverage page (/omraden/tackning/);
    # map.* keys in karta.SCRIPT_TEXT and plats.SCRIPT_TEXT go to the scripts.
    "map.title": "Karta",
    "map.description": "Karta över stöd, mötesplatser, volontäruppdrag och samverkan i Örebro kommun.",
    "map.intro": (
        "Kartan visar organisationer, mötesplatser, volontäruppdrag och samverkan som har en plats. "
        "Klicka på en markering för att läsa mer. Samma poster finns som lista under kartan."
    ),
    "map.skip_to_list": "Hoppa till listan",
    "map.to_coverage": "Var finns stödet? Tabell per område",
    "map.layers_button": "Välj vad kartan visar",
    "map.area_layer": "Områdesgränser",
    "map.shade_by": "Färga områdena efter hur många som erbjuder",
    "map.all_categories": "Alla kategorier",
    "map.no_shading": "Ingen färg",
    "map.locate_title": "Visa min position",
    "map.locate_popup": "Du är inom {distance} {unit} från den här punkten.",
    "map.zoom_in": "Zooma in",
    "map.zoom_out": "Zooma ut",
    "map.legend_controls": (
        "Knappen med lager uppe till höger väljer vilka sorters poster och om områdesgränserna syns. "
        "Knappen med pilen, under plus och minus, visar din position och det som finns närmast dig."
    ),
    "map.area_count": "{label}: {count}",
    "map.map_label": "Karta över stödet i Örebro kommun",
    "map.loading": "Kartan laddas …",
    "map.noscript": "Kartan behöver JavaScript. Alla poster finns i listan nedan.",
    "map.legend": "Teckenförklaring",
    "map.legend_shapes": "Formen visar vilken sorts post det är:",
    "map.legend_colours": "Färgen visar postens första kategori:",
    "map.legend_areas": (
        "Områdenas färg visar hur många poster i området som erbjuder den valda kategorin (vitt: inget i "
        "området; stöd som gäller hela kommunen, länet eller landet räknas inte här):"
    ),
    "map.list_heading": "Alla poster på kartan, per område",
    "map.list_intro": "Samma poster som på kartan. En post kan finnas i flera områden.",
    "map.unlocated": "Poster utan plats syns inte på kartan men finns i listorna:",
    "map.located_of": "{located} av {records} på kartan",
    "map.categories": "Kategorier",
    "map.approximate": "Ungefärligt läge: punkten visar bara ungefär var det ligger.",
    "map.legend_approximate": "Ihålig, streckad markering: ungefärligt läge",
    "map.approximate_short": "ungefärligt läge",
    "map.shown": ("Kartan visar {count} markering.", "Kartan visar {count} markeringar."),
    "map.failed": "Kartdata kunde inte laddas. Alla poster finns i listan nedan.",
    "map.none": "ingen",
    "map.locating": "Söker din position …",
    "map.located": "Din ungefärliga position visas på kartan. Den skickas inte någonstans.",
    "map.near_m": "{m} m",
    "map.near_km": "{km} km",
    "map.near_approx": "ca {distance}",
    "map.located_near": "Din ungefärliga position visas på kartan med det som finns närmast: {names}. Positionen skickas inte någonstans.",
    "map.locate_failed": "Din position kunde inte hittas.",
    "map.picker_title": "Välj en punkt på kartan",
    "map.picker_description": "Hitta koordinaterna till en verksamhet: klicka på kartan och kopiera raderna till postens fil.",
    "map.picker_intro": (
        "Klicka på kartan där verksamheten ligger. Du får raderna med koordinaterna att klistra in i "
        "postens fil, och vilket område punkten ligger i. Inget skickas någonstans: allt sker i din webbläsare."
    ),
    "map.picker_search": "Sök ett område",
    "map.picker_label": "Karta där du väljer en punkt",
    "map.picker_centre": "Använd kartans mitt",
    "map.picker_approximate": "Jag vet bara ungefär var det ligger",
    "map.noscript_picker": "Kartan behöver JavaScript. Du kan också skriva koordinaterna själv, se fältet location på sidan Bidra.",
    "map.picker_result": "Rader till postens fil",
    "map.picker_none": "Ingen punkt vald ännu.",
    "map.picker_copy": "Kopiera raderna",
    "map.picker_copied": "Raderna är kopierade. Klistra in dem i postens fil.",
    "map.picker_in": "Punkten ligger i området {name}.",
    "map.picker_near": "Punkten ligger i en glipa mellan områdena och räknas till {name}.",
    "map.picker_outside": (
        "Punkten ligger utanför Örebro kommun. Kontrollera platsen: en post med den punkten får ett fel när filen kontrolleras."
    ),
    "map.picker_explain": (
        "lat är latitud (hur långt norrut) och lon är longitud (hur långt österut). Fem decimaler är "
        "ungefär en meter. Med tangentbordet: flytta kartan med piltangenterna så att korset i mitten "
        "står på platsen och välj Använd kartans mitt."
    ),
    "map.picker_back": "Tillbaka till Bidra",
    "map.coverage_title": "Var finns stödet? Täckning per område",
    "map.coverage_description": "Hur många verksamheter som erbjuder varje sorts stöd i varje område av Örebro kommun.",
    "map.coverage_intro": (
        "Tabellen visar, för varje område och varje kategori, hur många poster i katalogen som finns i "
        "eller vänder sig till området. Så räknas det:"
    ),
    "map.coverage_counts": (
        "En post räknas i ett område när den ligger där (dess egen plats, eller för volontäruppdrag och "
        "samverkan platsen för deras mötesplatser) eller när posten själv anger att den vänder sig till "
        "området.\n"
        "En post räknas en gång per område och kategori, även om den både ligger i området och anger det."
        " En post med flera kategorier räknas i varje kategori, så kolumnerna kan inte läggas ihop; "
        "Totalt räknar varje post en gång.\n"
        "Alla sorters poster räknas: organisationer, mötesplatser, volontäruppdrag och samverkan. "
        "Avslutad samverkan räknas inte, och inte heller verksamheter som har upphört. En skyddad adress "
        "räknas i de områden den själv anger, men visas aldrig som en punkt.\n"
        "Stöd som gäller hela kommunen, hela länet eller hela landet (till exempel stödlinjer och "
        "kommunens egna verksamheter) räknas för sig, på egna rader längst ner, och inte i varje område.\n"
        "Poster som varken har en plats, områden eller säger att de gäller hela kommunen, länet eller "
        "landet står på raden Område okänt: där saknas uppgifter, inte stöd.\n"
        "Siffrorna säger hur många som finns i katalogen, inte hur stort behovet är eller hur mycket stöd"
        " varje verksamhet ger."
    ),
    "map.coverage_gaps": (
        "Rutor med 0 är markerade. Röda rutor: inget stöd i katalogen för den kategorin, varken i området "
        "eller för hela kommunen, länet eller landet. Gula rutor: inget i området, men stöd som gäller hela "
        "kommunen, länet eller landet."
    ),
    "map.download_csv": "Ladda ner tabellen som CSV",
    "map.gis_intro": (
        "För GIS (till exempel QGIS): samma siffror som ett kartlager, ett område per rad med antalen per "
        "kategori som attribut (wide_ före kategorin: stöd för hela kommunen, länet eller landet; "
        "no_support: kategorier utan något stöd)."
    ),
    "map.download_gpkg": "Ladda ner kartlagret som GeoPackage",
    "map.download_geojson": "Ladda ner kartlagret som GeoJSON",
    "map.to_map": "Se det på kartan",
    "map.table_caption": "Antal poster per område och kategori",
    "map.area": "Område",
    "map.total": "Totalt",
    "map.gap": "inget stöd",
    "map.wide_only": "inget i området, men stöd för hela kommunen, länet eller landet",
    "map.unplaced": "Område okänt",
    "map.gaps_summary": "{gaps} av {cells} rutor saknar stöd; i {wide_only} finns bara stöd för hela kommunen, länet eller landet.",
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


def t(key: str, **params: object) -> str:
    """The Swedish text of `key`; for the other languages see i18n.texts(language).t."""
    text = SV[key]
    if isinstance(text, tuple):
        text = text[0] if params.get("count") == 1 else text[1]
    return text.format(**params) if params else text
