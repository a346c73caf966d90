"""Site settings that generators need, read from the engine's configuration by the adapter."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from commonmap.base.languages import LANGUAGES

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
QUICK_EXIT = "https://www.smhi.se/"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bidragsgivare'


@dataclass(frozen=True)
class Settings:
    site_url: str = ""  # e.g. "https://karta.example.se/"; empty when unknown
    repo_url: str = ""  # e.g. "https://github.com/orebro/gemensam-karta"
    edit_uri: str = ""  # e.g. "edit/main/" ; joined with the record's path in the repository
    directory_path: str = "directory"  # the data folder's path inside the repository
    tiles_url: str = OSM_TILES
    tiles_attribution: str = OSM_ATTRIBUTION
    data_license: str = "CC0-1.0"
    data_license_url: str = "https://creativecommons.org/publicdomain/zero/1.0/deed.sv"
    report_email: str = ""  # where residents' error reports go ("Rapportera fel"); no account needed
    quick_exit_url: str = QUICK_EXIT  # where "Lämna sidan snabbt" goes: a neutral site
    previous_export: str = ""  # a directory.json published before, for /data/changes.json; "" when none
    languages: tuple[str, ...] = tuple(LANGUAGES)  # the interface languages published, Swedish first
    content_pages: frozenset[str] = frozenset()  # the URLs of the hand-written pages, e.g. "ar/om/"
    municipality_team: str = ""  # the GitHub team that owns the municipality's decisions (governance.py)

    @property
    def tile_origin(self) -> str:
        """The tile server's origin for the Content-Security-Policy; {s} subdomains become *."""
        return "/".join(self.tiles_url.split("/")[:3]).replace("{s}", "*")

    def page_url(self, path: str) -> str:
        """Absolute URL of a page when the site's address is known, else its path from the root."""
        return f"{self.site_url.rstrip('/')}/{path}" if self.site_url else f"/{path}"

    def report_links(self, name: str, path: str) -> dict[str, str]:
        """Prefilled ways to report an error in a record: an e-mail (no account needed) and, when the
        repository is on GitHub, the issue form "Lägg till eller ändra en verksamhet"."""
        page = self.page_url(path)
        links = {}
        if self.report_email:
            subject = f"Fel i Gemensam karta: {name}"
            body = f"Sidan: {page}\n\nVad är fel, och vad är rätt?\n"
            links["email"] = (
                f"mailto:{self.report_email}?{urlencode({'subject': subject, 'body': body}, quote_via=quote)}"
            )
        if "github.com/" in self.repo_url:
            query = urlencode({"template": "verksamhet.yml", "title": f"Fel: {name}", "lank": page}, quote_via=quote)
            links["issue"] = f"{self.repo_url.rstrip('/')}/issues/new?{query}"
        return links

    def edit_url(self, record_file: str) -> str:
        """The link that opens a record's YAML file in the repository's web editor."""
        if not self.repo_url:
            return ""
        relative = record_file.split("/", 1)[1] if "/" in record_file else record_file
        return f"{self.repo_url.rstrip('/')}/{self.edit_uri.strip('/')}/{self.directory_path}/{relative}"
