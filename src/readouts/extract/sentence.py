"""Per-sentence helpers: headline casing, the trigger's own clause, tense cues."""

from __future__ import annotations

import re
from typing import Any

from readouts.extract import lexicon as lx

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# "Since" phrases in these sentences date an earlier contact ("first call since May").
GAP_SENTENCE = re.compile(r"\b(?:first|not|n't|never|no|nothing)\b.*\bsince\b", re.I)
GAP_CUE = re.compile(
    r"\b(?:since|first|last|until now|as of yet|months? after|"
    r"hiatus|freeze|lull|pause|gap|break|silence)\b",
    re.I,
)


def sentence_case(text: str, nlp: Any) -> str:
    """Lower-case the common words of a Title Case headline so that it parses like prose."""
    words = _WORD.findall(text)
    if len(words) < 4 or sum(w[0].isupper() for w in words) < 0.7 * len(words):
        return text

    def lower(m: re.Match[str]) -> str:
        w = m.group()
        low = w.lower()
        if m.start() == 0:
            return w
        if nlp.vocab[low].is_stop or low in lx.TRIGGER_WORDS or low in lx.STATUS_WORDS:
            return low
        return w

    out = _WORD.sub(lower, text)
    return out if len(out) == len(text) else text


def mask_since(text: str) -> str:
    """Blank "since ..." phrases, which date an earlier contact, keeping offsets."""
    return lx.SINCE.sub(lambda m: " " * len(m.group()), text)


_NESTED = frozenset({"ccomp", "advcl", "relcl", "conj", "acl", "xcomp", "pcomp"})


def _nested(g: Any, t: Any) -> set[int]:
    """Return the tokens of clauses (or other contacts) under ``g`` that do not hold ``t``."""
    from readouts.extract.status import is_trigger

    out: set[int] = set()
    for tok in g.subtree:
        if (
            tok.i != t.i
            and tok.pos_ == "NOUN"
            and is_trigger(tok)
            and t not in tok.subtree
            and not _venue_event(tok, t)
        ):
            # "cancelled his planned June 12 summit, in a letter": June 12 is the summit's.
            out |= {x.i for x in tok.subtree}
            continue
        if tok.i == g.i or tok.dep_ not in _NESTED or tok.pos_ not in ("VERB", "AUX"):
            continue
        if t.lower_ == "face" and t.i < tok.i <= t.i + 2:
            continue  # "came face to face on Monday": the idiom's second "face" is no clause
        if tok.dep_ == "xcomp" and tok.head.i == g.i:
            continue  # "refused to take calls": one clause
        sub = {x.i for x in tok.subtree}
        if t.i not in sub:
            out |= sub
    return out


_FRAME_NOUNS = frozenset({"sidelines", "sideline", "margins", "margin", "fringes", "fringe"})


def _venue_event(tok: Any, t: Any) -> bool:
    """Return whether contact noun ``tok`` is where the trigger ``t``'s contact took place.

    "talks on the sidelines of a summit in Phnom Penh last November", "met at the summit":
    the summit's date and place are the talks'. The frame must hang from the trigger or
    from the verb it is the subject or object of ("Prior to the meeting in Helsinki, they met
    during the summit": the summit frames "met", not "the meeting").
    """
    prep = tok.head
    if prep.dep_ != "prep":
        return False
    own = {t.i}
    if t.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"):
        own.add(t.head.i)
    if prep.head.i not in own and not (prep.lower_ == "of" and prep.head.head.head.i in own):
        return False
    if prep.lower_ in ("at", "during"):
        return True
    return prep.lower_ == "of" and prep.head.lower_ in _FRAME_NOUNS


def _keep(text: str, doc: Any, keep: set[int]) -> str:
    chars = [" "] * len(text)
    for tok in doc:
        if tok.i in keep:
            end = min(len(text), tok.idx + len(tok.text))
            chars[tok.idx : end] = text[tok.idx : end]
    return "".join(chars)


