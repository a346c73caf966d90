"""Benchmark: the site at 10,000 synthetic records in all seven interface languages against the
same site in Swedish only, in one run; and the site's size per language (issue 17).

Target: the build with all languages within 1.5x of the Swedish-only build.
    python -m benchmarks.i18n_10k [--count N] [--repeat N] [--record-pages]

--record-pages also builds the design that was not chosen: a record page per record in every
language (a hook adds them), to show what it would cost; the site instead shows a record in the
language's finder (/ar/hitta-stod/?post=<id>).
"""

from __future__ import annotations

import argparse
import gzip
import shutil
from pathlib import Path

from benchmarks.measure import machine_speed, mkdocs
from commonmap.base.languages import LANGUAGES
from tests.support.synthetic import ROOT, generate

OUT = ROOT / "benchmarks" / "out" / "i18n"
HOOK = Path(__file__).with_name("record_pages_hook.py")


def config(name: str, directory: Path, languages: list[str], hook: bool = False) -> Path:
    """A folder with the project's mkdocs.yml over a copy of `directory` inside it (the plugin reads
    no directory outside the project), publishing `languages`."""
    folder = OUT / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copytree(directory, folder / "directory")
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: content", f"docs_dir: {ROOT / 'content'}")
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    text = text.replace("      directory: directory", f"      directory: directory\n      languages: {languages}")
    if hook:
        text += f"\nhooks:\n  - {HOOK}\n"
    (folder / "mkdocs.yml").write_text(text, encoding="utf-8")
    return folder


def size(path: Path) -> tuple[int, int]:
    """Bytes of the files under `path`, and gzipped (as a static host sends them) for HTML."""
    raw = zipped = 0
    for file in path.rglob("*"):
        if file.is_file():
            data = file.read_bytes()
            raw += len(data)
            zipped += len(gzip.compress(data, 6)) if file.suffix == ".html" else 0
    return raw, zipped


def mb(value: int) -> str:
    return f"{value / 1e6:.1f} MB"


def report_sizes(swedish: Path, every: Path) -> None:
    total_sv, total_all = size(swedish)[0], size(every)[0]
    print(f"site size: Swedish only {mb(total_sv)}, all languages {mb(total_all)} (+{mb(total_all - total_sv)})")
    in_folders = 0
    for language in LANGUAGES.values():
        if language.prefix:
            raw, zipped = size(every / language.prefix)
            in_folders += raw
            pages = len(list((every / language.prefix).rglob("index.html")))
            print(f"  /{language.prefix}: {pages} pages, {mb(raw)} ({mb(zipped)} HTML gzipped)")
    print(
        f"  outside the language folders (sitemap, Swedish pages' switcher): +{mb(total_all - total_sv - in_folders)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=1, help="build each N times, alternating; keep the fastest")
    parser.add_argument("--record-pages", action="store_true", help="also time a record page per language")
    args = parser.parse_args()
    directory = generate(OUT / "directory", args.count)
    builds = {
        "swedish": config("swedish", directory, ["sv"]),
        "all": config("all", directory, list(LANGUAGES)),
    }
    if args.record_pages:
        builds["record-pages"] = config("record-pages", directory, list(LANGUAGES), hook=True)
    print(f"machine: reference loop {machine_speed():.2f} s")
    runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in builds}
    for _ in range(args.repeat):
        for name, folder in builds.items():
            runs[name].append(mkdocs(folder, folder / "site"))
    best = {
        name: (min(r[0] for r in found), min(r[1] for r in found), max(r[2] for r in found))
        for name, found in runs.items()
    }
    for name, (wall, cpu, peak) in best.items():
        print(f"{name:13} {args.count} records: {wall:.1f} s ({cpu:.1f} s CPU), peak {peak:.0f} MB")
    (sv_wall, sv_cpu, _), (all_wall, all_cpu, _) = best["swedish"], best["all"]
    print(f"ratio all/Swedish: {all_wall / sv_wall:.2f}x wall, {all_cpu / sv_cpu:.2f}x CPU (target <= 1.5x)")
    if "record-pages" in best:
        wall, cpu, _ = best["record-pages"]
        print(f"ratio record pages per language/Swedish: {wall / sv_wall:.2f}x wall, {cpu / sv_cpu:.2f}x CPU")
    report_sizes(builds["swedish"] / "site", builds["all"] / "site")


if __name__ == "__main__":
    main()
