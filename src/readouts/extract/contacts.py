"""Contacts one parsed sentence states: trigger, the references it governs, mode and status."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from readouts.extract import lexicon as lx
from readouts.extract.participants import Context, Ref
from readouts.extract.sides import host_of_visit, hosts_of, occasion_of, participants, split
from readouts.extract.status import courtesy_call, is_trigger, mode_of, status_of
from readouts.records import Participant

_CLAUSAL = frozenset({"ccomp", "advcl", "relcl", "parataxis", "conj", "acl"})
# Verbs that pass the contact's participants on from their clause ("took place", "went").
# ("prepared the summit": whoever prepares a summit need not attend it.)
_CARRIERS = lx.LIGHT_VERBS | lx.CANCEL | lx.DECLINE | lx.REQUEST | lx.UNANSWERED
_CARRIERS = _CARRIERS | (lx.PLAN - {"prepare", "arrange", "preparation"})
_CARRIERS = _CARRIERS | frozenset({"be", "occur", "happen", "go", "last", "follow", "break"})
# Acts done to someone in person: "gave the minister potatoes at that meeting".
_CARRIERS = _CARRIERS | frozenset({"give", "present", "tell", "brief", "thank", "greet", "shake"})


_REPORTERS = frozenset({"spokesperson", "presidential_aide"})
# What a contact was about, and who reported it ("according to Ushakov"), are not its sides.
_TOPIC_PREPS = frozenset({"about", "regarding", "concerning", "on", "according", "per"})


@dataclass
class Candidate:
    """A contact found in one sentence, before dating and merging."""

    trigger: Any  # the trigger token
    participants: tuple[Participant, ...]
    mode: str
    status: str
    occasions: bool = False  # "met twice: in Hamburg in July and in Danang in November"
    past_plan: bool = False  # "they expected to meet": a plan stated in the past


def governing_verb(t: Any) -> Any:
    """Return the verb whose clause states trigger ``t`` (None when a noun phrase holds it)."""
    if t.pos_ in ("VERB", "AUX"):
        return t
    cur = t
    while cur.head.i != cur.i and cur.dep_ in (
        "dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "conj", "appos", "compound",
        "npadvmod", "oprd", "dative", "nmod", "amod",
    ):  # fmt: skip
        if cur.dep_ == "prep" and cur.lower_ in lx.OPAQUE_PREPS:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
        cue = cur.lemma_.lower() in lx.REQUEST | lx.PLAN | lx.CANCEL | lx.TRANSPARENT
        if cur.pos_ in ("NOUN", "PROPN") and not is_trigger(cur) and not cue:
            return None
    return None


def _clause(g: Any, t: Any) -> set[int]:
    """Return the tokens of verb ``g``'s clause, without nested clauses not holding ``t``."""
    out: set[int] = {g.i}
    for c in g.children:
        sub = {x.i for x in c.subtree}
        if t.i in sub:
            out |= sub
            continue
        if c.dep_ in _CLAUSAL and c.pos_ in ("VERB", "AUX"):
            continue
        if c.dep_ == "prep" and c.lower_ in lx.OPAQUE_PREPS:
            continue
        out |= sub
    # Clauses nested deeper ("the channels the two presidents set up") state other events.
    for tok in g.subtree:
        if tok.i != g.i and tok.dep_ in _CLAUSAL and tok.pos_ in ("VERB", "AUX"):
            sub = {x.i for x in tok.subtree}
            if t.i not in sub:
                out -= sub
    if g.dep_ == "relcl" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that", "which")
        for c in g.children
    ):
        out |= {x.i for x in g.head.subtree if x.i < g.i}  # "Macron, who spoke with Putin"
    if g.dep_ == "relcl" and any(
        c.dep_ in ("dobj", "pobj", "prep")
        and c.lower_ in ("whom", "who", "with")
        and any(x.lower_ in ("whom", "who") for x in c.subtree)
        for c in g.children
    ):
        # "Putin, whom he met in Sochi": the noun the clause is about is the one met.
        out |= {x.i for x in g.head.subtree if x.i < g.i}
    # Subjects shared with a governing verb: "agreed to meet", "met X and spoke with Y".
    cur = g
    while not any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
        # "travelled to Washington to meet Biden"; "made a stop, spending the evening with"
        purpose = cur.dep_ == "advcl" and (
            any(c.lower_ == "to" for c in cur.children)
            or (cur.tag_ == "VBG" and not any(c.dep_ == "mark" for c in cur.children))
        )
        if (cur.dep_ in ("xcomp", "conj") or purpose) and cur.head.pos_ in ("VERB", "AUX"):
            # "travelled to Washington to meet Biden": the traveller meets him.
            control = cur.dep_ == "xcomp"
            cur = cur.head
            for c in cur.children:
                # "invited the Chinese leader to visit": the object is a participant too.
                if c.dep_ in ("nsubj", "nsubjpass", "agent") or (control and c.dep_ == "dobj"):
                    out |= {x.i for x in c.subtree}
            continue
        if cur.dep_ == "xcomp" and cur.head.pos_ == "ADJ" and cur.head.dep_ == "acomp":
            # "the two leaders are due to meet", "is ready to visit": the copula's subject.
            cur = cur.head.head
            out |= _nsubj(cur)
            break
        outer = cur.head.head
        if cur.dep_ == "pcomp" and outer.pos_ in ("VERB", "AUX") and outer.i != cur.head.i:
            # "Scholz spoke to reporters after meeting Biden": the subject of the outer verb.
            cur = outer
            for c in cur.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    out |= {x.i for x in c.subtree}
            break
        if cur.dep_ in ("relcl", "acl") and cur.head.pos_ in ("NOUN", "PROPN"):
            noun = cur.head
            out.add(noun.i)
            out |= {x.i for x in noun.lefts}
            if noun.lemma_.lower() in lx.REQUEST | lx.PLAN:
                # "accepted an invitation from Biden to visit": inviter and invitee.
                out |= {x.i for x in noun.subtree}
                if noun.head.pos_ in ("VERB", "AUX"):
                    out |= _nsubj(noun.head)
        break
    if g.dep_ == "ROOT" and not _nsubj(g) and g.i > 0:
        out |= _stranded_subject(g)
    return out


