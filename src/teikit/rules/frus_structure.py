"""The line-level conventions of a FRUS document page: head, file number, opener lines,
list items and signatures.

Examples, all from history.state.gov pages:

* numbered head — "169. Memorandum From Secretary of State Haig to President Reagan1";
* file-number line above an unnumbered head (volumes up to the 1950s) —
  "851G.01/12–749: Telegram", "740.0011 Pacific War/2959", "811.917/234",
  "710. G Commercial Agreement/52: Telegram" (1934), "763.72112/3527½" (1917); in the
  19th-century volumes the volume's own number of the document — "No. 35." (1870);
* classification line under the head (printed in small capitals, shown in lower case) —
  "secret", "restricted", "top secret—eyes only"; a despatch number — "No. 185", in the
  19th-century volumes with the bracket closing the printed margin note — "No. 175.]";
* salutation — "Dear Mr. President:", "Sir:";
* list items — "  • Afghanistan “Experts’ Talks” with the Soviet Union",
  "  • 1. Bao Dai in touch many non-Commie elements …", a further paragraph of an item
  indented by four spaces;
* signature standing alone at the end — "Haig", "Dean Rusk", "S[tanley] K. H[ornbeck]",
  "W. W." (1917), and in capitals with a full stop in the 19th century — "HAMILTON FISH.";
* an attachment's first line — "[Enclosure]", "[Enclosure 2]", "[Attachment]", "Tab A" —
  standing alone after the signature of the main document (1917 onwards).

Datelines are not shown on the pages, but a dateline line ("Washington, May 7, 1982") is
recognised where one is printed.
"""

from __future__ import annotations

import re

from teikit.rules.frus_dates import MONTHS

#: "169. Memorandum From …", "62a. Editorial Note".
HEAD_NUMBER = re.compile(r"^(\d{1,4}[a-z]?)\.\s+(\S.*)$", re.S)

#: A decimal file number with a slash ("851G.01/12–749", "123 G 231/582",
#: "740.0011 Pacific War/2959"), optionally ": Telegram".
_FILE_NUMBER = re.compile(r"^(?:[A-Z]{1,4} )?\d[\dA-Z.]*(?: [\w.–-]+){0,4}/[\w.–\-/ ½¼¾]*"
                          r"[\w½¼¾](?::\s*[A-Z][\w ]{0,40})?$")
#: A decimal file number under the name of the archive that keeps it, as the Paris Peace
#: Conference volumes print it: "Paris Peace Conf. 184.00101/36" (1919 Paris XI, 35).
_NAMED_FILE_NUMBER = re.compile(r"^(?:[A-Z][A-Za-z]*\.? ){1,4}\d{3}(?:\.[\dA-Z]+)+/[\w.–-]+"
                                r"(?::\s*[A-Z][\w ]{0,40})?$")
#: The 19th-century volumes' own document number printed above the head ("No. 35.").
_VOLUME_NUMBER = re.compile(r"^No\. \d{1,4}\.$")
#: Other archival file designations printed the same way ("Lot 64 D 563: Telegram").
_LOT_LINE = re.compile(r"^(?:Lot|File|FW|Decimal File) [\w./–-]+(?: [\w./–-]+){0,6}"
                       r"(?::\s*[A-Z][\w ]{0,40})?$")
#: A collection named after its keeper, printed as the source line of the wartime conference
#: volumes: "Notter File, Box 168: Stettinius Diary" (1944 Quebec, 71), "Roosevelt Papers",
#: "Hopkins Papers: Telegram", "J.C.S. Files".
_COLLECTION_LINE = re.compile(r"^(?:[A-Z][\w.’'-]*\s(?:of\s|the\s)?){1,4}"
                              r"(?:File|Files|Papers|Diary|Records)"
                              r"(?:, (?:Box|Lot|Folder|Drawer|File) [\w./–-]+){0,3}"
                              r"(?::\s*[A-Z][\w ]{0,40})?$")

