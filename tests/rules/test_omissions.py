import pytest

from teikit.rules.omissions import find_omissions, is_omission


def test_bracketed_ellipsis_inside_a_sentence():
    text = "Therefore I will begin with Afghanistan (...)."
    assert [h.group(0) for h in find_omissions(text)] == ["(...)"]


@pytest.mark.parametrize("mark", ["(...)", "(…)", "[...]", "[…]", ". . .", ". . . .",
                                  "（……）", "[……]"])
def test_marks(mark):
    assert is_omission(mark)


def test_spaced_dots_after_an_abbreviation():
    # "Ciph. Teleg. No. . . . from Budapest(2)": the number is missing in the original
    hits = [h.group(0) for h in find_omissions("Ciph. Teleg. No. . . . from Budapest(2)")]
    assert hits == [". . ."]


@pytest.mark.parametrize("text", [
    "withdrawn from it by the end of 1988...",
    "get out of the current situation…",
    "Let our experts think about it...",
])
def test_speech_ellipsis_is_text(text):
    assert list(find_omissions(text)) == []


def test_dot_leaders_and_a_speaker_s_pause_are_no_omissions():
    # a UN members list's dot leaders; a play's "Oh! . . . by the way"
    assert not list(find_omissions("Albania . . . . . . . . . . . . . Mr. Hoxha"))
    assert not list(find_omissions("Kenya. . . . . . . . . . Mr. Kimani"))
    assert not list(find_omissions("Oh! . . . by the way, Lane, I see"))
    assert [m.group(0) for m in find_omissions(". . . Q: Ms. Jones, how sure")] == [". . ."]


@pytest.mark.parametrize("text", ['"x    x     x', "x x x", "ATTY.:  x   x   x"])
def test_philippine_court_records_mark_omissions_with_spaced_xs(text):
    # People vs. Lee (G.R. No. 139070) as quoted: '"x    x     x' opens the excerpt
    assert [h.group(0) for h in find_omissions(text)] == [text.split(":")[-1].strip(' "')]


@pytest.mark.parametrize("text", ["x-axis and y", "a box x 3", "x x", "max x x"])
def test_letters_x_in_prose_are_no_omission(text):
    assert list(find_omissions(text)) == []