def _stranded_subject(g: Any) -> set[int]:
    """Return the noun phrase right before a subjectless main verb (a dash appositive the
    parser cut off: "the heads — Medinsky and Umerov — had a private meeting")."""
    i = g.i - 1
    doc = g.doc
    while i >= 0 and doc[i].is_punct:
        i -= 1
    if i < 0 or doc[i].pos_ != "PROPN":
        return set()
    root = doc[i]
    while root.dep_ in ("compound", "flat") and root.head.i > root.i:
        root = root.head
    while root.dep_ == "conj" and root.head.pos_ == "PROPN":
        root = root.head
    return {x.i for x in root.subtree if x.i < g.i}


def _nsubj(verb: Any) -> set[int]:
    return {x.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for x in c.subtree}


def arg_tokens(t: Any) -> set[int]:
    """Return the token indices where the participants of trigger ``t`` may stand."""
    return _args(t) - _topics(t)


def _args(t: Any) -> set[int]:
    own = {x.i for x in t.subtree}
    for c in t.children:
        # "The call built on talks between Kerry and Lavrov": a clause about something else.
        other = c.lemma_.lower() not in _CARRIERS and not is_trigger(c)
        if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and other:
            own -= {x.i for x in c.subtree}
    g = governing_verb(t)
    if g is None or g.i == t.i:
        return _clause(t, t) if t.pos_ in ("VERB", "AUX") else own | _poss(t)
    # "came face to face", "met face to face": the adverbial contact takes the verb's clause.
    if g.lemma_.lower() in _CARRIERS or is_trigger(g) or t.lower_ == "face":
        return _clause(g, t)
    return own | _poss(t)


def _topics(t: Any) -> set[int]:
    """Return the tokens naming what the contact was about ("talked about Assad")."""
    out: set[int] = set()
    g = governing_verb(t)
    heads = [t] if g is None or g.i == t.i else [t, g]
    for c in (c for h in heads for c in h.children):
        topical = (
            c.dep_ == "prep"
            and c.lower_ in _TOPIC_PREPS
            and (c.head.i == t.i or c.lower_ in ("according", "per"))
            and not (c.lower_ == "on" and courtesy_call(t))  # "called on Sharif": a visit
        )
        if topical:
            out |= {x.i for x in c.subtree}
        elif c.dep_ == "dobj" and t.lemma_.lower() == "discuss":
            # "discuss the grain deal with Putin": the parser hangs the interlocutor on the topic.
            met = {
                x.i
                for w in c.subtree
                if w.dep_ == "prep" and w.lower_ == "with" and w.i > c.i
                for x in w.subtree
            }
            out |= {x.i for x in c.subtree} - met
    return out


