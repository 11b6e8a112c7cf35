"""Word lists extraction reads: contact triggers and their mode, status cues, reference words."""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of ``text`` as a set."""
    return frozenset(text.split())


# Trigger lemma -> the mode it implies ("unspecified" when the word names no medium).
TRIGGERS: dict[str, str] = {
    "call": "phone",
    "phone": "phone",
    "telephone": "phone",
    "phonecall": "phone",
    "videoconference": "video",
    "videocall": "video",
    "meet": "meeting",
    "meeting": "meeting",
    "summit": "meeting",
    "visit": "meeting",
    "host": "meeting",
    "receive": "meeting",
    "welcome": "meeting",
    "summon": "meeting",
    "join": "meeting",
    "letter": "letter",
    "write": "letter",
    "message": "letter",
    "memo": "letter",
    "telegram": "letter",
    "greeting": "letter",
    "congratulation": "letter",
    "condolence": "letter",
    "speak": "unspecified",
    "talk": "unspecified",
    "talks": "unspecified",
    "conversation": "unspecified",
    "chat": "unspecified",
    "spend": "meeting",
    # A shared meal is held in person ("had lunch with", "took tea with the King").
    "lunch": "meeting",
    "dinner": "meeting",
    "breakfast": "meeting",
    "tea": "meeting",
    "brief": "unspecified",
    "discuss": "unspecified",
    "discussion": "unspecified",
    "contact": "unspecified",
    "communicate": "unspecified",
    "negotiation": "unspecified",
    "negotiate": "unspecified",
    "dialogue": "unspecified",
    "confer": "unspecified",
}
# Surface words the cheap first pass looks for (inflections of the trigger lemmas).
TRIGGER_WORDS = _words(
    """
    chat chats chatted face conference telegram greetings congratulations condolences sat sit sits
    lunch lunches dinner dinners breakfast tea
    spend spends spending spent brief briefs briefed briefing
    call called calling calls communicate communicated conferred contact contacted
    contacts conversation conversations dialogue discuss discussed discusses discussing
    discussion discussions face-to-face host hosted hosting hosts joined letter letters
    meet meeting meetings meets memo message messages met negotiate negotiated
    negotiating negotiations online phone phoned phones phoning receive received
    receives speak speaking speaks spoke spoken summit summits summoned talk talked
    talking talks telephone telephoned video-conference videocall videoconference
    virtual visit visited visits welcomed write writes written wrote
    """
)
# Words that make a trigger's mode specific when they modify it ("by phone", "video call").
MODE_MODIFIERS: dict[str, str] = {
    "phone": "phone",
    "telephone": "phone",
    "call": "phone",
    "video": "video",
    "videoconference": "video",
    "virtual": "video",
    "virtually": "video",
    "online": "video",
    "person": "meeting",
    "face": "meeting",
    "sidelines": "meeting",
    "letter": "letter",
}
# Verbs whose object is the contact itself; they pass their subject to it ("held talks with").
LIGHT_VERBS = _words(
    """
    address begin conclude conduct continue deliver end exchange hand have hold make pay
    place resume send start take
    """
)
# Verbs reporting speech: a clause under them keeps its own factuality.
SPEECH_VERBS = _words(
    """
    acknowledge add announce claim confirm deny describe explain inform insist note
    quote recall report reveal say state tell write
    """
)

# Status cues, read on the trigger's chain of heads and their modifiers.
CANCEL = _words(
    """
    abandon cancel cancellation collapse postpone scrap scuttle
    """
)
DECLINE = _words(
    """
    decline dismiss rebuff refuse reject snub spurn
    """
)
REQUEST = _words(
    """
    ask attempt available invitation invite offer proposal propose readiness request
    ready seek suggest try urge want willing
    """
)
# Cues of an unanswered request ("is ignoring calls from").
UNANSWERED = _words(
    """
    ignore
    """
)
PLAN = _words(
    """
    accept agree arrange due expect forthcoming future intend next plan planned possible
    preparation prepare prospective schedule scheduled set upcoming
    """
)
FUTURE_AUX = _words(
    """
    'll shall will wo
    """
)
# Verbs through which a contact noun keeps its factuality ("the call took place").
CARRIERS = _words(
    """
    be begin break call come conclude continue cut end follow go happen have hold last occur rule
    proceed resume set start take
    """
)
# Prepositions a trigger's factuality and participants do not cross ("after a memo").
OPAQUE_PREPS = _words(
    """
    after against ahead amid because before despite during following like over prior
    since than unlike until
    """
)
# Prepositions through which a contact noun takes the status of a verb ("asked for talks").
STATUS_PREPS = _words("for on to of")
# Nouns a contact noun hangs from without changing it ("a new round of talks").
TRANSPARENT = _words("round session series part format hour minute day week")
# Nouns that make a contact only an idea ("the idea of a meeting"): no contact unless a cue
# above them says what became of it ("dismissed the idea of a meeting": declined).
HYPOTHETICAL = _words("idea prospect possibility notion chance hope")
# Ordinals that make a contact a count ("their third meeting"), which is not annotated.
COUNT_ORDINALS = _words(
    """
    eighth fifth fourth ninth second seventh sixth tenth third
    """
)
# Inflected status words, lower-cased in Title Case headlines before parsing.
STATUS_WORDS = _words(
    """
    agreed agrees asked asks calls canceled cancelled cancels confirmed confirms
    declined declines first had has held holds ignores ignoring meets met phones planned
    plans proposed proposes refused refuses rejected rejects return returns said says
    seeks set since sought speaks spoke suggested suggests to won't
    """
)

# Plural references to the participants of a contact already named.
_PEOPLE = (
    r"(?:men|women|leaders|presidents|ministers|sides|officials|diplomats|generals|chiefs|"
    r"counterparts|heads of state|envoys|premiers|secretaries|commanders|spymasters|governments)"
)
PLURAL_REF = re.compile(
    rf"\b(?:the two (?:countries['’] )?(?:[a-z-]+ ){{0,2}}{_PEOPLE}|both {_PEOPLE}|"
    r"the pair|the (?:two )?top diplomats|the leaders)\b",
    re.IGNORECASE,
)
PRONOUNS = _words(
    """
    he her him his she
    """
)
# A "since ..." phrase dates an earlier contact, not the one the sentence reports.
SINCE = re.compile(r"\bsince\b[^,;.]*", re.IGNORECASE)
