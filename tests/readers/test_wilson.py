from teikit import model as m
from teikit.readers import wilson
from teikit.sources import decode

SEED_EXCERPT = """
**December 9, 1987**  
**Conversation between M. S. Gorbachev and Ronald  
Reagan on Afghanistan (Excerpt)**

**Citation:**

"Conversation between M. S. Gorbachev and Ronald Reagan on Afghanistan (Excerpt)",  
December 9, 1987, Wilson Center Digital Archive, Gorbachev Foundation, Moscow.  
Provided by Anatoly Chernyaev and translated by Gary Goldberg for CWIHP  
<https://wilson-center-digital-archive.dvincitest.com/document/117244>

**Summary:**

Gorbachev and Reagan discuss the withdrawal of Soviet troops in Afghanistan.

**Credits:**

This document was made possible with support from Leon Levy Foundation

**Original Language:**

Russian

**Contents:**

Translation - English

R. REAGAN. The regional issues relate primarily to other issues.

M. S. GORBACHEV. Our order of priorities coincides with yours. Therefore I will begin
with Afghanistan (...).

Regarding Afghanistan, you also conscientiously [akkuratno] advised this.

R. REAGAN. We will try to exert influence on them.
"""  # noqa: W291 - the export's hard line breaks are two trailing spaces


def _read(text, name="rec.md"):
    return wilson.read(decode(text.encode(), name))


def test_header_fields():
    h = _read(SEED_EXCERPT).document.header
    assert h.title == ("Conversation between M. S. Gorbachev and Ronald Reagan on Afghanistan "
                       "(Excerpt)")
    assert (h.date_when, h.date_printed) == ("1987-12-09", "December 9, 1987")
    assert h.url == "https://wilson-center-digital-archive.dvincitest.com/document/117244"
    assert h.summary.startswith("Gorbachev and Reagan discuss")
    assert h.funders == ["Leon Levy Foundation"]
    assert (h.original_language, h.original_language_code) == ("Russian", "ru")
    assert h.contents == "Translation - English"


def test_edition_id_from_the_archive_number():
    assert _read(SEED_EXCERPT).document.id == "wca-117244"


def test_turns_persons_and_continuation():
    doc = _read(SEED_EXCERPT).document
    turns = doc.body[0].blocks
    assert [t.who for t in turns] == ["reagan", "gorbachev", "reagan"]
    assert [len(t.blocks) for t in turns] == [1, 2, 1]  # unlabelled paragraph continues
    assert [(p.key, p.name) for p in doc.persons] == [("reagan", "R. Reagan"),
                                                       ("gorbachev", "M. S. Gorbachev")]
    assert turns[0].line == 29  # the source line of "R. REAGAN."
    assert turns[2].line == 36


def test_body_conventions_gap_and_original_term():
    doc = _read(SEED_EXCERPT).document
    nodes = m.walk(doc.body)
    gaps = [n for n in nodes if isinstance(n, m.Gap)]
    terms = [n for n in nodes if isinstance(n, m.OriginalTerm)]
    assert [(g.reason, g.rend) for g in gaps] == [("omitted", "(...)")]
    assert [(t.text, t.lang) for t in terms] == [("akkuratno", "ru-Latn")]


def test_record_without_header_fields_and_label_alone_in_its_paragraph():
    text = ("\n**December 2, 1974**  \n**Minutes of Conversation between Comrade Nicolae  \n"
            "Ceausescu and Kim Dong-gyu**\n\n"
            "The following officials attended the discussion: Stefan Andrei.\n\n\u00a0\n\n"
            "Comrade Nicolae Ceausescu:\n\nAre you enjoying yourself in Romania?\n\n"
            "Kim Dong-gyu:\n\nYes, thank you very much.\n")
    doc = _read(text).document
    assert doc.header.citation is None and doc.header.url is None
    blocks = doc.body[0].blocks
    assert isinstance(blocks[0], m.Paragraph)  # before the first label: outside any turn
    turns = [b for b in blocks if isinstance(b, m.Speech)]
    assert [t.label for t in turns] == [["Comrade Nicolae Ceausescu:"], ["Kim Dong-gyu:"]]
    assert [p.name for p in doc.persons] == ["Nicolae Ceausescu", "Kim Dong-gyu"]
    assert doc.id.startswith("wca-19741202-minutes-of-conversation")


def test_unknown_header_field_is_kept():
    text = ("\n**May 14, 1950**  \n**Ciphered Telegram No. 8600**\n\n**Source:**\n\nRGASPI.\n\n"
            "**Provenance:**\n\nA gift.\n\nBody text.\n")
    h = _read(text).document.header
    assert h.source_note == "RGASPI."
    assert h.extra_fields == [("provenance", "A gift.")]


def test_sniff():
    assert wilson.sniff(SEED_EXCERPT).score > 0.9
    assert wilson.sniff("169. Memorandum From Secretary of State Haig\n").score == 0


NOTES = ("\n**July 09, 1956**  \n**Working Notes**\n\n"
         "Working Notes on 9 and 12 July 1956 (Re: Point IV of Protocol No. 28)(1)\n\n"
         "Ciph. Teleg. No. . . . from Budapest(2)\n\n"
         "Mao intends two options: (1) a treaty, (2) a loan.\n\n"
         "Translator's Notes\n\n1 Protocol No. 28 was the formal protocol.\n\n"
         "It is stored in TsKhSD.\n\n2. The telegram from Andropov.\n")


def test_endnotes_are_linked_to_their_markers():
    doc = _read(NOTES).document
    transcript, notes = doc.body
    refs = [n for n in m.walk(transcript.blocks) if isinstance(n, m.Span) and n.tag == "ref"]
    assert [(r.content, r.attrs["target"]) for r in refs] == [
        (["(1)"], "#wca-19560709-working-notes-n1"), (["(2)"], "#wca-19560709-working-notes-n2")]
    assert notes.type == "notes" and notes.blocks[0].content == ["Translator's Notes"]
    first, second = notes.blocks[1:]
    assert (first.n, first.label, first.place, len(first.blocks)) == ("1", "1", "end", 2)
    assert second.label == "2."


def test_chinese_body_labels_and_text_language():
    text = ("\n**January 22, 1950**  \n**Conversation between Stalin and Mao Zedong**\n\n"
            "斯大林：你们有什么问题？\n\n毛泽东：我们想谈谈条约问题（……）。\n")
    doc = _read(text).document
    assert (doc.lang, doc.text_lang) == ("en", "zh")
    turns = doc.body[0].blocks
    assert [t.label for t in turns] == [["斯大林："], ["毛泽东："]]
    assert any(isinstance(n, m.Gap) and n.rend == "（……）" for n in m.walk(turns))