#: Classification and precedence words; "us urgent" is the precedence of the 1940s telegrams
#: ("top secret   us urgent niact", 1948 V 1, 197).
_CLASS_WORD = (r"(?:top secret|secret|confidential|strictly confidential|restricted|"
               r"unclassified|limited official use|official use only|eyes only|personal|"
               r"private|urgent|priority|niact|immediate|flash|routine|operational immediate|"
               r"nodis|exdis|limdis|noforn|sensitive|plain|most immediate|most secret|"
               r"for the secretary|for the president|u\.?s\.? urgent)")
CLASSIFICATION_LINE = re.compile(rf"^{_CLASS_WORD}(?:\s*[—–;,-]+\s*{_CLASS_WORD}|"
                                 rf"\s+and\s+{_CLASS_WORD}|\s+{_CLASS_WORD})*\.?$", re.I)
#: "No. 185", "No. 2.]" (1861), "No. 6993.—H.]" (1861, 114: with the office's letter).
#: "No. 221.—Confidential.]" (with the despatch's own classification).
DESPATCH_NUMBER = re.compile(r"^No\. \d[\w–/-]*(?:[.,]?\s?[—–-]\s?[A-Z][\w ]{0,25})?\.?\]?$")
SALUTE = re.compile(r"^(?:(?:My )?[Dd]ear\b[^:]{1,60}|Sir|Madam|Gentlemen|Excellency|"
                    r"Your Excellency|Mr\. [A-Z][\w. ]{1,40}|Madam [A-Z][\w. ]{1,40})[:,]$")
_M = "|".join(MONTHS)
DATELINE = re.compile(rf"^\[?[A-Z][\w .’'-]{{1,40}},\]? (?:{_M}) \d{{1,2}}, \d{{4}}"
                      r"(?:[,.—–]\s*[\w .:]{0,20})?\.?$")

BULLET = "  • "
ITEM_CONTINUATION = "    "
#: A printed item label: "1.", "62a.", "(3)", "b)".
ITEM_LABEL = re.compile(r"^(\d{1,3}[a-z]?\.|\(\d{1,3}\)|\d{1,3}\)|\([a-z]\)|[a-z]\))\s+(?=\S)")

_NAME_PARTICLES = frozenset({"de", "van", "von", "der", "da", "du", "la", "le", "y", "and"})
#: Short capitalised lines at the end of a document that are labels, not names.
_NOT_NAMES = frozenset({"Attachment", "Attachments", "Enclosure", "Enclosures", "Tab", "Annex",
                        "Appendix", "Approve", "Approved", "Disapprove", "Disapproved", "Agree",
                        "Disagree", "Yes", "No", "Summary", "Conclusion", "Conclusions",
                        "Recommendation", "Recommendations", "Discussion", "Background",
                        "Other", "Comment", "Comments", "Note", "End", "Secret", "Confidential",
                        "Unclassified", "Drafted", "Cleared", "Distribution"})


def head_number(text: str) -> tuple[str | None, str]:
    """The document number printed at the start of a head, and the rest of it."""
    match = HEAD_NUMBER.match(text)
    if match:
        return match.group(1), match.group(2)
    return None, text


#: The 19th-century volumes' own number of the document on the line above the head, in the
#: head's block ("No. 64.\nMr. Martinez to Mr. Frelinghuysen.", 1882) or as a line of its own
#: ("No. 35.", 1870): the Office's TEI gives the div that number (``n="64"``).
_VOLUME_NUMBER_LINE = re.compile(r"^No\. (\d{1,4}[a-z]?)\.(?:\s*\n\s*(\S.*))?$", re.S)


def volume_number(text: str) -> tuple[str | None, str]:
    """The "No. 64." number above a head and the rest of the text after it."""
    match = _VOLUME_NUMBER_LINE.match(text.strip())
    if match:
        return match.group(1), match.group(2) or ""
    return None, text


