"""The extra fields of a rich synthetic record: between them the records fill every field of the
model, with the variations the exports treat differently (an address without postal code, an
approximate point, a schedule past midnight, a line open round the clock, closed and protected records, a role's criminal
record extract true, false or unknown). Chosen by the record's number, not by random draws, so
that `synthetic.generate` draws the same base records with or without them. Fictitious throughout.
"""

from __future__ import annotations

import json

KINDS = ["association", "study-association", "faith-community", "foundation", "network", "municipal-service"]
WHEELCHAIR = ["yes", "limited", "no"]
COLLABORATION_STATUS = ["planned", "ongoing", "ended"]
PREFIX = {"organisations": "org", "places": "place", "roles": "role", "collaborations": "collab"}


def q(value: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is YAML's): the value as typed."""
    return json.dumps(value, ensure_ascii=False)


def enrich(type_: str, i: int, record: dict, sizes: dict[str, int], area_ids: list[str]) -> dict:
    """The record with its type's extra fields; protected records lose their address and point."""
    common = {
        "description": q(f"Om {record['name']}.\n\n- varje vecka\n- gratis att vara med"),
        "target_groups": [q("Unga 13–25 år"), q("Föräldrar")],
        "languages": [q("sv"), q(["ar", "so", "ti", "fa", "en", "no"][i % 6]), q("swl")],
        "areas": [area_ids[i % len(area_ids)], area_ids[(i + 7) % len(area_ids)]],
        # The name and summary in Somali and lättläst svenska, as an association may write them.
        **(
            {
                "translations": {
                    "so": {"name": q(f"Urur {i}"), "summary": q("Taageero iyo kulan.")},
                    "lattlast": {"summary": q("Vi hjälper dig.")},
                }
            }
            if i % 4 == 1
            else {}
        ),
    }
    extra = {**common, **EXTRAS[type_](i, sizes)}
    if i % 25 == 5:  # told apart from a look-alike, so `commonmap validate` does not ask
        extra["distinct_from"] = [f"{PREFIX[type_]}-{(i + 1) % sizes[type_]}"]
    if i % 9 == 4:  # help for everyone in the municipality, the county or the country
        extra["serves"] = ["municipality", "county", "country"][i % 3]
    if type_ != "collaborations":
        extra.update(_status(i))
    merged = {**record, **extra}
    if merged.get("protected") == "true":
        merged.pop("address", None)
        merged.pop("location", None)
    elif "location" in merged and i % 5 == 2:
        merged["location"] = {**merged["location"], "approximate": "true"}
    return merged


def _contact(i: int, label: str) -> dict:
    return {
        "phone": q("019-21 10 00"),
        "phone_label": q(label),
        "email": f"kontakt{i}@exempel.se",
        "website": f"https://exempel.se/{i}",
    }


def _address(i: int) -> dict:
    address = {"street": q(f"Storgatan {i}"), "city": "Örebro"}
    if i % 10 != 9:  # every tenth has no postal code: HSDS then gets it as an attribute
        address["postal_code"] = q(f"70{2 + i % 3} {10 + i % 80}")
    return address


def _status(i: int) -> dict:
    if i % 20 == 3:
        return {"status": "temporarily-closed", "status_reason": q("Lokalen renoveras."), "reopens": "2027-03-01"}
    if i % 20 == 7:
        return {"status": "closed"}
    return {}


def _organisation(i: int, sizes: dict[str, int]) -> dict:
    extra: dict[str, object] = {
        "kind": KINDS[i % len(KINDS)],
        "contact": _contact(i, "Växel"),
        "services": [
            {"name": "Läxhjälp", "description": q("Varje tisdag."), "categories": ["sprak-och-utbildning"]},
            {"name": "Språkcafé"},
        ],
        "address": _address(i),
    }
    if i % 4 == 2:  # a line that answers round the clock, every day of the year
        days = ["mo", "tu", "we", "th", "fr", "sa", "su"]
        extra["opening_hours"] = [{"days": days, "opens": q("00:00"), "closes": q("00:00"), "note": q("Stödlinjen")}]
        extra["open_on_public_holidays"] = "true"
    elif i % 4 == 0:  # office hours on the phone, closed on holidays
        extra["opening_hours"] = [{"days": ["mo", "tu", "we", "th", "fr"], "opens": q("09:00"), "closes": q("16:00")}]
    if i % 50 == 11:
        extra["protected"] = "true"
    return extra


def _place(i: int, sizes: dict[str, int]) -> dict:
    n_org = sizes["organisations"]
    extra: dict[str, object] = {
        "hosts": [f"org-{i % n_org}", f"org-{(i + 1) % n_org}"],
        "contact": _contact(i, "Mötesplatsen"),
        "address": _address(i),
        "opening_hours": [
            {"days": ["mo", "we"], "opens": q("18:00"), "closes": q("21:00"), "note": q("Udda veckor")},
            {"days": ["fr", "sa"], "opens": q("21:00"), "closes": q("01:00")},
        ],
        "closed_periods": [{"start": "2027-06-21", "end": "2027-08-08", "note": q("Sommaruppehåll")}],
        "open_on_public_holidays": "true" if i % 3 == 0 else "false",
        "accessibility": {"wheelchair": q(WHEELCHAIR[i % 3]), "description": q("Ramp vid entrén.")},
        "cost": {"free": "false", "description": q("Medlemsavgift 100 kr per år.")} if i % 4 == 1 else {"free": "true"},
    }
    if i % 50 == 13:
        extra["protected"] = "true"
    return extra


def _role(i: int, sizes: dict[str, int]) -> dict:
    extra: dict[str, object] = {
        "summary": q("Hjälp barn och unga med läxor."),
        "contact": _contact(i, "Volontärsamordnare"),
        "time_commitment": q("En kväll i veckan"),
        "requirements": [q("Fyllda 18 år"), q("Utdrag ur belastningsregistret")],
        "how_to_apply": q("Mejla oss och berätta om dig själv."),
    }
    if i % 3 != 2:  # true, false, and (every third) not known
        extra["criminal_record_extract"] = "true" if i % 3 == 0 else "false"
    return extra


def _collaboration(i: int, sizes: dict[str, int]) -> dict:
    n_org, n_place = sizes["organisations"], sizes["places"]
    status = COLLABORATION_STATUS[i % 3]
    period = {"start": q("2020-03")} | ({"end": q("2021")} if status == "ended" else {})
    return {
        "partners": [
            {"organisation": f"org-{i % n_org}", "part": q("Leder arbetet.")},
            {"organisation": f"org-{(i + 1) % n_org}", "part": q("Ordnar lokalen.")},
        ],
        "places": [f"place-{i % n_place}"],
        "period": period,
        "status": status,
        "contact": _contact(i, "Samordnare"),
        "outcomes": [q("Fler vuxna ute på kvällarna")],
        "funding": [q("Örebro kommun"), q("Egen insats")],
        "lessons": [q("Förtroende tar tid")],
    }


def good_examples(n_collab: int) -> list[str]:
    """Every fourth collaboration that has started: the municipality's list (good_examples.yml)."""
    return [f"collab-{i}" for i in range(0, n_collab, 4) if COLLABORATION_STATUS[i % 3] != "planned"]


EXTRAS = {"organisations": _organisation, "places": _place, "roles": _role, "collaborations": _collaboration}
