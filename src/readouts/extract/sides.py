"""The sides of a contact: references resolved to participants, plurals, one-to-one calls."""

from __future__ import annotations

from typing import Any

from readouts.extract.participants import Context, Ref
from readouts.extract.registry import lexicon
from readouts.extract.resolution import from_person, resolve
from readouts.extract.status import is_trigger, mode_of
from readouts.records import Participant


def split(people: tuple[Participant, ...], mode: str) -> list[tuple[Participant, ...]]:
    """Split a call with several people on one side into one call per person (calls are 1:1)."""
    if mode != "phone" or len(people) <= 2:
        return [people]
    countries = list(dict.fromkeys(p.country for p in people))
    if len(countries) != 2:
        return [people]
    sides = [[p for p in people if p.country == c] for c in countries]
    if len(sides[0]) > 1 and len(sides[1]) > 1:
        # "Austin and Milley sought calls with Shoigu and Gerasimov": office to office.
        pairs: list[tuple[Participant, ...]] = [
            (a, b) for a in sides[0] for b in sides[1] if a.office and a.office == b.office
        ]
        left = [[p for p in side if not any(p in pair for pair in pairs)] for side in sides]
        if len(left[0]) == len(left[1]) == 1:
            pairs.append((left[0][0], left[1][0]))
        return pairs if len(pairs) == min(len(sides[0]), len(sides[1])) else [people]
    one, many = (sides[0], sides[1]) if len(sides[0]) == 1 else (sides[1], sides[0])
    return [(one[0], p) if people.index(one[0]) < people.index(p) else (p, one[0]) for p in many]


def participants(
    inside: list[Ref], refs: list[Ref], ctx: Context, on: str | None
) -> tuple[Participant, ...]:
    """Resolve references to participants: names first, then roles, pronouns and plurals."""
    resolved: list[Participant] = []
    for r in sorted(inside, key=lambda r: r.kind in ("counterpart", "pronoun", "plural")):
        if r.kind == "plural":
            if not resolved or len({p.country for p in resolved}) < 2:
                resolved.extend(_plural(r, refs, ctx, on))
            continue
        if r.kind == "pronoun":
            # "Blinken said he met ...": the nearest name before; else the last subject.
            named = [x for x in refs if x.kind == "name" and x.start < r.start]
            if named and _subject_pronoun(r) and not _is_subject(named[-1]):
                # "Blinken held talks with Qin, and he met Wang": he is the earlier subject;
                # "After a meeting with Rutte, he said": he is the last sentence's subject.
                subjects = [x for x in named if _is_subject(x)]
                named = subjects if subjects or not ctx.last_person else []
            elif named and _bound_by_subject(r, named[-1]):
                # "Blinken will host a lunch for him": him is not Blinken but someone before.
                named = named[:-1]
            resolved.append(resolve(named[-1] if named else r, on, ctx, resolved))
            continue
        resolved.append(resolve(r, on, ctx, resolved))
    return dedupe(resolved)


def _bound_by_subject(r: Ref, name: Ref) -> bool:
    """Return whether object pronoun ``r`` has name ``name`` as its own clause's subject."""
    if r.root is None or name.root is None or r.text.lower() not in ("him", "her"):
        return False
    verb = name.root.head
    return _is_subject(name) and any(a.i == verb.i for a in r.root.ancestors)


def _subject_pronoun(r: Ref) -> bool:
    return r.root is not None and r.root.dep_ in ("nsubj", "nsubjpass")


def _is_subject(r: Ref) -> bool:
    return r.root is not None and r.root.dep_ in ("nsubj", "nsubjpass")


