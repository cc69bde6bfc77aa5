from hypothesis import given, settings
from hypothesis import strategies as st

from teikit.render.text import BLOCK_END, PREFIX_END, RULE, body_of, layout


def test_blocks_are_collapsed_and_wrapped():
    raw = "\n\nOne   two\nthree four five six\n\n\n\nseven"
    assert layout(raw, width=10) == "One two\nthree four\nfive six\n\nseven\n"


def test_width_zero_leaves_lines_whole():
    words = " ".join(["word"] * 40)
    assert layout(words, width=0) == words + "\n"


def test_prefix_is_kept_and_wrapped_lines_hang_under_the_text():
    raw = f"\n\n  12. {PREFIX_END}alpha beta gamma delta"
    assert layout(raw, width=17) == "  12. alpha beta\n      gamma delta\n"


def test_no_break_space_is_text_not_layout():
    assert layout("a\u00a0b  c", width=0) == "a\u00a0b c\n"


def test_no_break_space_at_the_edge_of_a_block_is_kept():
    assert layout("\u00a0a b\u00a0\n\n\u00a0", width=0) == "\u00a0a b\u00a0\n\n\u00a0\n"


def test_long_words_and_urls_are_not_broken():
    url = "https://example.org/" + "x" * 80
    assert layout(f"see {url}", width=30) == f"see\n{url}\n"


def test_body_follows_the_header_rule():
    assert body_of(f"Title\n\n{RULE}\n\nbody\n") == "\nbody\n"


def _greedy(words: list[str], width: int, prefix: str) -> str:
    """The plain greedy algorithm the layout must agree with: a word joins the line when
    the line stays within the width; a word alone may exceed it."""
    lines, line = [], prefix + words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = " " * len(prefix) + word
    return "\n".join(lines + [line])


_WORDS = st.lists(st.text(st.sampled_from("ab\u00a0-é\u4e2d/"), min_size=1, max_size=30),
                  min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(words=_WORDS, width=st.integers(1, 80), prefix=st.sampled_from(["", "  1. ", "  • "]))
def test_wrapping_is_the_greedy_algorithm(words, width, prefix):
    raw = (f"{prefix}{PREFIX_END}" if prefix else "") + " ".join(words)
    expected = _greedy(words, width, prefix)
    if len(prefix) + len(" ".join(words)) <= width:
        expected = prefix + " ".join(words)
    assert layout(raw, width) == expected + "\n"


def test_blocks_ended_by_fdd0_ignore_line_ends_in_the_text():
    # teikit's stylesheet ends blocks with U+FDD0 and copies the source's text as it is
    raw = (f"Title{BLOCK_END}Source: a\n\n  b{BLOCK_END}{RULE}{BLOCK_END}\n  "
           f"one\n\n   two{BLOCK_END}\n   {BLOCK_END}  3. {PREFIX_END}note\n text{BLOCK_END}")
    assert layout(raw, width=0) == f"Title\n\nSource: a\n\nb\n\n{RULE}\n\none two\n\n" \
        "  3. note text\n"


def _per_block(raw: str, width: int) -> str:
    """The layout block by block (as it was before the one-pass collapse): each piece
    between U+FDD0 laid out on its own, the header's pieces split at blank lines."""
    from teikit.render.text import _BLOCK_BREAK, _laid_out
    if BLOCK_END not in raw:
        blocks = [_laid_out(p, width) for p in _BLOCK_BREAK.split(raw)]
    else:
        pieces = raw.split(BLOCK_END)
        rule = next((i for i, p in enumerate(pieces) if p.strip(" \t\r\n") == RULE), -1)
        head = [b for p in pieces[:rule + 1] for b in _BLOCK_BREAK.split(p)]
        blocks = [_laid_out(p, width) for p in head + pieces[rule + 1:]]
    return "\n\n".join(b for b in blocks if b) + "\n"


_RAW = st.lists(st.sampled_from(["a", "bc", " ", "  ", "\n", "\t", "\r\n", "\u00a0", BLOCK_END,
                                 PREFIX_END, "  1. ", RULE, "word" * 5]), max_size=60)


@settings(max_examples=500, deadline=None)
@given(parts=_RAW, width=st.sampled_from([0, 1, 8, 20, 72]))
def test_one_pass_layout_equals_the_layout_block_by_block(parts, width):
    raw = "".join(parts)
    assert layout(raw, width) == _per_block(raw, width)
