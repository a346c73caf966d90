"""The catalogue of problems: a stable code, a Swedish message and a Swedish hint for each.

Messages say what was expected and what was found; hints say what to do. Tests compare codes,
never wording, so the texts can be improved freely. Parameters are filled with str.format.
"""

from __future__ import annotations

from commonmap.base.characters import EXCERPT, excerpt
from commonmap.records.messages_files import FILE_MESSAGES

MESSAGES: dict[str, tuple[str, str]] = {
    # Reading the file
    "file-too-large": (
        "Filen är {size} byte, större än gränsen {limit} byte.",
        "En post ska vara en kort fil. Dela upp texten eller korta beskrivningen.",
    ),
    "encoding-utf16": (
        "Filen är sparad som UTF-16, inte UTF-8.",
        "Spara filen med teckenkodningen UTF-8 i din textredigerare.",
    ),
    "encoding": (
        "Filen är inte giltig UTF-8 (byte {byte} kan inte läsas).",
        "Spara filen med teckenkodningen UTF-8 (inte Latin-1/Windows-1252).",
    ),
    "control-character": (
        "Otillåtet styrtecken {char} i texten.",
        "Ta bort tecknet; skriv om raden om du inte ser det.",
    ),
    "invisible-character": (
        "Osynligt tecken {char} ({name}) i '{text}'.",
        "Ta bort tecknet. Det syns inte men kan ändra hur texten visas eller ser ut som ett annat ord.",
    ),
    "yaml-syntax": (
        "YAML-fel: {detail}.",
        "Kontrollera indraget (samma antal mellanslag på rader som hör ihop, inga tabbar) och sätt citattecken runt text som innehåller kolon.",
    ),
    "yaml-tab": ("Tabbtecken i indraget.", "Använd mellanslag i stället för tabb för att dra in rader."),
    "yaml-colon": (
        "Ett kolon på fel ställe: värdet kan inte tolkas.",
        "Sätt citattecken runt värden som innehåller ': ', till exempel namn: \"Öppet: mån–fre\". Kontrollera också indraget.",
    ),
    "yaml-indentation": (
        "Raden är indragen fel i förhållande till raderna ovanför.",
        "Fält på samma nivå ska börja i samma kolumn; använd två mellanslag per nivå.",
    ),
    "yaml-list-item": (
        "Raden börjar med '- ' men står inte i samma kolumn som listan ovanför.",
        "Börja alla rader med '- ' i en lista i samma kolumn, till exempel två mellanslag in under fältnamnet.",
    ),
    "yaml-quote": ("Ett citattecken är inte avslutat.", "Avsluta texten med samma citattecken som den börjar med."),
    "yaml-unclosed": (
        "En lista [ ] eller en grupp {{ }} är inte avslutad, eller ett värde saknas efter ett kommatecken.",
        "Kontrollera att varje [ har en ] och varje {{ en }} på samma rad, t.ex. categories: [arbete, trygghet].",
    ),
    "duplicate-key": (
        "Fältet '{field}' finns två gånger (också på rad {other_line}).",
        "Ta bort det ena; varje fält får bara finnas en gång.",
    ),
    "yaml-anchor": (
        "YAML-ankare och alias (& och *) används inte i katalogen.",
        "Skriv ut värdet på varje ställe i stället för att hänvisa med & och *.",
    ),
    "yaml-tag": (
        "YAML-taggen '{tag}' är inte tillåten.",
        "Ta bort taggen (ordet som börjar med !); skriv bara värdet.",
    ),
    "multiple-documents": (
        "Filen innehåller flera YAML-dokument (---).",
        "En fil ska innehålla exakt en post. Lägg övriga poster i egna filer.",
    ),
    "empty-file": ("Filen är tom.", "Fyll i posten; utgå från en mall (commonmap new)."),
    "not-a-mapping": (
        "Filen ska bestå av fält i formen 'namn: värde' men börjar med {found}.",
        "Börja filen med 'id: ...' på första raden utan indrag.",
    ),
    "too-deep": (
        "Filen är nästlad djupare än {limit} nivåer.",
        "En post har bara några få nivåer; kontrollera indraget.",
    ),
    "complex-key": ("Ett fältnamn måste vara ett enkelt ord.", "Skriv fältnamnet som vanlig text följt av kolon."),
    # Schema
    "list-item-indentation": (
        "Raden ser ut som ett nytt värde i listan '{field}', men den är indragen annorlunda än raden ovanför, "
        "så båda läses som ett enda värde: '{value}'.",
        "Börja alla rader med '- ' i en lista i samma kolumn, till exempel två mellanslag in under fältnamnet.",
    ),
    "missing-field": (
        "Fältet '{field}' saknas.",
        "Lägg till fältet med ett värde; se '{field}' i fältreferensen på sidan Bidra.",
    ),
    "unknown-field": (
        "Okänt fält '{field}'.{suggestion}",
        "Rätta stavningen eller ta bort fältet. Giltiga fält här: {allowed}.",
    ),
    "empty-value": (
        "Fältet '{field}' har inget värde.",
        "Fyll i ett värde, eller ta bort hela raden om uppgiften saknas: fältet är frivilligt.",
    ),
    "empty-required": (
        "Fältet '{field}' måste ha ett värde, men det är tomt.",
        "Fyll i ett värde efter kolon. Fältet är obligatoriskt och kan inte tas bort.{example}",
    ),
    "empty-required-list": (
        "Listan '{field}' måste ha minst ett värde, men det saknas.",
        "Skriv varje värde på en egen rad som börjar med '- ', indragen under fältnamnet. Listan är obligatorisk.{example}",
    ),
    "empty-item": (
        "Ett värde i listan '{field}' är tomt.",
        "Skriv ett värde efter '- ', eller ta bort raden.",
    ),
    "null-value": (
        "Fältet '{field}' har värdet {value}, som i YAML betyder 'inget värde'.",
        'Fyll i ett värde, eller ta bort raden om fältet är frivilligt. Menar du texten {value}, skriv den inom citattecken: "{value}".',
    ),
    "expected-text": (
        "Fältet '{field}' ska vara en text, men det står {found}.",
        "Skriv värdet på samma rad som fältnamnet, efter kolon.",
    ),
    "expected-list": (
        "Fältet '{field}' ska vara en lista, men det står {found}.",
        "Skriv varje värde på en egen rad som börjar med '- ', indragen under fältnamnet.",
    ),
    "expected-mapping": (
        "Fältet '{field}' ska ha underfält (namn: värde), men det står {found}.",
        "Dra in underfälten två mellanslag under fältnamnet, t.ex. 'phone: ...'.",
    ),
    "empty-list": (
        "Listan '{field}' är tom; minst {min} värde behövs.",
        "Lägg till minst ett värde, varje på en egen rad som börjar med '- '.",
    ),
    "invalid-choice": ("Värdet '{value}' är inte tillåtet i '{field}'.", "Välj ett av: {allowed}."),
    "too-long": (
        "Texten i '{field}' är {length} tecken, längre än {limit}.",
        "Korta texten till högst {limit} tecken.",
    ),
    "too-many-items": (
        "Listan '{field}' har {count} värden, fler än {limit}.",
        "Korta listan till högst {limit} värden.",
    ),
    "duplicate-item": (
        "'{value}' står redan som nummer {other} i listan '{field}'.",
        "Ta bort det ena; varje värde ska bara stå en gång i en lista.",
    ),
    "needs-quotes": (
        "Värdet {value} i '{field}' står utan citattecken och läses av andra program som {kind}.",
        'Sätt citattecken runt värdet: "{value}".',
    ),
    "invalid-value": ("Värdet i '{field}' har fel form.", "Jämför med fältreferensen på sidan Bidra."),
    "invalid-flag": (
        "Värdet '{value}' i '{field}' är varken true eller false.",
        "Skriv true eller false (inte ja/nej eller yes/no).",
    ),
    "invalid-id": (
        "'{value}' i '{field}' är inget giltigt id.",
        "Skriv postens id, inte dess namn: bara små bokstäver a–z, siffror och bindestreck, t.ex. 'kfum-orebro' för KFUM Örebro (å, ä, ö skrivs a, a, o), högst 64 tecken.",
    ),
    "reserved-id": ("Id '{value}' är reserverat.", "Välj ett annat id, t.ex. med organisationens namn i."),
    "id-mismatch": (
        "Id '{value}' stämmer inte med filnamnet '{expected}.yml'.",
        "Ändra id till '{expected}' eller byt namn på filen till '{value}.yml'.",
    ),
    # Values
    "invalid-date": (
        "'{value}' i '{field}' är inte ett datum i formen ÅÅÅÅ-MM-DD.",
        "Skriv datum som ÅÅÅÅ-MM-DD, t.ex. 2021-11-10 för 10 november 2021.",
    ),
    "impossible-date": (
        "Datumet '{value}' i '{field}' finns inte.",
        "Kontrollera dag och månad; t.ex. har februari högst 29 dagar.",
    ),
    "invalid-partial-date": (
        "'{value}' i '{field}' är inte ett datum i formen ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD.",
        "Skriv t.ex. 2009, 2009-03 eller 2009-03-01.",
    ),
    "future-review": (
        "'last_reviewed' ({value}) ligger i framtiden.",
        "Skriv dagens datum eller det datum då uppgifterna senast kontrollerades.",
    ),
    "end-before-start": (
        "Slutdatum {end} i '{field}' ligger före startdatum {start}.",
        "Kontrollera period: start och end.",
    ),
    "ongoing-before-start": (
        "Status är ongoing men perioden börjar först {start} ('{field}').",
        "Skriv status: planned tills samverkan har börjat, eller rätta period: start.",
    ),
    "ended-in-future": (
        "Status är ended men perioden slutar först {end} ('{field}').",
        "Skriv status: ongoing tills samverkan har slutat, eller rätta period: end.",
    ),
    "ended-without-end": (
        "Status är ended men perioden saknar slut ('{field}': end).",
        "Skriv under 'period:' när samverkan slutade, t.ex. end: \"2019\" (året räcker), om det är känt.",
    ),
    "ongoing-after-end": (
        "Status är ongoing men perioden slutade {end} ('{field}').",
        "Skriv status: ended om samverkan har slutat, eller rätta period: end.",
    ),
    "overlapping-hours": (
        "Öppettiden {day} {opens}–{closes} i '{field}' överlappar öppettid nummer {other} samma dag.",
        "Slå ihop tiderna till en, eller rätta klockslagen. Gäller de olika veckor, skriv det i 'note' på båda.",
    ),
    "invalid-phone": (
        "'{value}' i '{field}' är inte ett giltigt telefonnummer.",
        'Skriv hela numret med riktnummer inom citattecken, t.ex. "019-21 10 00" eller "+46 19 21 10 00".',
    ),
    "invalid-email": (
        "'{value}' i '{field}' är inte en giltig e-postadress: {reason}.",
        "Skriv adressen som namn@doman.se utan mellanslag.",
    ),
    "invalid-domain": (
        "Domännamnet i '{value}' ('{field}') är ogiltigt: {reason}.",
        "Kontrollera stavningen av adressen; kopiera den helst från webbläsarens adressfält.",
    ),
    "mixed-script-domain": (
        "Domännamnet {value} i '{field}' blandar skriftsystem ({scripts}); i punycode: {ascii}.",
        "Kontrollera att adressen är rätt: bokstäver från olika alfabet kan se likadana ut men leda till en annan webbplats.",
    ),
    "invalid-url": (
        "'{value}' i '{field}' är inte en webbadress som börjar med https:// eller http://.",
        "Skriv hela adressen, t.ex. https://www.orebro.se.",
    ),
    "invalid-source-url": (
        "'{value}' i '{field}' är inte en fullständig webbadress som börjar med https://.",
        "Skriv hela adressen till sidan med https://, t.ex. https://www.orebro.se/. "
        "Börjar den med http://, prova samma adress med https://; en källa som inte är en webbsida skrivs som vanlig text.",
    ),
    "invalid-year": (
        "'{value}' i '{field}' är inte ett årtal med fyra siffror.",
        "Skriv året som sidan anger, t.ex. year: 2015. Vet du inte året, ta bort raden.",
    ),
    "invalid-time": (
        "'{value}' i '{field}' är inte ett klockslag i formen HH:MM.",
        'Skriv klockslag med två siffror för timme och minut inom citattecken, t.ex. "09:00".',
    ),
    "invalid-language": (
        "'{value}' i '{field}' är inte en språkkod enligt ISO 639.",
        "Använd koder som sv (svenska), ar (arabiska), so (somaliska), ti (tigrinja), fa (persiska), en (engelska).",
    ),
    "invalid-number": (
        "'{value}' i '{field}' är inte ett tal i decimalgrader.",
        "Skriv t.ex. 59.2741 med punkt som decimaltecken.",
    ),
    "decimal-comma": ("'{value}' i '{field}' har decimalkomma.", "Använd punkt som decimaltecken: {fixed}."),
    "coordinate-range": (
        "{axis} '{value}' i '{field}' ligger utanför {low}–{high}.",
        "Latitud är norr–söder (cirka 59 i Örebro), longitud öster–väster (cirka 15).",
    ),
    "outside-municipality": (
        "Punkten {lat}, {lon} i '{field}' ligger utanför Örebro kommun.",
        "Kontrollera koordinaterna; kopiera dem t.ex. från en karttjänst (högerklick på platsen).",
    ),
    "swapped-coordinates": (
        "Punkten {lat}, {lon} i '{field}' ligger utanför Örebro kommun, men med lat och lon omkastade hamnar den i kommunen.",
        "Byt plats på värdena: lat: {lon} och lon: {lat}.",
    ),
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

# What the reading of a file stopped at (loader.Refused) says besides its own message.
STOPPED = "Resten av filen kontrolleras först när det här är rättat."
# How an unquoted value reads to another YAML reader (loaded.PLAIN_KINDS), for needs-quotes.
KINDS = {
    "number": "ett tal",
    "boolean": "sant eller falskt",
    "time": "ett tal, inte ett klockslag (21:00 blir 1260)",
    "date": "ett datum",
    "null": "inget värde",
}


MESSAGES.update(FILE_MESSAGES)
# How much of a parameter a message prints: values from files are quoted briefly (a file that
# cannot be read may hold anything, and messages become public annotations on pull requests).
LIMITS = {"allowed": 600, "reason": 200, "detail": 200}


def shown(params: dict[str, object]) -> dict[str, object]:
    """The parameters as a message prints them: texts cut short and made visible."""
    return {
        key: excerpt(value, LIMITS.get(key, EXCERPT)) if isinstance(value, str) else value
        for key, value in params.items()
    }


def message(code: str, params: dict[str, object]) -> str:
    text = MESSAGES[code][0].format(**shown(params))
    return f"{text} {STOPPED}" if params.get("stopped") else text


def hint(code: str, params: dict[str, object]) -> str:
    return MESSAGES[code][1].format(**shown(params))


# The summary line of `commonmap validate`: each record type in the singular and the plural.
TYPE_COUNTS = {
    "organisations": ("organisation", "organisationer"),
    "places": ("mötesplats", "mötesplatser"),
    "roles": ("volontäruppdrag", "volontäruppdrag"),
    "collaborations": ("samverkan", "samverkan"),
}


def summary(files: dict[str, int], errors: int, warnings: int) -> str:
    """E.g. "28 organisationer, 1 mötesplats, 3 volontäruppdrag och 8 samverkan kontrollerade: 0 fel, 1 varning"."""
    parts = [f"{files.get(t, 0)} {names[files.get(t, 0) != 1]}" for t, names in TYPE_COUNTS.items()]
    counted = ", ".join(parts[:-1]) + " och " + parts[-1]
    return f"{counted} kontrollerade: {errors} fel, {warnings} {'varning' if warnings == 1 else 'varningar'}"
