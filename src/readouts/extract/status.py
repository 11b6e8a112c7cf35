"""Mode and factuality of a contact, read from the dependency parse around its trigger."""

from __future__ import annotations

from typing import Any

from readouts.extract import lexicon as lx
from readouts.extract.journeys import journey_ahead, on_the_way

# Nouns a status cue may sit on, so the chain of heads may pass through them.
_VERB_CUES = (
    lx.CARRIERS | lx.LIGHT_VERBS | lx.CANCEL | lx.DECLINE | lx.REQUEST | lx.PLAN | lx.UNANSWERED
)
_CUE_NOUNS = lx.REQUEST | lx.PLAN | lx.CANCEL | lx.TRANSPARENT | lx.HYPOTHETICAL
_CUE_NOUNS = _CUE_NOUNS | frozenset({"request", "offer"})


_TIME_SPENT = frozenset(
    {"evening", "day", "morning", "afternoon", "night", "hour", "time", "weekend", "minute"}
)
_ASK_FOR = frozenset({"ask", "press", "push", "appeal", "lobby", "bid", "request", "petition"})


def is_trigger(t: Any) -> bool:
    """Return whether token ``t`` names a contact (call, met, talks, letter, ...)."""
    lemma = t.lemma_.lower()
    if lemma == "sit" and t.pos_ == "VERB":
        return any(c.dep_ == "prt" and c.lower_ == "down" for c in t.children)  # "sat down with"
    if lemma == "conference" and t.pos_ == "NOUN":
        # "a video conference", "a telephone conference"; not "a press conference".
        return any(c.lower_ in ("video", "telephone", "phone", "virtual") for c in t.lefts)
    if lemma not in lx.TRIGGERS and t.lower_ not in lx.TRIGGERS:
        if t.lower_ != "face":
            return False
        # "face-to-face" (five tokens) or "came face to face" (three).
        following = t.doc[t.i : t.i + 5].text.lower()
        return following == "face-to-face" or (
            following.startswith("face to face") and (t.i == 0 or t.doc[t.i - 1].lower_ != "to")
        )
    if t.pos_ not in ("VERB", "NOUN", "PROPN"):
        return False
    if lemma == "brief":
        # "to brief Chancellor Scholz": briefing a person in office; not "a brief call".
        return t.pos_ == "VERB" and any(c.dep_ == "dobj" for c in t.children)
    if lemma == "spend":
        # "spent the evening with his counterpart": time spent together is a meeting.
        with_ = any(c.dep_ == "prep" and c.lower_ == "with" for c in t.children)
        return (
            with_
            and t.pos_ == "VERB"
            and any(
                c.dep_ in ("dobj", "npadvmod") and c.lemma_.lower() in _TIME_SPENT
                for c in t.children
            )
        )
    if lemma == "call":
        # "called for a ceasefire", "called on Russia", "called it a mistake" are not calls.
        if any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in t.children):
            return False
        nxt: Any = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else t
        urging = nxt.head.i == t.i and nxt.lower_ in ("for", "on", "upon", "off")
        # ... but "a call on October 16" is dated, not a summons.
        dated = any(x.ent_type_ in ("DATE", "TIME") for x in nxt.subtree if x.i != nxt.i)
        if urging and not dated:
            return courtesy_call(t)
        if t.pos_ == "NOUN" and t.head.lower_ in ("for",) and t.dep_ == "pobj":
            # "asked / pressed for a call" is a request; other "for a call" phrases are not.
            return t.head.head.lemma_.lower() in _ASK_FOR
    if lemma in ("write", "join", "host", "receive", "welcome", "visit") and t.pos_ != "VERB":
        return lemma == "visit"
    return True


def courtesy_call(t: Any) -> bool:
    """Return whether verb ``t`` is "called on <person>", a visit ("she called on Sharif").

    "called on Russia to withdraw" urges; a person named alone after "on" is visited.
    """
    if t.pos_ != "VERB" or t.i + 2 >= len(t.doc) or t.doc[t.i + 1].lower_ != "on":
        return False
    person = [x for x in t.doc[t.i + 1].children if x.dep_ == "pobj"]
    if not person or person[0].ent_type_ != "PERSON":
        return False
    after = t.doc[person[0].i + 1] if person[0].i + 1 < len(t.doc) else None
    return after is None or after.lower_ != "to"


