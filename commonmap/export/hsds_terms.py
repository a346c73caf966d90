"""The project's own HSDS taxonomies and where each record field goes in HSDS.

What HSDS has no field for becomes an `attribute` whose `taxonomy_term` is one of FIELD_TERMS in
the taxonomy "Gemensam karta: fält" (the HSDS way of extending); categories are the terms of
"Gemensam karta: kategorier". MAPPING is shown on /oppna-data/, and a test fails when the model
gains a field that it does not list.
"""

from __future__ import annotations

CATEGORY_TAXONOMY = (
    "categories",
    "Gemensam karta: kategorier",
    "Behov och sorters stöd i Gemensam karta (categories.yml).",
)
FIELD_TAXONOMY = (
    "fields",
    "Gemensam karta: fält",
    "Uppgifter i Gemensam karta som HSDS saknar ett eget fält för; värdet står i attributets value.",
)

# code: (name, description) of the terms in "Gemensam karta: fält".
FIELD_TERMS: dict[str, tuple[str, str]] = {
    "record_type": (
        "Posttyp",
        "Vilken sorts post en tjänst kommer från: organisations, places, roles eller collaborations.",
    ),
    "record_id": (
        "Post-id",
        "Postens id i Gemensam karta, som i directory.json och i sidans adress "
        "(för organisationer: organization_identifier).",
    ),
    "page_url": ("Sida", "Postens sida på webbplatsen (för organisationer: organization.uri)."),
    "source": ("Källa", "Var uppgifterna kommer ifrån."),
    "last_reviewed": ("Senast granskad", "Dagen då organisationens uppgifter senast granskades (ÅÅÅÅ-MM-DD)."),
    "target_group": ("Målgrupp", "En målgrupp som stödet riktar sig till."),
    "language": ("Språk", "Ett språk (ISO 639-kod) som organisationen ger stöd på."),
    "area": ("Område", "Id för ett område som organisationen riktar sig till (se directory.json, areas)."),
    "serves": (
        "Når",
        "municipality (hela kommunen), county (hela länet) eller country (hela landet) när stödet gäller alla där.",
    ),
    "host": ("Värd", "HSDS-id för en organisation som driver mötesplatsen."),
    "approximate_location": (
        "Ungefärlig plats",
        "true när koordinaterna bara visar ungefär var platsen ligger (saknas när de är exakta).",
    ),
    "time_commitment": ("Tid", "Hur mycket tid uppdraget tar."),
    "requirement": ("Krav", "Ett krav på den som vill ta uppdraget."),
    "criminal_record_extract": (
        "Utdrag ur belastningsregistret",
        "true om utdrag krävs, false om det inte krävs (saknas när det inte är känt).",
    ),
    "partner": ("Part", "HSDS-id för en organisation som är part i samverkan."),
    "partner_part": ("Partens roll", "Partens post-id, kolon och vad parten gör i samverkan."),
    "period_start": ("Start", "När samverkan började: ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD."),
    "period_end": ("Slut", "När samverkan slutade: ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD."),
    "collaboration_status": ("Status", "Samverkans status: planned, ongoing eller ended."),
    "outcome": ("Vad det gav", "Ett resultat av samverkan."),
    "lesson": ("Lärdom", "En lärdom från samverkan."),
    "good_example": (
        "Gott exempel",
        "true när kommunen lyfter fram samverkan som ett gott exempel (saknas annars).",
    ),
    "status": ("Status", "temporarily-closed (tillfälligt stängt) eller closed (har upphört); saknas när verksamt."),
    "status_reason": ("Varför stängt", "Varför verksamheten är tillfälligt stängd."),
    "reopens": ("Öppnar igen", "När verksamheten väntas öppna igen (ÅÅÅÅ-MM-DD)."),
    "protected_address": (
        "Skyddad adress",
        "true när adressen inte publiceras med avsikt (t.ex. skyddat boende); posten har då ingen location.",
    ),
    "closed_period": ("Stängt under", "En period då mötesplatsen är stängd: ÅÅÅÅ-MM-DD–ÅÅÅÅ-MM-DD, och en kommentar."),
    "open_on_public_holidays": (
        "Öppet på helgdagar",
        "true när mötesplatsen har öppet, eller organisationen svarar, även på allmänna helgdagar.",
    ),
    "address": (
        "Adress utan postnummer eller län",
        "Adressen som den står i posten (gata, postnummer, ort) när HSDS krav på en address inte kan "
        "uppfyllas: postnummer saknas, eller posten har ingen punkt i Örebro kommun och länet är därför okänt.",
    ),
}