def is_file_number_line(line: str) -> bool:
    """True for a FRUS file-number line such as "851G.01/12–749: Telegram"."""
    line = line.strip()
    if not line or len(line) > 90:
        return False
    # "710. G Commercial Agreement/52" looks like a numbered head; the slash tells it apart
    if HEAD_NUMBER.match(line) and "/" not in line:
        return False
    return bool(_FILE_NUMBER.match(line) or _LOT_LINE.match(line) or _NAMED_FILE_NUMBER.match(line)
                or _VOLUME_NUMBER.match(line) or _COLLECTION_LINE.match(line))


#: The head of a letter or despatch naming sender and addressee, as FRUS prints it in every
#: era: "Mr. Seward to Lord Lyons." (1861), "The Acting Secretary of State to the Legation in
#: Saudi Arabia" (1948).  The sender starts with a title, so a sentence that happens to hold
#: " to " is not taken for one.
_CORRESPONDENCE_HEAD = re.compile(
    r"^(?:Mr\.|Mrs\.|Miss|Lord|Lady|Sir|The|Count|Baron|Prince|General|Admiral|Señor|"
    r"Senhor|M\.|President|Secretary|Ambassador|Minister|Consul|Chargé|Acting)"
    r" [^\n]{1,120}? to (?:the |Mr\.|Mrs\.|Lord|Lady|Sir|Count|Baron|Prince|General|"
    r"Admiral|Señor|Senhor|M\.|President|Secretary|[A-Z])[^\n]{0,120}$")
#: An unnumbered editorial note's head ("Editorial Note"; numbered ones are "62a. Editorial
#: Note").
_EDITORIAL_NOTE_HEAD = re.compile(r"^Editorial Note\.?$")
#: The Office's head for a document the volume prints without one (a circular, a notice):
#: ``<head ana="#head_untitled-missing-head-in-printed-volume">[Untitled]</head>`` (1901, 133a).
_UNTITLED_HEAD = re.compile(r"^\[Untitled\]$")


#: The head of a document that is no letter, named by its kind and author or subject:
#: "Memorandum by the Under Secretary of State (Stettinius)" (1944 Quebec, 71),
#: "Memorandum of Conversation, by the Secretary of State", "Minutes of a Meeting …".
_DOCUMENT_KIND_HEAD = re.compile(
    r"^(?:Memorandum|Minutes|Report|Record|Notes?|Aide-Mémoire|Statement|Message|Summary|"
    r"Draft|Paper|Letter|Telegram|Instruction|Despatch|Circular)"
    r"(?: [\w-]+){0,3} (?:by|of|from|for|on|between|With)\b[^\n]{1,180}$")


def is_unnumbered_head(line: str) -> bool:
    """True for a document head printed without a number: a correspondence head
    ("Mr. Seward to Lord Lyons."), "Editorial Note" or the Office's "[Untitled]"."""
    line = line.strip()
    return len(line) <= 200 and bool(_CORRESPONDENCE_HEAD.match(line)
                                     or _EDITORIAL_NOTE_HEAD.match(line)
                                     or _UNTITLED_HEAD.match(line))


def is_correspondence_head(line: str) -> bool:
    """True for a head naming sender and addressee ("Baron Rechberg to Mr. Hülsemann.",
    FRUS 1861, 114: the head of an enclosure printed after the covering letter)."""
    line = line.strip()
    return len(line) <= 200 and bool(_CORRESPONDENCE_HEAD.match(line))


def is_document_kind_head(line: str) -> bool:
    """True for a head naming a kind of document and its author or subject ("Memorandum by
    the Under Secretary of State (Stettinius)")."""
    line = line.strip()
    return len(line) <= 200 and bool(_DOCUMENT_KIND_HEAD.match(line))


#: A line in square brackets printed between the head and the text that says what kind of
#: text follows: "[Telegram]", "[Paraphrase]" (1918–1948), "[Translation.]", "[Extract.]",
#: "[Extracts.]" (1861–1882).
_TEXT_KIND_LINE = re.compile(
    r"^\[(?:Telegram|Cablegram|Radiogram|Paraphrase|Translation|Extracts?|Excerpts?|"
    r"Circular|Copy|Summary|Substance|Abstract|Confidential|Personal|Private|Unofficial|"
    r"Strictly confidential|Personal and confidential)(?:[ ,—–-][^\]\n]{0,60})?\.?\]\.?$")


