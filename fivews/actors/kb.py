"""The actor knowledge base: states, organisations, armed groups, people and sector words.

Everything is read from YAML files under ``fivews/data/actors/`` and from the user's own
files (``--actors FILE`` or the ``FIVEWS_ACTORS`` setting, several separated by the path
separator), whose entries take precedence. See ``docs/actors.md`` for the formats.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from fivews.data_files import data_path, load_yaml, read_yaml_file
from fivews.text_norm import lead_word, name_key

LOGGER = logging.getLogger(__name__)
HOME_SECTORS = {"GOV", "LEG", "JUD"}  # bodies that act from the capital unless a place is named


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso2: str | None
    name: str
    capital: str | None
    lat: float | None
    lon: float | None
    region: str | None


@dataclass(frozen=True, slots=True)
class Organization:
    """An IGO, NGO, armed group or movement: anything coded by a fixed code."""

    id: str
    name: str
    code: str
    country: str | None
    sector: str | None
    kind: str
    history: tuple[tuple[date, str, str | None], ...] = ()  # (last day, code, sector), oldest first
    parent: str | None = None
    seat: tuple[str, str] | None = None  # (town, ISO3) of its headquarters

    def coding_on(self, day: date | None) -> tuple[str, str | None]:
        """The code and sector that applied on a day (the current ones when no day is known)."""
        if day is not None:
            for until, code, sector in self.history:
                if day <= until:
                    return code, sector
        return self.code, self.sector


@dataclass(frozen=True, slots=True)
class Role:
    title: str | None
    sector: str
    start: date | None
    end: date | None
    org: str | None = None
    country: str | None = None

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    country: str | None
    roles: tuple[Role, ...]

    def role_on(self, day: date | None) -> tuple[Role | None, bool]:
        """(the role held on ``day``, whether it is current); a past role when none is current."""
        if not self.roles:
            return None, False
        if day is None:
            current = [r for r in self.roles if r.end is None]
            return (current[0], True) if current else (self._latest(), False)
        held = [r for r in self.roles if r.holds_on(day)]
        if held:
            return held[0], True
        past = [r for r in self.roles if r.start is None or r.start <= day]
        if past:
            return max(past, key=lambda r: r.end or date.max), False
        return None, False

    def _latest(self) -> Role:
        return max(self.roles, key=lambda r: r.end or date.max)


@dataclass(frozen=True, slots=True)
class Entry:
    """What a name in the lexicon stands for."""

    kind: str  # country | adjective | demonym | seat | org | person | sector | modifier
    ref: str  # iso3, organization id, person id, sector code or modifier name


@dataclass
class ActorKB:
    countries: dict[str, Country] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    sector_names: dict[str, str] = field(default_factory=dict)
    generic_heads: set[str] = field(default_factory=set)  # role words that yield to a more specific one
    lexicon: dict[str, list[Entry]] = field(default_factory=dict)
    max_words: int = 1
    lead_words: set[str] = field(default_factory=set)  # first words of all names: a quick "no name starts here"
    collectives: dict[str, str] = field(default_factory=dict)  # "member states" -> "members", "both sides" -> "sides"

    # -- building -------------------------------------------------------------------
    def add_name(self, name: str, entry: Entry, first: bool = False) -> None:
        key = name_key(str(name))
        if not key:
            return
        entries = self.lexicon.setdefault(key, [])
        if entry in entries:
            entries.remove(entry)
        if first:
            entries.insert(0, entry)
        else:
            entries.append(entry)
        self.max_words = max(self.max_words, key.count(" ") + 1 + key.count("-") * 2 + key.count("'"))
        self.lead_words.add(lead_word(key))

    def load_countries(self, items: Iterable[dict], first: bool = False) -> None:
        for item in items:
            iso3 = item["iso3"].upper()
            self.countries[iso3] = Country(
                iso3, item.get("iso2"), item["name"], item.get("capital"), item.get("lat"), item.get("lon"), item.get("region")
            )
            for name in [item["name"], *(item.get("names") or [])]:
                self.add_name(name, Entry("country", iso3), first)
            for adj in item.get("adjectives") or []:
                self.add_name(adj, Entry("adjective", iso3), first)
            for dem in item.get("demonyms") or []:
                self.add_name(dem, Entry("demonym", iso3), first)
            for seat in item.get("government_words") or []:
                self.add_name(seat, Entry("seat", iso3), first)

    def load_organizations(self, items: Iterable[dict], default_kind: str, first: bool = False) -> None:
        for item in items:
            org = Organization(
                id=str(item["id"]),
                name=item["name"],
                code=item.get("code") or ((item.get("country") or "") + (item.get("sector") or "")),
                country=item.get("country"),
                sector=item.get("sector"),
                kind=item.get("kind") or default_kind,
                history=_history(item.get("history"), str(item["id"])),
                parent=item.get("parent"),
                seat=_seat(item.get("seat"), str(item["id"])),
            )
            self.organizations[org.id] = org
            for name in [org.name, *(item.get("aliases") or [])]:
                self.add_name(name, Entry("org", org.id), first)

    def seat_of(self, actor) -> tuple[str, str] | None:
        """Where an actor acts from when the text names no place: an organisation's (or its
        parent's) headquarters, a state's or its government's capital. None for those
        who act in the field (armed forces, rebels, police, crowds)."""
        org = self.organizations.get(actor.id) if actor.id else None
        for _ in range(4):
            if org is None:
                break
            if org.seat is not None:
                return org.seat
            org = self.organizations.get(org.parent) if org.parent else None
        if actor.kind == "state" or actor.sector in HOME_SECTORS:
            country = self.countries.get(actor.country or "")
            if country is not None and country.capital:
                return country.capital, country.iso3
        return None

    def load_people(self, items: Iterable[dict], first: bool = False) -> None:
        for item in items:
            roles = tuple(
                Role(
                    title=r.get("title"),
                    sector=r.get("sector") or "GOV",
                    start=_as_date(r.get("start")),
                    end=_as_date(r.get("end")),
                    org=r.get("org"),
                    country=r.get("country"),
                )
                for r in item.get("roles") or []
            )
            person = Person(str(item["id"]), item["name"], item.get("country"), roles)
            self.people[person.id] = person
            for name in [person.name, *(item.get("aliases") or [])]:
                self.add_name(name, Entry("person", person.id), first)

    def load_sectors(self, data: dict, first: bool = False) -> None:
        for item in data.get("sectors") or []:
            code = item.get("sector")
            if not code:
                continue
            self.sector_names[code] = item.get("name") or code
            for word in item.get("words") or []:
                self.add_name(word, Entry("sector", code), first)
        self.generic_heads.update(name_key(w) for w in data.get("generic_heads") or [])
        for item in data.get("modifiers") or []:
            for word in item.get("words") or []:
                self.add_name(word, Entry("modifier", item["modifier"]), first)
        for kind, words in (data.get("collectives") or {}).items():
            for word in words or []:
                self.collectives[name_key(str(word))] = str(kind)

    def load_user_file(self, path: Path) -> None:
        """A user's file: a mapping with any of countries/organizations/groups/people/sectors,
        or a plain list of organisations or groups. Its names win over the bundled ones."""
        data = read_yaml_file(path)
        if isinstance(data, list):
            data = {"groups": data}
        if not isinstance(data, dict):
            raise ValueError(f"{path}: expected a YAML list or mapping of actors")
        self.load_countries(data.get("countries") or [], first=True)
        self.load_organizations(data.get("organizations") or [], "igo", first=True)
        self.load_organizations(data.get("groups") or [], "armed_group", first=True)
        self.load_people(data.get("people") or [], first=True)
        if data.get("sectors") or data.get("modifiers") or data.get("collectives"):
            self.load_sectors(data, first=True)

    # -- lookup ---------------------------------------------------------------------
    def lookup(self, text: str) -> list[Entry]:
        return self.lexicon.get(name_key(text), [])

    def sector_name(self, code: str | None) -> str | None:
        return self.sector_names.get(code, code) if code else None

    def stats(self) -> dict[str, int]:
        return {
            "countries": len(self.countries),
            "organizations": sum(1 for o in self.organizations.values() if o.kind in ("igo", "ngo")),
            "groups": sum(1 for o in self.organizations.values() if o.kind not in ("igo", "ngo")),
            "people": len(self.people),
            "names": len(self.lexicon),
        }


def _history(items, owner: str) -> tuple[tuple[date, str, str | None], ...]:
    out = []
    for item in items or ():
        until = _as_date(item.get("until")) if isinstance(item, dict) else None
        if until is None or not item.get("code"):
            raise ValueError(f"actor {owner}: each history entry needs 'until' (YYYY-MM-DD) and 'code'")
        out.append((until, str(item["code"]), item.get("sector")))
    return tuple(sorted(out))


def _as_date(value) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    text = str(value)
    if len(text) == 4:
        text += "-01-01"
    elif len(text) == 7:
        text += "-01"
    return date.fromisoformat(text)


def _bundled(name: str):
    return load_yaml(f"actors/{name}") if data_path(f"actors/{name}").is_file() else None


def user_actor_files(extra: Iterable[str | Path] = ()) -> list[Path]:
    files = [Path(p) for p in os.environ.get("FIVEWS_ACTORS", "").split(os.pathsep) if p]
    return files + [Path(p) for p in extra]


def _seat(value, where: str) -> tuple[str, str] | None:
    """A "town, ISO3" seat field."""
    if not value:
        return None
    town, _, country = str(value).rpartition(",")
    if not town.strip() or len(country.strip()) != 3:
        raise ValueError(f"{where}: seat must be 'town, ISO3', got {value!r}")
    return town.strip(), country.strip().upper()


@lru_cache(maxsize=8)
def load_kb(extra_files: tuple[str, ...] = ()) -> ActorKB:
    """The bundled knowledge base plus the user's files (theirs win)."""
    kb = ActorKB()
    kb.load_sectors(_bundled("sectors.yaml") or {})
    kb.load_countries(_bundled("countries.yaml") or [])
    kb.load_organizations(_bundled("organizations.yaml") or [], "igo")
    kb.load_organizations(_bundled("groups.yaml") or [], "armed_group")
    kb.load_people(_bundled("people.yaml") or [])
    for path in user_actor_files(extra_files):
        if not path.is_file():
            raise FileNotFoundError(f"actor file not found: {path}")
        kb.load_user_file(path)
    return kb
