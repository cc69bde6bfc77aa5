"""The FRUS reader on the seed document, small real excerpts and (when present) the shared
development samples: structure.  Losslessness, tei_all validity and determinism of every
sample are checked in tests/test_convert.py."""

import re
from pathlib import Path

import pytest
from lxml import etree

from teikit import model as m
from teikit.convert import convert_file
from teikit.readers import frus
from teikit.sources import SourceText

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "seeds" / "003_d8696097a3e9fcea.txt"
SAMPLES = sorted((SHARED / "samples" / "frus").glob("*/*.txt"))
NS = {"t": "http://www.tei-c.org/ns/1.0"}

# A 1940s page (frus1949v07p1 d84, shortened): file-number line, unnumbered head, classification
# line, labelled items with a further paragraph, signature.
OLD_STYLE = """851G.01/12–749: Telegram

The Secretary of State to the Embassy in France1

secret

4702. Dept officers met informally with Buu Loc and Nguyen Dac Khe2 in presence officials.

In course these mtgs Buu Loc made fol points:

  • 1. Bao Dai in touch many non-Commie elements now supporting Ho Chi Minh.
  • 2. He was evasive regarding replies Southern Asian nations to Bao Dai’s letter.

    Buu Loc added that views he expressed were not necessarily firm position.

Acheson
  1. Repeated as 212 to Saigon.
  2. Members of Vietnamese mission en route to Paris to arrange for a permanent mission.
"""


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


def read_text(text: str, name: str = "frus1949v07p1/d84.txt") -> m.Document:
    return frus.read(SourceText(name, text, "utf-8")).document




def test_sniff_recognises_an_unnumbered_head_without_notes_or_pages():
    # FRUS 1861, doc. 110: a letter with neither footnotes nor page markers
    letter = ("Mr. Seward to Lord Lyons.\n\n\nMy Lord: Your letter of the 11th of October "
              "last, presenting the claim of Mr. William Gray, was referred by me to the "
              "Secretary of the Navy.\n\nWILLIAM H. SEWARD.\n")
    assert frus.sniff(letter).score >= 0.5
    assert frus.sniff("Editorial Note\n\nThe documents printed in this section are "
                      "illuminated by diary notes.\n").score >= 0.5


def test_sniff_recognises_frus_and_rejects_wilson_records():
    seed = need(SEED).read_text(encoding="utf-8")
    verdict = frus.sniff(seed)
    assert verdict.score >= 0.9 and "numbered document head" in verdict.reason
    assert frus.sniff(OLD_STYLE).score >= 0.5
    wilson = "**date**: 1985-11-19\n\n**title**: Memorandum of Conversation\n"
    assert frus.sniff(wilson).score == 0
    assert frus.sniff("GORBACHEV: Good morning.\nREAGAN: Hello.").score == 0


def test_seed_structure():
    doc = frus.read(SourceText(str(need(SEED)), SEED.read_text(encoding="utf-8"),
                               "utf-8")).document
    div = doc.body[0]
    assert (div.type, div.n, div.xml_id) == ("document", "169", "d169")
    head, subject, first = div.blocks[:3]
    assert isinstance(head, m.Head)
    assert head.content[0] == "169. Memorandum From Secretary of State Haig to President Reagan"
    source = head.content[1]
    assert (source.n, source.kind) == ("1", "source")
    assert isinstance(subject, m.ItemList) and subject.type == "subject"
    assert first.content[0] == "With Afghanistan Day"
    assert isinstance(first.content[1], m.Note) and first.content[1].n == "2"
    assert first.content[2].startswith(" well behind us")
    assert doc.header.classification == "Secret; Sensitive."
    assert doc.header.archive.repository == "Reagan Library"
    assert doc.id == "frus-d169"


def test_seed_page_break_and_supplied_word_in_place():
    data = convert_file(need(SEED), "frus").data
    text = data.decode("utf-8")
    assert "would not directly <pb n=\"546\"/>link the Afghanistan" in text
    assert "for us <supplied reason=\"omitted-in-original\">to</supplied> contain" in text
    assert "on Afghanistan.<note n=\"3\" xml:id=\"d169fn3\">Reagan did not approve" in text