def is_text_kind_line(line: str) -> bool:
    """True for a bracketed line naming the kind of text that follows ("[Paraphrase]")."""
    return bool(_TEXT_KIND_LINE.match(line.strip()))


#: The addressee printed after the signature of a letter or note (1861–1882: "Hon. William
#: H. Seward,\nSecretary of State, Washington.", "The Right Hon. Lord Lyons, &c., &c., &c.",
#: "Anson Burlingame, Esq., &c., &c., &c.", "His Excellency the Chevalier Hulsemann, &c.");
#: FRUS encodes it as a ``postscript``.
_ADDRESSEE = re.compile(
    r"^(?:To )?(?:[Tt]he )?(?:Right |Most )?(?:Hon\.|Honorable|Honourable|His Excellency|"
    r"Her Excellency|Excellency|Chevalier|Monsieur|Señor|Senhor|Mr\.|Mrs\.|Messrs\.|Dr\.|"
    r"Baron|Count|Lord|Lady|Sir|General|Admiral|Captain|Colonel|Commander)\s")
#: "Anson Burlingame, Esq.", "William L. Dayton Esq., &c." (1864: no comma before "Esq.").
_ADDRESS_FORMULA = re.compile(r",? Esq\.|&c\.")
#: A postscript proper ("P. S. I enclose …") or a copy's certification ("A copy.",
#: "True copy.") printed after a signature.
_POSTSCRIPT_START = re.compile(r"^(?:P\. ?S\.|Postscript\b|(?:A |True |A true )?copy\b)",
                               re.I)


_ADDRESS_PARTICLES = frozenset({"of", "the", "and", "de", "in", "at", "for", "to", "du", "von",
                                 "van", "del", "la", "le"})


#: A copy's certification opening a postscript: "A copy.", "True copy.", "A true copy:".
_CERTIFICATION = re.compile(r"^(?:A |True |A true )?copy[.:]\s", re.I)
#: A sentence end inside it: a stop after a lower-case word ("legation. F. PINTO."), not
#: after an initial ("F. PINTO.").
_SENTENCE_END = re.compile(r"(?<=[a-z]{2}[.:])\s+(?=[A-Z])")


def certification_cuts(text: str) -> list[int]:
    """Offsets where a copy's certification printed on one line divides into its parts —
    "A copy. The secretary of legation. F. PINTO." (FRUS 1882, 67: two ``p`` and a
    ``closer`` in the Office's TEI) — or [] for any other text."""
    if "\n" in text or not _CERTIFICATION.match(text):
        return []
    return [m.end() for m in _SENTENCE_END.finditer(text)]


def is_addressee(text: str) -> bool:
    """True for an addressee block printed after a signature (at most four short lines).

    With a formula ("Esq.", "&c.") any such block; else one that opens with a title and holds
    only names and titles ("Hon. William H. Seward,\nSecretary of State, Washington."), not
    a sentence ("Mr. Bundy has seen this.")."""
    text = text.strip()
    if not text or len(text) > 250 or text.count("\n") > 3:
        return False
    if _ADDRESS_FORMULA.search(text):
        return True
    words = [w.strip(",.;:()") for w in text.split()]
    return bool(_ADDRESSEE.match(text)) and all(
        w in _ADDRESS_PARTICLES or (w[:1].isupper() and w[:1].isalpha())
        for w in words if w)


def is_postscript(text: str) -> bool:
    """True for a block after the signature that FRUS encodes as ``postscript``: the
    addressee, a "P. S.", a copy's certification."""
    return is_addressee(text) or bool(_POSTSCRIPT_START.match(text.strip()))


def is_classification_line(line: str) -> bool:
    return bool(CLASSIFICATION_LINE.match(line.strip()))


