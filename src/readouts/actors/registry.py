"""The in-memory registry: persons, tenures and the words for places and offices, indexed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from readouts.actors.loader import (
    DATA_DIR,
    Country,
    Row,
    home_country,
    latest_rows,
    read_countries,
    read_phrases,
    read_tenures,
)
from readouts.actors.model import (
    SENIORITY,
    Person,
    Tenure,
    as_date,
    slug,
)
from readouts.actors.roles import PhraseTable, tokens
from readouts.errors import NotFound

# Offices whose counterpart abroad is the office that leads the government there.
LEADERS = ("head_of_state", "head_of_government")
# The pseudo-office of titles.csv for "leader": whichever office leads that country.
LEADER = "leader"


def _key(text: str) -> str:
    """Return the lookup key of a name or place: folded, without a possessive or 'the'."""
    key = " ".join(tokens(text))
    return key[4:] if key.startswith("the ") else key


class Registry:
    """Who held which office when, and the words that name countries, places and offices."""

    def __init__(
        self,
        rows: Iterable[Row],
        countries: dict[str, Country],
        places: Iterable[tuple[str, str, str | None, str]] = (),
        titles: Iterable[tuple[str, str, str | None, str]] = (),
        problems: Iterable[str] = (),
        files: Iterable[str] = (),
    ) -> None:
        self.rows, self.replaced = latest_rows(rows)
        self.countries = countries
        self.problems: list[str] = list(problems)  # found while reading the files
        self.files: tuple[str, ...] = tuple(files)
        self._places = [(p, c.upper(), o or None, src) for p, c, o, src in places]
        self._titles = [(p, o, c.upper() if c else None, src) for p, o, c, src in titles]
        self._build_people()
        self._build_words()

    # -- building ---------------------------------------------------------------

    def _build_people(self) -> None:
        names: dict[str, str] = {}
        rows_of: dict[str, list[Row]] = {}
        aliases: dict[str, dict[str, None]] = {}
        tenures: dict[str, list[Tenure]] = {}
        self.alias_sources: dict[tuple[str, str], str] = {}
        self._title_rank: dict[tuple[str, str], dict[str, int]] = {}
        self._office_by_title: dict[tuple[str, str], str] = {}
        for row in self.rows:
            pid = slug(row.name)
            names.setdefault(pid, row.name)
            rows_of.setdefault(pid, []).append(row)
            bag = aliases.setdefault(pid, {})
            for text in (row.name, *row.aliases):
                self.alias_sources.setdefault((pid, _key(text)), row.source)
                if text != names[pid]:
                    bag.setdefault(text, None)
            tenures.setdefault(pid, []).append(
                Tenure(
                    person_id=pid,
                    country=row.country,
                    office=row.office,
                    host=row.host,
                    title=row.title,
                    start=row.start,
                    end=row.end,
                    note=row.note,
                    source=row.source,
                )
            )
            ranks = self._title_rank.setdefault((row.country, row.office), {})
            ranks.setdefault(row.title, len(ranks))
            # The titles a country's own data uses decide what its roles mean
            # ("President" is Iran's head of government).
            title_key = (row.country, _key(row.title))
            known = self._office_by_title.get(title_key)
            if known is None or SENIORITY[row.office] < SENIORITY[known]:
                self._office_by_title[title_key] = row.office
        self._people: dict[str, Person] = {}
        self._by_office: dict[tuple[str, str], list[Tenure]] = {}
        self._by_alias: dict[str, list[str]] = {}
        self._by_surname: dict[str, list[str]] = {}
        for pid, name in names.items():
            person = Person(
                id=pid,
                name=name,
                # Their own state, not an organisation they led (docs/registry.md).
                country=home_country(rows_of[pid], self.countries),
                aliases=tuple(aliases[pid]),
                tenures=tuple(sorted(tenures[pid], key=lambda t: (t.start, t.office))),
            )
            self._people[pid] = person
            for t in person.tenures:
                self._by_office.setdefault((t.country, t.office), []).append(t)
            for text in (name, *person.aliases):
                ids = self._by_alias.setdefault(_key(text), [])
                if pid not in ids:
                    ids.append(pid)
            surname = tokens(name)[-1:]
            if surname:
                self._by_surname.setdefault(surname[0], []).append(pid)

    def _build_words(self) -> None:
        self._country_by_text: dict[str, str] = {}
        for code, c in self.countries.items():
            for text in (code, *c.texts()):
                self._country_by_text.setdefault(_key(text), code)
        # Places carry a country; fall back to them for "the Kremlin" -> RUS.
        for phrase, code, _office, _src in self._places:
            self._country_by_text.setdefault(_key(phrase), code)
        self._country_words: dict[str, set[str]] = {}
        self._role_table = PhraseTable((p, o, c) for p, o, c, _ in self._titles)
        self._place_table = PhraseTable((p, o, c) for p, c, o, _ in self._places)

    # -- people -------------------------------------------------------------------

    def people(self) -> Iterator[Person]:
        """Yield every person, in the order first read."""
        yield from self._people.values()

    def person(self, id: str) -> Person:
        """Return the person with this id, or raise NotFound."""
        try:
            return self._people[id]
        except KeyError:
            raise NotFound(f"no person with id {id!r} in the registry") from None

    def tenures(self, country: str, office: str) -> list[Tenure]:
        """Return the tenures of one office in one country (any host), oldest first."""
        return sorted(self._by_office.get((country, office), ()), key=lambda t: t.start)

    def resolve_code(self, country: str) -> str:
        """Return a country code given a code or any name of the country."""
        up = country.strip().upper()
        if up in self.countries or (up, "head_of_state") in self._by_office:
            return up
        return self.country_code(country) or up

    def holder(
        self, country: str, office: str, on: date | str | None = None, host: str | None = None
    ) -> Person | None:
        """Return who held ``office`` in ``country`` on ``on`` (today when None), or None."""
        code = self.resolve_code(country)
        day = as_date(on)
        host_code = self.resolve_code(host) if host else None
        held = [
            t
            for t in self._by_office.get((code, office), ())
            if t.covers(day) and (host_code is None or t.host == host_code)
        ]
        if not held:
            return None
        # Several holders (intelligence chiefs, envoys): the title listed first in the data
        # is the principal one; on a changeover day the newcomer wins.
        ranks = self._title_rank.get((code, office), {})
        best = min(held, key=lambda t: (ranks.get(t.title, 99), -t.start.toordinal()))
        return self._people[best.person_id]

    def tenure_of(
        self, person: Person, country: str, office: str, on: date | str | None
    ) -> Tenure | None:
        """Return the person's tenure of ``office`` in ``country`` covering ``on``."""
        for t in person.tenures:
            if t.country == country and t.office == office and t.covers(on):
                return t
        return None

    def find(
        self, name: str, on: date | str | None = None, country: str | None = None
    ) -> list[Person]:
        """Return persons named ``name`` (any spelling), those in office on ``on`` first."""
        key = _key(name)
        ids = self._by_alias.get(key)
        words = key.split()
        if not ids:
            # "Russian Foreign Minister Sergey Lavrov": try the name at the end.
            for i in range(1, len(words)):
                ids = self._by_alias.get(" ".join(words[i:]))
                if ids:
                    break
        if not ids and len(words) >= 3:
            ids = self._by_alias.get(f"{words[0]} {words[-1]}")  # without a middle name
        if not ids and len(words) == 1:
            ids = self._by_surname.get(words[0])
        people = [self._people[i] for i in ids or ()]
        if country:
            code = self.resolve_code(country)
            people = [
                p for p in people if p.country == code or any(t.country == code for t in p.tenures)
            ]
        day = as_date(on)

        def rank(p: Person) -> tuple[int, int]:
            # In office on the day first, then whoever was in office nearest to it.
            if p.office_on(day):
                return (0, 0)
            distance = min(
                (t.start - day).days if t.start > day else (day - (t.end or day)).days
                for t in p.tenures
            )
            return (1, distance)

        return sorted(people, key=rank)

    def canonical_name(self, name: str, on: date | str | None = None) -> str | None:
        """Return the canonical spelling of ``name`` ("Sergei Lavrov" -> "Sergey Lavrov")."""
        found = self.find(name, on=on)
        return found[0].name if found else None

    def counterpart(
        self,
        office: str,
        country: str,
        on: date | str | None = None,
        from_country: str | None = None,
    ) -> Person | None:
        """Return the holder of the office in ``country`` equivalent to ``office``."""
        code = self.resolve_code(country)
        target = self.countries.get(code)
        if office in LEADERS:
            source = self.countries.get(self.resolve_code(from_country)) if from_country else None
            leads = source.leader == office if source else office == "head_of_state"
            # A leader's counterpart is whoever leads the other government (a US
            # president's is the German chancellor); a ceremonial or deputy head
            # meets the same office, else the leader.
            if leads and target is not None:
                order = [target.leader, *(o for o in LEADERS if o != target.leader)]
            else:
                order = [office, target.leader if target else "head_of_state"]
            for o in order:
                found = self.holder(code, o, on)
                if found:
                    return found
            return None
        if office == "ambassador":
            host = self.resolve_code(from_country) if from_country else None
            return self.holder(code, office, on, host=host) if host else None
        return self.holder(code, office, on)

    def aliases(self) -> Iterator[tuple[str, str]]:
        """Yield (text, person id) for every canonical name and alias."""
        for person in self._people.values():
            yield person.name, person.id
            for alias in person.aliases:
                yield alias, person.id

    # -- words for offices and places ---------------------------------------------

    def titles(self) -> Iterator[tuple[str, str, str | None]]:
        """Yield (phrase, office, country or None) for every role phrase that names an office."""
        for phrase, office, country, _src in self._titles:
            if office == LEADER:
                # "leader" means the leading office of whichever country: see leader_office().
                yield phrase, "head_of_state", country
            elif office:
                yield phrase, office, country

    def non_titles(self) -> Iterator[str]:
        """Yield role phrases that are not offices ("vice president"): mask them before titles."""
        for phrase, office, _country, _src in self._titles:
            if not office:
                yield phrase

    def places(self) -> Iterator[tuple[str, str, str | None]]:
        """Yield (phrase, country, office or None) for institutions and places as actors."""
        for phrase, country, office, _src in self._places:
            yield phrase, country, office

    def country_code(self, text: str) -> str | None:
        """Return the code of a country named by name, demonym, capital or metonym."""
        return self._country_by_text.get(_key(text))

    def country_names(self) -> Iterator[tuple[str, str]]:
        """Yield (text, code) for every country name, alias, demonym, capital and metonym."""
        for code, c in self.countries.items():
            for text in c.texts():
                yield text, code

    def country_name(self, code: str) -> str | None:
        """Return the English name of a country code."""
        c = self.countries.get(code.upper())
        return c.name if c else None

    def office_type(self, role_text: str, country: str | None = None) -> str | None:
        """Return the office type a free-text role names ("Russian Defense Minister")."""
        if country:
            own = self._own_title(role_text, self.resolve_code(country))
            if own:
                return own
        found = self._role_table.office(role_text, country)
        if found is None:
            found = self._place_table.office(role_text, country)
        if found and found[0] == LEADER:
            return self.leader_office(country) if country else "head_of_state"
        return found[0] if found else None

    def leader_office(self, country: str) -> str:
        """Return the office that leads the country's government (a president, a premier)."""
        c = self.countries.get(self.resolve_code(country))
        return c.leader if c else "head_of_state"

    def leader(self, country: str, on: date | str | None = None) -> Person | None:
        """Return who led the country's government on ``on`` ("the British leader")."""
        return self.counterpart("head_of_state", country, on)

    def _own_title(self, role_text: str, code: str) -> str | None:
        """Return the office of a title in the country's own data, after its country words."""
        words = _key(role_text).split()
        country_words = self._country_words.get(code)
        if country_words is None:
            c = self.countries.get(code)
            country_words = {w for t in c.texts() for w in tokens(t)} if c else set()
            self._country_words[code] = country_words
        for i in range(len(words)):
            if i and words[i - 1] not in country_words:
                return None
            office = self._office_by_title.get((code, " ".join(words[i:])))
            if office:
                return office
        return None

    def role_country(self, role_text: str) -> str | None:
        """Return the country a role or place phrase implies ("Secretary of State" -> USA)."""
        found = self._role_table.office(role_text) or self._place_table.office(role_text)
        return found[1] if found else None

    def __repr__(self) -> str:
        return f"Registry({len(self._people)} persons, {len(self.rows)} tenures)"


def build_registry(files: Iterable[Path], data_dir: Path = DATA_DIR) -> Registry:
    """Build a registry from tenure files plus the countries, places and titles in data_dir."""
    problems: list[str] = []
    countries: dict[str, Country] = read_countries(data_dir / "countries.csv", problems)
    places = read_phrases(data_dir / "places.csv", ("phrase", "country", "office"), problems)
    titles = read_phrases(data_dir / "titles.csv", ("phrase", "office", "country"), problems)
    rows: list[Row] = []
    paths = list(files)
    for path in paths:
        rows.extend(read_tenures(path, problems))
    return Registry(rows, countries, places, titles, problems, files=[str(p) for p in paths])
