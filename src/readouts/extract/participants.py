"""Actor references in a parsed sentence, resolved through the registry on the event date."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from readouts.extract import lexicon as lx
from readouts.extract.registry import lexicon, matchers
from readouts.extract.status import is_trigger
from readouts.records import Participant

# Tokens allowed between a title and the name it introduces ("Gen.", "Marine General").
_BRIDGE = frozenset(
    [
        ",",
        "gen.",
        "gen",
        "general",
        "marine",
        "adm.",
        "admiral",
        "mr.",
        "mr",
        "mrs.",
        "ms.",
        "dr.",
        "col.",
        "lt.",
        "the",
    ]
)


@dataclass
class Ref:
    """One reference to an actor in a sentence, before or after resolution."""

    start: int  # token offsets in the sentence doc
    end: int
    kind: str  # name | title | place | side | pronoun | plural | counterpart
    text: str
    person: Any = None  # registry Person
    name: str | None = None  # as written, when no registry person is known
    country: str | None = None
    office: str | None = None
    indefinite: bool = False
    group: tuple[Participant, ...] = ()
    tokens: set[int] = field(default_factory=set)
    root: Any = None  # the syntactic head token of the span


@dataclass
class Context:
    """What a document has established so far: people named, the previous contact."""

    published: str | None
    surnames: dict[str, Any] = field(default_factory=dict)  # last name -> registry Person
    last_person: Participant | None = None
    last_participants: tuple[Participant, ...] = ()
    recent: bool = False  # the last contact was stated in this or the previous sentence
    history: list[tuple[Participant, ...]] = field(default_factory=list)  # contacts so far


def _spans(matcher: Any, sd: Any) -> list[tuple[str, int, int]]:
    """Return the longest non-overlapping matches as (label, start, end)."""
    found = sorted(
        ((sd.vocab.strings[m], s, e) for m, s, e in matcher(sd)), key=lambda x: (x[1], x[1] - x[2])
    )
    out: list[tuple[str, int, int]] = []
    last = -1
    for label, s, e in found:
        if s >= last:
            out.append((label, s, e))
            last = e
    return out


def _head(sd: Any, start: int, end: int) -> int:
    """Return the index of the token heading the span ``start:end``."""
    return int(sd[start:end].root.i)


_INSTITUTION = re.compile(r"\b(?:ministry|department)\b", re.I)


def _country_before(sd: Any, start: int, countries: dict[int, tuple[int, str]]) -> str | None:
    """Return the country word right before token ``start`` ("Russia's", "the U.S.")."""
    i = start - 1
    while i >= 0 and i not in countries and sd[i].lower_ in ("'s", "’s", "the", "-", "’", "'"):
        i -= 1
    if i >= 0 and i in countries:
        return countries[i][1]
    # "Ukrainian National Security Council Secretary": past capitalised name parts.
    j = i
    while j >= 0 and start - j <= 3 and sd[j].is_title and sd[j].dep_ == "compound":
        j -= 1
        if j in countries:
            return countries[j][1]
    return None


def find_refs(sd: Any, nlp: Any, ctx: Context) -> list[Ref]:
    """Return the actor references in the parsed sentence ``sd``."""
    ms = matchers(nlp)
    country_at: dict[int, tuple[int, str]] = {}  # end token index - 1 -> (start, code)
    for code, s, e in _spans(ms["countries"], sd):
        country_at[e - 1] = (s, code)
    taken: set[int] = set()
    refs = _name_refs(sd, ms, ctx, taken)
    refs += _title_refs(sd, ms, country_at, taken)
    refs += _place_refs(sd, ms, country_at, taken)
    refs += _word_refs(sd, country_at, taken)
    refs = _merge_titles(sd, refs)
    for r in refs:
        r.tokens = set(range(r.start, r.end))
        r.root = sd[r.start : r.end].root
    return sorted(refs, key=lambda r: r.start)


def _name_refs(sd: Any, ms: dict[str, Any], ctx: Context, taken: set[int]) -> list[Ref]:
    """Return registry names, short names named before, and other PERSON entities."""
    refs: list[Ref] = []
    for label, s, e in _spans(ms["names"], sd):
        pids = label[2:].split("|")
        refs.append(Ref(s, e, "name", sd[s:e].text, person=pids))
        taken.update(range(s, e))
    for t in sd:
        alone = not any(n.pos_ == "PROPN" for n in sd[max(0, t.i - 1) : t.i + 2] if n.i != t.i)
        if t.pos_ == "PROPN" and alone and t.i not in taken and t.text in ctx.surnames:
            # "Wang", after "Wang Yi" was named: the document's own short form.
            refs.append(Ref(t.i, t.i + 1, "name", t.text, person=[ctx.surnames[t.text].id]))
            taken.add(t.i)
    for ent in sd.ents:
        if ent.label_ != "PERSON" or any(i in taken for i in range(ent.start, ent.end)):
            continue
        if all(t.is_title is False for t in ent):
            continue
        refs.append(Ref(ent.start, ent.end, "name", ent.text))
        taken.update(range(ent.start, ent.end))
    return refs


def _title_refs(
    sd: Any, ms: dict[str, Any], country_at: dict[int, tuple[int, str]], taken: set[int]
) -> list[Ref]:
    """Return titles with their country ("the Russian defense minister"), plurals split."""
    lex = lexicon()
    refs: list[Ref] = []
    for _, s, e in _spans(ms["titles"], sd):
        if any(i in taken for i in range(s, e)):
            continue
        office, country = lex.titles.get(_fold_span(sd, s, e), (None, None))
        # A ministry is an institution: its office, not the minister in person.
        kind = "place" if _INSTITUTION.search(sd[s:e].text) else "title"
        ref = Ref(s, e, kind, sd[s:e].text, office=office, country=country)
        # A stated country wins over the title's usual one ("Ukrainian Security Council Secretary").
        stated = _country_before(sd, s, country_at) or _country_in(sd, s, e)
        ref.country = stated or ref.country
        root = sd[s:e].root
        if any(c.dep_ == "det" and c.lower_ in ("a", "an", "any") for c in root.children):
            ref.indefinite = True  # "a Russian defense minister": the office, not a person
        if sd[e - 1].tag_ in ("NNS", "NNPS"):
            refs.extend(_plural_title(sd, ref, country_at))
            continue
        refs.append(ref)
        taken.update(range(s, e))
    for s, e, office in _plural_titles(sd, taken):
        ref = Ref(s, e, "title", sd[s:e].text, office=office)
        refs.extend(_plural_title(sd, ref, country_at))
    return refs


def _place_refs(
    sd: Any, ms: dict[str, Any], country_at: dict[int, tuple[int, str]], taken: set[int]
) -> list[Ref]:
    """Return seats of power acting as a side ("the Kremlin said"), not as places."""
    lex = lexicon()
    refs: list[Ref] = []
    for _, s, e in _spans(ms["places"], sd):
        if any(i in taken for i in range(s, e)):
            continue
        prev = sd[s - 1].lower_ if s > 0 else ""
        if prev in ("at", "in", "to", "into", "outside", "near", "inside", "from"):
            continue
        country, office = lex.places.get(_fold_span(sd, s, e), (None, None))
        country = country or _country_before(sd, s, country_at)
        refs.append(Ref(s, e, "place", sd[s:e].text, country=country, office=office))
        taken.update(range(s, e))
    return refs


def _word_refs(sd: Any, country_at: dict[int, tuple[int, str]], taken: set[int]) -> list[Ref]:
    """Return counterparts, sides, pronouns and plural references ("the two men")."""
    refs: list[Ref] = []
    for t in sd:
        if t.i in taken:
            continue
        if t.lemma_ == "counterpart" and t.pos_ == "NOUN":
            refs.append(
                Ref(t.i, t.i + 1, "counterpart", t.text, country=_modifier_country(t, country_at))
            )
        elif t.lower_ == "side" and t.tag_ == "NN":
            c = _modifier_country(t, country_at)
            if c:
                refs.append(Ref(t.i, t.i + 1, "side", t.text, country=c))
        elif t.lower_ in lx.PRONOUNS and t.pos_ == "PRON":
            refs.append(Ref(t.i, t.i + 1, "pronoun", t.text))
        elif t.lower_ == "their" and t.dep_ == "poss" and is_trigger(t.head):
            refs.append(Ref(t.i, t.i + 1, "plural", t.text))  # "their planned summit"
        elif (
            t.lower_ in ("two", "three", "four")
            and t.dep_ in ("nsubj", "nsubjpass")
            and t.i > 0
            and t.doc[t.i - 1].lower_ == "the"
        ):
            # "when the two held a video call": a bare numeral subject names those met.
            refs.append(Ref(t.i - 1, t.i + 1, "plural", t.doc[t.i - 1 : t.i + 1].text))
        elif t.lower_ == "they" and t.dep_ == "nsubj":
            # "They discussed Ukraine", right after a contact: its participants.
            refs.append(Ref(t.i, t.i + 1, "plural", t.text))
    for m in lx.PLURAL_REF.finditer(sd.text):
        span = sd.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and not any(i in taken for i in range(span.start, span.end)):
            refs.append(Ref(span.start, span.end, "plural", span.text))
    return refs


def _fold_span(sd: Any, s: int, e: int) -> str:
    from readouts.extract.registry import fold

    return fold(sd[s:e].text)


def _country_in(sd: Any, s: int, e: int) -> str | None:
    """Return the country named inside an "of" phrase after a title ("president of Turkey")."""
    lex = lexicon()
    head = sd[s:e].root
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for t in child.subtree:
                code = lex.country(t.text) if t.pos_ in ("PROPN", "ADJ") else None
                if code:
                    return code
    return None


def _modifier_country(t: Any, country_at: dict[int, tuple[int, str]]) -> str | None:
    """Return the country of a demonym or possessive modifying token ``t``."""
    lex = lexicon()
    for child in t.lefts:
        if child.dep_ in ("amod", "compound", "nmod", "poss"):
            code = lex.country(child.text)
            if code:
                return code
    return _country_before(t.doc, t.i, country_at)


# Groups that speak for their country ("talks between Russian and Ukrainian negotiators").
_GROUPS = frozenset({"delegation", "negotiator", "representative", "delegate"})


def _plural_titles(sd: Any, taken: set[int]) -> list[tuple[int, int, str | None]]:
    """Return plural titles the phrase matcher misses ("presidents", "foreign ministers")."""
    lex = lexicon()
    out: list[tuple[int, int, str | None]] = []
    for t in sd:
        if t.tag_ not in ("NNS", "NNPS") or t.i in taken:
            continue
        for n in (2, 1, 0):
            if t.i - n < 0:
                continue
            base = t.lemma_.lower()
            if base == t.lower_ and base.endswith("s"):
                base = base[:-1]  # proper-noun plurals keep their form as lemma ("Presidents")
            words = [w.lower_ for w in sd[t.i - n : t.i]] + [base]
            found = lex.titles.get(" ".join(words))
            if found:
                out.append((t.i - n, t.i + 1, found[0]))
                break
        else:
            if t.lemma_.lower() in _GROUPS or t.lower_.rstrip("s") in _GROUPS:
                out.append((t.i, t.i + 1, None))
    return out


def _plural_title(sd: Any, ref: Ref, country_at: dict[int, tuple[int, str]]) -> list[Ref]:
    """Split "the U.S. and Russian presidents" into one reference per country."""
    codes: list[str] = []
    for i in sorted(country_at):
        s, code = country_at[i]
        if i < ref.start and ref.start - i <= 6 and code not in codes:
            codes.append(code)
    if len(codes) < 2:
        # "the presidents of Russia and Ukraine"
        of = [c for c in sd[ref.end - 1].children if c.dep_ == "prep" and c.lower_ == "of"]
        inside = {x.i for c in of for x in c.subtree}
        codes = list(dict.fromkeys(code for i, (_, code) in country_at.items() if i in inside))
    if len(codes) < 2:
        return []
    return [Ref(ref.start, ref.end, "title", ref.text, country=c, office=ref.office) for c in codes]


def _merge_titles(sd: Any, refs: list[Ref]) -> list[Ref]:
    """Fold a title or counterpart into the name it introduces or describes."""
    names = [r for r in refs if r.kind == "name"]
    out = [r for r in refs if r.kind != "title" and r.kind != "counterpart"]
    for r in refs:
        if r.kind not in ("title", "counterpart"):
            continue
        target = None
        for n in names:
            gap = sd[r.end : n.start]
            if 0 <= n.start - r.end <= 3 and all(t.lower_ in _BRIDGE for t in gap):
                target = n
                break
            nh, rh = sd[_head(sd, n.start, n.end)], sd[_head(sd, r.start, r.end)]
            linked = nh.head.i == rh.i or rh.head.i == nh.i
            if linked and (nh.dep_ == "appos" or rh.dep_ == "appos"):
                target = n
                break
        if target is None:
            out.append(r)
            continue
        target.country = target.country or r.country
        target.office = target.office or r.office
        target.start, target.end = min(target.start, r.start), max(target.end, r.end)
    return out
