from teikit.model import Gap, Supplied
from teikit.rules.frus_brackets import split_brackets


def test_supplied_word():
    out = split_brackets("it will be important for us [to] contain these risks")
    assert out == ["it will be important for us ", Supplied(["to"]), " contain these risks"]


def test_not_declassified_gap_keeps_printed_words():
    out = split_brackets("the source [1 line not declassified] reported")
    gap = out[1]
    assert isinstance(gap, Gap)
    assert (gap.reason, gap.extent, gap.rend) == ("not-declassified", "1 line",
                                                  "[1 line not declassified]")
    less = split_brackets("[less than 1 line not declassified]")[0]
    assert less.extent == "less than 1 line"


def test_expansions_inside_words_and_remarks_stay_literal():
    assert split_brackets("S[tanley] K. H[ornbeck]") == ["S[tanley] K. H[ornbeck]"]
    assert split_brackets("the treaty [sic] was") == ["the treaty [sic] was"]
    assert split_brackets("[Here follows a list of names]") == ["[Here follows a list of names]"]


def test_illegible_is_a_gap():
    assert split_brackets("signed [illegible]")[1] == Gap("illegible", "[illegible]")
