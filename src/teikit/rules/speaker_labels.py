"""Speaker labels at the start of a paragraph: "R. REAGAN.", "Zhou Enlai:", "G. Bush.".

Conventions met in Wilson Center transcripts and similar records (each rule below names one):

* ``caps``: an ALL-CAPS surname, optionally after initials and a title, closed by "." or ":"
  — "R. REAGAN. The regional issues …", "BREZHNEV: Yesterday I spoke …"; the label may be
  glued to the first word ("M. S. GORBACHEV.Yesterday").
* ``initials_dot``: initials and a mixed-case surname closed by "." — "G. Bush. When I …".
* ``name_colon``: a mixed-case name (titles allowed) closed by ":" — "Zhou Enlai: According
  …", "Comrade Nicolae Ceausescu:" alone in its paragraph; a stage direction may stand before
  the colon ("Khrushchev (after the translation ended):"); a side may name the speaker in
  brackets ("North (KIM):"); an editor may complete the name ("M.S. [Gorbachev]:").
* ``name_dash``: a name closed by an em dash — "Cde. Molotov— We cannot …".
* ``cjk``: a Chinese name closed by a full-width colon — "周恩来：".

Look-alikes that are *not* labels: field lines ("To:", "Date and Time:", "Destination:"),
sentences ending in a colon ("After hearing Mikoyan, Fidel says:"), a chair line
("Cde. L. I. BREZHNEV presiding."), reported speech ("Stalin asks …"), headings and
signatures without closing punctuation ("VYSHINSKY").  They fail because a label's words must
all be name words: capitalised, not in :data:`NOT_NAME_WORDS`, lowercase only for name
particles ("van", "de").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: Titles that may precede a name in a label; they are not part of the person's name.
_ROLES = (
    "Vice President", "General Secretary", "First Secretary", "Prime Minister",
    "Foreign Minister", "Secretary of State", "President", "Secretary", "Chairman", "Premier",
    "Minister", "Ambassador", "Marshal", "General", "Admiral", "Senator", "Deputy", "Colonel",
    "Interpreter", "Translator",
)
TITLES = (
    *(f"The {r}" for r in _ROLES), *_ROLES,
    "Comrade", "Comr.", "Com.", "Cde.", "Tov.", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sir",
    "Lord", "Gen.", "Amb.", "Sen.", "Rep.", "Gov.", "Col.", "Adm.", "Capt.", "Lt.", "Maj.",
)

#: Capitalised words that begin field lines, headings and sentences, never a speaker's name.
NOT_NAME_WORDS = frozenset("""
To From Date Time Subject Destination Copies Copy Source Note Notes Attachment Enclosure
Distribution Received Sent Participants Participant Present Also Those These This That The
Place Location Agenda Re Cc Question Answer Translation Summary Citation Credits Contents
Original Language Top Secret Special Telegram Memorandum Minutes Record Item Point Annex
Appendix Whom Number No Priority Urgent Classification Signed Sincerely Yours Dear Comrades
Gentlemen Topic Result Conclusion Decision Resolution Proposal Draft Excerpt Ref Reference
Attention Attn Encl Tab Present Absent Chair Chairing Presiding Speaker Speakers Moderator
We It In On At After Before During Regarding However Therefore First Second Third Finally
Then Now Here There What Why How When Where Who Which If As And But Or For Of By With
Our Your Their His Her Its My Yes Thus So Also Today Tomorrow Yesterday Please Thank Thanks
Meeting Conversation Discussion Session Report Letter Cable Message Statement Declaration
January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Sender Recipient Addressee Cdes
Comrades Gentlemen Ladies Everybody All Others Text Page
Paragraph Section Chapter Article Part Volume File Folder Box Document Documents Doc
""".split())

#: Lowercase particles allowed inside names ("Pham van Dong", "Charles de Gaulle").
PARTICLES = frozenset("van von de da di du le la der den del ibn bin al el dos das".split())

_TITLE_WORDS = frozenset(t for t in TITLES if " " not in t)
_TITLE_RE = "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
_INITIALS = r"(?:[A-Z]\.\s?){1,3}"
_CAPS_WORD = r"[A-Z][A-Z'’\-]+"
_NAME_WORD = r"(?:[A-Z][\w'’]*(?:-[\w'’]+)*|\[[A-Z][\w'’\- ]*\])"
_GLUE = r"(?=\s|$|[A-Z\"“‘(])"
_TITLED = rf"(?:(?:{_TITLE_RE})\s+)?"

_CAPS_RE = re.compile(
    rf"({_TITLED}(?:{_INITIALS})?{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,2}})([.:])(?:{_GLUE}|(?=[a-z]))")
_INITIALS_DOT_RE = re.compile(
    rf"({_TITLED}{_INITIALS}[A-Z][a-z'’]+(?:-[A-Za-z]+)?)\.(?=\s+[A-Z\"“]|[A-Z][a-z]|$)")
_NAME_DOT_RE = re.compile(
    rf"({_TITLED}[A-Z][a-z'’]+(?:-[A-Za-z]+)?(?:\s+[A-Z][a-z'’]+(?:-[A-Za-z]+)?){{0,2}})\."
    r"(?=\s+[A-Z\"“]|$)")
_NAME_COLON_RE = re.compile(
    rf"({_TITLED}(?:{_INITIALS})?{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|[a-z]+)){{0,4}})"
    r"(\s*\(([^()]{1,80})\))?\s?(:)")
_NAME_DASH_RE = re.compile(
    rf"({_TITLED}(?:{_INITIALS})?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})—")


@dataclass(frozen=True)
class Label:
    """A recognised label: ``printed`` exactly as it stands (punctuation included),
    ``name`` the person's name without titles and brackets, ``stage`` a stage direction
    printed inside the label, ``rest`` the text after the label, ``rule`` the rule that
    matched, ``weak`` when the evidence is thin (an editor should review it)."""

    printed: str
    name: str
    rest: str
    rule: str
    stage: str | None = None
    weak: bool = False
    repeat_needed: bool = False


def _is_name(words: list[str]) -> bool:
    if not words or len(words) > 5:
        return False
    capitalised = 0
    for w in words:
        bare = w.strip("[]")
        if bare.lower() in PARTICLES and bare.islower():
            continue
        if not bare or not bare[0].isupper():
            return False
        if bare.rstrip(".") in NOT_NAME_WORDS or bare.capitalize() in NOT_NAME_WORDS:
            return False
        if bare in _TITLE_WORDS or f"{bare.rstrip('.')}." in _TITLE_WORDS:
            return False  # a title alone is no name: "Cde. L. I. BREZHNEV presiding."
        capitalised += 1
    return capitalised > 0


def _strip_title(text: str) -> tuple[str | None, str]:
    m = re.match(rf"(?:{_TITLE_RE})(?:\s+|$)", text)
    if m:
        return m.group(0).strip(), text[m.end():]
    return None, text


def normalise_name(name: str) -> str:
    """"M. S. GORBACHEV" → "M. S. Gorbachev"; "M.S. [Gorbachev]" → "M. S. Gorbachev"."""
    name = name.replace("[", "").replace("]", "")
    name = re.sub(r"([A-Z])\.(?=[A-Z])", r"\1. ", name)
    words = []
    for w in name.split():
        if w.isupper() and len(w.rstrip(".")) > 1:
            w = "-".join(p.capitalize() for p in w.split("-"))
        words.append(w)
    return " ".join(words)


# ------------------------------------------------------------------ the rules


def caps(text: str) -> Label | None:
    """ALL-CAPS surname with optional title/initials, closed by "." or ":" ("R. REAGAN.")."""
    m = _CAPS_RE.match(text)
    if not m:
        return None
    title, name = _strip_title(m.group(1))
    words = [w for w in re.split(r"\s+", name) if not re.fullmatch(r"[A-Z]\.", w)]
    if not _is_name([w.capitalize() for w in words]):
        return None
    if m.group(2) == "." and text[m.end():m.end() + 1].islower():
        return None  # "USSR.which" is a typo in prose, not a label
    return Label(m.group(0), normalise_name(name), text[m.end():], "caps")


def initials_dot(text: str) -> Label | None:
    """Initials and a mixed-case surname closed by "." ("G. Bush. When I was …")."""
    m = _INITIALS_DOT_RE.match(text)
    if not m:
        return None
    _, name = _strip_title(m.group(1))
    return Label(m.group(0), normalise_name(name), text[m.end():], "initials_dot")


def name_colon(text: str) -> Label | None:
    """A mixed-case name closed by ":" ("Zhou Enlai:", "Khrushchev (after …):",
    "North (KIM):", "M.S. [Gorbachev]:")."""
    m = _NAME_COLON_RE.match(text)
    if not m:
        return None
    title, name = _strip_title(m.group(1))
    if title and not name:
        name = title  # a role speaks: "The President:" (weak: could be a field line)
        words = []
    else:
        words = [w for w in name.split() if not re.fullmatch(r"(?:[A-Z]\.)+", w)]
        if not _is_name(words):
            return None
    paren = m.group(3)
    printed = m.group(0)
    rest = text[m.end():]
    if paren and re.fullmatch(r"[A-Z][\w'’\- .]*", paren) and paren.split()[0].isupper():
        # a side label, "North (KIM):": the bracket names the speaker
        return Label(printed, normalise_name(paren), rest, "side_label")
    if paren:
        head = m.group(1)
        stage = printed[len(head):].strip()
        return Label(head, normalise_name(name), rest, "name_colon", stage=stage)
    weak = (title is None and len(words) == 1 and not re.match(_INITIALS, name)) or not words
    return Label(printed, normalise_name(name), rest, "name_colon", weak=weak)


def name_dash(text: str) -> Label | None:
    """A name closed by an em dash ("Cde. Molotov— We cannot …")."""
    m = _NAME_DASH_RE.match(text)
    if not m:
        return None
    title, name = _strip_title(m.group(1))
    words = [w for w in name.split() if not re.fullmatch(r"(?:[A-Z]\.)+", w)]
    if not _is_name(words) or (title is None and len(words) < 2 and not name.isupper()):
        return None
    return Label(m.group(0), normalise_name(name), text[m.end():], "name_dash")


def name_dot(text: str) -> Label | None:
    """A mixed-case name closed by "." ("Gorbachev. Yesterday …", "Kim Il Sung. We …").

    A one-word sentence looks the same ("Agreed. We …"), so this label is always *weak*:
    a document accepts it only where the same label opens another paragraph too."""
    m = _NAME_DOT_RE.match(text)
    if not m:
        return None
    _, name = _strip_title(m.group(1))
    if not name or not _is_name(name.split()):
        return None
    return Label(m.group(0), normalise_name(name), text[m.end():], "name_dot", weak=True,
                 repeat_needed=True)


def cjk(text: str) -> Label | None:
    """A Chinese name of two to four characters closed by a colon ("周恩来：")."""
    m = re.match(r"([\u4e00-\u9fff]{2,4})([：:])", text)
    if not m:
        return None
    return Label(m.group(0), m.group(1), text[m.end():], "cjk")


#: The rules in the order they are tried.
RULES = (caps, initials_dot, name_colon, name_dash, cjk, name_dot)


def match_label(text: str) -> Label | None:
    """The label at the start of ``text`` (a paragraph), or None."""
    for rule in RULES:
        label = rule(text)
        if label is not None:
            return label
    return None


# ------------------------------------------------------------------ one person, many labels


def name_tokens(name: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return re.findall(r"[^\W_]+", folded)


def same_person(a: str, b: str) -> bool:
    """Whether two printed names can denote one person: the shorter one's full words all
    occur in the longer, and its initials stand for words of the longer, in order
    ("M. S. Gorbachev" ~ "Gorbachev"; "G. Bush" ~ "George Bush"; "Kim" ≁ "Kim Il Sung" is
    allowed only when no other Kim speaks — decided by the caller)."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)

    def fits(t: str, u: str) -> bool:
        return t == u or (len(t) == 1 and u[0] == t) or (len(u) == 1 and t[0] == u)

    j = 0
    full = 0
    for t in short:
        while j < len(long_) and not fits(t, long_[j]):
            j += 1
        if j == len(long_):
            return False
        full += len(t) > 1 and t == long_[j]
        j += 1
    return full > 0