def in_since(text: str, offset: int) -> bool:
    """Return whether ``offset`` lies in a "since ..." phrase ("since their summit in 2021")."""
    return any(m.start() <= offset < m.end() for m in lx.SINCE.finditer(text))


def own_clause(text: str, t: Any) -> str:
    """Keep only the clause stating the trigger: other clauses state other events."""
    return _keep(text, t.doc, clause_tokens(t))


def clause_tokens(t: Any) -> set[int]:
    """Return the indices of the tokens of the clause stating trigger ``t``."""
    top = clause_root(t)
    return {x.i for x in top.subtree} - _nested(top, t)


def without_others(text: str, t: Any, others: Any) -> str:
    """Blank the clauses of the sentence's other contacts, which state their own facts."""
    mine = clause_tokens(t)
    root = clause_root(t)
    drop: set[int] = set()
    for o in others:
        other = clause_root(o)
        if o.i == t.i or _conjoined(root, other):
            continue  # "held talks with Xi at the Great Hall and then met Li": one visit
        drop |= clause_tokens(o) - mine
    return _keep(text, t.doc, {tok.i for tok in t.doc} - drop)


def _conjoined(a: Any, b: Any) -> bool:
    """Return whether two clause roots are coordinated ("met X and then met Y")."""
    return (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i)


def clause_root(t: Any) -> Any:
    """Return the root of the clause stating trigger ``t`` (governing verb or status chain)."""
    from readouts.extract.contacts import governing_verb
    from readouts.extract.status import chain

    top = chain(t)[-1]
    g = governing_verb(t)
    if g is not None and any(a.i == g.i for a in top.ancestors):
        return g
    return top


def frame_clause(text: str, t: Any) -> str | None:
    """Return the clause an "after/before meeting X" frame hangs from, if any."""
    top = clause_root(t)
    prep = top if top.dep_ == "prep" else top.head
    if t.dep_ == "pobj" and t.head.lower_ in ("at", "during"):
        prep = t.head  # "agreed on Wednesday to ..., at a summit": the summit is the frame
    if prep.dep_ != "prep" or prep.lower_ not in ("after", "before", "during", "following", "at"):
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    while prep.lower_ == "at" and verb.dep_ in ("xcomp", "conj") and verb.head.pos_ == "VERB":
        verb = verb.head  # "agreed on Wednesday to restore ... and to work ..., at a summit"
    keep = {x.i for x in verb.subtree} - _nested(verb, t)
    return _keep(text, t.doc, keep)


def participle_head(text: str, t: Any) -> str | None:
    """Return the clause a participle or a conjunct sharing its subject hangs from ("made a
    stop yesterday, spending the evening with Sharif": the evening is yesterday's), if any."""
    g = clause_root(t)
    participle = g.dep_ == "advcl" and g.tag_ == "VBG"
    # "visited Ankara in March 2022 and was received by Erdogan": one subject, one time.
    shared = g.dep_ == "conj" and g.pos_ in ("VERB", "AUX")
    if not (participle or shared) or g.head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in g.children):
        return None  # "after meeting X", "while he spoke": their own clause
    head = g.head
    keep = {x.i for x in head.subtree} - _nested(head, t)
    return _keep(text, t.doc, keep)


def cause_phrase(text: str, t: Any) -> str | None:
    """Return the "after/over/following ..." phrase of the trigger's clause, if any."""
    top = clause_root(t)
    for c in top.subtree:
        if c.dep_ == "prep" and c.lower_ in ("after", "over", "following", "amid"):
            return _keep(text, t.doc, {x.i for x in c.subtree})
    return None


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def last_weekday(text: str, published: str | None) -> str | None:
    """Return the latest day named by a bare weekday ("the Sunday strike") up to publication."""
    from datetime import date, timedelta

    if not published:
        return None
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
    named = [i for i, d in enumerate(_WEEKDAYS) if d in words]
    if len(named) != 1:
        return None
    pub = date.fromisoformat(published[:10])
    return (pub - timedelta(days=(pub.weekday() - named[0]) % 7)).isoformat()


