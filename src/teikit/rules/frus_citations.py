"""References in FRUS footnotes: the source note, archival references, cross-references.

* Source note — "Source: Reagan Library, Pipes Files, CHRON 05/27/1982–05/31/1982. Secret;
  Sensitive." — names where the original is kept (repository, collection, file) and its
  classification; :func:`parse_source_note` splits it for the header.
* Archival reference in parentheses — "(Reagan Library, Pipes Files, CHRON
  05/27/1982–05/31/1982)", "(Ibid.)" — becomes a ``bibl type="archival"``.
* Published work with a quoted title and a page reference — "See “Proclamation
  4908—Afghanistan Day,” March 10, 1982, Public Papers: Reagan, 1982, vol. I, pp. 274–275." —
  becomes a ``bibl`` with its ``title``, dates and ``biblScope`` (volume, pages) tagged.
* Cross-reference to another document of the volume — "See Document 168." — becomes a
  ``ref`` to ``#d168``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from teikit.model import Archive, Inline, Span
from teikit.rules.frus_dates import split_dates
from teikit.rules.splitting import split_matches

_CLASS = (r"(?:Top Secret|Secret|Confidential|Unclassified|Limited Official Use|Official Use "
          r"Only|Restricted|Sensitive|Eyes Only|Personal|Nodis|Exdis|Limdis|Noforn|Immediate|"
          r"Priority|Flash|Routine|Niact|Exclusively Eyes Only|Privileged|Administratively "
          r"Confidential|No Classification Marking|Not Classified)")
#: "Secret; Sensitive." / "Confidential." after the archival location.
CLASSIFICATION = re.compile(rf"(?<=[.)\]]) ({_CLASS}(?:[;,] (?:{_CLASS}|[A-Z][\w ]{{1,20}}))*)\."
                            r"(?=\s|$)")
SOURCE_PREFIX = re.compile(r"^Source:\s*")

_REPOSITORY = re.compile(r"(Library|Archives|Records|Department of State|Central Intelligence "
                         r"Agency|Foundation|Papers|Center|Museum|Ministry|Office)\b")
ARCHIVAL_REF = re.compile(r"\((Ibid\.?|[A-Z][^()]*?(?:\([^()]*\)[^()]*?)*)\)")
#: “Title,” then details without a sentence break, an optional volume and the pages.
PUBLISHED_WORK = re.compile(r"“([^”]{2,200})”([^.;“”]{0,200}?)(?:(vol\. [IVXLCDM\d]+)(, ))?"
                            r"(pp?\. \d+(?:[–-]\d+)?)")
DOCUMENT_REF = re.compile(r"\bDocuments? (\d{1,4}[a-z]?)\b")


@dataclass
class SourceFacts:
    archive: Archive | None
    classification: str | None


def _split_top_level(text: str) -> list[str]:
    """Split at commas outside parentheses."""
    parts, depth, buf = [], 0, ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append(buf.strip())
            buf = ""
        else:
            buf += ch
    parts.append(buf.strip())
    return [p for p in parts if p]


def parse_source_note(text: str) -> SourceFacts:
    """Archive and classification stated by a FRUS source note (None where not certain)."""
    body = SOURCE_PREFIX.sub("", text.strip(), count=1)
    match = CLASSIFICATION.search(body)
    if match is None:
        return SourceFacts(None, None)
    location = body[:match.start()].rstrip(" .")
    classification = match.group(1) + "."
    parts = _split_top_level(location)
    if not parts:
        return SourceFacts(None, classification)
    archive = Archive(printed=location)
    archive.repository = parts[0]
    if len(parts) == 2:
        archive.collection = parts[1]
    elif len(parts) > 2:
        archive.collection = ", ".join(parts[1:-1])
        archive.idno = parts[-1]
    return SourceFacts(archive, classification)


def _is_archival(inner: str) -> bool:
    if inner.startswith("Ibid"):
        return True
    first = _split_top_level(inner)[0]
    return "," in inner and bool(_REPOSITORY.search(first))


def split_archival_refs(text: str, line: int = 0) -> list[Inline]:
    """Wrap parenthesised archival references in ``bibl type="archival"``."""
    return split_matches(ARCHIVAL_REF, text, lambda match: Span(
        "bibl", [match.group(0)], {"type": "archival"}, line)
        if _is_archival(match.group(1)) else None)


def split_published_works(text: str, line: int = 0) -> list[Inline]:
    """Wrap a cited work (quoted title … pages) in ``bibl`` with its parts tagged."""

    def work(match: re.Match[str]) -> Inline:
        title, details, volume, comma, pages = match.groups()
        parts: list[Inline] = ["“", Span("title", [title], {"level": "a"}, line), "”"]
        parts += split_dates(details, line)
        if volume:
            parts += [Span("biblScope", [volume], {"unit": "volume"}, line), comma]
        parts.append(Span("biblScope", [pages], {"unit": "page"}, line))
        return Span("bibl", [p for p in parts if p], {}, line)

    return split_matches(PUBLISHED_WORK, text, work)


def split_document_refs(text: str, line: int = 0) -> list[Inline]:
    """Turn "Document 168" into a ``ref`` to the document ``#d168`` of the same volume."""
    return split_matches(DOCUMENT_REF, text, lambda match: None
                  if match.group(0).startswith("Documents")
                  else Span("ref", [match.group(0)], {"target": f"#d{match.group(1)}"}, line))
