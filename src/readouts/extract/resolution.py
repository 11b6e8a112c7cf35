"""Resolve actor references to participants through the registry, on the event date."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from readouts.extract.participants import Context, Ref
from readouts.extract.registry import Lexicon, day_of, lexicon
from readouts.records import Participant


def resolve(ref: Ref, on: str | None, ctx: Context, others: list[Participant]) -> Participant:
    """Return the participant ``ref`` denotes on ``on``."""
    lex = lexicon()
    if ref.kind == "name":
        person = _person(ref, on, ctx, lex)
        if person is not None:
            return from_person(ref.text, person, on, ref.office)
        return Participant(text=ref.text, name=ref.text, country=ref.country, office=ref.office)
    if ref.kind == "pronoun":
        if ctx.last_person is not None:
            return replace(ctx.last_person, text=ref.text)
        return Participant(text=ref.text)
    if ref.kind == "counterpart" and ref.country:
        office = next((o.office for o in others if o.office and o.country != ref.country), None)
        if office:
            person = lex.counterpart(office, ref.country, on)
            if person is not None:
                return from_person(ref.text, person, on, office)
        return Participant(text=ref.text, country=ref.country, office=office)
    if ref.kind == "title" and ref.country and ref.office and not ref.indefinite:
        person = lex.holder(ref.country, ref.office, on)
        if person is not None:
            return from_person(ref.text, person, on, ref.office)
    return Participant(text=ref.text, country=ref.country, office=ref.office)


def _person(ref: Ref, on: str | None, ctx: Context, lex: Lexicon) -> Any:
    """Return the registry person a name reference denotes."""
    words = ref.text.replace("’s", "").replace("'s", "").split()
    if len(words) == 1 and words[0] in ctx.surnames:
        return ctx.surnames[words[0]]  # "Wang", after "Wang Yi" was named
    if isinstance(ref.person, list):
        people = [p for p in (lex.person(pid) for pid in ref.person) if p is not None]
        if ref.country:
            people = [p for p in people if p.country == ref.country] or people
        dated = [p for p in people if p.office_on(_day(on, ctx)) is not None]
        if dated or people:
            return (dated or people)[0]
    found = lex.find(ref.text, on or ctx.published, ref.country)
    if found is not None:
        return found
    last = ref.text.split()[-1] if ref.text.split() else ""
    return ctx.surnames.get(last)


def _day(on: str | None, ctx: Context) -> str | None:

    return day_of(on or ctx.published)


def from_person(text: str, person: Any, on: str | None, office: str | None) -> Participant:
    """Return a participant for a registry person, with the office held on ``on``."""

    tenure = person.office_on(day_of(on)) if on else None
    if tenure is None:
        tenures = sorted(person.tenures, key=lambda t: t.start)
        match = [t for t in tenures if t.office == office] if office else []
        tenure = (match or tenures or [None])[-1]
    return Participant(
        text=text,
        person_id=person.id,
        name=person.name,
        # An official of an organisation speaks for it (Rutte as NATO Secretary General).
        country=tenure.country if tenure else person.country,
        office=tenure.office if tenure else office,
        role=tenure.title if tenure else None,
    )
