"""Per-sentence helpers: headline casing, the trigger's own clause, tense cues."""

from __future__ import annotations

import re
from typing import Any

from readouts.extract import lexicon as lx

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# "Since" phrases in these sentences date an earlier contact ("first call since May").
GAP_SENTENCE = re.compile(r"\b(?:first|not|n't|never|no|nothing)\b.*\bsince\b", re.I)
GAP_CUE = re.compile(r"\b(?:since|first|last|until now|as of yet|months? after)\b", re.I)


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
        if tok.i != t.i and tok.pos_ == "NOUN" and is_trigger(tok) and t not in tok.subtree:
            # "cancelled his planned June 12 summit, in a letter": June 12 is the summit's.
            out |= {x.i for x in tok.subtree}
            continue
        if tok.i == g.i or tok.dep_ not in _NESTED or tok.pos_ not in ("VERB", "AUX"):
            continue
        if tok.dep_ == "xcomp" and tok.head.i == g.i:
            continue  # "refused to take calls": one clause
        sub = {x.i for x in tok.subtree}
        if t.i not in sub:
            out |= sub
    return out


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
    top = clause_root(t)
    keep = {x.i for x in top.subtree} - _nested(top, t)
    return _keep(text, t.doc, keep)


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
    if prep.dep_ != "prep" or prep.lower_ not in ("after", "before", "during", "following"):
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    keep = {x.i for x in verb.subtree} - _nested(verb, t)
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
    return any(
        c.dep_ == "advmod" and c.lower_ in ("then", "later", "afterwards", "subsequently")
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
