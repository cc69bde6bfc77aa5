from teikit.rules.footnote_markers import anchor, candidate_strength, split_footnote_list

SEED_END = [
    "That you authorize us to proceed … on Afghanistan.3",
    "  1. Source: Reagan Library, Pipes Files, CHRON 05/27/1982–05/31/1982. Secret; Sensitive.",
    "  2. Reference is to the President’s proclamation …",
    "  3. Reagan did not approve or disapprove this recommendation.",
]


def strength(text: str, marker: str) -> float:
    return candidate_strength(text, text.rindex(marker), marker)


def test_footnote_list_is_split_off_the_text():
    start, notes = split_footnote_list(SEED_END)
    assert start == 1
    assert [n.marker for n in notes] == ["1", "2", "3"]
    assert notes[0].paragraphs == ["Source: Reagan Library, Pipes Files, "
                                   "CHRON 05/27/1982–05/31/1982. Secret; Sensitive."]
    assert notes[0].line == 2


def test_lettered_markers_and_further_paragraphs():
    lines = ["Text 1942,62a which.", "  62a. Not printed.", "  Second paragraph.",
             "  63. Not attached to file copy of this document."]
    start, notes = split_footnote_list(lines)
    assert start == 1
    assert [(n.marker, len(n.paragraphs)) for n in notes] == [("62a", 2), ("63", 1)]


def test_marker_glued_to_word_or_punctuation_is_strong():
    assert strength("President Reagan1", "1") == 3
    assert strength("With Afghanistan Day2 well behind us", "2") == 3
    assert strength("on Afghanistan.3", "3") == 3
    assert strength("to the French Ambassador (Bonnet)1", "1") == 3


def test_marker_after_a_year_or_a_number():
    assert strength("in the year 19822 we", "2") == 2         # 1982 + note 2
    assert strength("Merry-Go-Round of October 28,50 which", "50") == 2
    assert strength("3311. Embtel 3241.2 Microphone", "2") == 2
    assert strength("March 21, 1982, be regarded", "2") == 0  # the year itself
    assert strength("and 12 months", "12") == 0               # not glued


def test_digits_inside_codes_and_ranges_are_weak_or_impossible():
    assert strength("the T39 and RB66 incidents", "39") == 1
    assert strength("Central Files 1964–66, BG", "66") == 1
    assert strength("about 1,500 troops", "500") == 1
    assert strength("the 2327Z message", "2") == 0


def test_anchor_skips_real_numbers_and_keeps_list_order():
    text = ("169. Memorandum From Haig to President Reagan1\n\nOn March 21, 1982, "
            "Afghanistan Day2 was held.\n\nThat you authorize us.3")
    pos = anchor(text, ["1", "2", "3"])
    assert [text[p - 6:p + 1] for p in pos] == ["Reagan1", "an Day2", "ze us.3"]


def test_anchor_year_glued_marker():
    text = "Head1\n\nThe talks of March 1982.2 and the report of 19823 followed."
    pos = anchor(text, ["1", "2", "3"])
    assert [text[p:p + 1] for p in pos] == ["1", "2", "3"]
    assert text[pos[2] - 4:pos[2]] == "1982"


def test_marker_not_found_is_none():
    assert anchor("No markers here.", ["1"]) == [None]


def test_a_superscript_digit_before_a_number_is_not_a_digit_run():
    # "²".isdigit() is true, but it is no decimal digit (this crashed; found by the FRUS
    # page property test): after it, a marker is as weak as after any other sign
    assert candidate_strength("Reagan²1", 7, "1") == 1
    assert candidate_strength("Reagan1", 6, "1") == 3


def test_a_marker_glued_to_the_day_of_a_month():
    # FRUS 1948 V 1, doc. 197: "(Dept A–76, Oct 121)" is October 12 + note 1; "March 21"
    # is a date (21 is a day)
    text = "(Dept A–76, Oct 121). Deptel 434, Nov. 121 indicate"
    assert candidate_strength(text, text.index("Oct 121") + 6, "1") == 2
    assert candidate_strength(text, text.index("Nov. 121") + 7, "1") == 2
    assert candidate_strength("on March 21, 1982", 10, "1") == 0


def test_a_marker_glued_to_a_cited_telegram_number():
    # FRUS 1948 V 1, doc. 203: "Deptels 471 and 4721" is telegram 472 + note 1
    text = "655. Deptels 471 and 4721 most helpful (see Legtels 648 and 6512). I do"
    assert anchor(text, ["1", "2"]) == [text.index("4721") + 3, text.index("6512") + 3]
    assert candidate_strength(text, text.index("4721") + 3, "1") == 1
    # a number after anything else carries no marker
    assert candidate_strength("a sum of 4721 dollars", 12, "1") == 0


def test_a_number_after_an_opening_bracket_is_no_marker():
    # FRUS 1961–63 V, 81: "(1) … (2) … but (3) it is idle", note 3 being elsewhere
    assert strength("these questions; but (3) it is idle", "3") == 0
    assert strength("the “1 July” plan", "1") == 0
    text = "tenor could be that (1) basic problems; but (3) it is idle, as Nehru.3"
    assert anchor(text, ["3"]) == [len(text) - 1]


def test_a_marker_printed_apart_after_a_name():
    # FRUS 1961–63 V, 81: the Office's TEI has a space before note 3 ("Nehru <note>")
    text = "ahead.1 Yugoslavia, whose influence with that of Nehru 3 may be decisive.2"
    pos = anchor(text, ["1", "2", "3"][:1] + ["3", "2"])
    assert text[pos[1] - 6:pos[1] + 1] == "Nehru 3"
    # only as a last resort, and not after a word that counts: "Article 3 of"
    assert anchor("under Article 3 of the treaty", ["3"]) == [None]
    assert anchor("Nehru 3 may and Tito 3 said", ["3"]) == [None]  # two readings: none
    assert anchor("the Nehru3 and Nehru 3 may", ["3"]) == [9]


# FRUS 1901, 161 (d134): lettered notes, both "a" (letters restart on every printed page).
HOLLEBEN = ("the imperial consul at Philadelphia of this process serving on board the ship. "
            "While bringing the foregoing case to the knowledge of your excellency, I have the "
            "honor, with reference to my notea of the 31st of March of last year, and your "
            "excellency’s obliging notea No. 417, of the 19th of April, to apply")


def test_lettered_footnote_list_entries():
    start, notes = split_footnote_list(["Holleben.", "  a. Not printed.", "  a. Not printed."])
    assert start == 1
    assert [n.marker for n in notes] == ["a", "a"]


def test_a_letter_glued_to_a_lower_case_word():
    first = HOLLEBEN.index("notea") + 4
    assert candidate_strength(HOLLEBEN, first, "a") == 1
    # a name, or a word that ends in the letter, is no marker
    assert candidate_strength(HOLLEBEN, HOLLEBEN.index("Philadelphia") + 11, "a") == 0
    assert candidate_strength("a new idea of", 9, "a") == 0
    assert candidate_strength("the public interest", 9, "c") == 0
    # from d on a glued letter needs the bare word elsewhere in the text
    assert candidate_strength("he was informed of it", 13, "d") == 0
    assert candidate_strength("the treatyd was signed; the treaty", 10, "d") == 2


def test_anchor_lettered_markers():
    first = HOLLEBEN.index("notea") + 4
    second = HOLLEBEN.index("notea", first) + 4
    assert anchor(HOLLEBEN, ["a", "a"]) == [first, second]