def report_clause(text: str, t: Any) -> str | None:
    """Return the clause reporting the trigger's ("announced on Friday that they met"), if any."""
    top = clause_root(t)
    head = top.head
    if top.dep_ not in ("ccomp", "parataxis") or head.lemma_.lower() not in lx.SPEECH_VERBS:
        return None
    keep = {x.i for x in head.subtree} - _nested(head, t)
    return _keep(text, t.doc, keep)


def perfect(t: Any, text: str) -> bool:
    """Return whether the trigger's clause is a plain present perfect ("has had a call")."""
    from readouts.extract.contacts import governing_verb

    if re.search(r"\b(?:since|twice|times|ever|never|yet)\b", text, re.I):
        return False
    g = governing_verb(t) or t
    aux = [c for c in g.children if c.dep_ == "aux"]
    return g.tag_ == "VBN" and any(c.lower_ in ("has", "have") for c in aux)


def just_ended(t: Any) -> bool:
    """Return whether the clause reports the contact as just over ("talks have concluded")."""
    from readouts.extract.contacts import governing_verb

    g = governing_verb(t) or t
    return g.lemma_.lower() in ("conclude", "end", "finish", "wrap")


def sequel(t: Any) -> bool:
    """Return whether the clause continues the previous event ("Kerry then met Putin")."""
    from readouts.extract.contacts import governing_verb

    g = governing_verb(t) or t
    if any(
        c.dep_ == "advmod" and c.lower_ in ("then", "later", "afterwards", "subsequently")
        for c in g.children
    ):
        return True
    # "was also received by Li Qiang during the trip": the journey just reported.
    return any(
        c.dep_ == "prep"
        and c.lower_ == "during"
        and any(
            o.dep_ == "pobj"
            and o.lemma_.lower() in ("trip", "visit", "stay", "tour")
            and any(d.lower_ in ("the", "that", "this", "his", "her") for d in o.children)
            for o in c.children
        )
        for c in g.children
    )


def in_when_clause(t: Any) -> bool:
    """Return whether the trigger sits in a "when ..." clause (the earlier contact itself)."""
    cur = t
    while cur.head.i != cur.i:
        if any(c.lower_ == "when" for c in cur.children):
            return True
        if cur.dep_ == "relcl" and cur.head.lemma_.lower() in ("time", "day", "occasion"):
            return True  # "the last time they spoke was on Feb. 18"
        cur = cur.head
        if cur.dep_ == "ROOT":
            break
    return False


def main_subject(sd: Any, refs: list[Any]) -> Any:
    """Return the name reference that is the subject of the sentence's main verb."""
    for r in refs:
        if r.kind != "name":
            continue
        root = sd[r.start : r.end].root
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "ROOT":
            return r
    return None


def ahead(date: str | None, published: str | None, text: str) -> str | None:
    """Move a yearless day of a future contact that fell before publication a year on."""
    if not date or not published or len(date) != 10 or date >= published[:10]:
        return date
    if re.search(r"\b(?:19|20)\d\d\b", text):
        return date  # the year is stated
    if not _MONTH.search(text):
        return date  # a weekday ("said on Tuesday he would meet"), not a yearless day
    return f"{int(date[:4]) + 1}{date[4:]}"


_MONTH = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|"
    r"\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
)


_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_LATER = re.compile(
    r"\b(?P<n>\d+|a|one|two|three|four|five|six|seven)\s+(?P<unit>days?|weeks?)\s+"
    r"(?:later|after\s+(?:that|the|this|his|her)\s+(?:visit|meeting|call|talks|trip|summit))\b",
    re.I,
)


def later_by(text: str) -> tuple[int, int] | None:
    """Return the days and offset of the last "three days later" ("two days after that
    visit") in ``text``."""
    found = list(_LATER.finditer(text))
    if not found:
        return None
    m = found[-1]
    n = m["n"].lower()
    days = int(n) if n.isdigit() else _NUMBERS[n]
    return days * (7 if m["unit"].lower().startswith("week") else 1), m.start()
