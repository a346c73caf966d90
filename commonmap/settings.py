"""Site settings that generators need, read from the engine's configuration by the adapter."""

from __future__ import annotations

from dataclasses import dataclass

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
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

    def edit_url(self, record_file: str) -> str:
        """The link that opens a record's YAML file in the repository's web editor."""
        if not self.repo_url:
            return ""
        relative = record_file.split("/", 1)[1] if "/" in record_file else record_file
        return f"{self.repo_url.rstrip('/')}/{self.edit_uri.strip('/')}/{self.directory_path}/{relative}"