def is_despatch_number(line: str) -> bool:
    return bool(DESPATCH_NUMBER.match(line.strip()))


def is_salute(line: str) -> bool:
    return bool(SALUTE.match(line.strip()))


#: A salutation run into the first paragraph of a letter, as FRUS prints it in every era:
#: "Sir: It seems to me …" (1861, 111), "My Lord: Your letter …" (1861, 110),
#: "Gentlemen: At your request …" (1882, 67), "Your Highnesses and Your Excellencies: I have
#: the honor …" (1897, to the Tsung-li Yamên), "Dear Mr. President: …".
_HIGHNESS = r"(?:Excellency|Excellencies|Highness|Highnesses|Majesty|Lordship|Grace)"
SALUTE_OPENING = re.compile(rf"^(?:Sir|Madam|My Lord|Gentlemen|{_HIGHNESS}|"
                            rf"Your {_HIGHNESS}(?: and Your {_HIGHNESS})?|"
                            r"Mr\. (?:President|Secretary|Minister)|(?:My )?[Dd]ear [^:\n]{1,40})"
                            r"[:,]\s+\S")


def opens_with_salute(text: str) -> bool:
    """True for a paragraph that begins with a salutation ("Sir: It seems to me …")."""
    return bool(SALUTE_OPENING.match(text.strip()))


def is_dateline(line: str) -> bool:
    return bool(DATELINE.match(line.strip()))


def item_label(text: str) -> tuple[str | None, int]:
    """The label at the start of an item's text and the length to skip ("1. " → "1.", 3)."""
    match = ITEM_LABEL.match(text)
    if match:
        return match.group(1), match.end()
    return None, 0


#: A signer whose name is withheld, standing alone under the text of an intelligence
#: memorandum: ``<closer><hi rend="strong">[<hi rend="italic">name not declassified</hi>]``
#: (1952–54 Guatemala, 45).
_UNDECLASSIFIED_SIGNER = re.compile(r"^\[(?:name|names|signature) not declassified\]$")


def looks_like_signature(text: str, after_close: bool = False) -> bool:
    """True for a short name standing alone: "Haig", "Dean Rusk", "S[tanley] K. H[ornbeck]".

    ``text`` is the line without its footnote markers.  The volumes up to about 1910 print
    the signature with a stop: "HAMILTON FISH.", "RECHBERG.", "E. H. Conger." (1901 China,
    57: small capitals in the Office's TEI); a name of capitalised words with a stop is a
    signature only ``after_close``, i.e. under a complimentary close ("I have, etc.,"); there
    a single name with a stop is one too ("Be pleased, etc.," / "Holleben.", FRUS 1901, 162).
    """
    text = text.strip()
    words = text.split()
    if _UNDECLASSIFIED_SIGNER.match(text):
        return True
    # "[Translation.]", "[Annex—Telegram—Translation]" above an enclosure name no signer
    if is_text_kind_line(text) or is_attachment_line(text):
        return False
    if (not words or len(words) > 6 or len(text) > 60
            or words[0].rstrip(":.").capitalize() in _NOT_NAMES):
        return False
    if text[-1] == "." and (
            (text[:-1].isupper() and (len(words) >= 2 or len(text) >= 5))
            or after_close
            or (len(words) >= 2 and re.search(r"\b[A-Z]\. ", text))):
        text = text[:-1]
    if text[-1] in ":;,?!" or (text[-1] == "." and not re.search(r"\b[A-Z]\.$", text)):
        return False
    for word in words:
        bare = word.strip("[]()")
        if word in _NAME_PARTICLES:
            continue
        if not bare or not (bare[0].isupper() and bare[0].isalpha()):
            return False
        if any(c.isdigit() for c in bare):
            return False
    return True


#: Lower-case words inside a signer's title ("Envoy Extraordinary and Minister
#: Plenipotentiary", "Chargé d’Affaires ad interim").
_TITLE_PARTICLES = frozenset({"of", "the", "and", "in", "at", "for", "to", "ad", "interim",
                              "de", "on"})


