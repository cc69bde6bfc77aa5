from teikit.render.text import PREFIX_END, RULE, body_of, layout


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


def test_long_words_and_urls_are_not_broken():
    url = "https://example.org/" + "x" * 80
    assert layout(f"see {url}", width=30) == f"see\n{url}\n"


def test_body_follows_the_header_rule():
    assert body_of(f"Title\n\n{RULE}\n\nbody\n") == "\nbody\n"