def test_old_style_document():
    doc = read_text(OLD_STYLE)
    div = doc.body[0]
    kinds = [type(b).__name__ for b in div.blocks]
    assert kinds == ["SourceLine", "Head", "Opener", "Paragraph", "Paragraph", "ItemList",
                     "Closer"]
    assert div.n is None and div.xml_id == "d84" and doc.id == "frus1949v07p1-d84"
    head = div.blocks[1]
    assert head.content[1].n == "1" and head.content[1].kind is None
    items = div.blocks[5].items
    assert [i.label for i in items] == ["1.", "2."]
    assert items[1].blocks[0].content == [
        "Buu Loc added that views he expressed were not necessarily firm position."]
    assert div.blocks[6].blocks[0].content == ["Acheson"]
    assert doc.header.classification == "secret"


def test_unanchored_note_is_kept_and_reported():
    reading = frus.read(SourceText("x.txt", "1. Editorial Note\n\nSome text.\n  1. A note.\n",
                                   "utf-8"))
    notes = [n for n in m.walk(reading.document.body) if isinstance(n, m.Note)]
    assert len(notes) == 1
    assert any(d.rule == "footnote-unanchored" for d in reading.diagnostics)


def test_edition_ids():
    assert frus.edition_id("x/frus1981-88v03/d169.txt", "169") == ("frus1981-88v03-d169", "d169")
    assert frus.edition_id("seed.txt", "169") == ("frus-d169", "d169")
    assert frus.edition_id("inbox/Some File.txt", None) == ("frus-some-file", "some-file")


def test_footnote_count_matches_list():
    for path in [SEED] + SAMPLES:
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        listed = len(re.findall(r"(?m)^  (?:\d+[a-z]?|[*†])\. ", text))
        root = etree.fromstring(convert_file(path, "frus").data)
        assert len(root.findall(".//t:div//t:note[@n]", NS)) == listed, path


def test_memcon_lists_symbol_note_and_page_break_before_head():
    text = ("[Page 31]\n\n12. Memorandum of Conversation1\n\n\n  • Summit Preparations\n\n\n"
            "  • The President\n  • Ambassador Dobrynin*\n\nThe President opened the meeting."
            "2\n\n  1. Source: Reagan Library, Matlock Files, USSR 1982. Secret.\n"
            "  *. Dobrynin was Soviet Ambassador.\n  2. First paragraph.\n"
            "  Second paragraph.\n")
    div = read_text(text, "d12.txt").body[0]
    pb, head, subject, participants, para = div.blocks
    assert isinstance(pb, m.PageBreak) and pb.n == "31"
    assert isinstance(head.content[1], m.Note) and head.content[1].kind == "source"
    assert (subject.type, participants.type) == ("subject", "participants")
    assert participants.items[1].content[1].n == "*"
    assert [b.content for b in para.content[1].blocks] == [["First paragraph."],
                                                         ["Second paragraph."]]


def test_table_rows_printed_with_bars_become_a_table():
    doc = read_text("42. Memorandum From Rusk to Johnson1\n\nThe figures are:\n\n"
                    "Item | 1963 | 1964\nWheat | 1,500 | 2,000\n\nThat is all.\n\n"
                    "  1. Source: Johnson Library. Secret.\n", "d42.txt")
    blocks = doc.body[0].blocks
    table = next(b for b in blocks if isinstance(b, m.Table))
    assert [[c for c in row] for row in table.rows] == [[["Item"], ["1963"], ["1964"]],
                                                         [["Wheat"], ["1,500"], ["2,000"]]]
    assert sum(isinstance(b, m.Paragraph) for b in blocks) == 2


def test_one_line_with_a_bar_is_prose():
    doc = read_text("42. Memorandum From Rusk to Johnson\n\nEither this | or that.\n", "d42.txt")
    assert not any(isinstance(b, m.Table) for b in doc.body[0].blocks)


# FRUS 1861, doc. 112 (shortened): correspondence head, "[Extract.]", despatch number,
# salutation run into the text, signature, addressee — no footnotes, no page markers.
LETTER_1861 = """Mr. Jones to Mr. Seward.

[Extract.]

No. 20.]

Sir: I have the honor to acknowledge the receipt of your circular, dated the 9th of March, 1861.

Very respectfully, your obedient servant,

J. GLANCY JONES.

Hon. William H. Seward,
Secretary of State, Washington.
"""

