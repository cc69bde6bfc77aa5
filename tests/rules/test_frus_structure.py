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
    assert fs.is_classification_line("top secret us urgent niact")  # 1948 V 1, 197
    assert not fs.is_classification_line("us urgent talks")
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


def test_archive_lines_above_the_head():
    # FRUS 1944 Quebec, doc. 71: the collection printed as the source line
    assert fs.is_file_number_line("Notter File, Box 168: Stettinius Diary")
    assert fs.is_file_number_line("Roosevelt Papers")
    assert fs.is_file_number_line("Department of State Files: Telegram")
    assert fs.is_file_number_line("Hull Papers, Box 53, Folder 168")
    assert not fs.is_file_number_line("Memorandum by the Under Secretary of State (Stettinius)")
    assert not fs.is_file_number_line("Conversation With Mr. Hull")


def test_heads_naming_a_kind_of_document():
    assert fs.is_document_kind_head(
        "Memorandum by the Under Secretary of State (Stettinius)")  # 1944 Quebec, 71
    assert fs.is_document_kind_head("Memorandum of Conversation, by the Secretary of State")
    assert not fs.is_document_kind_head("Memorandum")
    assert not fs.is_document_kind_head("Conversations With Sir Alexander Cadogan")


def test_text_kind_lines_under_the_head():
    for line in ("[Paraphrase]", "[Telegram]",  # 1927 I, 62; 1918 Russia III, 80
                 "[Translation.]", "[Extract.]", "[Extracts.]"):  # 1882, 66; 1861, 112, 111
        assert fs.is_text_kind_line(line), line
    for line in ("[Here follows the text of telegram No. 53, printed on page 66.]",
                 "[Enclosure]", "[1 line not declassified]", "Paraphrase"):
        assert not fs.is_text_kind_line(line), line


def test_despatch_number_with_the_office_letter():
    assert fs.is_despatch_number("No. 6993.—H.]")  # FRUS 1861, doc. 114 (enclosure)
    assert fs.is_despatch_number("No. 20.]")  # FRUS 1861, doc. 112
    assert not fs.is_despatch_number("No. 20. The Minister called")
    assert fs.is_despatch_number("No. 221.—Confidential.]")


def test_nineteenth_century_signature_of_one_word():
    assert fs.looks_like_signature("RECHBERG.")  # FRUS 1861, doc. 114
    assert fs.looks_like_signature("HULSEMANN")
    assert not fs.looks_like_signature("END.")
    assert not fs.looks_like_signature("NO.")


def test_addressee_and_postscript_after_the_signature():
    # FRUS 1861, docs. 110–115: the addressee printed under the signature
    for text in ("The Right Hon. Lord Lyons, &c., &c., &c.",
                 "Anson Burlingame, Esq., &c., &c., &c.",
                 "Hon. William H. Seward,\nSecretary of State, Washington.",
                 "His Excellency the Chevalier Hulsemann, &c., &c., &c., Washington.",
                 "The Chevalier Hulsemann, &c., &c., &c.,"):
        assert fs.is_addressee(text), text
        assert fs.is_postscript(text), text
    assert fs.is_postscript("P. S. I enclose a copy of the note.")
    assert not fs.is_addressee("Mr. Bundy has seen this.")  # a sentence, not an addressee
    assert fs.is_addressee("Hon. Hamilton Fish, Secretary of State.")
    assert fs.is_postscript("A copy.")
    assert not fs.is_addressee("I avail myself of this opportunity to renew to your lordship "
                               "the assurance of my high consideration.")
    assert not fs.is_postscript("[For this inclosure see ante—Proclamations.]")  # 1870, 38


def test_salutation_run_into_the_first_paragraph():
    assert fs.opens_with_salute("Sir: I have the honor to acknowledge the receipt")  # 1861
    assert fs.opens_with_salute("My Lord: Your letter of the 11th of October last")
    assert fs.opens_with_salute("Gentlemen: At your request I make the following")  # 1882
    assert not fs.opens_with_salute("Sir Alexander Cadogan called me right after midnight.")
    assert fs.opens_with_salute("Your Highnesses and Your Excellencies: I have the honor")
    assert fs.opens_with_salute("Your Excellency: We have the honor to acknowledge")
    assert not fs.opens_with_salute("Sirs and madams")


def test_inclosure_lines_open_an_attachment():
    # FRUS 1882, doc. 67
    assert fs.is_attachment_line(
        "[Translation of inclosure with Mr. Martinez’s note of January 10, 1882.]")
    assert fs.is_attachment_line("[Inclosure 1 in No. 35.]")
    assert fs.is_attachment_line("[Sub-inclosure.]")
    assert not fs.is_attachment_line("[For this inclosure see ante—Proclamations.]")  # 1870
    assert fs.is_correspondence_head("Baron Rechberg to Mr. Hülsemann.")  # 1861, 114


