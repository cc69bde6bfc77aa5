from teikit.model import Span
from teikit.rules.frus_citations import (
    parse_source_note,
    split_archival_refs,
    split_document_refs,
    split_published_works,
)


def test_source_note_archive_and_classification():
    facts = parse_source_note("Source: Reagan Library, Pipes Files, "
                              "CHRON 05/27/1982–05/31/1982. Secret; Sensitive.")
    assert facts.classification == "Secret; Sensitive."
    a = facts.archive
    assert (a.repository, a.collection, a.idno) == ("Reagan Library", "Pipes Files",
                                                   "CHRON 05/27/1982–05/31/1982")


def test_source_note_with_parentheses_and_further_sentences():
    facts = parse_source_note("Source: Reagan Library, Executive Secretariat, NSC: Country "
                              "File, USSR (4/28/82 (4)). Confidential. Bremer sent the minutes "
                              "to Clark. (Ibid.)")
    assert facts.classification == "Confidential."
    assert facts.archive.idno == "USSR (4/28/82 (4))"


def test_source_note_without_classification_is_not_guessed():
    assert parse_source_note("Source: Department of State files.").archive is None


def test_archival_reference_in_a_note():
    out = split_archival_refs("submit a position.” (Reagan Library, Pipes Files, CHRON "
                              "05/27/1982–05/31/1982)")
    assert out[1] == Span("bibl", ["(Reagan Library, Pipes Files, CHRON "
                                   "05/27/1982–05/31/1982)"], {"type": "archival"})
    assert split_archival_refs("(see below)") == ["(see below)"]


def test_document_cross_reference():
    assert split_document_refs("See Document 168.") == [
        "See ", Span("ref", ["Document 168"], {"target": "#d168"}), "."]


def test_published_work_in_a_note():
    out = split_published_works("See “Proclamation 4908—Afghanistan Day,” March 10, 1982, "
                                "Public Papers: Reagan, 1982, vol. I, pp. 274–275.")
    assert out[0] == "See " and out[-1] == "."
    bibl = out[1]
    assert bibl.tag == "bibl"
    spans = [x for x in bibl.content if isinstance(x, Span)]
    assert [(s.tag, s.content) for s in spans] == [
        ("title", ["Proclamation 4908—Afghanistan Day,"]),
        ("biblScope", ["vol. I"]), ("biblScope", ["pp. 274–275"])]
    assert any(getattr(x, "when", None) == "1982-03-10" for x in bibl.content)
