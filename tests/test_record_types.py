"""The record-type registry, where a record is, and the references both ways (issue 20), on the
sample directory."""

from __future__ import annotations

import dataclasses

import pytest

from commonmap.base import ui
from commonmap.records.model import Collaboration, Organisation, Place, Role
from commonmap.records.types import BY_FOLDER, RECORD_TYPES
from commonmap.records.whereabouts import sites_of


def test_every_type_is_named_once_and_everywhere() -> None:
    for field in ("folder", "url_folder", "name", "schema_name", "schema_org"):
        values = [getattr(type_, field) for type_ in RECORD_TYPES]
        assert len(set(values)) == len(values), field
    assert [t.model for t in RECORD_TYPES] == [Organisation, Place, Role, Collaboration]
    for type_ in RECORD_TYPES:  # the interface names a type by its folder, in every language
        assert ui.t(f"type.{type_.folder}") and ui.t(f"types.{type_.folder}")
    aliases = [alias for type_ in RECORD_TYPES for alias in set(type_.aliases)]
    assert len(set(aliases)) == len(aliases)


def test_a_record_is_at_its_own_site_or_its_meeting_places(sample) -> None:
    entries = sample.entries
    for entry in entries.values():
        sites = sites_of(entry, entries)
        if isinstance(entry.record, Organisation | Place):
            assert sites == (entry,)
        else:
            assert [site.id for site in sites] == [i for i in entry.record.place_ids if i in entries]
            assert all(isinstance(site.record, Place) for site in sites)
    role = next(e for e in entries.values() if isinstance(e.record, Role) and e.record.place)
    assert sites_of(role, entries) == (entries[role.record.place],)


def test_the_references_are_indexed_the_other_way(sample) -> None:
    pairs = {(target, entry.id) for entry in sample.entries.values() for target in entry.record.refers_to}
    assert pairs  # the sample has hosts, organisations, partners and places
    assert {(target, e.id) for target, found in sample.referred_by.items() for e in found} == pairs
    for found in sample.referred_by.values():
        assert [e.id for e in found] == sorted(e.id for e in found)
    partnered = next(e for e in sample.entries.values() if isinstance(e.record, Collaboration))
    assert all(partnered in sample.referred_by[p.organisation] for p in partnered.record.partners)


def test_the_directory_is_not_changed_after_it_is_built(sample) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        sample.good_examples = ()  # type: ignore[misc]
    assert BY_FOLDER["places"].url_folder == "motesplatser"