def _poss(t: Any) -> set[int]:
    return {x.i for c in t.children if c.dep_ == "poss" for x in c.subtree}


def find_candidates(sd: Any, refs: list[Ref], ctx: Context, on: str | None) -> list[Candidate]:
    """Return the contacts sentence ``sd`` states, with participants resolved on ``on``."""
    out: list[Candidate] = []
    for t in sd:
        if not is_trigger(t) or _conditional(t):
            continue
        if t.dep_ == "appos" and any(is_trigger(a) for a in t.ancestors):
            continue  # "he is to meet Biden, their first meeting since ...": the same contact
        listed = _counted(t) and ":" in sd[t.i :].text
        if _counted(t) and not listed:
            continue
        args = arg_tokens(t)
        inside = [r for r in refs if r.tokens & args and not _mere_possessor(sd, r)]
        hosts = hosts_of(t)
        if hosts and any(not r.tokens & hosts for r in inside):
            inside += [r for r in refs if r.tokens & hosts and r not in inside]
        people = participants(inside, refs, ctx, on)
        if _only_companions(t, inside):
            # "informed that a meeting with A and B will take place": the speaker meets them.
            speaker = [r for r in refs if r.tokens & _speaker(t) and r not in inside]
            if not speaker:
                continue
            people = participants(inside + speaker, refs, ctx, on)
        if len({p.country for p in people if p.country}) <= 1:
            # "Trump said the summit with Putin was off": the speaker is the other side;
            # "Erdogan and Putin agreed during a phone call to ...": the framed clause's subject.
            speaker = [
                r for r in refs if r.tokens & _speaker(t, bare=not inside) and r not in inside
            ]
            people = participants(inside + speaker, refs, ctx, on)
            # Those who only report it (spokespeople, aides) are no side of it.
            people = tuple(p for p in people if p.office not in _REPORTERS)
        if len({p.country for p in people if p.country}) == 1:
            people = people + host_of_visit(t, people, on)
        if len({p.country for p in people if p.country}) < 2:
            continue
        if _addressee_elsewhere(t, refs):
            continue
        if t.lemma_.lower() == "call" and t.pos_ == "VERB" and not _callee(t, inside):
            continue
        mode, status = mode_of(t), status_of(t)
        if status == "none":
            continue
        host = occasion_of(t)
        if host is not None and status_of(host) != status:
            continue  # "are due to meet at the summit": the summit is the planned meeting's venue
        for group in split(people, mode):
            past = status == "planned" and _past_plan(t)
            out.append(Candidate(t, group, mode, status, occasions=listed, past_plan=past))
    return out


def _only_companions(t: Any, inside: list[Ref]) -> bool:
    """Return whether a contact noun names only who one meets "with" ("a meeting with A and B")."""
    if t.pos_ != "NOUN" or not inside:
        return False
    withs = [c for c in t.children if c.dep_ == "prep" and c.lower_ == "with"]
    if not withs:
        return False
    company = {x.i for x in t.subtree if x.i > t.i}
    if any(r.tokens - company for r in inside):
        return False
    g = governing_verb(t)
    # "held talks with A and B": the light verb's subject is already in the clause.
    subjects = [c for c in g.children if c.dep_ in ("nsubj", "nsubjpass")] if g is not None else []
    return not any(t not in c.subtree for c in subjects)


def _past_plan(t: Any) -> bool:
    """Return whether a plan is told in the past ("had expected to meet", "was set for")."""
    from readouts.extract.status import chain

    for w in chain(t):
        if w.lemma_.lower() in lx.PLAN and (
            w.tag_ == "VBD" or any(c.lower_ in ("had", "was", "were") for c in w.children)
        ):
            return True
    return False


def _callee(t: Any, inside: list[Ref]) -> bool:
    """Return whether the verb "call" has a person after it ("called Obama", not "called it")."""
    right = {x.i for c in t.rights for x in c.subtree}
    return any(r.tokens & right for r in inside)