def test_signature_with_the_signers_title_under_it():
    # FRUS 1894 Nicaragua, doc. 20: <signed>S. C. Braida,<lb/>United States Consul</signed>
    assert fs.looks_like_signature_block("S. C. Braida,\nUnited States Consul.")
    assert fs.looks_like_signature_block(
        "John Hay,\nEnvoy Extraordinary and Minister Plenipotentiary.")
    assert fs.looks_like_signature_block("Haig")
    assert not fs.looks_like_signature_block("Approved:\nJohn Smith")
    assert not fs.looks_like_signature_block("S. C. Braida,\nwho left on the 14th for Grey Town.")
    assert not fs.looks_like_signature_block("Haig,\nState\nDefense\nTreasury")


def test_mixed_case_signature_with_a_stop():
    # FRUS 1901 China, doc. 57: <signed><hi rend="smallcaps">E. H. Conger.</hi></signed>
    assert fs.looks_like_signature("E. H. Conger.")
    assert not fs.looks_like_signature("John Hay.")  # could be a sentence: needs a close
    assert fs.looks_like_signature("John Hay.", after_close=True)
    assert not fs.looks_like_signature("Situation serious.", after_close=True)
    assert fs.is_complimentary_close("I have, etc.,")
    assert fs.is_complimentary_close("I am, sir, your obedient servant,")
    assert not fs.is_complimentary_close("The Minister said that, as he had told me, "
                                         "nothing would be done")


def test_volume_number_above_the_head():
    assert fs.volume_number("No. 64.\nMr. Martinez to Mr. Frelinghuysen.") == (
        "64", "Mr. Martinez to Mr. Frelinghuysen.")  # FRUS 1882, doc. 64
    assert fs.volume_number("No. 35.") == ("35", "")  # FRUS 1870, doc. 35
    assert fs.volume_number("No. 20.]")[0] is None  # a despatch number, not the volume's
    assert fs.volume_number("No. 64. Mr. Martinez to Mr. Frelinghuysen.")[0] is None


def test_copy_certification_on_one_line_divides_into_its_parts():
    # FRUS 1882, doc. 67: <postscript><p>A copy.</p><p>The secretary of legation.</p>
    # <closer><signed>F. PINTO.</signed></closer></postscript>, printed on one line
    text = "A copy. The secretary of legation. F. PINTO."
    cuts = fs.certification_cuts(text)
    pieces = zip([0, *cuts], [*cuts, len(text)], strict=True)
    assert [text[a:b].strip() for a, b in pieces] == [
        "A copy.", "The secretary of legation.", "F. PINTO."]
    assert fs.certification_cuts("A copy of the note is enclosed. It was sent.") == []
    assert fs.certification_cuts("Hon. William H. Seward, Secretary of State.") == []


def test_single_name_with_a_stop_under_a_complimentary_close():
    # FRUS 1901, doc. 134: "Be pleased, etc.," / <signed><hi rend="smallcaps">Holleben.</hi>
    assert fs.looks_like_signature("Holleben.", after_close=True)
    assert not fs.looks_like_signature("Holleben.")  # alone it may end a sentence
    assert not fs.looks_like_signature("continued.", after_close=True)


def test_bare_attachment_line_and_text_kind_line_above_an_enclosure():
    # FRUS 1981–88 V, doc. 10: <note rend="inline"><hi rend="strong">Attachment</hi></note>
    assert fs.is_attachment_line("Attachment")
    assert not fs.is_attachment_line("Attachment of the Embassy")
    # FRUS 1864 III, doc. 99: "[Translation.]" above the enclosure's head is no signature
    assert not fs.looks_like_signature("[Translation.]", after_close=True)
    assert not fs.looks_like_signature_block("[Translation.]")


def test_the_offices_untitled_head():
    # FRUS 1901, doc. 133a: <head ana="#head_untitled-missing-head-in-printed-volume">
    assert fs.is_unnumbered_head("[Untitled]")
    assert not fs.is_unnumbered_head("[Untitled draft]")


def test_a_withheld_signer():
    # FRUS 1952–54 Guatemala, doc. 45: the memorandum's signer is not declassified
    assert fs.looks_like_signature("[name not declassified]")
    assert not fs.looks_like_signature("[text not declassified]")


def test_file_number_under_the_archives_name():
    # FRUS 1919 Paris XI, doc. 35: <note rend="inline" type="source">Paris Peace Conf. …
    assert fs.is_file_number_line("Paris Peace Conf. 184.00101/36")
    assert not fs.is_file_number_line("Paris Peace Conference 1919")
    assert not fs.is_file_number_line("The Ambassador 184.00101/36 said")


def test_signing_for_line():
    # FRUS 1917 Supp. 2 II, doc. 50: <closer>For the Secretary of State:<lb/><signed>…
    assert fs.is_signing_for("For the Secretary of State:")
    assert not fs.is_signing_for("For the Secretary of State")
    assert not fs.is_signing_for("For the reasons given above the Department declines:")


def test_bracketed_attachment_line_with_its_kind():
    # FRUS 1941 VI, doc. 262: <seg rendition="#center">[Annex—Telegram—Translation]</seg>
    assert fs.is_attachment_line("[Annex—Telegram—Translation]")
    assert fs.is_attachment_line("[Enclosure 2—Translation]")
    assert not fs.looks_like_signature("[Annex—Telegram—Translation]", after_close=True)
