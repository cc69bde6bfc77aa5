import pytest

from teikit.rules.brackets import classify


@pytest.mark.parametrize("inner, before", [
    ("akkuratno", "and you also conscientiously "),
    ("narodivshiysya", "We favor an indigenous "),
    ("pristupit k obiednineniiu", "proposal of the Koreans to move toward reunification "),
    ("pri etom bilo ogovoreno", "In this regard a qualification was made "),
    ("ispolneniie telegraf’te", "Telegraph the fulfillment "),
])
def test_original_terms(inner, before):
    assert classify(inner, before).kind == "original-term"


@pytest.mark.parametrize("inner, before", [
    ("to greet", "once again, above all "),
    ("propitious", "his calculations are not "),
    ("the socialist countries", "to foment disunity and destroy "),
])
def test_supplied_words(inner, before):
    assert classify(inner, before).kind == "supplied"


@pytest.mark.parametrize("inner", ["Stalin", "1967", "N.T.", "sic", "unclear", "Pak Hon Yong"])
def test_kept_literal(inner):
    assert classify(inner, "Filippov ").kind == "literal"


def test_no_evidence_either_way_is_literal_and_uncertain():
    verdict = classify("transport", "the establishment of air ")
    assert (verdict.kind, verdict.uncertain) == ("literal", True)


def test_letters_supplied_inside_a_word_are_supplied_never_a_term():
    # Wilson Center translations complete names: "Comrade [N]ikolai Ceausescu"
    assert classify("N", "Comrade ", "ikolai Ceausescu").kind == "supplied"
    assert classify("ev", "Khrushch", " said").kind == "supplied"
    assert classify("narod", "the people ", " want").kind != "supplied"
