"""Contact extraction: find the contacts and gap claims a document's clean body states.

A cheap first pass (blank tokenizer + phrase matchers over triggers and registry
phrases) selects candidate sentences; only those are parsed by the statistical
model. Each trigger's clause yields participants (resolved on the event date), a
mode and a status; repeated mentions of one contact are merged.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from readouts.dates import infer_published, resolve_date
from readouts.dates_find import FUTURE
from readouts.extract import sentence as sn
from readouts.extract.attributes import duration_minutes, initiator, location, topics
from readouts.extract.contacts import Candidate, find_candidates
from readouts.extract.document import drop_superseded, follow_up, refusal, settle_gaps
from readouts.extract.firstpass import first_pass, headline_last, remember_name, remember_surnames
from readouts.extract.gaps import find_gap_claims
from readouts.extract.mentions import assemble, compatible, inherit_dates, same_people
from readouts.extract.nlp import load_model
from readouts.extract.participants import Context, find_refs
from readouts.extract.resolution import resolve
from readouts.extract.trips import date_by_trips, find_trip
from readouts.records import Document, Evidence, Extraction, GapClaim, Mention

# Bump whenever extraction output may change: stored documents are re-extracted.
EXTRACTOR_VERSION = "26"

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
    first = first_pass(body)
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
            remember_name(ctx, named, published)
            remember_surnames(ctx, body[start:end])
            if found and index - last_at <= 1:
                refusal(found, body[start:end], start)
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
            if index - last_at <= 1:
                refusal(found, text, start)
    found = [m for m in found if not _past(m, past_plans) or not _realised(m, found)]
    mentions = inherit_dates(drop_superseded(assemble(headline_last(found, first)), published))
    trips = [find_trip(body[s:e], named, published) for s, e, _, _, named in first]
    mentions = date_by_trips(mentions, [t for t in trips if t is not None])
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
        others = [o.trigger for o in cands]
        one = _mention(doc_id, c, text, masked, start, published, found + mentions, shared, others)
        if c.past_plan:
            past_plans.add(start)
        mentions.extend(_occasions(one, c, text, published) if c.occasions else [one])
    mentions = assemble(mentions)
    if mentions and found:
        _unnamed_follow_up(sd, cands, found, text, start, published)
    if sn.GAP_CUE.search(text):
        then = _then(found, gaps)
        gaps.extend(_gap_claims(doc_id, text, start, published, mentions, ctx, then))
    _remember(ctx, sd, refs, mentions, on)
    return mentions


def _mention(
    doc_id: str,
    c: Candidate,
    text: str,
    masked: str,
    start: int,
    published: str | None,
    earlier: list[Mention],
    shared: bool = True,
    others: Sequence[Any] = (),
) -> Mention:
    """Build a mention for one candidate: date on the trigger, attributes from the sentence."""
    t = c.trigger
    # A "when ..." clause after "since <date>" is the earlier contact itself.
    use = text if sn.in_when_clause(t) or sn.in_since(text, t.idx) else masked
    date = None
    if c.status != "not_occurred":  # a contact that did not happen has no date
        clause = text if sn.in_when_clause(t) else sn.own_clause(use, t)
        date = resolve_date(clause, published, anchor_start=t.idx)
        if (
            c.status == "planned"
            and date
            and published
            and date[:7] < published[:7]
            and (_ahead_in_sentence(text[: t.idx]))
        ):
            # "is due to travel to China in April for talks": the wording that puts it ahead
            # may lie outside the trigger's own clause; a plan lies ahead, so try that first.
            date = resolve_date(clause, published, anchor_start=t.idx, future=True) or date
        if date is None and sn.sequel(t):
            date = _previous_date(earlier, c)
        frame = sn.frame_clause(use, t)
        if date is None and frame and c.status == "occurred":
            # "urged restraint on Friday after meeting X": the same day, within the tolerance.
            date = resolve_date(frame, published, anchor_start=t.idx)
        participle = sn.participle_head(use, t)
        if date is None and participle and c.status == "occurred":
            date = resolve_date(participle, published, anchor_start=t.idx)
        report = sn.report_clause(use, t)
        if date is None and report and c.status in ("occurred", "declined"):
            # A same-day report dates the contact by its report ("announced on Wednesday");
            # a plan, a request or a cancellation is dated by when it was to happen.
            date = resolve_date(report, published, anchor_start=t.idx)
        if date is None and c.status == "occurred" and published and sn.perfect(t, text):
            # "has written a letter": recent, this month; "talks have concluded": today.
            date = published[:10] if sn.just_ended(t) else published[:7]
        cause = sn.cause_phrase(text, t)
        if date is None and c.status == "occurred" and cause:
            # "summoned over the Sunday strike": in the weeks after it, so its month.
            day = resolve_date(cause, published) or sn.last_weekday(cause, published)
            date = day[:7] if day and len(day) == 10 else None
        lag = sn.later_by(text[: t.idx])
        if date is None and c.status == "occurred" and lag is not None:
            # "On December 6 ... held talks, and three days later she called on Sharif".
            days, at = lag
            base = resolve_date(text[:at], published, future=False)
            date = _shifted(base, days)
        if c.status in ("planned", "cancelled", "requested"):
            date = sn.ahead(date, published, text)
    place = _location(c, sn.without_others(text, c.trigger, others))
    return Mention(
        doc_id=doc_id,
        participants=c.participants,
        # Talks held somewhere were held in person ("held talks with Lavrov in Moscow").
        mode="meeting" if c.mode == "unspecified" and place else c.mode,
        status=c.status,
        date=date,
        location=place,
        # With several contacts in one sentence, each takes the length its own clause states.
        # A contact not (yet) held states its length in its own clause, if at all.
        duration_minutes=duration_minutes(
            text if shared and c.status == "occurred" else sn.own_clause(text, t)
        ),
        # A contact in a "when ..." clause is another event than the sentence's main one.
        initiator=initiator(
            sn.own_clause(text, t) if sn.in_when_clause(t) else text, c.participants
        ),
        topics=topics(text),
        evidence=(Evidence(doc_id, start, start + len(text), text),),
    )


_PAST_PLAN = re.compile(
    r"\b(?:had|was|were)\s+(?:been\s+)?(?:due|expected|set|scheduled|planned|supposed|going)\b",
    re.I,
)


def _ahead_in_sentence(before: str) -> bool:
    """Return whether the words before a trigger put it ahead ("is due to travel ... for")."""
    return bool(FUTURE.search(before)) and not _PAST_PLAN.search(before)


def _location(c: Candidate, text: str) -> str | None:
    """Return where a meeting took place: the place nearest its trigger in the sentence.

    A held meeting reads the whole sentence ("in Warsaw, after talks with Duda": the place
    sits outside the trigger's clause); other stages read only their own clause. A call or
    letter has no location.
    """
    if c.mode in ("phone", "video", "letter"):
        return None
    if c.status == "occurred":
        return location(text, anchor_start=c.trigger.idx)
    return location(sn.own_clause(text, c.trigger))


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
    # A held contact follows the last one held ("then called Zelensky"), not a plan.
    last = next(
        (
            m
            for m in reversed(earlier)
            if ids & {p.person_id for p in m.participants}
            and (c.status != "occurred" or m.status == "occurred")
        ),
        None,
    )
    if last is None or last.date:
        return last.date if last else None
    dated = [m.date for m in earlier if m.date and compatible(replace(m, date=None), last)]
    return max(dated) if dated else None


def _unnamed_follow_up(
    sd: Any, cands: list[Candidate], found: list[Mention], text: str, start: int, pub: str | None
) -> None:
    """Add what "the conversation lasted an hour and a half and ..." says to the contact
    reported before, when the sentence's other clauses state another contact."""
    from readouts.extract.status import is_trigger, mode_of

    used = {c.trigger.i for c in cands}
    for tok in sd:
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "that") for c in tok.children)
        if tok.pos_ == "NOUN" and definite and tok.i not in used and is_trigger(tok):
            mode = mode_of(tok)
            if any(m.status == "occurred" and mode in (m.mode, "unspecified") for m in found):
                follow_up(found, sn.own_clause(text, tok), start, pub, text)
            return