# FRUS 1861, doc. 114 (shortened): a note, its addressee, and the enclosure printed after it
# under a correspondence head of its own.
NOTE_WITH_ENCLOSURE = """Mr. Hülsemann to Mr. Seward.


The undersigned has the honor to transmit to the honorable Secretary of State a copy.

HULSEMANN

Hon. William H. Seward,
Secretary of State of the United States.

[Page 190]

Baron Rechberg to Mr. Hülsemann.

[Translation.]

No. 6993.—H.]

Sir: With deep regret we continue to follow events in the United States.

RECHBERG.

His Excellency the Chevalier Hulsemann, &c., &c., &c., Washington.
"""


def _convert(text: str, name: str, tmp_path: Path):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return convert_file(path)


def test_nineteenth_century_letter_is_frus_with_opener_closer_and_postscript(tmp_path,
                                                                            tei_all):
    from teikit.validate import validate_bytes
    conv = _convert(LETTER_1861, "frus1861/d112.txt", tmp_path)
    assert conv.document.reader == "frus"  # not a transcript with a speaker "Sir:"
    div = conv.document.body[0]
    assert [type(b).__name__ for b in div.blocks] == [
        "Head", "Opener", "Paragraph", "Paragraph", "Closer", "Postscript"]
    assert [type(b).__name__ for b in div.blocks[1].blocks] == ["Seg", "Seg"]
    root = etree.fromstring(conv.data)
    assert root.findtext(".//t:closer/t:signed", namespaces=NS) == "J. GLANCY JONES."
    assert root.findtext(".//t:postscript/t:p", namespaces=NS) == (
        "Hon. William H. Seward,\nSecretary of State, Washington.")
    assert tei_all.validate(root.getroottree()), tei_all.error_log
    assert [d.format() for d in validate_bytes(conv.data, "d112.xml")] == []
    assert [d for d in conv.diagnostics if d.rule == "text-conservation"] == []


def test_enclosure_after_the_addressee_becomes_an_attachment(tmp_path, tei_all):
    from teikit.validate import validate_bytes
    conv = _convert(NOTE_WITH_ENCLOSURE, "frus1861/d114.txt", tmp_path)
    root = etree.fromstring(conv.data)
    doc = root.find(".//t:div[@type='document']", NS)
    assert [etree.QName(c).localname for c in doc] == ["head", "div", "div"]
    main, att = doc.findall("t:div", NS)
    assert main.get("type") == "main" and att.get("type") == "attachment"
    assert [etree.QName(c).localname for c in main] == ["p", "closer", "postscript", "pb"]
    # the enclosure is a text of its own, as the Office's frus:attachment
    att = att.find("t:floatingText[@type='attachment']/t:body", NS)
    assert att.findtext("t:head", namespaces=NS) == "Baron Rechberg to Mr. Hülsemann."
    assert [s.text for s in att.findall("t:opener/t:seg", NS)] == ["[Translation.]",
                                                                   "No. 6993.—H.]"]
    assert att.findtext("t:closer/t:signed", namespaces=NS) == "RECHBERG."
    assert att.find("t:postscript/t:p", NS) is not None
    assert tei_all.validate(root.getroottree()), tei_all.error_log
    assert [d.format() for d in validate_bytes(conv.data, "d114.xml")] == []
    assert [d for d in conv.diagnostics if d.rule == "text-conservation"] == []


def test_number_line_and_head_in_one_block_make_the_head(tmp_path):
    # FRUS 1882, doc. 64: "No. 64." and the head printed as two lines of one block
    text = ("No. 64.\nMr. Martinez to Mr. Frelinghuysen.\n\n\nSir: The last steamer from "
            "A spin wall brought the following authentic news:\n\nPlease accept, sir, &c.,"
            "\n\nM. MARTINEZ.\n")
    conv = _convert(text, "frus1882/d64.txt", tmp_path)
    assert conv.document.reader == "frus"
    head = conv.document.body[0].blocks[0]
    assert isinstance(head, m.Head)
    assert head.content == ["No. 64.\nMr. Martinez to Mr. Frelinghuysen."]
    # the volume's number of the document is the div's, as in the Office's TEI (n="64")
    assert conv.document.body[0].n == "64"
    assert conv.document.header.title == "Mr. Martinez to Mr. Frelinghuysen."