# Where each record field goes in HSDS: (record type or "all", field, HSDS target). Shown on
# /oppna-data/; a test fails when the model gains a field that is not listed here.
MAPPING: list[tuple[str, str, str]] = [
    (
        "all",
        "id",
        "organization_identifier (organisationer); attribute record_id (tjänster); "
        "location.external_identifier (mötesplatser)",
    ),
    ("all", "name", "organization.name / service.name / location.name"),
    ("all", "summary", "description (första stycket)"),
    ("all", "description", "description (efter sammanfattningen)"),
    ("all", "categories", "attribute med term ur taxonomin Gemensam karta: kategorier"),
    ("all", "target_groups", "service.eligibility_description; attribute target_group"),
    ("all", "languages", "language (tjänst och plats); attribute language (organisation)"),
    ("all", "areas", "service_area; attribute area (organisation)"),
    ("all", "serves", "service_area (Örebro kommun, Örebro län eller Sverige); attribute serves (organisation)"),
    ("all", "contact.phone", "phone.number"),
    ("all", "contact.phone_label", "phone.description"),
    ("all", "contact.email", "organization.email / service.email"),
    ("all", "contact.website", "organization.website / service.url"),
    ("all", "last_reviewed", "service.assured_date; attribute last_reviewed (organisation)"),
    ("all", "sources", "attribute source"),
    ("organisations", "kind", "organization.legal_status"),
    ("organisations", "services", "service, en per erbjudet stöd (utan listat stöd: en tjänst för organisationen)"),
    (
        "organisations",
        "address",
        "location med address (address_type physical, country SE, state_province Örebro län); "
        "utan postnummer eller punkt i kommunen: attribute address på platsen",
    ),
    ("organisations", "location", "location.latitude/longitude; attribute approximate_location (när true)"),
    (
        "organisations",
        "opening_hours",
        "schedule på varje tjänst (freq WEEKLY, byday, opens_at och closes_at som TT:MM:SS, notes)",
    ),
    ("organisations", "open_on_public_holidays", "attribute open_on_public_holidays på varje tjänst (när true)"),
    ("places", "hosts", "location.organization_id och service.organization_id (första värden); attribute host (alla)"),
    ("places", "address", "location med address, som för organisationer"),
    ("places", "location", "location.latitude/longitude; attribute approximate_location (när true)"),
    ("places", "opening_hours", "schedule på platsen (freq WEEKLY, byday, opens_at och closes_at som TT:MM:SS, notes)"),
    ("places", "accessibility", "accessibility (description; details 'wheelchair: …')"),
    ("places", "cost", "cost_option (Gratis: amount 0 SEK) och service.fees_description"),
    ("roles", "organisation", "service.organization_id"),
    ("roles", "place", "service_at_location till mötesplatsens location"),
    ("roles", "tasks", "service.description (sist)"),
    ("roles", "time_commitment", "attribute time_commitment"),
    ("roles", "requirements", "service.eligibility_description; attribute requirement"),
    ("roles", "criminal_record_extract", "required_document (när true); attribute criminal_record_extract"),
    ("roles", "how_to_apply", "service.application_process"),
    ("collaborations", "partners", "service.organization_id (första parten); attribute partner och partner_part"),
    ("collaborations", "places", "service_at_location till mötesplatsernas location"),
    ("collaborations", "period", "attribute period_start, period_end"),
    (
        "collaborations",
        "status",
        "service.status (planned→inactive, ongoing→active, ended→defunct); attribute collaboration_status",
    ),
    ("collaborations", "outcomes", "attribute outcome"),
    ("collaborations", "funding", "funding.source"),
    ("collaborations", "lessons", "attribute lesson"),
    ("collaborations", "good_example", "attribute good_example (när true)"),
    *(
        (
            type_,
            "status",
            "service.status (active→active, temporarily-closed→inactive, closed→defunct); attribute status",
        )
        for type_ in ("organisations", "places", "roles")
    ),
    *((type_, "status_reason", "attribute status_reason") for type_ in ("organisations", "places", "roles")),
    *((type_, "reopens", "attribute reopens") for type_ in ("organisations", "places", "roles")),
    *(
        (type_, "protected", "attribute protected_address; ingen location och ingen service_at_location")
        for type_ in ("organisations", "places")
    ),
    ("places", "closed_periods", "attribute closed_period"),
    ("places", "open_on_public_holidays", "attribute open_on_public_holidays (när true)"),
    ("all", "distinct_from", "exporteras inte: en anteckning för granskningen av dubbletter"),
]