def _is_title_line(line: str) -> bool:
    words = line.rstrip(".,").split()
    return (0 < len(words) <= 8 and len(line) <= 70 and not any(c.isdigit() for c in line)
            and all(w in _TITLE_PARTICLES or (w[0].isupper() and w[0].isalpha())
                    for w in words))


def looks_like_signature_block(text: str, after_close: bool = False) -> bool:
    """A signature, possibly with the signer's title on the lines under it: "Haig", and
    "S. C. Braida,\nUnited States Consul." (FRUS 1894 Nicaragua, 20: ``signed`` with an
    ``lb``)."""
    lines = [ln.strip() for ln in text.strip().split("\n")]
    if len(lines) == 1:
        return looks_like_signature(lines[0], after_close)
    if len(lines) > 3:
        return False
    return (looks_like_signature(lines[0].removesuffix(","), after_close)
            and all(_is_title_line(ln) for ln in lines[1:]))


#: A complimentary close standing as the paragraph before the signature: "I have, etc.,",
#: "I am, sir, your obedient servant,", "Please accept, sir, &c.,", "Sincerely yours,".
_COMPLIMENTARY_CLOSE = re.compile(r"^[A-Z][^\n]{0,120},$")


#: The authority a signer signs for, on the line above the signature: "For the Secretary of
#: State:" (1917 Supp. 2 II, 50: ``<closer>For the Secretary of State:<lb/><signed>``).
_SIGNING_FOR = re.compile(r"^For the [A-Z][\w ,.’'-]{2,80}:$")


def is_signing_for(text: str) -> bool:
    """True for the line naming whom the signer signs for ("For the Secretary of State:")."""
    return bool(_SIGNING_FOR.match(text.strip()))


def is_complimentary_close(text: str) -> bool:
    """True for a short paragraph ending in a comma, as a complimentary close does."""
    return bool(_COMPLIMENTARY_CLOSE.match(text.strip()))


#: The line that opens an attachment: "[Enclosure]", "[Enclosure 2]", "[Attachment]",
#: "[Tab A]", "Tab A", "Enclosure 1", "[Annex—Telegram—Translation]" (1941 VI, 262), and
#: the bare "Attachment" of the 1980s volumes (FRUS 1981–88 V, 10:
#: ``<note rend="inline"><hi rend="strong">Attachment</hi></note>``).
ATTACHMENT_LINE = re.compile(r"^(?:\[(?:Enclosure|Attachment|Annex|Tab)(?: [\w.-]{1,6})?"
                             r"(?:[—–][^\]\n]{1,60})?\]|"
                             r"(?:Tab|Enclosure|Attachment|Annex) (?:[A-Z]|\d{1,2})|"
                             r"(?:Enclosure|Attachment|Annex)s?)$")
#: The 19th-century volumes' line above an enclosure: "[Inclosure 1 in No. 35.]",
#: "[Translation of inclosure with Mr. Martinez’s note of January 10, 1882.]" (1882, 67).
#: ("[For this inclosure see ante—Proclamations.]", 1870, 38, says it is not printed).
_INCLOSURE_LINE = re.compile(r"^\[(?:(?:Translation|Copy|Extracts?|Abstract|Summary) (?:of|from) "
                             r"(?:an? |the )?)?(?:[Ss]ub-?)?(?:[Ii]n|[Ee]n)closures?\b"
                             r"[^\]\n]{0,100}\]\.?$")


def is_attachment_line(line: str) -> bool:
    """True for the line that opens an attachment ("[Enclosure]", "Tab A")."""
    line = line.strip()
    return bool(ATTACHMENT_LINE.match(line) or _INCLOSURE_LINE.match(line))


#: The page text prints a table row as its cells joined by this bar: "Total | 1,500 | 2,000".
TABLE_BAR = " | "


def is_table_row(line: str) -> bool:
    """A line of a table as the page text prints it (cells joined by " | ")."""
    return TABLE_BAR in line and not line.startswith((" ", "\t"))