def mode_of(t: Any) -> str:
    """Return the mode trigger ``t`` states: its own word, or a modifier ("by phone")."""
    if t.lemma_.lower() == "call" and courtesy_call(t):
        return "meeting"
    own = lx.TRIGGERS.get(t.lemma_.lower(), lx.TRIGGERS.get(t.lower_, "meeting"))
    if t.lower_ == "face":
        own = "meeting"
    if own == "phone" and any(
        c.dep_ in ("compound", "amod") and c.lower_ in ("video", "virtual") for c in t.children
    ):
        return "video"
    if t.lemma_.lower() == "sit":
        return "meeting"
    if t.lemma_.lower() == "conference":
        return "phone" if any(c.lower_ in ("telephone", "phone") for c in t.lefts) else "video"
    if own not in ("unspecified", "meeting"):
        return own
    # Clauses under the trigger state other things ("a summit both governments called ...").
    near = [c for c in t.children if c.dep_ not in ("relcl", "acl", "advcl", "ccomp", "conj")]
    for c in list(near):
        if c.dep_ in ("prep", "agent"):
            near.extend(c.children)
    if t.dep_ in ("dobj", "nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX"):
        for c in t.head.children:
            # "held talks by phone", "had a meeting in person"; not "cancelled it in a letter".
            if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "over", "via"):
                near.append(c)
                near.extend(c.children)
            elif c.dep_ == "prep" and c.lower_ == "in":
                near.extend(x for x in c.children if x.lemma_.lower() == "person")
    for c in near:
        word = c.lemma_.lower()
        if word in lx.MODE_MODIFIERS and c.i != t.i:
            found = lx.MODE_MODIFIERS[word]
            if found == "meeting" and word == "person" and c.head.lower_ != "in":
                continue
            return found
    if own == "unspecified" and t.pos_ == "NOUN":
        # "talks in Istanbul", "talks took place in Istanbul": held in person.
        holders = [t]
        if t.dep_ in ("nsubj", "nsubjpass", "dobj") and t.head.lemma_.lower() in lx.CARRIERS:
            holders.append(t.head)
        for c in (c for h in holders for c in h.children):
            place = any(x.dep_ == "pobj" and x.ent_type_ in ("GPE", "FAC") for x in c.children)
            if c.dep_ == "prep" and c.lower_ in ("in", "at") and place:
                return "meeting"
    return own


def chain(t: Any) -> list[Any]:
    """Return the trigger and the heads its factuality depends on, up to reported speech."""
    out = [t]
    cur = t
    while cur.head.i != cur.i:
        head = cur.head
        if cur.dep_ in ("ccomp", "csubj", "parataxis"):
            break
        # "declined an invitation for Austin to meet Li": an infinitive stays in the chain.
        infinitive = cur.dep_ == "advcl" and any(c.lower_ == "to" for c in cur.children)
        if (
            cur.dep_ in ("conj", "relcl", "advcl")
            and cur.pos_ in ("VERB", "AUX")
            and not infinitive
        ):
            break
        if cur.dep_ == "prep" and cur.lower_ not in lx.STATUS_PREPS:
            break  # "cancelled the summit in a letter", "prepared it in talks with"
        cue = head.lemma_.lower() in _CUE_NOUNS
        if head.pos_ in ("NOUN", "PROPN") and not cue and not is_trigger(head):
            break
        if head.pos_ in ("VERB", "AUX") and cur.pos_ not in ("VERB", "AUX"):
            lemma = head.lemma_.lower()
            if lemma == "go" and not any(c.lower_ == "ahead" for c in head.children):
                break
            # "turned down a request to visit": a phrasal refusal carries the contact too.
            phrasal = lemma == "turn" and _prt(head, "down")
            if not (lemma in _VERB_CUES or is_trigger(head) or phrasal):
                break
            if cur.dep_ == "prep" and cur.lower_ not in lx.STATUS_PREPS:
                break  # "cancelled the summit in a letter": the letter was sent
            objects = [c for c in head.children if c.dep_ == "dobj" and c.lemma_ != "place"]
            if cur.dep_ in ("nsubj", "nsubjpass") and objects:
                break  # "talks could end the war": the verb is not about the talks
        out.append(head)
        cur = head
    return out


_MODIFIERS = frozenset({"aux", "auxpass", "neg", "acomp", "prt", "advmod", "amod", "det"})


