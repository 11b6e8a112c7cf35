"""Contact extraction: find the contacts and gap claims a document's clean body states.

A cheap first pass (blank tokenizer + phrase matchers over triggers and registry
phrases) selects candidate sentences; only those are parsed by the statistical
model. Each trigger's clause yields participants (resolved on the event date), a
mode and a status; repeated mentions of one contact are merged.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import Any

from readouts.dates import infer_published, resolve_date
from readouts.extract import lexicon as lx
from readouts.extract import sentence as sn
from readouts.extract.attributes import duration_minutes, initiator, location, topics
from readouts.extract.contacts import Candidate, find_candidates
from readouts.extract.document import FOLLOW_UP, drop_superseded, follow_up, settle_gaps
from readouts.extract.gaps import find_gap_claims
from readouts.extract.mentions import assemble, compatible, inherit_dates, same_people
from readouts.extract.nlp import blank, load_model, sentences
from readouts.extract.participants import Context, find_refs
from readouts.extract.registry import matchers
from readouts.extract.resolution import resolve
from readouts.records import Document, Evidence, Extraction, GapClaim, Mention

# Bump whenever extraction output may change: stored documents are re-extracted.
EXTRACTOR_VERSION = "22"

log = logging.getLogger(__name__)

# A follow-up sentence ("the call lasted an hour") counts within this many sentences.
FOLLOW_UP_WINDOW = 3


def extract_document(doc: Document) -> Extraction:
    """Return the mentions and gap claims stated in ``doc.body``."""
    published, inferred = doc.published, False
    if not published:
        published = infer_published(doc)
        inferred = published is not None
    body = doc.body
    first = _first_pass(body)
    spans = [(s, e, i) for s, e, i, candidate, _ in first if candidate]
    if not spans:
        return Extraction(doc.id, published=published, published_inferred=inferred)
    nlp = load_model()
    ctx = Context(published=published)
    found: list[Mention] = []
    gaps: list[GapClaim] = []
    last_at = -99  # index of the sentence that gave the last mention
    past_plans: set[int] = set()  # where plans told in the past are stated (evidence starts)
    texts = [sn.sentence_case(body[s:e], nlp) for s, e, _ in spans]
    parsed = dict(zip((i for _, _, i in spans), nlp.pipe(texts), strict=True))
    for start, end, index, _, named in first:
        if index not in parsed:
            _remember_name(ctx, named, published)
            continue
        text = body[start:end]
        ctx.recent = index - last_at <= 1
        try:
            mentions = _sentence(
                doc.id, parsed[index], nlp, text, start, published, ctx, found, gaps, past_plans
            )
        except Exception:  # one odd sentence must not cost the document its other contacts
            log.warning("extraction failed on %s at %d", doc.id, start, exc_info=True)
            continue
        if mentions:
            found.extend(mentions)
            last_at = index
        elif found and index - last_at <= FOLLOW_UP_WINDOW:
            follow_up(found, text, start, published)
    found = [m for m in found if not _past(m, past_plans) or not _realised(m, found)]
    mentions = inherit_dates(drop_superseded(assemble(found), published))
    return Extraction(
        doc.id,
        mentions=tuple(mentions),
        gap_claims=tuple(settle_gaps(gaps, mentions)),
        published=published,
        published_inferred=inferred,
    )


def _sentence(
    doc_id: str,
    sd: Any,
    nlp: Any,
    text: str,
    start: int,
    published: str | None,
    ctx: Context,
    found: list[Mention],
    gaps: list[GapClaim],
    past_plans: set[int],
) -> list[Mention]:
    """Return the mentions one parsed sentence states; add its gap claims to ``gaps``."""
    refs = find_refs(sd, nlp, ctx)
    masked = sn.mask_since(text) if sn.GAP_SENTENCE.search(text) else text
    on = resolve_date(masked, published) or published
    mentions: list[Mention] = []
    cands = find_candidates(sd, refs, ctx, on)
    shared = len({frozenset(p.key for p in c.participants) for c in cands}) <= 1
    for c in cands:
        one = _mention(doc_id, c, text, masked, start, published, found, shared)
        if c.past_plan:
            past_plans.add(start)
        mentions.extend(_occasions(one, c, text, published) if c.occasions else [one])
    mentions = assemble(mentions)
    if sn.GAP_CUE.search(text):
        gaps.extend(_gap_claims(doc_id, text, start, published, mentions, ctx))
    _remember(ctx, sd, refs, mentions, on)
    return mentions


def _first_pass(body: str) -> list[tuple[int, int, int, bool, tuple[str, ...]]]:
    """Return each sentence's (start, end, index, worth parsing, first person named).

    A sentence is worth parsing when it has a trigger word and an actor word (or a
    plural reference, or "the call" for follow-up facts).
    """
    nlp = blank()
    ms = matchers(nlp)
    out = []
    for index, (s, e) in enumerate(sentences(body)):
        text = body[s:e]
        tokens = nlp.make_doc(text)
        names = ms["names"](tokens)
        first = (
            tokens.vocab.strings[min(names, key=lambda m: m[1])[0]][2:].split("|") if names else []
        )
        trigger = any(t.lower_ in lx.TRIGGER_WORDS for t in tokens) and len(text) <= 1500
        actor = bool(names) or any(ms[k](tokens) for k in ("countries", "titles", "places"))
        # A capitalised word inside the sentence may be a surname named before ("Wang").
        actor = actor or any(t.is_title for t in tokens[1:])
        plural = lx.PLURAL_REF.search(text) or text.startswith("They ")
        wanted = trigger and (actor or bool(plural or FOLLOW_UP.search(text)))
        out.append((s, e, index, wanted, tuple(first)))
    return out


def _remember_name(ctx: Context, pids: tuple[str, ...], published: str | None) -> None:
    """Take the first person a sentence names as its likely subject, for later pronouns."""
    from readouts.extract.registry import lexicon
    from readouts.extract.resolution import from_person

    people = [p for p in (lexicon().person(pid) for pid in pids) if p is not None]
    if people:
        ctx.last_person = from_person(people[0].name, people[0], published, None)


def _mention(
    doc_id: str,
    c: Candidate,
    text: str,
    masked: str,
    start: int,
    published: str | None,
    earlier: list[Mention],
    shared: bool = True,
) -> Mention:
    """Build a mention for one candidate: date on the trigger, attributes from the sentence."""
    t = c.trigger
    # A "when ..." clause after "since <date>" is the earlier contact itself.
    use = text if sn.in_when_clause(t) or sn.in_since(text, t.idx) else masked
    date = None
    if c.status != "not_occurred":  # a contact that did not happen has no date
        clause = text if sn.in_when_clause(t) else sn.own_clause(use, t)
        date = resolve_date(clause, published, anchor_start=t.idx)
        if date is None and sn.sequel(t):
            date = _previous_date(earlier, c)
        frame = sn.frame_clause(use, t)
        if date is None and frame and c.status == "occurred":
            # "urged restraint on Friday after meeting X": the same day, within the tolerance.
            date = resolve_date(frame, published, anchor_start=t.idx)
        report = sn.report_clause(use, t)
        if date is None and report and c.status != "planned":
            # A same-day report dates the contact by its report ("announced on Wednesday").
            date = resolve_date(report, published, anchor_start=t.idx)
        if date is None and c.status == "occurred" and published and sn.perfect(t, text):
            # "has written a letter": recent, this month; "talks have concluded": today.
            date = published[:10] if sn.just_ended(t) else published[:7]
        cause = sn.cause_phrase(text, t)
        if date is None and c.status == "occurred" and cause:
            # "summoned over the Sunday strike": in the weeks after it, so its month.
            day = resolve_date(cause, published) or sn.last_weekday(cause, published)
            date = day[:7] if day and len(day) == 10 else None
        if c.status in ("planned", "cancelled", "requested"):
            date = sn.ahead(date, published, text)
    return Mention(
        doc_id=doc_id,
        participants=c.participants,
        mode=c.mode,
        status=c.status,
        date=date,
        location=location(sn.own_clause(text, t)),
        # With several contacts in one sentence, each takes the length its own clause states.
        duration_minutes=duration_minutes(sn.own_clause(text, t) if not shared else text),
        initiator=initiator(text, c.participants),
        topics=topics(text),
        evidence=(Evidence(doc_id, start, start + len(text), text),),
    )


_OCCASION_SPLIT = re.compile(r",\s*(?:and\s+)?|;\s*|\s+and\s+")


def _occasions(m: Mention, c: Candidate, text: str, published: str | None) -> list[Mention]:
    """Split "met twice: in Hamburg in July 2017 and in Danang in November 2017" by occasion."""
    colon = text.find(":", c.trigger.idx)
    out = []
    pos = colon + 1
    for piece in _OCCASION_SPLIT.split(text[colon + 1 :]):
        at = text.find(piece, pos)
        pos = at + len(piece)
        clause = " " * at + piece  # offsets kept for the anchor
        date = resolve_date(clause, published, anchor_start=at)
        if date:
            out.append(replace(m, date=date, location=location(clause)))
    return out if len(out) >= 2 else []


def _past(m: Mention, past_plans: set[int]) -> bool:
    """Return whether ``m`` is a plan told in the past ("they had expected to meet")."""
    return m.status == "planned" and any(e.start in past_plans for e in m.evidence)


def _realised(plan: Mention, found: list[Mention]) -> bool:
    """Return whether the document reports the planned contact as held (same people)."""
    return any(
        m.status == "occurred"
        and same_people(m.participants, plan.participants)
        and (m.mode == plan.mode or "unspecified" in (m.mode, plan.mode))
        for m in found
    )


def _previous_date(earlier: list[Mention], c: Candidate) -> str | None:
    """Return the date of the last contact reported before, which ``c`` follows ("then")."""
    ids = {p.person_id for p in c.participants if p.person_id}
    last = next((m for m in reversed(earlier) if ids & {p.person_id for p in m.participants}), None)
    if last is None or last.date:
        return last.date if last else None
    dated = [m.date for m in earlier if m.date and compatible(replace(m, date=None), last)]
    return max(dated) if dated else None


def _gap_claims(
    doc_id: str,
    text: str,
    start: int,
    published: str | None,
    mentions: list[Mention],
    ctx: Context,
) -> list[GapClaim]:
    """Return the sentence's gap claims, about the contact its main clause states."""
    main = mentions[0] if mentions else None
    people = main.participants if main else ctx.last_participants
    mode = main.mode if main else "unspecified"
    return find_gap_claims(text, start, doc_id, people, published, mode)


def _remember(ctx: Context, sd: Any, refs: list[Any], mentions: list[Mention], on: Any) -> None:
    """Carry the sentence's subject and the last contact's participants to the next sentence."""
    from readouts.extract.registry import lexicon

    for r in refs:
        if r.kind == "name" and isinstance(r.person, list) and len(r.text.split()) >= 2:
            p = resolve(r, on, ctx, [])
            person = lexicon().person(p.person_id) if p.person_id else None
            if person is not None:
                # Either end may be the family name ("Sullivan", "Wang" of Wang Yi).
                words = r.text.split()
                ctx.surnames[words[-1]] = person
                ctx.surnames.setdefault(words[0], person)
    subject = sn.main_subject(sd, refs)
    if subject is not None:
        p = resolve(subject, on, ctx, [])
        if p.person_id or p.country:
            ctx.last_person = p
    if mentions:
        ctx.last_participants = mentions[-1].participants
        ctx.history.extend(m.participants for m in mentions)


__all__ = ["EXTRACTOR_VERSION", "extract_document", "load_model"]
