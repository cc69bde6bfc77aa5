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
* ``role``: a role without a personal name — "THE PRESIDENT.", "The Court:", "The President :"
  (UN records put a space before the colon), "Mr. Speaker" alone on its line, "M. le
  président." (French parliamentary records); the role is the person's name as printed.
* ``letter``: the question-and-answer letters of court records and news conferences — "Q.",
  "Q:", "A:", and "Q" with no separator (White House transcripts).
* ``titled`` (the general scanner, tried last): titles, a name in capitals or mixed case in any
  alphabet, a qualifier, a separator — "PRESIDENT DONALD TRUMP:", "MR. DIMBLEBY.", "Senator
  Ron Johnson:", "Vizepräsident Dr. Hermann Otto Solms:", "Karin Binder (DIE LINKE):",
  "THEODORE SORENSEN, Former Kennedy Aide:", "M. Emmanuel Macron, ministre.", "DAVID DIMBLEBY
  [British Broadcasting Corporation].", "РУБЕЖАНСКИЙ П. Н." (surname first: the initials'
  full stop closes the label), "Mr. Dennis Skinner (Bolsover)" alone on its line (Hansard),
  "N. S. KHRUSHCHEV The …" with no separator.  Qualifiers (constituency, party, office) are
  printed in the label but are not part of the name.

Every label has a :attr:`Label.shape` — its case and its separator ("caps.", "mixed:",
"letter:", "alone", "bare" …): a document uses few shapes, and the reader trusts a weak label
only when the document's other labels share its shape (see :mod:`teikit.rules.label_profile`).

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
from dataclasses import dataclass, replace
from functools import lru_cache

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
    "Atty.",
)

#: More titles the general scanner knows (parliaments and courts in several languages); kept
#: apart from TITLES so that the older, narrower rules keep their behaviour.
MORE_TITLES = (
    "Mr. Justice", "Justice", "Judge", "Representative", "Hon.", "Dame", "Madam", "Madame",
    "Miss", "Rev.", "Father", "Sister", "Dr", "Mr", "Mrs", "Ms", "Press Secretary",
    "Chairwoman", "Chair", "Ranking Member", "Delegate", "Commissioner",
    "Vizepräsident", "Vizepräsidentin", "Präsident", "Präsidentin", "Bundeskanzler",
    "Bundeskanzlerin", "Bundesminister", "Bundesministerin", "Staatssekretär",
    "Staatssekretärin", "Abg.", "Herr", "Frau", "M.", "Mme", "Mlle", "Monsieur",
    "Товарищ", "Тов.",
)

