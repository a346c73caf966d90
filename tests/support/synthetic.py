"""A synthetic directory of N records (plausible, valid, spread over Örebro) for benchmarks and tests
(`python -m tests.support.synthetic`).

With `rich=True` the records fill every field of the model between them (addresses, opening
hours, closed periods, languages, roles with requirements, collaborations with partners, periods
and outcomes; some closed, some protected), for the tests that put the open data through the
standards' own validators (tests/test_open_data_validators.py). Fictitious throughout.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

import shapely

from commonmap.records.geography import Areas
from tests.support import synthetic_rich
from tests.support.sites import ROOT

CATEGORIES = [
    "arbete",
    "sprak-och-utbildning",
    "gemenskap",
    "psykisk-halsa",
    "trygghet",
    "barn-och-unga",
    "klimat-och-miljo",
]
LANGUAGES = ["sv", "ar", "so", "ti", "fa", "en"]
WORDS = [
    "stöd",
    "samtal",
    "läxhjälp",
    "träffpunkt",
    "språkcafé",
    "nattvandring",
    "föräldrar",
    "ungdomar",
    "arbete",
    "praktik",
    "gemenskap",
    "fika",
]


def points(areas: Areas, count: int, rng: random.Random) -> list[tuple[float, float]]:
    """Points inside the areas, so the synthetic records pass the geography checks."""
    found: list[tuple[float, float]] = []
    polygons = list(areas)
    while len(found) < count:
        area = rng.choice(polygons)
        minx, miny, maxx, maxy = area.geometry.bounds
        lon, lat = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        if shapely.contains_xy(area.geometry, lon, lat):
            found.append((round(lat, 5), round(lon, 5)))
    return found


def translations(i: int) -> dict:
    """Every tenth organisation has its name and summary in Arabic too, as associations may write them."""
    if i % 10:
        return {}
    return {"translations": {"ar": {"name": f"جمعية {i}", "summary": "دعم ولقاءات ومساعدة في الواجبات المدرسية."}}}


def text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def generate(out: Path, count: int, seed: int = 1, rich: bool = False) -> Path:
    """Write `count` records: 40 % organisations, 40 % places, 10 % roles, 10 % collaborations;
    with `rich`, each with the extra fields of synthetic_rich."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    for folder in ("organisations", "places", "roles", "collaborations"):
        (out / folder).mkdir(parents=True)
    shutil.copy(ROOT / "directory" / "categories.yml", out)
    shutil.copy(ROOT / "directory" / "areas.geojson", out)
    shutil.copy(ROOT / "directory" / "stodlinjer.yml", out)  # the crisis strip on every page
    areas = Areas.read(out / "areas.geojson")
    n_org, n_place, n_role = int(count * 0.4), int(count * 0.4), int(count * 0.1)
    n_collab = count - n_org - n_place - n_role
    located = points(areas, n_org + n_place, rng)
    area_ids = list(areas.by_id)
    sizes = {"organisations": n_org, "places": n_place, "roles": n_role, "collaborations": n_collab}

    def enrich(type_: str, i: int, record: dict) -> dict:
        return synthetic_rich.enrich(type_, i, record, sizes, area_ids) if rich else record

    for i in range(n_org):
        lat, lon = located[i]
        write(
            out / "organisations" / f"org-{i}.yml",
            enrich(
                "organisations",
                i,
                {
                    "id": f"org-{i}",
                    "name": f"Förening {i} {rng.choice(WORDS)}",
                    "kind": "association",
                    "summary": text(rng, 12),
                    "categories": rng.sample(CATEGORIES, 2),
                    "languages": rng.sample(LANGUAGES, 2),
                    **translations(i),
                    "contact": {
                        "phone": '"019-21 10 00"',
                        "email": f"info{i}@exempel.se",
                        "website": f"https://exempel.se/{i}",
                    },
                    "location": {"lat": lat, "lon": lon},
                    "last_reviewed": "2026-10-01",
                    "sources": ["syntetisk testdata"],
                },
            ),
        )
    for i in range(n_place):
        lat, lon = located[n_org + i]
        write(
            out / "places" / f"place-{i}.yml",
            enrich(
                "places",
                i,
                {
                    "id": f"place-{i}",
                    "name": f"Mötesplats {i}",
                    "hosts": [f"org-{i % n_org}"],
                    "summary": text(rng, 10),
                    "categories": rng.sample(CATEGORIES, 1),
                    "languages": rng.sample(LANGUAGES, 2),
                    "address": {"street": f"Storgatan {i}", "postal_code": '"702 10"', "city": "Örebro"},
                    "location": {"lat": lat, "lon": lon},
                    "opening_hours": [{"days": ["mo", "we"], "opens": '"18:00"', "closes": '"21:00"'}],
                    "cost": {"free": "true"},
                    "last_reviewed": "2026-10-01",
                    "sources": ["syntetisk testdata"],
                },
            ),
        )
    for i in range(n_role):
        write(
            out / "roles" / f"role-{i}.yml",
            enrich(
                "roles",
                i,
                {
                    "id": f"role-{i}",
                    "name": f"Volontär {i}",
                    "organisation": f"org-{i % n_org}",
                    "place": f"place-{i % n_place}",
                    "categories": rng.sample(CATEGORIES, 1),
                    "tasks": text(rng, 15),
                    "last_reviewed": "2026-10-01",
                    "sources": ["syntetisk testdata"],
                },
            ),
        )
    for i in range(n_collab):
        write(
            out / "collaborations" / f"collab-{i}.yml",
            enrich(
                "collaborations",
                i,
                {
                    "id": f"collab-{i}",
                    "name": f"Samverkan {i}",
                    "categories": rng.sample(CATEGORIES, 1),
                    "partners": [{"organisation": f"org-{i % n_org}"}, {"organisation": f"org-{(i + 1) % n_org}"}],
                    "status": "ongoing",
                    "areas": rng.sample(area_ids, 2),
                    "summary": text(rng, 12),
                    "last_reviewed": "2026-10-01",
                    "sources": ["syntetisk testdata"],
                },
            ),
        )
    if rich:
        write(out / "good_examples.yml", {"good_examples": synthetic_rich.good_examples(n_collab)})
    return out


def write(path: Path, record: dict) -> None:
    path.write_text("".join(lines(record, 0)), encoding="utf-8")


def lines(value: dict, indent: int):
    pad = "  " * indent
    for key, item in value.items():
        if isinstance(item, dict):
            yield f"{pad}{key}:\n"
            yield from lines(item, indent + 1)
        elif isinstance(item, list) and item and isinstance(item[0], dict):
            yield f"{pad}{key}:\n"
            for element in item:
                first, *rest = list(lines(element, indent + 2))
                yield f"{pad}  - {first.lstrip()}"
                yield from rest
        elif isinstance(item, list):
            yield f"{pad}{key}: [{', '.join(map(str, item))}]\n"
        else:
            yield f"{pad}{key}: {item}\n"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "directory")
    parser.add_argument("--rich", action="store_true", help="fill every field (see synthetic_rich)")
    args = parser.parse_args()
    print(generate(args.out, args.count, rich=args.rich))
