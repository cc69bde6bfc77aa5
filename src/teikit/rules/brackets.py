"""Square brackets in translated records: what the translator or editor meant by them.

Wilson Center translations use square brackets for several things; each rule below names one
convention, from the archive's records:

* ``original_term``: the original-language word after its translation, in Latin
  transliteration — "conscientiously [akkuratno]", "reunification [pristupit k
  obiednineniiu]".  Recognised by the shape of Russian transliteration (ALA-LC / BGN: "zh",
  "kh", "iy", "yy", "ii", a soft sign "’", words ending in a vowel) and the absence of English
  shapes ("th", "w", "-tion", "-ing", "ou", "ee", common function words).
* ``supplied``: English words the translator supplied — "above all [to greet] comrade",
  "[the socialist countries]", "not [propitious] for".  Without a dictionary, a word with
  neither English nor transliteration shapes ("air [transport]") stays literal and is listed
  as uncertain.  Up to four letters completing a word — "[N]ikolai", "Khrushch[ev]" — are
  supplied too, never an original-language term.
* anything else — identifications ("Filippov [Stalin]"), editorial dates ("[1967]"),
  initials ("[N.T.]"), romanisations ("[Pak Hon Yong]"), marks ("[sic]", "[unclear]"),
  bracketed narrative, longer completions inside words ("C[entral]", an abbreviation
  expanded) — is kept literally: a reader that cannot be sure keeps the text as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ENGLISH_WORDS = frozenset("""
a an the to of and or in on at for with by from as is are was were be been it its this that
these those not no he she they we you i his her their our your my me him them us who which
what when where why how all any some one two three also only very more most such than then
there here into upon about over under after before again
""".split())

_ENGLISH_SHAPES = re.compile(r"th|w|tion|ing\b|ou|ee|ea|oo|qu|ck|ph|ght|\w+ed\b|ies\b|ly\b|x")
_TRANSLIT_SHAPES = re.compile(r"zh|kh|shch|ts|iy|yy|ii|yu|ya|ye|’|ʹ|'|[aeiouy]\b|^[kvsou]$")
_EDITORIAL_MARKS = frozenset("""
sic unclear illegible inaudible untranslatable handwritten stamp signature missing blank
crossed out deleted omitted text page ibid
""".split())
_LATIN_WORDS = re.compile(r"[a-z’'ʹ\-]+(?: [a-z’'ʹ\-]+){0,4}")


@dataclass(frozen=True)
class BracketKind:
    """``kind``: "original-term", "supplied" or "literal"; ``reason`` says why."""

    kind: str
    reason: str
    uncertain: bool = False


def classify(inner: str, before: str, after: str = "") -> BracketKind:
    """Classify the bracket whose content is ``inner``; ``before`` is the text preceding the
    opening bracket (same paragraph), ``after`` the text following the closing one."""
    if re.fullmatch(r"[^\W\d_]{1,4}", inner) and (before[-1:].isalpha() or after[:1].isalpha()):
        # letters completing a word ("[N]ikolai", "Khrushch[ev]"): supplied, never a term
        return BracketKind("supplied", "letters supplied inside a word")
    if not _LATIN_WORDS.fullmatch(inner):
        return BracketKind("literal", "not lowercase words")
    after_word = bool(re.search(r"\w[”\"’)]?\s*$", before))
    words = inner.split()
    if any(w.strip("?!.") in _EDITORIAL_MARKS for w in words):
        return BracketKind("literal", "an editorial mark")
    english = sum(1 for w in words if w in _ENGLISH_WORDS or _ENGLISH_SHAPES.search(w))
    translit = sum(1 for w in words if _TRANSLIT_SHAPES.search(w) and w not in _ENGLISH_WORDS)
    if english == 0 and after_word and (translit == len(words) or (
            len(words) > 1 and translit * 2 >= len(words))):
        return BracketKind("original-term", "transliterated words after their translation")
    if english == 0 and translit > 0 and after_word:
        return BracketKind("literal", "partly transliteration-like words", uncertain=True)
    if english == 0:
        return BracketKind("literal", "neither English nor transliteration shapes",
                           uncertain=True)
    if translit == 0 or english >= len(words) / 2:
        return BracketKind("supplied", "English words supplied by the translator")
    return BracketKind("literal", "mixed English and transliteration shapes", uncertain=True)
