from teikit.model import DateRef
from teikit.rules.frus_dates import split_dates


def test_complete_date_is_tagged():
    out = split_dates("proclamation that March 21, 1982, be regarded")
    assert out == ["proclamation that ", DateRef(["March 21, 1982"], when="1982-03-21"),
                   ", be regarded"]


def test_incomplete_or_impossible_dates_stay_words():
    assert split_dates("his May 7 letter") == ["his May 7 letter"]
    assert split_dates("on February 30, 1982") == ["on February 30, 1982"]


def test_day_first_date():
    assert split_dates("on 21 March 1982")[1].when == "1982-03-21"