def _shifted(base: str | None, days: int) -> str | None:
    """Return the day ``days`` after ``base`` (a month or year stays as it is)."""
    from datetime import date, timedelta

    if base is None or len(base) != 10:
        return base
    return (date.fromisoformat(base) + timedelta(days=days)).isoformat()


def _then(found: list[Mention], gaps: list[GapClaim]) -> str | None:
    """Return the date of the last contact told as held: what a bare "since" refers to.

    A held contact is a dated occurred mention, or the earlier contact of a "the last time
    they met was in May 2004" claim.
    """
    told = [(m.evidence[0].start, m.date) for m in found if m.date and m.status == "occurred"]
    told += [(g.evidence[0].start, g.since) for g in gaps if g.type == "last_was" and g.since]
    return max(told)[1] if told else None


def _gap_claims(
    doc_id: str,
    text: str,
    start: int,
    published: str | None,
    mentions: list[Mention],
    ctx: Context,
    then: str | None = None,
) -> list[GapClaim]:
    """Return the sentence's gap claims, about the contact its main clause states.

    ``then`` is the date of the last dated contact reported before: a bare "since" refers
    to it ("The two leaders have not spoken since.").
    """
    main = mentions[0] if mentions else None
    people = main.participants if main else ctx.last_participants
    mode = main.mode if main else "unspecified"
    return find_gap_claims(text, start, doc_id, people, published, mode, then=then)


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
