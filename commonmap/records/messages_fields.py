"""The catalogue's entries for a record's fields: the schema (missing, unknown and mistyped fields)
and the values (forms, ranges, coordinates). Part of the one catalogue, messages.MESSAGES; the same
rules apply (a stable code, a Swedish message that says what was found, a Swedish hint that says
what to do)."""

from __future__ import annotations

FIELD_MESSAGES: dict[str, tuple[str, str]] = {
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
}

# The codes above that are warnings (messages.severity): a collaboration whose status has not caught
# up with its period, and a domain that may be a look-alike. Every other code is an error.
FIELD_WARNINGS = frozenset({"ongoing-after-end", "ended-without-end", "mixed-script-domain"})
