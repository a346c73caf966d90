"""The `commonmap` command line: every command's options, output and exit code.

A command is a row of COMMANDS: `<name>_options(parser)` adds its options, `run_<name>(args)` does
its work with the stages' plain functions, prints, and returns the exit code (0 done, 1 the input
has errors, 2 a usage error); `Stop(code, *lines)` ends it early with lines for stderr. Reading the
directory (`read`, a `Report`), printing problems and the speed settings are here once: the
garbage collector is paused while the directory is read and the exports are written
(base/collector.py), and `entry` leaves with os._exit after flushing. Each command imports what
only it needs, so that `validate` starts quickly (jinja2 and the exporters are not needed to
check a directory).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from commonmap.base import clock, collector, parallel
from commonmap.records.problems import Problem, has_errors

if TYPE_CHECKING:
    from commonmap.records.directory import Directory

DEFAULT_DIR = Path("directory")
USAGE = 2  # a usage error, as argparse reports one
PIPE_CLOSED = 141  # what a shell reports for a program ended by SIGPIPE


class Stop(Exception):
    """Ends a command early: its exit code and the lines it prints on stderr."""

    def __init__(self, code: int, *lines: str) -> None:
        super().__init__(code, *lines)
        self.code = code
        self.lines = lines


@dataclass(frozen=True)
class Report:
    """A directory as read (None when its categories or areas cannot be), with its problems."""

    directory: Directory | None
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> int:
        return len(self.problems) - len(self.errors)

    @property
    def failed(self) -> bool:
        """Nothing is to be made from it: no directory, or one with errors."""
        return self.directory is None or has_errors(self.problems)


def require(root: Path, who: str = "commonmap") -> Path:
    if not root.is_dir():
        raise Stop(USAGE, f"{who}: katalogen '{root}' finns inte")
    return root


def read(root: Path, workers: int = 1, settings: list[Problem] | None = None) -> Report:
    """Read and check the directory with the garbage collector paused (collector.paused says why);
    the problems of the site's settings, when given, come first."""
    from commonmap.records.validate import read_directory  # here, so that Ctrl-C while importing is quiet too

    with collector.paused():
        directory, problems = read_directory(root, workers=workers)
    return Report(directory, (settings or []) + problems)


def print_problems(problems: list[Problem], output: str = "text", file: TextIO | None = None) -> None:
    """One line a problem: `FILE:LINE:COL: severity: ...`, or a GitHub annotation."""
    for problem in problems:
        print(problem.format_github() if output == "github" else problem.format(), file=file or sys.stdout)


def readable(root: Path) -> Directory:
    """The directory for the reviewers' commands, which count what can be read: records with
    errors are left out (and said to be); Stop when the categories or areas cannot be read."""
    report = read(require(root))
    if report.directory is None:
        raise Stop(USAGE, f"commonmap: kategorierna eller områdena i {root} kan inte läsas; kör commonmap validate")
    if report.errors:
        print(
            f"Obs: {len(report.errors)} fel i katalogen; poster med fel räknas inte. Kör commonmap validate.",
            file=sys.stderr,
        )
    return report.directory


def directory_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR, help="katalogen (standard: directory)")


def validate_options(parser: argparse.ArgumentParser) -> None:
    directory_argument(parser)
    parser.add_argument(
        "--format", choices=("text", "github"), default="text", help="utdata: text eller GitHub-annoteringar"
    )


def run_validate(args: argparse.Namespace) -> int:
    root = require(args.directory)
    from commonmap.records import messages

    report = read(root, workers=parallel.cores(), settings=settings_problems(root))
    print_problems(report.problems, args.format)
    files = report.directory.files if report.directory else {}
    print(
        messages.summary(files, len(report.errors), report.warnings) + ".",
        file=sys.stderr if args.format == "github" else sys.stdout,
    )
    return 1 if has_errors(report.problems) else 0


def settings_problems(root: Path) -> list[Problem]:
    """The plugin's settings in the mkdocs.yml beside the directory, when there is one."""
    config_file = root.absolute().parent / "mkdocs.yml"
    if not config_file.is_file():
        return []
    from commonmap.records import siteconfig

    return siteconfig.problems(config_file)


