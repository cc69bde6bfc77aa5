from teikit.rules import frus_structure as fs


def test_head_number():
    assert fs.head_number("169. Memorandum From Secretary of State Haig") == (
        "169", "Memorandum From Secretary of State Haig")
    assert fs.head_number("The Secretary of State to the Embassy in France")[0] is None


def test_file_number_lines():
    for line in ("851G.01/12–749: Telegram", "740.0011 Pacific War/2959", "811.917/234",
                 "123 G 231/582: Telegram", "893.404/86: Telegram"):
        assert fs.is_file_number_line(line), line
    for line in ("169. Memorandum From Haig to Reagan1",
                 "The Secretary of State to the Embassy in France1"):
        assert not fs.is_file_number_line(line), line


def test_opener_lines():
    assert fs.is_classification_line("secret")
    assert fs.is_classification_line("restricted")
    assert fs.is_classification_line("top secret—eyes only")
    assert not fs.is_classification_line("secret talks began")
    assert fs.is_despatch_number("No. 185")
    assert fs.is_salute("Dear Mr. President:")
    assert not fs.is_salute("Department pass Paris, pouched Hanoi.")
    assert fs.is_dateline("Washington, May 7, 1982")


def test_item_labels():
    assert fs.item_label("1. Bao Dai in touch") == ("1.", 3)
    assert fs.item_label("Afghanistan “Experts’ Talks”") == (None, 0)


def test_signatures():
    for name in ("Haig", "Dean Rusk", "S[tanley] K. H[ornbeck]", "Acheson"):
        assert fs.looks_like_signature(name), name
    for text in ("Appreciate Dept's guidance on this point.", "Sincerely,",
                 "End text.", "3. Chances of getting", "Attachment", "Tab A"):
        assert not fs.looks_like_signature(text), text


def test_older_source_lines_and_signatures():
    from teikit.rules import frus_structure as fs
    assert fs.is_file_number_line("No. 35.")  # FRUS 1870, doc. 35
    assert fs.is_file_number_line("710. G Commercial Agreement/52: Telegram")  # 1934 IV, 37
    assert fs.is_file_number_line("763.72112/3527½")  # 1914–20 II, doc. 11
    assert not fs.is_file_number_line("169. Memorandum From Secretary of State Haig")
    assert fs.is_despatch_number("No. 175.]")
    assert fs.looks_like_signature("HAMILTON FISH.")
    assert fs.looks_like_signature("W. W.")
    assert not fs.looks_like_signature("Faithfully yours,")


def test_attachment_lines():
    from teikit.rules import frus_structure as fs
    assert fs.is_attachment_line("[Enclosure]")  # FRUS 1914–20 II, doc. 10
    assert fs.is_attachment_line("Tab A")
    assert not fs.is_attachment_line("[Here follows a list of names]")


def test_unnumbered_heads_of_every_era():
    from teikit.rules import frus_structure as fs
    assert fs.is_unnumbered_head("Mr. Seward to Lord Lyons.")  # FRUS 1861, doc. 110
    assert fs.is_unnumbered_head("Mr. Hülsemann to Mr. Seward.")  # FRUS 1861, doc. 114
    assert fs.is_unnumbered_head(
        "The Acting Secretary of State to the Legation in Saudi Arabia")  # 1948 V 1, 197
    assert fs.is_unnumbered_head("Editorial Note")  # FRUS 1944 Quebec, doc. 72
    # a sentence holding " to " is no head: it starts with no title
    assert not fs.is_unnumbered_head("We agreed to meet again on Tuesday.")
    assert not fs.is_unnumbered_head("The President said that he would go to Moscow. " * 5)
