import pytest

from teikit.rules.dates import iso_date


@pytest.mark.parametrize("printed, iso", [
    ("December 9, 1987", "1987-12-09"),
    ("March 05, 1949", "1949-03-05"),
    ("9 July 1956", "1956-07-09"),
    ("July 1956", "1956-07"),
    ("1971", "1971"),
])
def test_certain_dates(printed, iso):
    assert iso_date(printed) == iso


@pytest.mark.parametrize("printed", ["February 30, 1980", "Dec.20, 1949", "Spring 1950", ""])
def test_uncertain_dates_give_none(printed):
    assert iso_date(printed) is None