def test_text_kind_line_under_the_head_is_an_opener_seg():
    # FRUS 1927 I, doc. 65: "[Paraphrase]" between the head and the telegram's text
    doc = read_text("500.A15a1/428: Telegram\n\nThe Secretary of State to the Chairman of the "
                    "American Delegation (Gibson)\n\n[Paraphrase]\n\n\nThe Department has "
                    "received your telegram.\n\nKellogg\n", "frus1927v01/d65.txt")
    blocks = doc.body[0].blocks
    assert [type(b).__name__ for b in blocks] == ["SourceLine", "Head", "Opener", "Paragraph",
                                                  "Closer"]
    assert blocks[2].blocks[0].content == ["[Paraphrase]"]


def test_archive_line_above_a_memorandum_head():
    # FRUS 1944 Quebec, doc. 71: the collection line, then "Memorandum by …"
    doc = read_text("Notter File, Box 168: Stettinius Diary\n\nMemorandum by the Under "
                    "Secretary of State (Stettinius)\n\nrestricted\n\nConversations With Sir "
                    "Alexander Cadogan\n\nCadogan called me right after midnight.\n",
                    "frus1944Quebec/d71.txt")
    blocks = doc.body[0].blocks
    assert isinstance(blocks[0], m.SourceLine) and isinstance(blocks[1], m.Head)
    assert blocks[1].content == ["Memorandum by the Under Secretary of State (Stettinius)"]


def test_short_first_line_without_a_head_after_it_stays_the_head():
    doc = read_text("Editorial Note\n\nThe documents printed in this section are "
                    "illuminated by diary notes.\n", "frus1944Quebec/d72.txt")
    assert isinstance(doc.body[0].blocks[0], m.Head)


def test_addressee_lines_without_a_signature_stay_paragraphs():
    doc = read_text("Mr. Fish to Mr. Washburne.\n\nSir: I enclose the proclamation.\n\n"
                    "Hon. E. B. Washburne, &c., &c., &c.\n", "frus1870/d38.txt")
    kinds = [type(b).__name__ for b in doc.body[0].blocks]
    assert kinds == ["Head", "Paragraph", "Paragraph"]


def test_note_without_a_marker_stands_where_the_dateline_would():
    # FRUS 1927 I, 69: note 52's marker is in the dateline, which the page does not show
    reading = frus.read(SourceText(
        "frus1927v01/d69.txt", "500.A15 a 1/362: Telegram\n\nThe Chairman of the American "
        "Delegation (Gibson) to the Secretary of State\n\n[Paraphrase]\n\n\n53. On the "
        "afternoon of July 1, Admiral Hara called.\n\nGibson\n  52. Telegram in three "
        "sections.\n", "utf-8"))
    blocks = reading.document.body[0].blocks
    assert [type(b).__name__ for b in blocks] == ["SourceLine", "Head", "Opener", "Note",
                                                  "Paragraph", "Closer"]
    assert blocks[3].anchored is False
    assert any("where the dateline stands" in d.message for d in reading.diagnostics)


def test_classification_over_two_lines_is_one_opener_seg():
    # FRUS 1948 V 1, doc. 197: "top secret us urgent" / "niact" (an lb in the Office's TEI)
    doc = read_text("890F.7962/11–1448: Telegram\n\nThe Acting Secretary of State to the "
                    "Legation in Saudi Arabia\n\ntop secret us urgent\nniact\n\n471. This "
                    "Govt most appreciative King’s concrete expression friendship.\n\n"
                    "Lovett\n", "frus1948v05p1/d197.txt")
    blocks = doc.body[0].blocks
    assert [type(b).__name__ for b in blocks] == ["SourceLine", "Head", "Opener", "Paragraph",
                                                  "Closer"]
    assert blocks[2].blocks[0].content == ["top secret us urgent\nniact"]
    assert doc.header.classification == "top secret us urgent niact"


def test_enclosure_line_then_its_correspondence_head_and_titled_signatures():
    # FRUS 1894 Nicaragua, docs. 20–21: signature over the signer's title, "[Inclosure in
    # No. 20.]" and the enclosure's own head
    doc = read_text("No. 20.\nMr. Braida to Mr. Uhl.\n\n\nSir: I have the honor to transmit "
                    "herewith copy of my dispatch to Hon. L. Baker.\n\nI am, etc.,\n\n"
                    "S. C. Braida,\nUnited States Consul\n\n[Inclosure in No. 20.]\n\n"
                    "Mr. Braida to Mr. Baker.\n\n\nSir: On the afternoon of March 14 a "
                    "meeting was held.\n\nI am, etc,\n\nS. C. Braida,\nUnited States Consul.\n",
                    "frus1894Nicaragua/d20.txt")
    blocks = doc.body[0].blocks
    assert [type(b).__name__ for b in blocks] == ["Head", "Division", "Division"]
    main, att = blocks[1], blocks[2]
    assert [type(b).__name__ for b in main.blocks] == ["Paragraph", "Paragraph", "Closer"]
    assert [type(b).__name__ for b in att.blocks] == ["Opener", "Head", "Paragraph",
                                                      "Paragraph", "Closer"]
    assert att.blocks[1].content == ["Mr. Braida to Mr. Baker."]


