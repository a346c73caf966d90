"""Benchmark: `mkdocs build` of a synthetic directory of 10,000 records against a bare
mkdocs-material build of 10,000 plain Markdown pages of similar length, in one run, and Hugo
(Debian's package: `make hugo`) building the same Markdown pages with a one-line layout.

Target (issue 24): at most 1.0x the bare build in CPU, best of 3 alternating. Also prints the
search index size.
    python -m benchmarks.site_10k [--count N] [--repeat N] [--fresh]
"""

from __future__ import annotations

import argparse
import gzip
import random
import shutil
from pathlib import Path

from benchmarks.measure import mkdocs, run
from tests.support.synthetic import ROOT, WORDS, generate

OUT = ROOT / "benchmarks" / "out"
THEME = "theme: {name: material, language: sv, font: false}\nplugins:\n  - search: {lang: sv}\n"


def build(config_dir: Path, site: Path, fresh: bool = False) -> tuple[float, float]:
    """Wall time and CPU time of one `mkdocs build`; with `fresh`, into an empty folder (as on a
    fresh clone) rather than over the previous build's site (which both builds then remove)."""
    if fresh:
        shutil.rmtree(site, ignore_errors=True)
    wall, cpu, _ = mkdocs(config_dir, site)
    return wall, cpu


def project(count: int) -> Path:
    """The project's own site over a synthetic directory: content, theme and plugin as in mkdocs.yml."""
    folder = OUT / "project"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    generate(folder / "directory", count)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("docs_dir: content", f"docs_dir: {ROOT / 'content'}").replace(
        "custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}"
    )
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder


def bare(count: int) -> Path:
    """10,000 plain Markdown pages of about a record page's length, with the same theme and search."""
    folder = OUT / "bare"
    shutil.rmtree(folder, ignore_errors=True)
    docs = folder / "docs"
    rng = random.Random(1)
    for i in range(count):
        page = docs / f"p{i // 1000}" / f"page-{i}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(40)) for _ in range(4))
        page.write_text(f"# Sida {i}\n\n## Kontakt\n\n- Telefon 019-21 10 00\n\n{body}\n", encoding="utf-8")
    (docs / "index.md").write_text("# Start\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        f"site_name: Bare\nnav:\n  - Start: index.md\nvalidation: {{nav: {{omitted_files: ignore}}}}\n{THEME}",
        encoding="utf-8",
    )
    return folder


HUGO_LAYOUT = (
    '<!doctype html><html lang="sv"><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>'
)


def hugo(bare_dir: Path) -> Path:
    """The bare build's Markdown pages as a Hugo site: no theme, one layout for every page."""
    folder = OUT / "hugo"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(bare_dir / "docs", folder / "content")
    (folder / "content" / "index.md").rename(folder / "content" / "_index.md")
    for name in ("single", "list"):
        layout = folder / "layouts" / "_default" / f"{name}.html"
        layout.parent.mkdir(parents=True, exist_ok=True)
        layout.write_text(HUGO_LAYOUT, encoding="utf-8")
    config = 'baseURL = "https://example.se/"\nlanguageCode = "sv"\ndisableKinds = ["taxonomy", "term", "RSS"]\n'
    (folder / "hugo.toml").write_text(config, encoding="utf-8")
    return folder


def hugo_line(bare_dir: Path, count: int, repeat: int, project_cpu: float) -> str:
    if shutil.which("hugo") is None:
        return "hugo: not installed (`make hugo` installs Debian's package)"
    folder = hugo(bare_dir)
    runs = [run(["hugo", "--quiet", "--destination", str(OUT / "hugo-site")], cwd=folder) for _ in range(repeat)]
    wall, cpu = min(r[0] for r in runs), min(r[1] for r in runs)
    return f"hugo, {count} pages: {wall:.1f} s ({cpu:.1f} s CPU); the project is {project_cpu / cpu:.1f}x Hugo in CPU"


def index_size(site: Path) -> str:
    """The theme's lunr index (search/search_index.json) or the project's own (data/sok/)."""
    lunr = site / "search" / "search_index.json"
    files = [lunr] if lunr.exists() else sorted((site / "data" / "sok").glob("*.json"))
    raw = [path.read_bytes() for path in files]
    size, packed = sum(map(len, raw)), sum(len(gzip.compress(part)) for part in raw)
    return f"{size / 1e6:.1f} MB in {len(files)} files ({packed / 1e6:.2f} MB gzipped)"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=1, help="build each N times, alternating; keep the fastest")
    parser.add_argument("--fresh", action="store_true", help="build into empty folders, not over the last site")
    args = parser.parse_args()
    bare_dir, project_dir = bare(args.count), project(args.count)
    # On a shared machine the speed drifts by tens of percent within minutes: alternating the two
    # builds and keeping each one's fastest compares them under the same conditions. CPU time is
    # printed too, as it does not count time spent waiting for a busy machine.
    runs = [
        (build(bare_dir, OUT / "bare-site", args.fresh), build(project_dir, OUT / "project-site", args.fresh))
        for _ in range(args.repeat)
    ]
    (bare_time, bare_cpu), (project_time, project_cpu) = (min(r[i] for r in runs) for i in (0, 1))
    if args.repeat > 1:
        print("runs, wall (bare, project):", ", ".join(f"({b[0]:.1f} s, {p[0]:.1f} s)" for b, p in runs))
    print(
        f"bare mkdocs-material, {args.count} pages: {bare_time:.1f} s ({bare_cpu:.1f} s CPU),"
        f" search index {index_size(OUT / 'bare-site')}"
    )
    print(
        f"gemensam karta, {args.count} records:   {project_time:.1f} s ({project_cpu:.1f} s CPU),"
        f" search index {index_size(OUT / 'project-site')}"
    )
    print(f"ratio: {project_time / bare_time:.2f}x wall, {project_cpu / bare_cpu:.2f}x CPU (target <= 1.0x CPU)")
    print(hugo_line(bare_dir, args.count, args.repeat, project_cpu))


if __name__ == "__main__":
    main()