def status_of(t: Any) -> str:
    """Return occurred | planned | requested | declined | cancelled | not_occurred for ``t``."""
    links = chain(t)
    words: list[Any] = []
    for tok in links:
        words.append(tok)
        for c in tok.children:
            # A trigger's own left compounds count too ("Trump cancels Singapore summit").
            own = tok is t and c.dep_ == "compound" and c.i < t.i
            if c.dep_ in _MODIFIERS or own:
                words.append(c)
            if c.dep_ == "xcomp" and c not in links:
                words.append(c)
    lemmas = [w.lemma_.lower() for w in words]
    if _denied(links[-1]):
        return "not_occurred"  # "the Kremlin denied (reports) that Putin had met Witkoff"
    cancelled = any(w in lx.CANCEL for w in lemmas) or _called_off(words) or _is_off(words)
    refused = any(w in lx.DECLINE for w in lemmas) or _broke_off(words)
    if (cancelled or refused) and _only_threatened(words):
        return "planned"  # "threatened to cancel the summit": still planned
    if cancelled:
        return "cancelled"
    if refused:
        if any(w.dep_ == "neg" for w in words):
            return "none"  # "would not rule out speaking with Putin": a mere possibility
        return "declined"
    if _hypothetical(t, links):
        return "none"
    rebuff = _but(links[-1])
    if rebuff in lx.DECLINE:
        return "declined"  # "sought calls with X, but the Russian side declined"
    if any(w.pos_ == "NOUN" and w.lemma_.lower() in lx.HYPOTHETICAL for w in links):
        return "none"  # "raised the prospect of talks": only an idea
    if any(w in lx.UNANSWERED for w in lemmas):
        return "requested"
    negated = any(w.dep_ == "neg" for w in words) or any(_det_no(w) for w in links)
    if negated and any(w in lx.PLAN for w in lemmas):
        return "none"  # "there are no plans for a meeting", "no contacts planned"
    if _asked_about(t):
        return "none"  # "asked about a possible call": a question, not a contact
    if negated and ("return" in lemmas or "hear" in lemmas):
        return "requested"
    if negated and _future(words):
        return "declined"  # "he will not speak to Milei until ...": a refusal, not a fact
    if negated:
        return "not_occurred"
    if any(w.lemma_.lower() == "call" and _prt(w, "for") for w in links):
        return "requested"  # "Biden called for talks with Xi"
    if "accept" in lemmas:
        return "planned"  # "accepted an invitation to visit": agreed, for the future
    if any(w in lx.REQUEST or w in lx.UNANSWERED or w == "hope" for w in lemmas):
        return "requested"
    if any(c.dep_ == "nsubj" and _det_no(c) for w in links for c in w.children):
        return "none"  # "No Japanese prime minister has met ... since": a gap, no one contact
    if on_the_way(t):
        return "planned"  # "Macron was travelling to Kyiv for talks with Zelensky"
    journey = journey_ahead(t)
    if journey == "cancelled":
        return "cancelled"  # "was due to travel for talks with Qin, but the trip was called off"
    if journey:
        return "planned"  # "will travel to Beijing for talks with Wang", "is due to fly to"
    if _habitual(links + [links[-1].head]):
        return "none"  # "have spoken by telephone repeatedly": no one contact
    top = links[-1]
    bare_infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in top.children) and (
        top.dep_ == "ROOT" or top.head.pos_ not in ("VERB", "AUX", "ADJ", "NOUN")
    )
    if bare_infinitive or _future(words) or any(w in lx.PLAN for w in lemmas):
        return "planned"
    return "occurred"


def _habitual(links: list[Any]) -> bool:
    """Return whether the contact is told as a habit ("have spoken repeatedly"), not one."""
    return any(
        c.dep_ == "advmod" and c.lower_ in ("repeatedly", "regularly", "often", "frequently")
        for w in links
        for c in w.children
    )


_MODALS = frozenset({"could", "might", "may", "would", "should", "can"})
_THREATS = frozenset({"threaten", "consider", "weigh", "mull", "warn"})
_DENIALS = frozenset({"deny", "refute", "dismiss", "reject"})
_CLAIMS = frozenset({"report", "claim", "rumor", "rumour", "speculation", "suggestion"})


def _only_threatened(words: list[Any]) -> bool:
    """Return whether a cancellation or refusal is only threatened or considered."""
    for w in words:
        if w.lemma_.lower() in lx.CANCEL | lx.DECLINE | {"call", "rule"}:
            if w.head.lemma_.lower() in _THREATS and w.dep_ == "xcomp":
                return True
            if any(c.dep_ == "aux" and c.lower_ in ("may", "might", "could") for c in w.children):
                return True
    return False