def test_mixed_case_signature_then_an_inclosure():
    # FRUS 1901 China, doc. 58 (shortened)
    doc = read_text("Mr. Conger to Mr. Hay.\n\nNo. 474.]\n\nSir: The Chinese plenipotentiaries "
                    "have repeatedly assured various representatives.\n\nI have, etc.,\n\n"
                    "E. H. Conger.\n\n[Inclosure.]\n\nPrince Ching and Li Hung Chang to Mr. "
                    "Conger.\n\n\nYour Excellency: We have the honor to transmit a telegraphic "
                    "edict.\n\nAs in duty bound, we send a copy of the above edict.\n",
                    "frus1901China/d58.txt")
    blocks = doc.body[0].blocks
    assert [type(b).__name__ for b in blocks] == ["Head", "Opener", "Division", "Division"]
    assert isinstance(blocks[2].blocks[-1], m.Closer)
    att = blocks[3]
    assert [type(b).__name__ for b in att.blocks] == ["Opener", "Head", "Paragraph",
                                                      "Paragraph"]


# FRUS 1864 III, docs. 143 and 145 (shortened): "[Extract.]" above the head, heads without
# a stop, "Esq." without a comma, an enclosure after the addressee under its own head.
DESPATCH_1864 = """[Extract.]

Mr. Seward to Mr. Dayton

No. 584.]


Sir: I have the honor to acknowledge the receipt of your despatch of the 3d of June.

I am, sir, your obedient servant,

WILLIAM H. SEWARD.

William L. Dayton Esq., &c., &c., &c.

Mr. Dayton to Captain Winslow


My Dear Sir: Permit me to offer you, your officers and crew, my hearty congratulations.

WM. L. DAYTON.
"""


def test_extract_line_above_the_head_and_an_enclosure_after_the_addressee(tmp_path, tei_all):
    from teikit.validate import validate_bytes
    conv = _convert(DESPATCH_1864, "frus1864p3/d143.txt", tmp_path)
    assert conv.document.reader == "frus"
    blocks = conv.document.body[0].blocks
    assert [type(b).__name__ for b in blocks] == ["Opener", "Head", "Opener", "Division",
                                                  "Division"]
    assert blocks[0].blocks[0].content == ["[Extract.]"]
    main, att = blocks[3], blocks[4]
    assert [type(b).__name__ for b in main.blocks] == ["Paragraph", "Paragraph", "Closer",
                                                       "Postscript"]
    assert [type(b).__name__ for b in att.blocks] == ["Head", "Paragraph", "Closer"]
    root = etree.fromstring(conv.data)
    assert tei_all.validate(root.getroottree()), tei_all.error_log
    assert [d.format() for d in validate_bytes(conv.data, "d143.xml")] == []
    assert [d for d in conv.diagnostics if d.rule == "text-conservation"] == []


def test_copy_certification_after_a_signature(tmp_path):
    from teikit.validate import validate_bytes
    text = ("Mr. Martinez to Mr. Frelinghuysen.\n\n\nGentlemen: At your request I make the "
            "following declarations.\n\nI am, &c.,\n\nS. A. HURLBUT.\n\n"
            "A copy. The secretary of legation. F. PINTO.\n")
    conv = _convert(text, "frus1882/d67.txt", tmp_path)
    post = conv.document.body[0].blocks[-1]
    assert isinstance(post, m.Postscript)
    assert [type(b).__name__ for b in post.blocks] == ["Paragraph", "Paragraph", "Closer"]
    assert [d.format() for d in validate_bytes(conv.data, "d67.xml")] == []
    assert [d for d in conv.diagnostics if d.rule == "text-conservation"] == []