#: Roles that speak without a personal name ("The Court:", "Mr. Speaker", "THE PRESIDENT.").
ROLE_NOUNS = (
    "President", "Vice President", "Vice-President", "Chairman", "Chairwoman", "Chairperson",
    "Chair", "Speaker", "Deputy Speaker", "Court", "Witness", "Clerk", "Secretary",
    "Prime Minister", "Interpreter", "Translator", "Moderator", "Narrator", "Prosecutor",
    "Judge", "Registrar", "Presiding Officer", "Commissioner", "Marshal", "Accused",
    "Defendant", "Plaintiff", "Juror", "Foreman", "Foreperson", "Bailiff", "Usher",
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
Comrades Gentlemen Ladies Everybody All Others Text Page Members Member
Length Topics Topic Stage Questions Source Sources Transcript Recording
Between Among Act Scene Prologue Epilogue Enter Exit Exeunt
Paragraph Section Chapter Article Part Volume File Folder Box Document Documents Doc
""".split())

#: Lowercase particles allowed inside names ("Pham van Dong", "Charles de Gaulle").
PARTICLES = frozenset("van von de da di du le la der den del ibn bin al el dos das".split())

_TITLE_WORDS = frozenset(t for t in TITLES if " " not in t)
# the others, but for "M." (an initial as often as "Monsieur") and the bare "Dr"/"Mr" forms
_MORE_TITLE_RE = "|".join(re.escape(t) for t in sorted(MORE_TITLES, key=len, reverse=True)
                          if t not in ("M.", "Dr", "Mr", "Mrs", "Ms"))
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
    r"(?=\s+[A-Z\"“\[(]|$)")
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

    @property
    def shape(self) -> str:
        """Case and separator: "caps.", "caps:", "mixed:", "mixed.", "letter:", "cjk:",
        "mixed—", or "alone" (the label fills its line) and "bare" (no separator)."""
        if self.rule in ("alone", "bare"):
            return self.rule
        if self.rule == "cjk":
            return "cjk:"
        sep = self.printed.rstrip()[-1:]
        closing = (self.stage or "").rstrip()[-1:]
        sep = sep if sep in ".:—" else closing if closing in ".:" else ":" if self.stage \
            else "."
        if self.rule == "letter":
            return f"letter{sep}"
        letters = [c for c in _without_titles(self.printed) if c.isalpha()]
        case = "caps" if letters and all(c.isupper() for c in letters) else "mixed"
        return f"{case}{sep}"


def _is_name(words: list[str], titled: bool = False) -> bool:
    """Whether ``words`` can be a person's name; after a title ("JUDGE MAY") a word that
    is otherwise no name (a month, a field word) is the name."""
    if not words or len(words) > 5:
        return False
    capitalised = 0
    for w in words:
        bare = w.strip("[]")
        if bare.lower() in PARTICLES and bare.islower():
            continue
        if not bare or not bare[0].isupper():
            return False
        if not titled and (bare.rstrip(".") in NOT_NAME_WORDS
                           or bare.capitalize() in NOT_NAME_WORDS):
            return False
        if bare in _TITLE_WORDS or f"{bare.rstrip('.')}." in _TITLE_WORDS:
            return False  # a title alone is no name: "Cde. L. I. BREZHNEV presiding."
        capitalised += 1
    return capitalised > 0


def _without_titles(printed: str) -> str:
    """The printed label without leading titles and qualifiers (for its case)."""
    head = re.split(r"[,(\[]", printed, maxsplit=1)[0]
    words = head.split()
    while words and _is_title_word(words[0]):
        words.pop(0)
    return " ".join(w for w in words if not re.fullmatch(r"(?:[^\W\d_]\.)+[.:]?", w))


def _strip_title(text: str) -> tuple[str | None, str]:
    m = re.match(rf"(?:{_TITLE_RE}|{_MORE_TITLE_RE})(?:\s+|$)", text)
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
    while len(words) > 1 and _is_title_word(words[0]):  # "PRESIDENT DONALD TRUMP:"
        name = name.split(None, 1)[1]
        words.pop(0)
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
        if not _is_name(words) or all(w.isupper() and len(w) > 1 for w in words):
            return None  # a name in capitals is the caps and titled rules' to judge
    paren = m.group(3)
    printed = m.group(0)
    rest = text[m.end():]
    if paren and re.fullmatch(r"[A-Z][\w'’\- .]*", paren) and paren.split()[0].isupper() \
            and len(words) == 1:
        # a side label, "North (KIM):": the bracket names the speaker
        return Label(printed, normalise_name(paren), rest, "side_label")
    if paren and paren[0].isupper():
        # a qualifier, not a direction: "Karin Binder (DIE LINKE):", "… (Chief of Counsel):"
        return Label(printed, normalise_name(name), rest, "name_colon")
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


# a colon may stand after padding ("Q      :       What were you …", Philippine records)
_LETTER_RE = re.compile(r"([QA])([ \t]*:|\.)(?=\s)|([QA])(?=[ \t]+[A-Z\"“‘—–(-])")


def letter(text: str) -> Label | None:
    """"Q." / "Q:" / "A:" / "Q" and "A" without a separator: the questioner and the witness
    or the person answering.  Weak: one "A." may be an initial, so a document accepts these only
    with other labels of the same shape."""
    m = _LETTER_RE.match(text)
    if not m:
        return None
    if m.group(3):
        # a bare "A" is also the article: the profile takes it only beside bare "Q" labels
        return Label(m.group(0), m.group(3), text[m.end():], "bare", weak=True,
                     repeat_needed=True)
    after = re.match(r"\s+([A-Z][\w'’-]+[.:])", text[m.end():])
    if m.group(2) == "." and after and not _is_title_word(after.group(1)):
        return None  # "A. Gromyko." is an initial and a name
    return Label(m.group(0), m.group(1), text[m.end():], "letter", weak=True)


_ROLE_RE = "|".join(re.escape(r) for r in sorted(ROLE_NOUNS, key=len, reverse=True))
_ROLE_LABEL_RE = re.compile(
    rf"((?:The|THE|Mr\.|MR\.|Madam|MADAM|Madame|Mrs\.)\s+(?:{_ROLE_RE}|{_ROLE_RE.upper()})"
    r"(?:\s+pro\s+tempore)?"  # Congressional Record: "The SPEAKER pro tempore."
    r"|(?:M\.|Mme|Mlle)\s+(?:le|la|l['’])\s*[a-zéèêàâîôûç'’\-]+(?:\s+d['’][A-Za-zÉé'’\-]+)?)"
    r"(\s?:|\.|—)?(?=\s|$)")


#: Speakers a transcript names by what they do ("QUESTION:", "Unidentified Speaker:").
_ROLE_WORDS = ("Question", "Answer", "Reporter", "Interviewer", "Interviewee", "Respondent",
               "Audience Member", "Audience", "Unidentified Speaker", "Unidentified Male",
               "Unidentified Female", "Male Speaker", "Female Speaker", "Voice", "Voices",
               "Operator", "Moderator", "Narrator")
_ROLE_WORDS_RE = "|".join(sorted((*_ROLE_WORDS, *(w.upper() for w in _ROLE_WORDS)),
                                 key=len, reverse=True))
_ROLE_WORD_LABEL_RE = re.compile(rf"({_ROLE_WORDS_RE})(\s?:|\.)(?=\s|$)")


def role(text: str) -> Label | None:
    """A role that speaks without a name: "THE PRESIDENT.", "The Court:", "The President :",
    "M. le président.", and "Mr. Speaker" alone on its line (Hansard prints labels so)."""
    m = _ROLE_LABEL_RE.match(text)
    if not m:
        w = _ROLE_WORD_LABEL_RE.match(text)
        if w:  # weak: "Question:" may head a field as well as open a turn
            return Label(w.group(0), w.group(1).title(), text[w.end():], "role", weak=True)
        return None
    name = normalise_name(m.group(1))
    if m.group(2):
        return Label(m.group(0), name, text[m.end():], "role")
    if text[m.end():].split("\n", 1)[0].strip():
        return None
    return Label(m.group(0), name, text[m.end():], "alone", weak=True)


# ------------------------------------------------------------------ the general scanner

_ALL_TITLES = tuple(sorted({*TITLES, *MORE_TITLES}, key=len, reverse=True))
_TITLE_KEYS = {t.casefold(): t for t in _ALL_TITLES}
_TITLE_MAX = max(len(t.split()) for t in _ALL_TITLES)
_TOKEN = re.compile(r"\S+")
# a word glued to the next label word or to the speech: "GORBACHEV.Yesterday", "Bush.When"
_GLUED = re.compile(r"(?<=[^\W\d_]{2}[.:])(?=[^\W\d_\"“‘(])")
_INITIAL = re.compile(r"(?:[^\W\d_]\.){1,3}")
_NAME_CORE = re.compile(r"[^\W\d_][^\W\d_'’\-]*(?:[-'’][^\W\d_]+)*|\[[^\W\d_][^\]]*\]")


def _is_title_word(word: str) -> bool:
    return word.casefold() in _TITLE_KEYS


def _tokens(line: str) -> list[tuple[str, int, int]]:
    """The first tokens of ``line`` (a label has at most a title, six names and a qualifier
    of a dozen words), glued words cut apart."""
    out = []
    for m in _TOKEN.finditer(line):
        if len(out) >= 24:
            break
        tok, start = m.group(0), m.start()
        cuts = [c.start() for c in _GLUED.finditer(tok)][:1]
        for a, b in zip([0, *cuts], [*cuts, len(tok)], strict=True):
            out.append((tok[a:b], start + a, start + b))
    return out


def _title_len(toks: list[tuple[str, int, int]], i: int) -> int:
    """How many tokens from ``i`` form a title ("Mr.", "Vice President", "MR.")."""
    for n in range(min(_TITLE_MAX, len(toks) - i), 0, -1):
        words = " ".join(t[0] for t in toks[i:i + n])
        if words.casefold() in _TITLE_KEYS:
            if words == "M." and i + 1 < len(toks) and _INITIAL.fullmatch(toks[i + 1][0]):
                return 0  # "M. S. Solomentsev": an initial, not "Monsieur"
            return n
    return 0


def _name_kind(core: str) -> str | None:
    """"initial", "caps", "mixed", "particle", or None for a word that is no name word."""
    if _INITIAL.fullmatch(core) and core.replace(".", "").isupper():
        return "initial"
    if core.lower() in PARTICLES and core.islower():
        return "particle"
    if not _NAME_CORE.fullmatch(core) or not core.lstrip("[")[0].isupper():
        return None
    bare = core.strip("[]")
    if bare.isupper():
        return "caps" if len(bare) > 1 else None
    return "mixed"


def _closing(toks, i: int, opener: str) -> int | None:
    """Index of the token that closes the bracket opened at ``toks[i]``."""
    close = ")" if opener == "(" else "]"
    for j in range(i, min(i + 14, len(toks))):
        if toks[j][0].rstrip(".:").endswith(close):
            return j
    return None


def titled(text: str) -> Label | None:
    """The general label: titles, a name, a qualifier, a separator (see the module doc)."""
    line = text.split("\n", 1)[0]
    toks = _tokens(line)
    i = 0
    while i < len(toks) and (n := _title_len(toks, i)):
        i += n
    titles_end = i
    kinds: list[str] = []
    words: list[str] = []
    sep = None
    end = toks[i - 1][2] if i else 0
    qualified = False
    while i < len(toks) and len(words) < 6:
        tok, _, tok_end = toks[i]
        core, trail = tok, ""
        if tok[-1] in ".:,—" and not _INITIAL.fullmatch(tok):
            core, trail = tok[:-1], tok[-1]
        kind = _name_kind(core)
        if kind is None or (kind in ("caps", "mixed") and
                            any(k in ("caps", "mixed") and k != kind for k in kinds)):
            break  # "N. S. KHRUSHCHEV The …": the speech begins where the case changes
        if words and not trail and kind in ("caps", "mixed") and (
                core in NOT_NAME_WORDS or core.capitalize() in NOT_NAME_WORDS):
            break  # "H. Kroll At the instruction …": "At" begins the speech
        kinds.append(kind)
        words.append(core)
        i += 1
        end = tok_end
        if kind == "initial" and not trail and len(kinds) > 1 and kinds[0] == "caps" and (
                i == len(toks) or not ({_name_kind(toks[i][0]),
                                         _name_kind(toks[i][0].rstrip(".:,")),
                                         _name_kind(toks[i][0].rstrip(","))}
                                        & {"initial", "caps"})):
            sep = "."  # "РУБЕЖАНСКИЙ П. Н." — surname first, the initial's stop closes it
            break
        if trail:
            sep = trail
            break
    role_only = False
    if not words:
        # a role with a qualifier and no name: "THE PRESIDENT (Lord Justice Lawrence):",
        # "The Prime Minister (Mr David Cameron)"
        title_text = " ".join(t[0] for t in toks[:titles_end])
        if not (titles_end and i < len(toks) and toks[i][0][0] in "(["
                and _ROLE_WORD_RE.search(title_text)):
            return None
        words, role_only = [title_text], True
        kinds = ["caps" if title_text.isupper() else "mixed"]
    cased = [k for k in kinds if k in ("caps", "mixed")]
    if not cased or len(set(cased)) > 1:
        return None  # a label's name words are all in capitals or none is
    caps_label = cased[0] == "caps"
    check = [w.capitalize() if caps_label else w for w, k in zip(words, kinds, strict=True)
             if k != "initial"]
    if not role_only and not _is_name(check, titled=titles_end > 0):
        return None
    name = " ".join(words)
    has_title = titles_end > 0
    if sep == ",":  # an office after the name: "THEODORE SORENSEN, Former Kennedy Aide:"
        sep = None
        for j in range(i, min(i + 8, len(toks))):
            if toks[j][0].endswith(":"):
                sep, end = ":", toks[j][2]
                break
            if toks[j][0][-1:] in "?!;":
                break
        # the State Duma names the faction after surname and initials: "ХАРИТОНОВ Н. М.,
        # фракция Коммунистической партии Российской Федерации."
        surname_first = caps_label and kinds[0] == "caps" and kinds[-1] == "initial"
        if sep is None and (has_title or caps_label):
            for j in range(i, min(i + (8 if surname_first else 3), len(toks))):
                if toks[j][0].endswith(".") and not _is_title_word(toks[j][0]) \
                        and not _INITIAL.fullmatch(toks[j][0]):
                    sep, end = ".", toks[j][2]
                    break
        if sep is None:
            return None
        qualified = True
    elif sep is None and i < len(toks) and toks[i][0][0] in "([":
        opened = i
        j = _closing(toks, i, toks[i][0][0])
        if j is None:
            return None
        for _ in range(2):  # "Mr. Nebenzia (Russian Federation) (spoke in Russian):"
            if toks[j][0][-1] in ".:" or j + 1 >= len(toks) or toks[j + 1][0][0] not in "([":
                break
            j = _closing(toks, j + 1, toks[j + 1][0][0])
            if j is None:
                return None
        end = toks[j][2]
        last = toks[j][0]
        if last[-1] in ".:":
            sep = last[-1]
        elif j + 1 < len(toks) and toks[j + 1][0] == ":":
            sep, end = ":", toks[j + 1][2]
        elif j + 1 == len(toks):
            sep = "alone"
        else:
            return None
        qualified = True
        if role_only:  # the bracket may name the person: "The Prime Minister (Mr David Cameron)"
            inner = line[toks[titles_end][1] + 1:].split(")", 1)[0].split("]", 1)[0]
            named = titled(inner + ":") if _title_len(_tokens(inner), 0) else None
            if named is not None and named.rule == "titled":
                name, role_only = named.name, False
        i = j + 1
        if not role_only and sep in (".", ":") and re.match(r"[(\[][_a-z]", toks[opened][0]):
            # a play's direction between the name and the stop: "HELEN [_rising_]. Yes.",
            # "Percy (perplexed). Well" — the name is the label, the bracket its stage
            name_end = toks[opened - 1][2]
            return Label(line[:name_end], normalise_name(name), text[end:], "titled",
                         stage=line[toks[opened][1]:end])
    elif sep is None and i + 1 < len(toks) and toks[i][0] == "of" and has_title:
        # a member named with the state ("Mr. POE of Texas."), a minister with the office
        for j in range(i + 1, min(i + 5, len(toks))):
            core = toks[j][0].rstrip(".:")
            if not core[:1].isupper():
                return None
            if toks[j][0][-1] in ".:":
                sep, end, qualified = toks[j][0][-1], toks[j][2], True
                break
        else:
            return None
    elif sep is None and i < len(toks) and toks[i][0] in (":", "."):
        # "Marshall :"; "M. Pierre-Yves Collombat .  -" (French Senate, spaced stop)
        sep, end = toks[i][0], toks[i][2]
    if sep in (":", "—"):
        pass
    elif sep == ".":
        if not (has_title or caps_label or qualified or "initial" in kinds):
            return None  # "Agreed." — a mixed-case word and a stop is the name_dot rule's
    elif sep == "alone" or (sep is None and i == len(toks)):
        if not (has_title or qualified):
            return None  # a heading ("EQUIPO NIZKOR") is no label
        return Label(line[:end], normalise_name(name), text[end:], "alone",
                     weak=True)
    elif sep is None:
        nxt = toks[i][0] if i < len(toks) else ""
        if not (nxt[:1].isupper() or nxt[:1] in "\"“‘") or (
                not caps_label and "initial" not in kinds) or (
                caps_label and len(words) < 2 and "initial" not in kinds):
            return None
        return Label(line[:end], normalise_name(name), text[end:], "bare",
                     weak=True, repeat_needed=True)
    else:
        return None
    printed = line[:end]
    return Label(printed, normalise_name(name), text[end:], "titled",
                 weak=not (has_title or caps_label or qualified or len(check) > 1))


_ROLE_WORD_RE = re.compile(rf"\b(?:{_ROLE_RE})\b", re.IGNORECASE)


#: The rules in the order they are tried.
RULES = (role, letter, caps, initials_dot, name_colon, name_dash, cjk, titled, name_dot)


#: A spaced hyphen or en dash after a label's stop belongs to the separator (the French
#: Senate's compte rendu analytique: "M. le président.  - L'ordre du jour …").
_DASH_AFTER = re.compile(r"[ \t]+[-–](?=[ \t])")


def match_label(text: str) -> Label | None:
    """The label at the start of ``text`` (a paragraph), or None."""
    for rule in RULES:
        label = rule(text)
        if label is not None:
            dash = _DASH_AFTER.match(label.rest) if label.printed.endswith((".", ":")) \
                and not label.stage else None
            if dash:
                label = replace(label, printed=label.printed + dash.group(0),
                                rest=label.rest[dash.end():])
            return label
    return None


# ------------------------------------------------------------------ one person, many labels


@lru_cache(maxsize=4096)
def _folded_tokens(name: str) -> tuple[str, ...]:
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return tuple(re.findall(r"[^\W_]+", folded))


def name_tokens(name: str) -> list[str]:
    return list(_folded_tokens(name))


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
        if len(t) > 1 and t in long_[j:]:
            j = long_.index(t, j)  # a full word goes to the same word, not to an initial
        else:                      # ("Reagan" is the "Reagan" of "R. Reagan", not its "R.")
            while j < len(long_) and not fits(t, long_[j]):
                j += 1
        if j == len(long_):
            return False
        full += len(t) > 1 and t == long_[j]
        j += 1
    return full > 0
