"""The `commonmap` command line: parses options and calls plain functions."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from commonmap.base import clock, parallel
from commonmap.records.problems import has_errors

DEFAULT_DIR = Path("directory")
PIPE_CLOSED = 141  # what a shell reports for a program ended by SIGPIPE
GENERATE_HELP = "Skriv webbplatsens alla sidor och filer som källor som MkDocs bygger utan tillägget."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="commonmap", description="Gemensam karta: kontrollera och bygg katalogen.")
    commands = parser.add_subparsers(dest="command", required=True)
    # Every command that reads "today" can be given another day (the one clock, clock.py).
    dated = argparse.ArgumentParser(add_help=False)
    dated.add_argument("--today", metavar="ÅÅÅÅ-MM-DD", help="räkna som om det vore den dagen (standard: i dag)")
    validate = commands.add_parser("validate", parents=[dated], help="Kontrollera alla poster i katalogen.")
    validate.add_argument(
        "directory", nargs="?", type=Path, default=DEFAULT_DIR, help="katalogen (standard: directory)"
    )
    validate.add_argument(
        "--format", choices=("text", "github"), default="text", help="utdata: text eller GitHub-annoteringar"
    )
    export_ = commands.add_parser(
        "export", parents=[dated], help="Skriv de öppna data som webbplatsen publicerar under /data/."
    )
    export_.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR, help="katalogen (standard: directory)")
    export_.add_argument("--out", type=Path, required=True, help="mappen som filerna skrivs till")
    export_.add_argument(
        "--config", type=Path, default=Path("mkdocs.yml"), help="webbplatsens mkdocs.yml (adress och licens)"
    )
    export_.add_argument(
        "--previous",
        type=Path,
        default=None,
        help="directory.json från förra publicerade versionen: changes.json listar vad som ändrats sedan dess",
    )
    new = commands.add_parser("new", parents=[dated], help="Skapa en ny postfil från en mall med förklaringar.")
    new.add_argument("type", nargs="?", help="posttyp: organisation, place, role eller collaboration")
    new.add_argument("id", nargs="?", help="postens id, t.ex. kfum-orebro (blir filnamnet)")
    new.add_argument("--list", action="store_true", help="visa posttyperna")
    new.add_argument("--directory", type=Path, default=DEFAULT_DIR, help="katalogen (standard: directory)")
    stale = commands.add_parser(
        "stale",
        parents=[dated],
        help="Lista poster som inte granskats på länge eller bygger på gamla webbsidor, med kontaktens e-post.",
    )
    stale.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR, help="katalogen (standard: directory)")
    stale.add_argument("--months", type=int, default=None, help="antal månader (standard: 12)")
    stale.add_argument("--format", choices=("text", "csv"), default="text", help="utdata: text eller csv")
    links = commands.add_parser(
        "links", parents=[dated], help="Kontrollera postenas webbadresser (döda länkar, flyttade sidor)."
    )
    links.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR, help="katalogen (standard: directory)")
    links.add_argument(
        "--format", choices=("text", "github"), default="text", help="utdata: text eller GitHub-annoteringar"
    )
    links.add_argument(
        "--cache",
        type=Path,
        default=Path(".cache/links.json"),
        help="svar som sparas en vecka (standard: .cache/links.json)",
    )
    stats = commands.add_parser(
        "stats",
        parents=[dated],
        help="Räkna det en besökare kan använda (adresser, kontaktvägar, öppettider…) och poster per typ, kategori och område.",
    )
    stats.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR, help="katalogen (standard: directory)")
    stats.add_argument("--format", choices=("text", "json"), default="text", help="utdata: text eller json")
    generate_options(commands.add_parser("generate", parents=[dated], help=GENERATE_HELP))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        if args.today:
            clock.pin(args.today)
        clock.today()  # a bad COMMONMAP_TODAY is a usage error, told before any work
    except clock.ClockError as error:
        print(f"commonmap: {error}", file=sys.stderr)
        return 2
    # Each command imports what only it needs, so that `validate` starts quickly (jinja2 and the
    # exporters are not needed to check a directory).
    if args.command == "export":
        from commonmap import export, mkdocs_files

        settings, problems = mkdocs_files.settings_from(args.config), mkdocs_files.problems(args.config)
        return export.run(args.directory, args.out, settings, problems, args.previous)
    if args.command == "generate":
        return run_generate(args)
    if args.command in ("new", "stale", "stats", "links"):
        from commonmap import contribute
    if args.command == "new":
        return contribute.new.run(args.directory, args.type, args.id, args.list)
    if args.command == "stale":
        return contribute.review.run_stale(args.directory, args.months, args.format)
    if args.command == "links":
        return contribute.links.run(args.directory, args.format, args.cache)
    if args.command == "stats":
        return contribute.review.run_stats(args.directory, args.format)
    return run_validate(args.directory, args.format)


def generate_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, help="mappen: OUT/mkdocs.yml och OUT/docs/")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="webbplatsens mkdocs.yml")


def run_generate(args: argparse.Namespace) -> int:
    """`commonmap generate`: every page and file of the site as sources, with a mkdocs.yml that
    builds them without the plugin (another engine can read them too)."""
    if not args.config.is_file():
        print(f"commonmap: filen '{args.config}' finns inte", file=sys.stderr)
        return 2
    from commonmap import plugin

    return plugin.generate(args.config, args.out)


def run_validate(root: Path, output: str) -> int:
    if not root.is_dir():
        print(f"commonmap: katalogen '{root}' finns inte", file=sys.stderr)
        return 2
    # here, so that Ctrl-C while importing is quiet too
    from commonmap.records import messages
    from commonmap.records.validate import read_directory

    directory, problems = read_directory(root, workers=parallel.cores())
    problems = settings_problems(root) + problems
    for problem in problems:
        print(problem.format_github() if output == "github" else problem.format())
    errors = sum(p.severity == "error" for p in problems)
    print(
        messages.summary(directory.files if directory else {}, errors, len(problems) - errors) + ".",
        file=sys.stderr if output == "github" else sys.stdout,
    )
    return 1 if has_errors(problems) else 0


def settings_problems(root: Path) -> list:
    """The plugin's settings in the mkdocs.yml beside the directory, when there is one."""
    config_file = root.absolute().parent / "mkdocs.yml"
    if not config_file.is_file():
        return []
    from commonmap.records import siteconfig

    return siteconfig.problems(config_file)


def entry() -> None:
    """The console script: main(), then an exit that skips freeing the heap one object at a time.
    After reading 10,000 records that took a tenth of `commonmap validate`'s time; every file
    is closed by then, and the output is flushed here."""
    try:
        code = main()
    except KeyboardInterrupt:  # Ctrl-C: stop quietly, with the shell's code for it
        code = 130
    except BrokenPipeError:  # the reader has gone (`commonmap stale | head -1`): stop quietly
        code = PIPE_CLOSED
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        code = code or PIPE_CLOSED
    os._exit(code)


if __name__ == "__main__":
    entry()
