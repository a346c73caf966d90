"""Where a build's time goes (issue 24): `mkdocs build` of the project's site over N synthetic
records under cProfile, each function's own time put in one group by the file it is in; a
built-in's own time (str.join, write, …) goes to its callers' groups in proportion. The groups
add up to the profiled total, so shares are comparable (cProfile slows Python code more than
built-ins: the shares, not the seconds, are the result).
    python -m benchmarks.profile_build [--count N] [--top N]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
from collections import Counter

from benchmarks.site_10k import OUT, project

# (group, test on the file name); the first that matches wins. Compiled templates carry their
# template's file name: the theme's and the overrides' are "theme templating", the project's own
# templates count with its generators.
GROUPS = [
    ("gc", lambda f: f == "gc"),
    ("writing files", lambda f: f == "io" or f.endswith(("/shutil.py", "/staging.py"))),
    ("project: validation", lambda f: "/commonmap/records/" in f),
    ("project: search index", lambda f: "/commonmap/search/" in f or "/commonmap/base/words.py" in f),
    ("project: exports", lambda f: "/commonmap/export/" in f),
    ("project: map", lambda f: "/commonmap/map/" in f or "/folium/" in f or "/branca/" in f),
    ("project: adapter", lambda f: f.endswith("/commonmap/plugin.py")),
    ("project: generators", lambda f: "/commonmap/" in f),
    ("theme templating", lambda f: f.endswith(".html") or "/jinja2/" in f or "/markupsafe/" in f),
    ("Markdown", lambda f: "/markdown/" in f or "/pymdownx/" in f),
    ("yaml", lambda f: "/yaml/" in f),
    ("MkDocs core", lambda f: "/mkdocs/" in f or "/material/" in f),
]
WRITES = ("write", "open", "mkdir", "close", "unlink", "rename", "replace", "stat", "utime")


def group(filename: str) -> str:
    return next((name for name, test in GROUPS if test(filename)), "other (Python, libraries)")


def builtin_group(name: str) -> str | None:
    """A built-in's own group when its name says what it does, else None (its callers')."""
    if "gc" in name and "collect" in name:
        return "gc"
    if any(word in name for word in WRITES) and ("posix" in name or "io" in name or "builtins.open" in name):
        return "writing files"
    return None


def groups(stats: pstats.Stats) -> Counter[str]:
    found: Counter[str] = Counter()
    for (filename, _, name), (_, _, own, _, callers) in stats.stats.items():
        if filename != "~":
            found[group(filename)] += own
        elif (fixed := builtin_group(name)) is not None:
            found[fixed] += own
        else:
            total = sum(caller[2] for caller in callers.values()) or 1.0
            for (caller_file, _, _), caller in callers.items():
                found["other (Python, libraries)" if caller_file == "~" else group(caller_file)] += (
                    own * caller[2] / total
                )
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--top", type=int, default=0, help="also print the N functions with most cumulative time")
    args = parser.parse_args()
    folder = project(args.count)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.chdir(folder)
    from mkdocs.__main__ import cli

    profile = cProfile.Profile()
    sys.argv = ["mkdocs", "build", "-q", "--site-dir", str(OUT / "profile-site")]
    try:
        profile.runcall(cli.main, standalone_mode=False)
    finally:
        stats = pstats.Stats(profile)
        if os.environ.get("PROFILE_DUMP"):
            stats.dump_stats(os.environ["PROFILE_DUMP"])
    found = groups(stats)
    total = sum(found.values())
    print(f"profiled build of {args.count} records: {total:.1f} s under cProfile")
    print("| group | seconds | share |\n| --- | ---: | ---: |")
    for name, seconds in found.most_common():
        print(f"| {name} | {seconds:.1f} | {seconds / total:.0%} |")
    if args.top:
        stats.sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
