"""Language names as printed in archive records ("Original Language: Russian") ↔ BCP 47."""

from __future__ import annotations

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