def export_options(parser: argparse.ArgumentParser) -> None:
    directory_argument(parser)
    parser.add_argument("--out", type=Path, required=True, help="mappen som filerna skrivs till")
    parser.add_argument(
        "--config", type=Path, default=Path("mkdocs.yml"), help="webbplatsens mkdocs.yml (adress och licens)"
    )
    parser.add_argument(
        "--previous",
        type=Path,
        default=None,
        help="directory.json från förra publicerade versionen: changes.json listar vad som ändrats sedan dess",
    )


def run_export(args: argparse.Namespace) -> int:
    """0 when written, 1 when the directory, the plugin's settings or the previous version has errors."""
    root = require(args.directory)
    from commonmap import export, mkdocs_files
    from commonmap.export import changes

    if args.previous is not None:
        _, error = changes.read_previous(str(args.previous))
        if error:
            raise Stop(1, error, "Inga filer skrevs.")
    report = read(root, settings=mkdocs_files.problems(args.config))
    if report.failed:
        print_problems(report.errors, file=sys.stderr)
        raise Stop(1, f"{len(report.errors)} fel; inga filer skrevs.")
    settings = dataclasses.replace(mkdocs_files.settings_from(args.config), previous_export=str(args.previous or ""))
    with collector.paused():
        written = export.write(report.directory, settings, args.out)
    print(f"{len(written)} filer skrivna i {args.out}.")
    return 0


def generate_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, help="mappen: OUT/mkdocs.yml och OUT/docs/")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="webbplatsens mkdocs.yml")


def run_generate(args: argparse.Namespace) -> int:
    """Every page and file of the site as sources, with a mkdocs.yml that builds them without the
    plugin (another engine can read them too)."""
    if not args.config.is_file():
        raise Stop(USAGE, f"commonmap: filen '{args.config}' finns inte")
    from commonmap import plugin

    return plugin.generate(args.config, args.out)


def serve_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="webbplatsens mkdocs.yml")
    parser.add_argument("--addr", default="127.0.0.1:8000", metavar="VÄRD:PORT", help="var sidan visas")
    parser.add_argument("--site", type=Path, help="mappen som visas (standard: en tillfällig mapp)")


def run_serve(args: argparse.Namespace) -> int:
    """The preview: an edited record's pages in about a second, the rest after (serve.py)."""
    host, _, port = args.addr.rpartition(":")
    if not args.config.is_file() or not host or not port.isdigit():
        raise Stop(USAGE, f"commonmap: '{args.config}' finns inte, eller --addr är inte VÄRD:PORT ('{args.addr}')")
    from commonmap import serve

    return serve.serve(args.config, host, int(port), args.site)


def new_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("type", nargs="?", help="posttyp: organisation, place, role eller collaboration")
    parser.add_argument("id", nargs="?", help="postens id, t.ex. kfum-orebro (blir filnamnet)")
    parser.add_argument("--list", action="store_true", help="visa posttyperna")
    parser.add_argument("--directory", type=Path, default=DEFAULT_DIR, help="katalogen (standard: directory)")


def run_new(args: argparse.Namespace) -> int:
    """0 written, 1 refused (id taken or malformed), 2 a usage error."""
    from commonmap.contribute import new

    if args.list:
        print(new.list_types())
        return 0
    type_ = new.resolve_type(args.type or "")
    if type_ is None or not args.id:
        raise Stop(
            USAGE, f"commonmap new: ange typ och id, t.ex. commonmap new organisation kfum-orebro\n{new.list_types()}"
        )
    root = require(args.directory, "commonmap new")
    try:
        path = new.create(root, type_, args.id, clock.today(), new.category_labels(root))
    except ValueError as refused:
        raise Stop(1, f"commonmap new: {refused}") from None
    print(f"Skrev {path}. Fyll i de tomma fälten och kontrollera med: commonmap validate {root}")
    return 0


def stale_options(parser: argparse.ArgumentParser) -> None:
    directory_argument(parser)
    parser.add_argument("--months", type=int, default=None, help="antal månader (standard: 12)")
    parser.add_argument("--format", choices=("text", "csv"), default="text", help="utdata: text eller csv")


def run_stale(args: argparse.Namespace) -> int:
    """0 when printed (also when nothing is stale)."""
    from commonmap.contribute import review
    from commonmap.records.rules import STALE_MONTHS

    directory = readable(args.directory)
    months = STALE_MONTHS if args.months is None else args.months
    records = review.stale(directory, months, clock.today())
    if args.format == "csv":
        print(review.stale_csv(records), end="")
    else:
        print(review.stale_text(records, months))
    return 0


