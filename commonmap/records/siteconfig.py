"""The plugin's settings in mkdocs.yml, checked like a record: each problem with the file, the
line of the value and a code. A pull request can change mkdocs.yml too, and these values reach
every page: the tile server's origin goes into the Content-Security-Policy, its attribution is
HTML that Leaflet inserts, the data folder decides which files are read.

mkdocs.yml is composed (not constructed) with PyYAML, so its tags (!ENV, !!python/name) need no
constructor; only the positions and the plain values of the plugin's options are taken.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import nh3
import yaml
from pydantic_core import PydanticCustomError

from commonmap.base.characters import CONTROL, INVISIBLE
from commonmap.records import checks
from commonmap.records.inputs import read_regular
from commonmap.records.problems import Problem

MAX_BYTES = 1024 * 1024
PLUGIN = "commonmap"
TEXTS = ("tiles_attribution", "data_license")
ATTRIBUTION_MAX, LICENSE_MAX = 500, 100
HOST = re.compile(r"^(\{s\}\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$")
TILE_PATH = re.compile(r"^[A-Za-z0-9._~/{}@%=&?+-]*$")
# A GitHub team as CODEOWNERS names it: @organisation/team (GitHub's characters for both names).
TEAM = re.compile(r"^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")


@dataclass
class SiteConfig:
    """What the exports and `commonmap validate` need from mkdocs.yml without MkDocs."""

    file: str
    site_url: str = ""
    options: dict[str, str] = field(default_factory=dict)  # the plugin's plain (untagged) values
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)  # of each option's value
    problems: list[Problem] = field(default_factory=list)


def read(config_file: Path) -> SiteConfig:
    name = config_file.name
    found = SiteConfig(name)
    raw, refused = read_regular(str(config_file), name, MAX_BYTES)
    if raw is None:
        found.problems.append(refused)
        return found
    try:
        root = yaml.compose(raw.decode("utf-8"), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError):
        return found  # MkDocs reports a mkdocs.yml it cannot read itself
    top = _mapping(root)
    found.site_url = _plain(top.get("site_url")) or ""
    plugins = top.get("plugins")
    entries = plugins.value if isinstance(plugins, yaml.SequenceNode) else [plugins] if plugins else []
    for entry in entries:
        options = _mapping(entry).get(PLUGIN)
        for key, value in _mapping(options).items():
            found.positions[key] = (value.start_mark.line + 1, value.start_mark.column + 1)
            if _plain(value) is not None:
                found.options[key] = _plain(value)
    return found


def _mapping(node: object) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}


def _plain(node: object) -> str | None:
    """The text of an untagged scalar (a tagged one, such as !ENV, is MkDocs' to resolve)."""
    if isinstance(node, yaml.ScalarNode) and not node.tag.startswith("!"):
        return node.value
    return None


def problems(config_file: Path) -> list[Problem]:
    """The problems of the plugin's settings in a mkdocs.yml, without MkDocs."""
    config = read(config_file)
    return config.problems + check(config.options, config, config_file.absolute().parent)


def check(options: dict[str, object], config: SiteConfig, project: Path) -> list[Problem]:
    """Every problem of the plugin's options, at the line of each value in mkdocs.yml."""
    found = []
    for key, check_ in CHECKS.items():
        value = options.get(key)
        if not isinstance(value, str) or value == "" and key in ("report_email", "municipality_team"):
            continue  # not set (MkDocs reports a value of the wrong type)
        line, col = config.positions.get(key, (1, 1))
        try:
            check_(value, project)
        except PydanticCustomError as error:
            found.append(Problem(config.file, line, col, error.type, {"field": key, **(error.context or {})}))
    return found


def _directory(value: str, project: Path) -> None:
    path = project / value
    inside = os.path.realpath(path).startswith(os.path.realpath(project) + os.sep)
    reason = (
        "utanför projektet"
        if not inside
        else "en symbolisk länk"
        if path.is_symlink()
        else "inte en mapp"
        if not path.is_dir()
        else None
    )
    if reason:
        raise checks.fail("setting-directory", value=value, reason=reason)


def _tiles_url(value: str, project: Path) -> None:
    parts = urlsplit(value) if not any(c.isspace() for c in value) else None
    host = parts.netloc.rsplit(":", 1) if parts else None
    reason = None
    if parts is None or parts.scheme != "https":
        reason = "den ska börja med https:// och inte innehålla mellanslag"
    elif not HOST.match(host[0]) or len(host) == 2 and not host[1].isdigit():
        reason = "servernamnet får bara ha bokstäver a–z, siffror, bindestreck och punkter"
    elif not TILE_PATH.match(value[len(parts.scheme) + 3 + len(parts.netloc) :]) or parts.fragment:
        reason = "adressen har tecken som inte hör hemma i en kartadress"
    elif not all(part in value for part in ("{z}", "{x}", "{y}")):
        reason = "{z}, {x} och {y} saknas"
    if reason:
        raise checks.fail("setting-tiles-url", value=value, reason=reason)


def _attribution(value: str, project: Path) -> None:
    _text(value, ATTRIBUTION_MAX)
    cleaned = nh3.clean(value, tags={"a"}, attributes={"a": {"href"}}, url_schemes={"https"}, link_rel=None)
    if _tokens(cleaned) != _tokens(value):
        raise checks.fail("setting-attribution", value=value)


def _team(value: str, project: Path) -> None:
    if not TEAM.match(value):
        raise checks.fail("setting-team", value=value)


def _license(value: str, project: Path) -> None:
    _text(value, LICENSE_MAX)


def _text(value: str, limit: int) -> None:
    checks.text(value)
    if len(value) > limit:
        raise checks.fail("too-long", length=len(value), limit=limit)
    for pattern, code in ((CONTROL, "control-character"), (INVISIBLE, "invisible-character")):
        match = pattern.search(value)
        if match:
            char = match.group()
            raise checks.fail(code, char=f"U+{ord(char):04X}", name=unicodedata.name(char, "?").lower(), text=value)


class _Tokens(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.tokens.append(("start", tag, tuple(sorted(attrs))))

    def handle_endtag(self, tag):
        self.tokens.append(("end", tag))

    def handle_data(self, data):
        self.tokens.append(("text", data))

    def handle_comment(self, data):
        self.tokens.append(("comment", data))


def _tokens(markup: str) -> list[tuple]:
    """The tags, attributes and text of HTML, however it is spelt (quotes, entities)."""
    parser = _Tokens()
    parser.feed(markup)
    parser.close()
    return parser.tokens


CHECKS = {
    "directory": _directory,
    "tiles_url": _tiles_url,
    "tiles_attribution": _attribution,
    "data_license": _license,
    "data_license_url": lambda value, project: checks.url(value),
    "report_email": lambda value, project: checks.email(value),
    "municipality_team": _team,
}
