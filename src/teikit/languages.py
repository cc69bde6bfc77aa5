"""Language names as printed in archive records ("Original Language: Russian") ↔ BCP 47."""

from __future__ import annotations

import re

CODES = {
    "albanian": "sq", "arabic": "ar", "armenian": "hy", "belarusian": "be", "bulgarian": "bg",
    "chinese": "zh", "croatian": "hr", "czech": "cs", "danish": "da", "dari": "prs",
    "dutch": "nl", "english": "en", "estonian": "et", "finnish": "fi", "french": "fr",
    "georgian": "ka", "german": "de", "greek": "el", "hebrew": "he", "hindi": "hi",
    "hungarian": "hu", "indonesian": "id", "italian": "it", "japanese": "ja", "khmer": "km",
    "korean": "ko", "lao": "lo", "latvian": "lv", "lithuanian": "lt", "macedonian": "mk",
    "mongolian": "mn", "norwegian": "no", "pashto": "ps", "persian": "fa", "polish": "pl",
    "portuguese": "pt", "romanian": "ro", "russian": "ru", "serbian": "sr",
    "serbo-croatian": "sh", "slovak": "sk", "slovenian": "sl", "spanish": "es",
    "swedish": "sv", "thai": "th", "turkish": "tr", "ukrainian": "uk", "vietnamese": "vi",
    "farsi": "fa", "german (east)": "de",
}

NAMES = {code: name.title() for name, code in CODES.items()}


def code_for(name: str) -> str | None:
    """"Russian" → "ru"; None for a name teikit does not know (kept as words only)."""
    return CODES.get(name.strip().rstrip(".").lower())


# ------------------------------------------------------------------ the language of a text

# The commonest words of each language (articles, prepositions, conjunctions, auxiliaries):
# short texts of a few hundred words hold dozens of them, and they are what tells languages
# of one script apart.  Words shared by two lists ("de", "la", "in") count for both.
_FUNCTION_WORDS = {
    "en": "the and of to in is that it for was on with as are this be have not by at we you",
    "de": "der die und das ist nicht den mit sich des auf für ein eine dem zu von wir ich es "
          "auch im sie wird hat",
    "fr": "le la les et des est que une pour dans qui pas du au sur nous vous il ce en un "
          "sont avec",
    "es": "el la los las que de y en un una es por con para del se no al lo su como",
    "it": "il di che è la per un una non sono del della gli le con si da al lo nel",
    "nl": "de het een en van is dat niet op te zijn met voor er ik we",
    "pt": "o a os as que de e em um uma é por com para do da não no na se",
    "pl": "i w nie na że się z do to jest jak o po ale co od",
    "ru": "и в не на что я с он как это по но из к то мы вы о же за",
    "uk": "і в не на що я з він як це та але до у ми ви про за ще",
}
_WORDS = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}
_SCRIPT_OF = {"ru": "Cyrl", "uk": "Cyrl"}
_SCRIPTS = {  # letters of each script, counted at C speed
    "Cyrl": re.compile(r"[\u0400-\u04ff]"),
    "Kana": re.compile(r"[\u3040-\u30ff]"),
    "Hang": re.compile(r"[\uac00-\ud7af\u1100-\u11ff]"),
    "Hani": re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]"),
    "Grek": re.compile(r"[\u0370-\u03ff]"),
    "Arab": re.compile(r"[\u0600-\u06ff]"),
    "Latn": re.compile(r"[A-Za-z\u00c0-\u024f]"),
}
_WORD = re.compile(r"[^\W\d_]+")
#: enough text to know its language; the rest would only cost time on a long record
_SAMPLE = 50_000


def detect(text: str) -> str | None:
    """The BCP 47 code of the language most of ``text`` is written in, or None when the
    text does not say clearly (too short, mixed, a language teikit does not know).

    The script decides first (Chinese, Japanese, Korean, Greek, Arabic); within the Latin and
    Cyrillic scripts the function words do, and the winner must lead the next by half as
    much again, so that a translation quoting a few words of its original stays English."""
    text = text[:_SAMPLE]
    counts = {script: len(rx.findall(text)) for script, rx in _SCRIPTS.items()}
    letters = sum(counts.values())
    if not letters:
        return None
    script, most = max(counts.items(), key=lambda kv: kv[1])
    if most * 2 <= letters:
        return None
    if script in ("Hani", "Kana"):
        return "ja" if counts.get("Kana", 0) * 10 > letters else "zh"
    if script in ("Hang", "Grek", "Arab"):
        return {"Hang": "ko", "Grek": "el", "Arab": "ar"}[script]
    hits = dict.fromkeys(_WORDS, 0)
    for word in _WORD.findall(text.lower()):
        for lang, words in _WORDS.items():
            if word in words and _SCRIPT_OF.get(lang, "Latn") == script:
                hits[lang] += 1
    ranked = sorted(hits.items(), key=lambda kv: -kv[1])
    (best, first), (_, second) = ranked[0], ranked[1]
    return best if first >= 5 and first * 2 >= second * 3 else None