def links_options(parser: argparse.ArgumentParser) -> None:
    validate_options(parser)  # the directory and the form of the problems, as validate's
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(".cache/links.json"),
        help="svar som sparas en vecka (standard: .cache/links.json)",
    )


def run_links(args: argparse.Namespace) -> int:
    """1 when an address is gone, else 0 (slow or failing servers only warn)."""
    from commonmap.contribute import links

    found = links.links_of(readable(args.directory))
    cache = links.read_cache(args.cache)
    problems = links.check(found, cache=cache)
    links.write_cache(args.cache, cache)
    print_problems(problems, args.format)
    gone = sum(p.severity == "error" for p in problems)
    print(f"{len(found)} länkar kontrollerade: {gone} borta, {len(problems) - gone} att titta på.")
    return 1 if gone else 0


def stats_options(parser: argparse.ArgumentParser) -> None:
    directory_argument(parser)
    parser.add_argument("--format", choices=("text", "json"), default="text", help="utdata: text eller json")


def run_stats(args: argparse.Namespace) -> int:
    from commonmap.contribute import review

    directory = readable(args.directory)
    found = review.stats(directory)
    print(review.stats_json(found) if args.format == "json" else review.stats_text(found, directory))
    return 0


def schema_options(parser: argparse.ArgumentParser) -> None:
    directory_argument(parser)
    parser.add_argument("--out", type=Path, default=Path("schema"), help="mappen (standard: schema)")


def run_schema(args: argparse.Namespace) -> int:
    """The editors' JSON schemas, from the model and the directory's categories and areas."""
    from commonmap.contribute import schema

    directory = read(require(args.directory)).directory
    if directory is None:
        raise Stop(1, f"kan inte läsa kategorierna eller områdena i {args.directory}; kör commonmap validate")
    for path in schema.write(directory, args.out):
        print(path)
    return 0


@dataclass(frozen=True)
class Command:
    help: str
    options: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


COMMANDS = {
    "validate": Command("Kontrollera alla poster i katalogen.", validate_options, run_validate),
    "export": Command("Skriv de öppna data som webbplatsen publicerar under /data/.", export_options, run_export),
    "new": Command("Skapa en ny postfil från en mall med förklaringar.", new_options, run_new),
    "stale": Command(
        "Lista poster som inte granskats på länge eller bygger på gamla webbsidor, med kontaktens e-post.",
        stale_options,
        run_stale,
    ),
    "links": Command("Kontrollera postenas webbadresser (döda länkar, flyttade sidor).", links_options, run_links),
    "stats": Command(
        "Räkna det en besökare kan använda (adresser, kontaktvägar, öppettider…) och poster per typ, kategori och område.",
        stats_options,
        run_stats,
    ),
    "schema": Command(
        "Skriv redigerarnas JSON-scheman (schema/) från modellen och katalogen.", schema_options, run_schema
    ),
    "serve": Command("Visa webbplatsen och bygg om det som ändras när en fil sparas.", serve_options, run_serve),
    "generate": Command(
        "Skriv webbplatsens alla sidor och filer som källor som MkDocs bygger utan tillägget.",
        generate_options,
        run_generate,
    ),
}


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="commonmap", description="Gemensam karta: kontrollera och bygg katalogen.")
    commands = top.add_subparsers(dest="command", required=True)
    # Every command that reads "today" can be given another day (the one clock, clock.py).
    dated = argparse.ArgumentParser(add_help=False)
    dated.add_argument("--today", metavar="ÅÅÅÅ-MM-DD", help="räkna som om det vore den dagen (standard: i dag)")
    for name, command in COMMANDS.items():
        command.options(commands.add_parser(name, parents=[dated], help=command.help))
    return top


def run(command: Callable[[], int]) -> int:
    """The command's exit code; a Stop's lines go to stderr."""
    try:
        return command()
    except Stop as stop:
        for line in stop.lines:
            print(line, file=sys.stderr)
        return stop.code


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    return run(lambda: COMMANDS[args.command].run(on_its_day(args)))


def on_its_day(args: argparse.Namespace) -> argparse.Namespace:
    """Pin the clock to --today; a bad COMMONMAP_TODAY is a usage error too, told before any work."""
    try:
        if args.today:
            clock.pin(args.today)
        clock.today()
    except clock.ClockError as error:
        raise Stop(USAGE, f"commonmap: {error}") from None
    return args


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
