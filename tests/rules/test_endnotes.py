import pytest

from teikit.rules.endnotes import entry, is_heading, markers


@pytest.mark.parametrize("text", ["Translator's Notes", "Notes", "NOTES:", "Endnotes",
                                  "Editor’s Notes"])
def test_headings(text):
    assert is_heading(text)


def test_not_headings():
    assert not is_heading("Notes of the conversation between Stalin and Kim Il Sung")


@pytest.mark.parametrize("text, n, label", [
    ("1 Protocol No. 28 was the formal protocol", "1", "1"),
    ("2. The cipher telegram", "2", "2."),
    ("(3) Kovacs was", "3", "(3)"),
    ("[4] See above", "4", "[4]"),
])
def test_entries(text, n, label):
    assert entry(text)[:2] == (n, label)


def test_markers_glued_or_after_a_sentence():
    text = ("Ciph. Teleg. No. . . . from Budapest(2)\n(Khrushchev, Zhukov, Ponomarev)(3) "
            "on Lake Balaton.(4) To Cdes. Pospelov, Shepilov, and Ponomarev. (5)")
    assert [h.group(0) for h in markers(text, {"2", "3", "4", "5"})] == [
        "(2)", "(3)", "(4)", "(5)"]


def test_enumerations_and_unknown_numbers_are_not_markers():
    text = ("two options: (1) a Soviet-Chinese treaty, (2) a loan agreement, "
            "and Budapest(9)")
    assert markers(text, {"1", "2"}) == []
