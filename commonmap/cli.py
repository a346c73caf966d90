"""The `commonmap` command line: parses options and calls plain functions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from commonmap.problems import has_errors
from commonmap.validate import read_directory

DEFAULT_DIR = Path("directory")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="commonmap", description="Gemensam karta: kontrollera och bygg katalogen.")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="Kontrollera alla poster i katalogen.")
    validate.add_argument(
        "directory", nargs="?", type=Path, default=DEFAULT_DIR, help="katalogen (standard: directory)"
    )
    validate.add_argument(
        "--format", choices=("text", "github"), default="text", help="utdata: text eller GitHub-annoteringar"
    )
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    return run_validate(args.directory, args.format)


def run_validate(root: Path, output: str) -> int:
    if not root.is_dir():
        print(f"commonmap: katalogen '{root}' finns inte", file=sys.stderr)
        return 2
    directory, problems = read_directory(root)
    for problem in problems:
        print(problem.format_github() if output == "github" else problem.format())
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    counts = ", ".join(f"{n} {t}" for t, n in (directory.counts() if directory else {}).items())
    print(
        f"{counts or 'inga poster'} giltiga; {errors} fel, {warnings} varningar.",
        file=sys.stderr if output == "github" else sys.stdout,
    )
    return 1 if has_errors(problems) else 0


if __name__ == "__main__":
    sys.exit(main())
