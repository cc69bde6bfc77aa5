"""FRUS page texts whose footnote markers and notes do not match up."""

from lxml import etree

from teikit.convert import convert_file

TEI = "{http://www.tei-c.org/ns/1.0}"
HEAD = "12. Memorandum From Haig to Reagan1\n\n"
SOURCE_NOTE = "  1. Source: Reagan Library, Pipes Files. Secret.\n"


def _convert(tmp_path, text):
    src = tmp_path / "d12.txt"
    src.write_text(text, encoding="utf-8")
    conv = convert_file(src, "frus")
    return conv, etree.fromstring(conv.data)


def test_notes_without_markers_are_kept_unanchored_and_nothing_is_lost(tmp_path):
    conv, root = _convert(tmp_path, HEAD + "The talks went well.\n\n" + SOURCE_NOTE
                          + "  2. A note nobody points at.\n")
    rules = [d.rule for d in conv.diagnostics]
    assert "footnote-unanchored" in rules and "text-conservation" not in rules
    [note] = [n for n in root.iter(f"{TEI}note") if n.get("n") == "2"]
    assert note.get("anchored") == "false" and note.text == "A note nobody points at."


def test_markers_without_notes_stay_text(tmp_path):
    conv, root = _convert(tmp_path, HEAD + "The talks2 went well and the plan3 stands.\n\n"
                          + SOURCE_NOTE)
    assert "text-conservation" not in [d.rule for d in conv.diagnostics]
    assert "talks2" in "".join(root.find(f"{TEI}text").itertext())
    assert [n.get("n") for n in root.find(f"{TEI}text").iter(f"{TEI}note")] == ["1"]


def test_note_list_in_number_order_whatever_the_placement(tmp_path):
    # found by the property test: note 3 anchored, note 2 unanchored (placed at the end)
    conv, _ = _convert(tmp_path, HEAD + ":3\n\n" + SOURCE_NOTE + "  2. 0\n  3. 0\n")
    assert "text-conservation" not in [d.rule for d in conv.diagnostics]


def test_unanchored_note_is_valid_against_teikits_schemas(tmp_path):
    from teikit.validate import validate_bytes
    conv, _ = _convert(tmp_path, HEAD + "Talks.\n\n" + SOURCE_NOTE + "  2. Unmarked.\n")
    assert [d.format() for d in validate_bytes(conv.data, "d12.xml")
            if d.severity == "error"] == []