def test_mixed_case_signature_under_a_close_and_an_inclosure_head_with_the():
    # FRUS 1897, doc. 97 (shortened): "Charles Denby." under "I have, etc.,", then
    # "[Inclosure in No. 2713.]" and "The Tsung-li Yamên to Mr. Denby."
    doc = read_text("Mr. Denby to Mr. Sherman.\n\nNo. 2713.]\n\n\nSir: In my dispatch No. "
                    "2705 I transmitted a copy.\n\nI have, etc.,\n\nCharles Denby.\n\n"
                    "[Inclosure in No. 2713.]\n\nThe Tsung-li Yamên to Mr. Denby.\n\n\n"
                    "Your Excellency: We have the honor to acknowledge the receipt.\n\n"
                    "Cards of ministers, with compliments.\n", "frus1897/d97.txt")
    blocks = doc.body[0].blocks
    assert [type(b).__name__ for b in blocks] == ["Head", "Opener", "Division", "Division"]
    assert blocks[2].blocks[-1].blocks[0].content == ["Charles Denby."]
    assert blocks[3].blocks[1].content == ["The Tsung-li Yamên to Mr. Denby."]


def test_sniff_a_telegram_with_its_volume_number_and_text_kind_line():
    # FRUS 1894 Nicaragua, doc. 22: no salutation, no footnotes, no page markers
    text = ("No. 22.\nMr. Gresham to Mr. Braida.\n\n[Telegram.]\n\n\nYou are not "
            "authorized to perform diplomatic functions.\n\nGRESHAM.\n")
    assert frus.sniff(text).score >= 0.8
    assert frus.sniff("Mr. Gresham to Mr. Braida.\n\nYou are not authorized.\n").score == 0.5


def test_enclosure_with_a_text_kind_line_above_its_head():
    # FRUS 1864 III, doc. 99 (shortened): "[Translation.]" opens the enclosure, not the closer
    doc = read_text("Mr. Dayton to Mr. Seward\n\nNo. 456.]\n\nSir: I have the honor to send "
                    "you herewith a translation.\n\nI am, sir, your obedient servant,\n\n"
                    "WM. L. DAYTON.\n\nHon. William H. Seward, Secretary of State, &c.\n\n"
                    "[Translation.]\n\nMr. Manderstrom to Mr. Haldeman\n\nSir: By a letter "
                    "dated yesterday, you did me the honor.\n\nMANDERSTROM.\n",
                    "frus1864p3/d99.txt")
    (document,) = doc.body
    divs = [b for b in document.blocks if isinstance(b, m.Division)]
    attachment = next(d for d in divs if d.type == "attachment")
    assert [type(b).__name__ for b in attachment.blocks][:2] == ["Opener", "Head"]
    assert "[Translation.]" in repr(attachment.blocks[0])
    main = next(d for d in divs if d.type == "main")
    closer = next(b for b in main.blocks if isinstance(b, m.Closer))
    assert "DAYTON" in repr(closer) and "[Translation.]" not in repr(closer)


def test_untitled_document():
    # FRUS 1901, doc. 133a (shortened): a notice printed without a head
    text = ("[Untitled]\n\n\nnotice to american citizens formerly subjects of germany who "
            "contemplate returning to that country.\n\nThe information given below is believed "
            "to be correct.\n\n[Page 161]\n\nA former German subject may petition the "
            "sovereign of his native State for relief.\n")
    assert frus.sniff(text).score >= 0.5
    (document,) = read_text(text, "frus1901/d133a.txt").body
    assert isinstance(document.blocks[0], m.Head)
    assert any(isinstance(b, m.PageBreak) for b in document.blocks)


def test_note_marker_glued_to_the_file_line_above_the_head():
    # FRUS 1948 I 2, doc. 24 (shortened): <seg rend="inline">… Lot 122</seg><note n="1">
    text = ("Department of State Committee Files: Lot 1221\n\nReport by the Strategic "
            "Materials Working Group to the Executive Committee on Economic Foreign Policy2\n\n"
            "The Working Group has considered problems of availability.\n\n"
            "  1. Lot 122, a consolidated lot file.\n  2. The present report was approved.\n")
    reading = frus.read(SourceText("frus1948v01p2/d24.txt", text, "utf-8"))
    (document,) = reading.document.body
    source = document.blocks[0]
    assert "Lot 122" in repr(source) and "Lot 1221" not in repr(source)
    assert "consolidated lot file" in repr(source)