def _denied(top: Any) -> bool:
    """Return whether the trigger's clause is what someone denied ("denied reports that ...")."""
    head = top.head
    if top.dep_ == "ccomp" and head.lemma_.lower() in _DENIALS:
        return True
    if top.dep_ in ("acl", "ccomp") and head.lemma_.lower() in _CLAIMS:
        return head.head.lemma_.lower() in _DENIALS
    return False


def _hypothetical(t: Any, links: list[Any]) -> bool:
    """Return whether the contact is the subject of a modal verb ("talks could end the war")."""
    top = links[-1]
    if top.dep_ not in ("nsubj", "nsubjpass") or top.pos_ not in ("NOUN", "PROPN"):
        return False
    verb = top.head
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)


def _but(top: Any) -> str | None:
    """Return the lemma of a verb contrasted with the trigger's clause ("..., but X declined")."""
    verb = top if top.pos_ in ("VERB", "AUX") else top.head
    if not any(x.dep_ == "cc" and x.lower_ == "but" for x in verb.children):
        return None
    for c in verb.children:
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
            if any(_another_act(x) for x in c.children):
                return None  # "received Abe but refused to accept the message": another act
            return str(c.lemma_.lower())
    return None


# Verbs whose refusal is a refusal of the contact itself ("declined to engage").
_ENGAGE = {"engage", "respond", "reply", "answer", "talk", "speak", "meet", "take", "return"}


def _another_act(x: Any) -> bool:
    """Return whether a refusal's complement names an act other than the contact."""
    if x.dep_ in ("dobj", "ccomp"):
        return True
    if x.dep_ == "xcomp":
        objects = [c.lemma_.lower() for c in x.children if c.dep_ == "dobj"]
        return x.lemma_.lower() not in _ENGAGE or any(o != "call" for o in objects)
    return False


def _asked_about(t: Any) -> bool:
    """Return whether the contact is only what someone asked or speculated about."""
    head = t.head
    return (
        t.dep_ == "pobj"
        and head.lower_ == "about"
        and head.head.lemma_.lower() in ("ask", "question", "speculate", "wonder", "comment")
    )


def _det_no(t: Any) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in t.children)


def _future(words: list[Any]) -> bool:
    for w in words:
        low = w.lower_
        if w.dep_ == "aux" and low in lx.FUTURE_AUX:
            return True
        if w.dep_ == "aux" and low in ("may", "might", "could"):
            nxt = w.doc[w.i + 1] if w.i + 1 < len(w.doc) else None
            if nxt is None or nxt.lower_ != "have":
                return True  # "Dmitriev may visit Washington": possible, so planned
        if w.dep_ == "aux" and low == "would":
            nxt = w.doc[w.i + 1] if w.i + 1 < len(w.doc) else None
            if nxt is None or nxt.lower_ != "have":
                return True
        if low == "going" and any(c.dep_ == "xcomp" for c in w.children):
            return True
        if w.dep_ == "aux" and low == "to" and w.head.dep_ == "ROOT":
            return True  # a headline's "Lavrov to meet Pompeo"
        if w.dep_ == "aux" and low == "to" and w.head.dep_ == "xcomp":
            gov = w.head.head
            if gov.lemma_.lower() == "be" and not any(c.dep_ == "acomp" for c in gov.children):
                return True  # "he is to meet Biden", "the envoys are to speak again"
    return False


def _called_off(words: list[Any]) -> bool:
    return any(w.lemma_.lower() == "call" and _prt(w, "off") for w in words)


def _broke_off(words: list[Any]) -> bool:
    """Return whether the chain breaks the contact off or rules it out."""
    return any(
        (w.lemma_.lower() in ("break", "cut") and _prt(w, "off"))
        or (w.lemma_.lower() == "rule" and _prt(w, "out"))
        or (w.lemma_.lower() == "turn" and _prt(w, "down"))
        for w in words
    )


def _prt(w: Any, word: str) -> bool:
    return any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ == word for c in w.children)


def _is_off(words: list[Any]) -> bool:
    """Return whether the chain says the contact "was off"."""
    for w in words:
        if w.lemma_.lower() == "be" and any(
            c.lower_ == "off" and c.dep_ in ("acomp", "advmod", "prt", "prep") for c in w.children
        ):
            return True
    return False
