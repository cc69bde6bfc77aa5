from teikit.rules.frus_doc_date import document_date, evidence, partial_dates, volume_years


def test_decimal_file_number_line():
    # FRUS 1949, vol. VII, doc. 84
    found = evidence(None, "851G.01/12–749: Telegram", None, None, "frus1949v07p1")
    assert document_date(found).when == "1949-12-07"


def test_serial_file_numbers_before_1945_carry_no_date():
    assert evidence(None, "740.0011 Pacific War/2959", None, None) == []
    assert evidence(None, "763.72112/3527½", None, None) == []


def test_source_note_central_file():
    # FRUS 1958–60, vol. VIII, doc. 106
    note = "Source: Department of State, Central Files, 762.00/12–1458. Confidential."
    assert document_date(evidence(None, None, None, note, "frus1958-60v08")).when == "1958-12-14"


def test_head_with_place_and_date():
    # FRUS 1955–57, vol. II, doc. 27
    head = ("27. Memorandum of a Conversation, Department of State, Washington, "
            "January 21, 1955, 10:30 a.m.")
    found = evidence(head, None, None, "Source: Department of State, Central Files, "
                     "793.00/1–2155. Top Secret.", "frus1955-57v02")
    assert [e.convention for e in found] == ["head", "source-note"]
    assert document_date(found).when == "1955-01-21"


def test_disagreeing_evidence_is_not_certain():
    found = evidence("1. Memorandum, Washington, January 22, 1955", "793.00/1–2155", None,
                     None)
    assert document_date(found) is None


def test_year_outside_the_volume_is_not_read():
    assert evidence(None, "851G.01/12–749", None, None, "frus1955-57v02") == []
    assert volume_years("frus1981-88v03") == (1981, 1988)


def test_drafting_date_is_only_evidence():
    note = "Source: National Archives, RG 59. Secret; Nodis. Drafted by Thompson on May 6."
    assert evidence(None, None, None, note) == []
    assert partial_dates(note) == ["Drafted by Thompson on May 6"]