def _plural(r: Ref, refs: list[Ref], ctx: Context, on: str | None) -> list[Participant]:
    """Return who "the two men" or "the two countries' top diplomats" denotes."""
    earlier = [x for x in refs if x.kind == "plural" and x.end <= r.start]
    if earlier and r.text.lower() == "their":
        return _plural(earlier[-1], refs, ctx, on)  # "the two presidents during their call"
    before = [
        resolve(x, on, ctx, []) for x in refs if x.kind in ("name", "title") and x.end <= r.start
    ]
    group = before if len({p.country for p in before if p.country}) >= 2 else []
    if r.text.lower() == "they":
        # "A met B, where they ...": A and B; "They discussed ..." right after a contact:
        # its participants; else no one.
        return group or (list(ctx.last_participants) if ctx.recent else [])
    office = _plural_office(r.text)
    if not office and not group and r.text.lower().endswith("leaders"):
        # "the two world leaders": the latest pair of heads of state or government.
        heads = [g for g in reversed(ctx.history) if all(p.office in _HEADS for p in g)]
        return list(heads[0]) if heads else list(ctx.last_participants)
    if not office:
        return group or list(ctx.last_participants)
    word = r.text.lower().split()[-1].rstrip("s")  # "presidents" -> "president"

    def fits(p: Participant) -> bool:
        # Iran's president is its head of government: the title word decides too.
        return p.office == office or word in (p.role or "").lower()

    if not group:
        # "The two presidents last met in Kazan": the latest pair that are presidents.
        fitting = [g for g in reversed(ctx.history) if all(fits(p) for p in g)]
        group = list(fitting[0]) if fitting else list(ctx.last_participants)
    lex = lexicon()
    out = []
    for country in dict.fromkeys(p.country for p in group if p.country):
        same = [p for p in group if p.country == country and fits(p)]
        if same:
            out.append(same[0])
            continue
        holder = lex.holder(country, office, on)
        if holder is not None:
            out.append(from_person(r.text, holder, on, office))
        else:
            out.append(Participant(text=r.text, country=country, office=office))
    return out


_HEADS = frozenset({"head_of_state", "head_of_government"})
# Plural words that name no particular office ("the leaders", "both sides").
_GENERIC = frozenset(
    {"leaders", "men", "women", "sides", "officials", "counterparts", "pair", "governments"}
)


def _plural_office(text: str) -> str | None:
    """Return the office a plural role names ("top diplomats" -> foreign_minister)."""
    words = text.lower().replace("’", "'").split()
    tail = [w for w in words if w not in ("the", "two", "both") and not w.endswith("'")]
    if not tail or tail[-1] in _GENERIC:
        return None
    tail[-1] = tail[-1][:-1] if tail[-1].endswith("s") else tail[-1]
    lex = lexicon()
    for i in range(len(tail)):
        found = lex.titles.get(" ".join(tail[i:]))
        if found:
            return found[0]
    return None


def dedupe(people: list[Participant]) -> tuple[Participant, ...]:
    """Drop repeats: one participant per person; an unnamed one yields to a named peer."""
    out: list[Participant] = []
    for p in people:
        if not p.country:
            continue
        if p.person_id and any(q.person_id == p.person_id for q in out):
            continue
        if not p.person_id and any(
            q.country == p.country and (not p.office or not q.office or q.office == p.office)
            for q in out
        ):
            continue
        if p.person_id:
            out = [
                q
                for q in out
                if q.person_id
                or q.country != p.country
                or (q.office and p.office and q.office != p.office)
            ]
        out.append(p)
    return tuple(out)


def host_of_visit(
    t: Any, people: tuple[Participant, ...], on: str | None
) -> tuple[Participant, ...]:
    """Return the host of a state or official visit to a country ("a state visit to Russia")."""
    if t.lemma_.lower() != "visit" or not any(
        c.lower_ in ("state", "official") for c in t.children if c.dep_ in ("amod", "compound")
    ):
        return ()
    lex = lexicon()
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "to":
            for x in c.children:
                code = lex.country(x.text)
                if code and code not in {p.country for p in people}:
                    holder = lex.holder(code, "head_of_state", on)
                    if holder is not None:
                        return (from_person(x.text, holder, on, "head_of_state"),)
    return ()


def hosts_of(t: Any) -> set[int]:
    """Return those who hosted or attended the meeting ("at a summit hosted by Macron and
    attended by Merkel"): they took part in it."""
    if mode_of(t) != "meeting":
        return set()
    from readouts.extract.sentence import clause_root

    root = clause_root(t)
    out: set[int] = set()
    for v in root.subtree:
        if v.lemma_.lower() not in ("host", "attend", "chair") or v.tag_ != "VBN":
            continue
        if v.dep_ == "acl" or (v.dep_ == "conj" and v.head.i == root.i):
            for agent in (c for c in v.children if c.dep_ == "agent"):
                out |= {x.i for x in agent.subtree}
    return out


def occasion_of(t: Any) -> Any:
    """Return the trigger whose contact happens at contact noun ``t``, if any
    ("are due to meet at the Quad summit", "met on the sidelines of the summit")."""
    if t.pos_ != "NOUN" or t.dep_ != "pobj":
        return None
    prep = t.head
    if prep.lower_ == "of" and prep.head.lower_ in ("sidelines", "margins", "margin"):
        prep = prep.head.head
    if prep.lower_ not in ("at", "during", "on", "in"):
        return None
    g = prep.head
    return g if g.pos_ in ("VERB", "NOUN") and is_trigger(g) and g.i != t.i else None
