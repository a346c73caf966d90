"""The catalogue's entries for the files around the records: the file system under directory/,
the areas file, the vocabulary and the plugin's settings in mkdocs.yml. Part of the one
catalogue, messages.MESSAGES; the same rules apply (a stable code, a Swedish message that says
what was found, a Swedish hint that says what to do)."""

from __future__ import annotations

FILE_MESSAGES: dict[str, tuple[str, str]] = {
    # What lies under directory/
    "not-regular-file": (
        "Filen är {kind}; den läses inte.",
        "Lägg en vanlig fil här (ingen länk). Kopiera innehållet i stället för att länka till det.",
    ),
    "unreadable-file": ("Filen kan inte läsas: {reason}.", "Kontrollera att filen finns och att den får läsas."),
    "missing-file": ("Filen saknas.", "Lägg tillbaka filen; den används av alla poster."),
    "hidden-entry": (
        "Dold fil eller mapp (namnet börjar med punkt); den läses inte.",
        "Ta bort punkten i början av namnet om den ska läsas, annars ta bort den ur directory/.",
    ),
    "unknown-file": (
        "Filen är inte en post och läses inte.",
        "Poster är .yml-filer i mapparna organisations, places, roles och collaborations. Ta bort filen ur directory/ om den inte behövs där.",
    ),
    "too-deep-folder": (
        "Mappen ligger mer än {limit} nivåer ner och läses inte.",
        "Poster ligger direkt i mapparna organisations, places, roles och collaborations.",
    ),
    "misplaced-file": (
        "Filen ligger inte i någon av mapparna {allowed} och läses inte.{suggestion}",
        "Flytta filen till rätt mapp under directory/.",
    ),
    "bad-filename": (
        "Filnamnet '{value}' är inte ett giltigt id följt av .yml; filen läses inte.",
        "Döp filen till postens id följt av .yml med små bokstäver, t.ex. kfum-orebro.yml.",
    ),
    # The areas file (JSON)
    "json-syntax": (
        "JSON-fel: {detail}.",
        "Kontrollera kommatecken, citattecken och klamrar på raden; ett JSON-verktyg eller en editor med JSON-stöd visar felet.",
    ),
    "json-not-finite": ("NaN eller Infinity är inte tal i JSON.", "Skriv koordinaten som ett vanligt tal, t.ex. 15.2."),
    "json-expected": (
        "Här ska det stå {expected}, men det står {found}.",
        'Jämför med GeoJSON: {{"type": "FeatureCollection", "features": [...]}}, där varje område är ett objekt med "type": "Feature", "properties" (id, code, name) och "geometry".',
    ),
    "json-missing": (
        'Fältet "{field}" saknas i objektet.',
        'Lägg till "{field}": … i objektet. Varje område har "type", "properties" (id, code, name) och "geometry".',
    ),
    "json-empty-list": ("Listan [ ] är tom.", "Lägg till minst ett värde inom klamrarna."),
    "too-many-areas": (
        "Filen har {count} områden, fler än gränsen {limit}.",
        "Kontrollera att det är rätt fil: kommunen har några tiotal områden.",
    ),
    "too-many-vertices": (
        "Områdena har fler än {limit} hörnpunkter tillsammans.",
        "Förenkla gränserna (t.ex. med mapshaper eller QGIS) innan filen läggs in.",
    ),
    "duplicate-area": (
        "'{value}' finns redan i område nummer {other}.",
        "Varje område behöver ett eget id och ett eget namn.",
    ),
    "invalid-position": (
        "Här ska en punkt [longitud, latitud] stå, men det står {value}.",
        "Skriv varje punkt som två tal inom klamrar, t.ex. [15.2134, 59.2741].",
    ),
    "outside-region": (
        "Punkten {lon}, {lat} ligger utanför området runt Örebro ({region}).",
        "Kontrollera att koordinaterna är longitud, latitud i WGS 84 (EPSG:4326) och inte i SWEREF 99 eller omkastade.",
    ),
    "open-ring": (
        "En gräns har {count} punkter eller slutar inte i sin första punkt.",
        "En polygons gräns behöver minst fyra punkter, och den sista ska vara samma som den första.",
    ),
    "invalid-geometry": (
        "Områdets gräns är ogiltig: {reason}.",
        "Rätta gränsen så att den inte korsar sig själv (t.ex. med 'Fix geometries' i QGIS).",
    ),
    # The vocabulary
    "duplicate-category": (
        "'{value}' finns redan i kategori nummer {other}.",
        "Varje kategori behöver ett eget id och egna namn (label, label_en).",
    ),
    "invalid-color": (
        "'{value}' är inte en färg i formen #rrggbb.",
        'Skriv färgen med sex hexadecimala siffror i gemener inom citattecken, t.ex. color: "#1f5fa8".',
    ),
    "invalid-icon": (
        "'{value}' är inte ett ikonnamn.",
        "Skriv namnet på en ikon i Material Design Icons med små bokstäver och bindestreck, t.ex. account-group.",
    ),
    "duplicate-color": (
        "Färgen {value} används också av kategorin '{other}'.",
        "Välj en egen färg så att kategorierna går att skilja åt på kartan.",
    ),
    # The plugin's settings in mkdocs.yml
    "setting-directory": (
        "Katalogen '{value}' är {reason}.",
        "Ange mappen med posterna som en mapp i projektet, t.ex. directory: directory.",
    ),
    "setting-tiles-url": (
        "'{value}' är inte en adress till en kartserver: {reason}.",
        "Skriv en https-adress med {{z}}, {{x}} och {{y}}, t.ex. https://tile.openstreetmap.org/{{z}}/{{x}}/{{y}}.png.",
    ),
    "setting-team": (
        "municipality_team '{value}' är inte ett team på GitHub i formen @organisation/team.",
        'Skriv kommunens team som i .github/CODEOWNERS, t.ex. "@orebro-kommun/gemensam-karta".',
    ),
    "setting-attribution": (
        "tiles_attribution innehåller HTML som inte är tillåten: {value}.",
        'Skriv text och högst länkar som <a href="https://...">…</a>; inga andra taggar eller attribut.',
    ),
    "unknown-snippet": (
        "Sidan {page} har platsmarkeringen '{name}', som inte finns.",
        "Använd en av: {allowed}, eller ta bort markeringen.",
    ),
}

# The codes above that are warnings (messages.severity): what is not read but harms nothing, two
# categories of one colour, a page's unknown marker. Every other code is an error; a hidden file
# that looks like a record is one too (inputs._hidden raises hidden-entry to an error there).
FILE_WARNINGS = frozenset({"hidden-entry", "unknown-file", "duplicate-color", "unknown-snippet"})
