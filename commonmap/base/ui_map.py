"""The interface strings of the map (/karta/), the point picker (/bidra/plats/) and the coverage
page (/omraden/tackning/). Assembled into ui.SV (see ui.py)."""

from __future__ import annotations

MAP: dict[str, str | tuple[str, str]] = {
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
}