def _speaker(t: Any, bare: bool = False) -> set[int]:
    """Return the subject of the speech verb reporting ``t``, or of the clause it frames.

    A frame ("In a call with Macron, Xi said") counts when it names the other side, or
    when ``bare`` (the trigger names no one: "agreed during a phone call to ...").
    """
    from readouts.extract.status import chain

    top = chain(t)[-1]
    head = top.head
    frame = t.head
    outer = frame.head if frame.head.pos_ == "VERB" else governing_verb(frame.head)
    if frame.head.pos_ == "ADJ" and frame.head.head.pos_ in ("VERB", "AUX"):
        outer = frame.head.head  # "Blinken is due in Beijing for talks with Wang"
    # "In a call with Macron, ...", "In a letter to Kim, ...": the frame names the other side.
    preps = ("with", "to") if lx.TRIGGERS.get(t.lemma_.lower()) == "letter" else ("with",)
    company = bare or any(c.dep_ == "prep" and c.lower_ in preps for c in t.children)
    # "for talks with Wang" frames only a journey: "travelled to Beijing for talks with Wang".
    journey = frame.lower_ != "for" or (outer is not None and outer.lemma_.lower() in _JOURNEYS)
    if t.dep_ == "pobj" and frame.lower_ in _FRAMES and outer is not None and company and journey:
        # "In a call with Macron, Xi said ...": the subject of the framed clause.
        head = outer
    elif top.dep_ != "ccomp" or head.lemma_.lower() not in lx.SPEECH_VERBS:
        return set()
    return _subject(head)


_FRAMES = frozenset({"in", "during", "at", "after", "following", "before", "ahead", "for"})
_JOURNEYS = frozenset({"travel", "arrive", "fly", "come", "go", "head", "be", "return", "land"})


def _subject(verb: Any) -> set[int]:
    """Return the subject tokens of ``verb``, climbing to the clause it depends on."""
    for _ in range(3):
        found = {x.i for c in verb.children if c.dep_ == "nsubj" for x in c.subtree}
        if found:
            return found
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
            return {x.i for x in verb.head.subtree if x.i < verb.i}  # "Lavrov, speaking after"
        if verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head.i == verb.i:
            break
        verb = verb.head
        if verb.pos_ == "ADJ" and verb.dep_ == "acomp":
            verb = verb.head  # "Borrell was due to travel ...": the copula's subject
    return set()


def _addressee_elsewhere(t: Any, refs: list[Ref]) -> bool:
    """Return whether the verb's addressee is no actor ("Putin and Biden spoke to the press")."""
    if t.pos_ != "VERB":
        return False
    covered = set().union(*(r.tokens for r in refs)) if refs else set()
    named = [c for c in t.children if c.dep_ in ("dobj", "agent", "dative")]
    if any({x.i for x in c.subtree} & covered for c in named):
        return False  # "was received by Erdogan with full honours": the honours are no one
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "with"):
            objs = [x for x in c.children if x.dep_ == "pobj"]
            if objs and not any({x.i for x in o.subtree} & covered for o in objs):
                return True
    return False


def _counted(t: Any) -> bool:
    """Return whether the contact is only counted ("their third meeting", "the second time")."""
    g = governing_verb(t) or t
    if any(c.lower_ in ("twice", "thrice", "times") for c in g.children):
        return True
    for tok in (t, t.head, t.head.head):
        if tok.lemma_.lower() in ("time", *lx.TRIGGERS) and any(
            c.lower_ in lx.COUNT_ORDINALS for c in tok.children
        ):
            return True
    return False


def _conditional(t: Any) -> bool:
    """Return whether the contact is only hypothetical ("talks would be possible only if")."""
    cur = t
    for _ in range(4):
        if any(
            c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children)
            for c in cur.children
        ):
            return True
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return False


def _mere_possessor(sd: Any, r: Ref) -> bool:
    """Return whether ``r`` only owns something ("Belousov's predecessor", "Putin's actions")."""
    root = sd[r.start : r.end].root
    if root.dep_ != "poss":
        return False
    owner = root.head
    cue = owner.lemma_.lower() in lx.REQUEST | lx.PLAN | lx.CANCEL | lx.DECLINE
    return not is_trigger(owner) and not cue and owner.lemma_.lower() != "counterpart"
