"""The catalogue's entries for the rules across records and files: vocabulary and references,
protected addresses and status, possible duplicates, freshness, web addresses (`commonmap links`),
the shared vocabulary files, good examples and the helplines. Part of the one catalogue,
messages.MESSAGES; the same rules apply (a stable code, a Swedish message that says what was found,
a Swedish hint that says what to do)."""

from __future__ import annotations

RULE_MESSAGES: dict[str, tuple[str, str]] = {
    # Vocabulary and references
    "unknown-category": (
        "Kategorin '{value}' i '{field}' finns inte.{suggestion}",
        "Välj bland kategorierna i directory/categories.yml: {allowed}.",
    ),
    "category-label": (
        "'{value}' i '{field}' är namnet på en kategori; i filen skrivs kategorins id.",
        "Skriv {id} i stället för {value}.",
    ),
    "unknown-area": (
        "Området '{value}' i '{field}' finns inte.{suggestion}",
        "Använd ett område-id från directory/areas.geojson, t.ex. vivalla eller varberga-oxhagen.",
    ),
    "area-label": (
        "'{value}' i '{field}' är namnet på ett område; i filen skrivs områdets id.",
        "Skriv {id} i stället för {value}.",
    ),
    "duplicate-id": (
        "Id '{value}' används också av {other}.",
        "Varje post behöver ett eget id; byt id och filnamn på en av dem.",
    ),
    "unknown-reference": (
        "Det finns ingen {expected} med id '{value}' (i '{field}').{suggestion}",
        "Kontrollera stavningen eller lägg till posten i directory/{folder}/.",
    ),
    "unknown-record": (
        "Det finns ingen post med id '{value}' (i '{field}').{suggestion}",
        "Kontrollera stavningen av id:t i distinct_from.",
    ),
    "self-reference": (
        "Posten hänvisar till sig själv ('{value}' i '{field}').",
        "Ta bort hänvisningen till postens eget id.",
    ),
    "wrong-reference-type": (
        "'{value}' i '{field}' är en {found}, men här ska det vara en {expected}.",
        "Hänvisa till en post i directory/{folder}/.",
    ),
    # Protected addresses and status
    "protected-address": (
        "Posten har skyddad adress (protected: true) men har en gatuadress i 'address'.",
        "Ta bort hela 'address' ur filen. Filen är offentlig; skriv i stället områdena (areas) och hur man tar kontakt (contact).",
    ),
    "protected-location": (
        "Posten har skyddad adress (protected: true) men har en punkt på kartan i 'location'.",
        "Ta bort hela 'location' ur filen. Kartan visar bara områdena i 'areas' för en skyddad adress.",
    ),
    "protected-contact-missing": (
        "Posten har skyddad adress (protected: true) men inget sätt att ta kontakt i 'contact'.",
        "Skriv under 'contact:' ett telefonnummer (phone), en e-postadress (email) eller en webbplats (website) som leder till verksamheten.",
    ),
    "protected-area-missing": (
        "Mötesplatsen har skyddad adress (protected: true) men säger inte i vilket område den finns.",
        "Lägg till 'areas:' med minst ett område-id från directory/areas.geojson, så att besökare hittar den under sitt område.",
    ),
    "status-reason-missing": (
        "'status' är temporarily-closed men det står inte varför ('status_reason' saknas).",
        "Lägg till 'status_reason:' med en kort förklaring, t.ex. status_reason: Lokalen renoveras.",
    ),
    "reopens-not-closed": (
        "'reopens' gäller bara tillfälligt stängda verksamheter, men status är {status}.",
        "Ta bort 'reopens' eller ändra status till temporarily-closed.",
    ),
    # Possible duplicates (warnings)
    "duplicate-name": (
        "Namnet '{value}' i '{field}' liknar '{other_name}' i {other}.",
        "Är det samma verksamhet? Slå i så fall ihop posterna till en. Är det olika verksamheter, skriv distinct_from: [{other_id}] i filen så varnas det inte igen.",
    ),
    "duplicate-website": (
        "Webbplatsen {value} i '{field}' finns också i {other} ('{other_name}').",
        "Är det samma verksamhet? Slå i så fall ihop posterna till en. Är det olika verksamheter, skriv distinct_from: [{other_id}] i filen så varnas det inte igen.",
    ),
    "duplicate-phone": (
        "Telefonnumret {value} i '{field}' finns också i {other} ('{other_name}').",
        "Är det samma verksamhet? Slå i så fall ihop posterna till en. Är det olika verksamheter, skriv distinct_from: [{other_id}] i filen så varnas det inte igen.",
    ),
    "duplicate-address": (
        "Adressen {value} i '{field}' finns också i {other} ('{other_name}').",
        "Är det samma verksamhet? Slå i så fall ihop posterna till en. Är det olika verksamheter, skriv distinct_from: [{other_id}] i filen så varnas det inte igen.",
    ),
    # Freshness
    "stale": (
        "Posten granskades senast {value} ('last_reviewed'), för mer än {months} månader sedan.",
        "Kontrollera att uppgifterna stämmer och uppdatera 'last_reviewed' till dagens datum.",
    ),
    # Web addresses (`commonmap links`)
    "link-gone": (
        "Sidan {url} finns inte längre (svar {status}).",
        "Leta upp verksamhetens nya adress och skriv in den, eller ta bort länken.",
    ),
    "link-moved": (
        "Sidan {url} har flyttat (svar {status}) till {location}.",
        "Kontrollera den nya adressen och skriv in den i stället.",
    ),
    "link-failing": (
        "Servern för {url} svarar med fel {status}.",
        "Det kan vara tillfälligt. Prova sidan i en webbläsare; är felet kvar nästa vecka, kontakta verksamheten.",
    ),
    "link-timeout": (
        "Sidan {url} svarade inte i tid.",
        "Det kan vara tillfälligt. Prova sidan i en webbläsare senare.",
    ),
    "link-unreachable": (
        "Sidan {url} kan inte nås ({reason}).",
        "Kontrollera att adressen är rätt stavad. Det kan också vara ett tillfälligt fel.",
    ),
    # The shared vocabulary files
    "unknown-translation-language": (
        "'{value}' i '{field}' är inte ett av webbplatsens språk för översättningar.",
        "Skriv en av språkkoderna {allowed} (lattlast är lättläst svenska), följd av kolon.",
    ),
    "empty-translation": (
        "'{field}' saknas: översättningen har varken namn (name) eller beskrivning (summary).",
        "Skriv name: och/eller summary: under språkkoden, eller ta bort språkkoden.",
    ),
    "bad-vocabulary": ("Filen {file} kan inte läsas: {detail}.", "Rätta filen; den används av alla poster."),
    "search-word-no-letters": (
        "Sökordet '{value}' har inga bokstäver eller siffror och kan inte sökas på.",
        "Skriv ordet som folk skriver det när de söker, t.ex. 'kurator', eller ta bort raden.",
    ),
    "duplicate-search-word": (
        "Sökordet '{value}' står två gånger i samma kategori.",
        "Ta bort den här raden; varje ord behövs bara en gång per kategori.",
    ),
    # Good examples: the municipality's list (directory/good_examples.yml, goodexamples.py)
    "good-example-moved": (
        "Fältet '{field}' finns inte längre i filerna om samverkan: kommunen väljer goda exempel i en egen fil.",
        "Ta bort raden. Goda exempel står i directory/good_examples.yml, som bara kommunen ändrar (se sidan Bidra).",
    ),
    "good-example-incomplete": (
        "Samverkan '{value}' är med bland goda exempel men saknar '{field}' ({what}) i {file}.",
        "Ett gott exempel behöver både vad samverkan gav (outcomes) och lärdomar (lessons). "
        "Fyll i '{field}' i {file}, eller ta bort '{value}' ur good_examples.yml.",
    ),
    "good-example-planned": (
        "Samverkan '{value}' är med bland goda exempel men har 'status' planned i {file}.",
        "Ett gott exempel har status ongoing eller ended. Vänta med att lyfta fram den tills den har börjat, "
        "eller rätta status i {file}.",
    ),
    "good-example-repeated": (
        "'{value}' står redan på rad {other_line} i '{field}'.",
        "Ta bort den ena raden; varje gott exempel står en gång.",
    ),
    # stodlinjer.yml: the crisis strip at the top of every page
    "helpline-phone-differs": (
        "Numret {value} är inte samma som i posten '{record}' ({other}).",
        "Kontrollera vilket nummer som gäller och skriv samma nummer på båda ställena.",
    ),
}

# The codes above that are warnings (messages.severity): possible duplicates, an old review, a web
# address that moved, fails or does not answer (a gone one is an error), a helpline number that
# differs from its record's. Every other code is an error.
RULE_WARNINGS = frozenset(
    {
        "duplicate-name",
        "duplicate-website",
        "duplicate-phone",
        "duplicate-address",
        "stale",
        "link-moved",
        "link-failing",
        "link-timeout",
        "link-unreachable",
        "helpline-phone-differs",
    }
)
