"""The line rules ``readouts.clean`` uses to recognise non-article text.

Every rule errs on the side of keeping text: a line of the article lost to a
zone can hide a contact, while a stray boilerplate line left in the body is
harmless to extraction. So patterns match whole lines, and the looser ones
apply only where such text lives (the header, the tail, after the article).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = [
    "CDATA_RE",
    "classify_line",
    "comment_start",
    "is_bio",
    "is_cdata_label",
    "is_header_kicker",
    "is_prose",
    "is_timestamp",
    "menu_runs",
    "related_block_end",
    "split_caption",
]

_I = re.IGNORECASE
CDATA_RE = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)

_END_PUNCT = (".", "!", "?", '"', "”", "’", "'", ":", ";", ")")


def _words(line: str) -> int:
    return len(line.split())


def is_prose(line: str) -> bool:
    """Tell whether a line reads like article prose rather than a label or menu item."""
    n = _words(line)
    return n >= 12 or (n >= 6 and line.rstrip().endswith(_END_PUNCT))


# --- boilerplate -----------------------------------------------------------------------------

_BOILERPLATE = re.compile(
    r"^(?:"
    r"skip to (?:the )?(?:main )?(?:content|navigation|search|footer)"
    r"|follow related (?:authors|topics)(?: and topics)?"
    r"|authors and topics you follow will be added to your .{0,60}"
    r"|interact with (?:the )?[\w .'’-]{1,40}"
    r"|(?:share|tweet|email|e-mail|print|pin|save|copy link|copy url|whatsapp|comment)"
    r"(?: (?:this|the) (?:article|story|post|page))?"
    r"(?: (?:on|via|to|with) [\w ]{1,30})?"
    r"|share(?: this)?(?: article| story| post)?:?"
    r"|(?:sign up|subscribe|register|log in|sign in)\b.{0,80}"
    r"|source link|source: .{1,60}"
    r"|advertisement|advertising|advert|\(?ad\)?|sponsored(?: content| post)?|paid content"
    r"|(?:story|article) continues below.{0,30}"
    r"|(?:read|learn) more(?:[:.…]| ?»|\b.{0,80})?"
    r"|continue reading.{0,80}"
    r"|click (?:here|to (?:share|print|email|open|tweet)).{0,80}"
    r"|like this:?|print friendly.{0,30}|our standards:.{0,80}"
    r"|your subscription (?:failed|was successful).{0,80}|thanks? (?:you )?for subscribing.{0,60}"
    # the same chrome on German and French pages
    r"|anzeige|werbung|teilen(?: auf| per)?.{0,20}|gefällt mir|weiterlesen|publicité|partager"
    r"|lire la suite|zum inhalt springen|aller au contenu(?: principal)?"
    r"|(?:image|photo|picture|slide)s? \d+ (?:of|/) \d+"
    r"|posted (?:by|on) .{1,80}"
    r"|this (?:article|story|post|report) (?:was )?(?:originally |first )?(?:published|appeared)"
    r"\b.{0,160}"
    r"|featured|exclusive|breaking(?: news)?|opinion|analysis|updated|watch|listen"
    r"|listen to (?:this )?(?:article|story)(?: ?[\d:]+ ?(?:min(?:ute)?s?)?)?"
    r"|\d+ min(?:ute)?s? read"
    r"|\d+ of \d+"
    r"|(?:copyright|©|\(c\)) ?.{0,200}|all rights reserved\.?"
    r"|(?:like|liked|likeliked)(?: by \d+ (?:people|person|bloggers?))?"
    r"|loading\W*|back to top|print this page|font size.{0,20}|text size.{0,20}"
    r"|(?:posted|filed) (?:in|under):? .{1,80}|(?:tags?|topics?|categories|category|keywords)"
    r": ?.{0,120}"
    r"|by [A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|and|&|,))*(?:,? [\w ]{1,30})?"
    r")$",
    _I,
)
# Bylines must keep their capitals; the pattern above is case-insensitive.
_BYLINE = re.compile(r"^by [A-Z]", re.I)
_BYLINE_CASED = re.compile(r"^By [A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|and|&))*(?:,? [\w ]{1,30})?$")
_COOKIE = re.compile(
    r"\bcookies?\b.{0,120}\b(?:accept|consent|settings|policy|use|used|browsing|experience)\b"
    r"|\b(?:accept|consent to|manage|we use)\b.{0,40}\bcookies?\b",
    _I,
)

# --- promotion -------------------------------------------------------------------------------

_PROMO = re.compile(
    r"\bpromo(?:tion(?:al)?)? code\b|\bcoupon\b|\bdiscount code\b|\b\d+% off (?:your|the|a|all|our)"
    r"|\bbecome an? (?:vip |premium |paying )?(?:member|subscriber|patron)\b|\bvip membership\b"
    r"|\bsupport (?:our|independent|quality|local) (?:journalism|reporting|work)\b"
    r"|\b(?:donate|subscribe|sign up|join) (?:now|today)\b|\bmake a donation\b"
    r"|\bsubscribe to (?:our|the) (?:newsletter|channel|podcast)\b"
    r"|\bsign up for (?:our|a|the) (?:free )?(?:daily |weekly )?newsletter\b"
    r"|\bdownload (?:our|the) (?:free )?app\b|\bfree trial\b|\blimited[- ]time offer\b"
    r"|\bhelp us (?:continue|keep|to continue)\b|\bunlock (?:full|unlimited) access\b"
    r"|\bad-free\b|\bpatreon\b|\bbuy (?:now|tickets)\b",
    _I,
)

# --- captions --------------------------------------------------------------------------------

_AGENCIES = (
    r"(?:the )?associated press|ap(?: photo)?|reuters|afp(?: via getty images)?|getty images"
    r"|epa(?:-efe)?|bloomberg|sputnik|tass|ria novosti|pool|anadolu(?: agency)?|xinhua"
    r"|shutterstock|alamy|zuma(?: press)?|upi|dpa|kremlin\.ru|white house|state department"
    r"|dod|u\.s\. army|u\.s\. navy|wikimedia commons|file|dreamstime(?:\.com)?"
)
_CREDIT_NAME = r"[A-Z](?:\.|[\w'’-]*)(?:\s+[A-Z](?:\.|[\w'’-]*)){0,3}"
# A credit closing a caption: "...in Sochi.Jane Roe/The Associated Press", "... Photo: AP".
_CREDIT_TAIL = re.compile(
    r"(?:(?<=[.!?”\")\]])|(?<=\s)|^)\s*(?:"
    rf"{_CREDIT_NAME}\s?[/|]\s?(?i:{_AGENCIES})(?:\s+(?i:via)\s+(?i:{_AGENCIES}))?[).\s]*"
    r"|(?i:(?:photo|image|picture|photograph)s?(?: credit)?\s*(?::|by\b)\s*)[^.]{1,80}"
    r"|\((?i:(?:(?:ap|afp|reuters|getty|file|epa|upi)\s)?(?:photo|image|picture|credit)s?\b)"
    r"[^)]*\)\s*"
    rf"|\(?(?i:ap|afp|epa|upi|reuters|getty images)\s+(?i:photo)s?\s*/\s*{_CREDIT_NAME}\)?\s*"
    r")$"
)
# A line that announces itself as a caption or credit ("Photo by ...", "Image: ...").
_CAPTION_LINE = re.compile(
    r"^(?:top |main |featured |file )?(?:photo|image|picture|photograph|credit|caption|pictured"
    r"|illustration)s?(?: credit)?\s*(?::|by\b|—|–|-)",
    _I,
)


def split_caption(line: str) -> tuple[str, str] | None:
    """Split a photo credit off a line: (text kept in the body, credit), or None if no credit.

    A caption's description stays in the body (it often reports a dated meeting);
    only the credit goes, or the whole line when little but the credit is left.
    """
    if _words(line) > 80:
        return None
    if _CAPTION_LINE.match(line):
        return "", line
    m = _CREDIT_TAIL.search(line)
    if m is None:
        return None
    kept = line[: m.start()].rstrip()
    if _words(kept) < 4:
        return "", line
    return kept, line[m.start() :].strip()


# --- related / navigation --------------------------------------------------------------------

_RELATED = re.compile(
    r"^(?:related(?: posts| articles| stories| content| coverage| news| reading| links)?"
    r"|read (?:also|next|more)|also read|see also|more (?:from|on|about|stories|news)\b.{0,40}"
    r"|you (?:may|might) also (?:like|be interested in)|recommended(?: for you| stories)?"
    r"|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|latest (?:news|stories)"
    r"|more stories|what to read next|top stories|editor'?s? picks?"
    r"|mehr zum thema|verwandte (?:themen|artikel|beiträge)|das könnte sie auch interessieren"
    r"|lire aussi|à lire aussi|sur le même sujet)"
    r"(?:\s*[:|»›-].{0,200})?$",
    _I,
)
_MENU_WORDS = re.compile(
    r"^(?:home|menu|main menu|search|close|open menu|toggle navigation|navigation|sections?"
    r"|newsletters?|log ?in|log ?out|sign ?in|register|my account|account|subscribe|contact(?: us)?"
    r"|about(?: us)?|imprint|impressum|privacy(?: policy)?|terms(?: of (?:use|service))?"
    r"|sitemap|rss|jobs|careers|help|faq|archives?|podcasts?|videos?|photos?|more|world|politics"
    r"|business|sport|sports|culture|tech(?:nology)?|science|health|opinion|news|local|weather"
    r"|markets|economy|europe|asia|americas|africa|middle east|us|u\.s\.|uk|español|english)$",
    _I,
)
_MENU_SEP = re.compile(r"\s*(?:\||•|·|»|›|>)\s*")
_TABLE_ROW = re.compile(r"^\|.*\|$")


def classify_line(line: str) -> str | None:
    """Return the zone a single line belongs to, or None when it is article text."""
    if _TABLE_ROW.match(line):
        return None  # tables (as trafilatura renders them) are content
    text = line.strip(" \t*•·-–—|>")
    if not text:
        return None
    n = _words(text)
    if _RELATED.match(text) and (n <= 4 or (":" in text and n <= 30)):
        return "related"
    if n <= 20 and _BOILERPLATE.match(text):
        if _BYLINE.match(text) and not _BYLINE_CASED.match(text):
            pass  # "by the end of Tuesday ..." is prose, not a byline
        else:
            return "boilerplate"
    if n <= 80 and _COOKIE.search(text):
        return "boilerplate"
    if re.match(r"^\(?(?:reporting|writing|editing|additional reporting|compiled) by\b", text, _I):
        return "bio"
    if n <= 150 and _PROMO.search(text):
        return "promo"
    if _MENU_WORDS.match(text):
        return "navigation"
    items = [i for i in _MENU_SEP.split(text) if i]
    if len(items) >= 3 and all(_words(i) <= 2 for i in items) and "://" not in text:
        return "navigation"
    return None


def is_header_kicker(line: str) -> bool:
    """Tell whether a line before the article is a section label ("foreign relations")."""
    return _words(line) <= 3 and line == line.lower() and any(c.isalpha() for c in line)


def is_cdata_label(line: str) -> bool:
    """Tell whether a short line next to CDATA tag lists is another label ("Featured")."""
    return _words(line) <= 2 and not line.endswith(_END_PUNCT)


def _menu_item(line: str) -> bool:
    return 0 < _words(line) <= 3 and len(line) <= 25 and not line.endswith(_END_PUNCT)


def menu_runs(
    lines: Sequence[str], labels: Sequence[str | None], first_prose: int
) -> list[tuple[int, int]]:
    """Return [start, end) ranges of 3+ menu-like lines in a row (blank lines allowed).

    Before the article's first prose line any run of short lines is a menu; elsewhere
    (lists, addresses, verse) only runs made mostly of menu words are.
    """
    runs: list[tuple[int, int]] = []
    items: list[int] = []

    def close() -> None:
        if len(items) >= 3:
            menu_words = sum(1 for k in items if _MENU_WORDS.match(lines[k].strip(" -*•")))
            if items[-1] < first_prose or 2 * menu_words >= len(items):
                runs.append((items[0], items[-1] + 1))
        items.clear()

    for i, line in enumerate(lines):
        if not line:
            continue
        if labels[i] is None and _menu_item(line):
            items.append(i)
        else:
            close()
    close()
    return runs


def related_block_end(lines: Sequence[str], labels: Sequence[str | None], i: int) -> int:
    """Return the end of the headline list that follows a "Related" heading at line i."""
    j = i + 1
    while j < len(lines):
        line = lines[j]
        if line and labels[j] is None and (_words(line) > 20 or line.endswith((".", "!", '"'))):
            break
        j += 1
    while j > i + 1 and not lines[j - 1]:
        j -= 1
    return j


# --- bios ------------------------------------------------------------------------------------

_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|al|bin|la|le|du|da|di)){1,3}"
_ROLE = (
    r"(?:writer|editor|author|journalist|reporter|correspondent|columnist|contributor|fellow"
    r"|analyst|researcher|host|producer|professor|commentator|blogger|freelancer?|novelist"
    r"|historian|scholar|economist|lecturer|director)"
)
_BIO = re.compile(
    rf"^(?:about the authors?[:.]?\s*)?{_NAME}\s+(?:is|was|has been|serves as|works as)\s"
    rf"[^.]{{0,160}}?\b{_ROLE}s?\b"
    rf"|^{_NAME}\s+(?:writes|reports|covers) (?:about|on|for)\b"
    r"|\bfollow (?:him|her|them|me) (?:on|at) (?:twitter|x|bluesky|mastodon|facebook|instagram)\b"
    r"|^about the authors?[:.]?$",
)


def is_bio(line: str) -> bool:
    """Tell whether a closing line is an author bio (quotes and reported speech never are)."""
    if any(q in line for q in ('"', "“", "”")) or re.search(r"\b(?:said|says|told)\b", line):
        return False
    return bool(_BIO.search(line)) if _words(line) <= 120 else False


# --- comments --------------------------------------------------------------------------------

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
)
_TIME = r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?(?:\s*(?:utc|gmt|[a-z]{2,4}t))?"
_AGO = r"\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago"
_STAMP = (
    rf"(?:on\s+)?(?:{_DATE}\s*(?:at|,|-|–|·|\||@)?\s*{_TIME}|{_TIME}\s*(?:on|,|-|·)?\s*{_DATE}"
    rf"|{_AGO}|(?:today|yesterday)\s+(?:at\s+)?{_TIME})"
)
_TIMESTAMP = re.compile(rf"^{_STAMP}\s*(?:[-|·]?\s*(?:reply|permalink|#))?$", _I)
# "mike_88 · 3 hours ago", "Jane says: May 1, 2023 at 5:00 pm", "anon · 2023-03-15 10:02 — text"
_USER_STAMP = re.compile(
    r"^(?:\d+[.)]\s*)?(?P<user>\S+(?:\s+\S+){0,3}?)(?:\s+says:?)?\s*[-|·•,]?\s+"
    rf"{_STAMP}\s*(?:[-|·]?\s*(?:reply|permalink|#))?(?:\s*[—–-]\s+.*)?$",
    _I,
)
_NOT_USERS = frozenset(
    ["on", "at", "updated", "posted", "published", "by", "edited", "last", "date", "dated"]
)
_COMMENT_HEADER = re.compile(
    r"^(?:\d+\s+(?:comments?|responses?|replies|reactions?)|\d+\s+thoughts? on\b.*"
    r"|(?:one|two|three) (?:comments?|responses?|thoughts? on\b.*)"
    r"|leave a (?:reply|comment)(?: cancel reply)?|post a comment|add (?:a|your) comment"
    r"|(?:show|view|load|read|hide|see) (?:all )?(?:\d+ )?comments?(?: \(\d+\))?"
    r"|comments?(?: \(\d+\))?|reader comments|readers'? comments|user comments"
    r"|join the (?:conversation|discussion)|comments are closed\.?|have your say"
    r"|responses to .{1,100}|\d+ kommentare|kommentare(?: \(\d+\))?|\d+ commentaires?"
    r"|schreibe einen kommentar|laisser un commentaire)[:.]?$",
    _I,
)
_REPLY = re.compile(r"^(?:reply|report|like reply|reply ↓|reply to this comment|flag)$", _I)
_USER = re.compile(r"^(?:\d+[.)]\s*)?\S.{0,40}?(?:\s+says:?)?$")


def is_timestamp(line: str) -> bool:
    """Tell whether a line is nothing but a comment timestamp (a date with a time, or "N ago")."""
    return bool(_TIMESTAMP.match(line.strip()))


def _is_user(line: str) -> bool:
    return (
        _words(line) <= 5
        and bool(_USER.match(line))
        and not line.endswith((".", "!", "?", '"', "”"))
        and classify_line(line) is None
    )


def _user_with_time(line: str) -> bool:
    if is_timestamp(line):
        return False
    m = _USER_STAMP.match(line)
    return m is not None and m.group("user").split()[0].lower() not in _NOT_USERS


def _thread_follows(lines: Sequence[str], nonempty: Sequence[int], pos: int) -> bool:
    """Tell whether a second timestamp or a Reply link follows: one dated line is a dateline."""
    stamps = 0
    for k in nonempty[pos:]:
        line = lines[k]
        if _REPLY.match(line):
            return True
        if is_timestamp(line) or _user_with_time(line):
            stamps += 1
            if stamps >= 2:
                return True
    return False


def comment_start(lines: Sequence[str]) -> int | None:
    """Return the index where a reader-comment section starts, or None."""
    nonempty = [i for i, line in enumerate(lines) if line]
    seen_prose = False
    for pos, i in enumerate(nonempty):
        line = lines[i]
        if not seen_prose:
            seen_prose = is_prose(line)
            continue
        nxt = lines[nonempty[pos + 1]] if pos + 1 < len(nonempty) else ""
        prev = lines[nonempty[pos - 1]] if pos else ""
        if _COMMENT_HEADER.match(line.strip(" #*-–—")):
            return i
        user_stamp = (_is_user(line) and is_timestamp(nxt)) or _user_with_time(line)
        if user_stamp and _thread_follows(lines, nonempty, pos):
            return i
        if is_timestamp(line):
            following = [lines[k] for k in nonempty[pos + 1 : pos + 6]]
            if any(_REPLY.match(f) for f in following):
                return nonempty[pos - 1] if _is_user(prev) else i
        if _REPLY.match(line) and pos >= 2:
            return nonempty[pos - 2] if _is_user(lines[nonempty[pos - 2]]) else nonempty[pos - 1]
    return None
