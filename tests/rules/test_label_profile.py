"""Speaker labels judged per document (teikit.rules.label_profile), on real excerpts."""

from teikit.readers.blocks import split_blocks
from teikit.readers.transcript import turn_pieces
from teikit.rules.label_profile import reads_as_speech, same_speaker


def _turns(text: str, known: list[str] | None = None) -> list[str]:
    cut, _ = turn_pieces(split_blocks(text.split("\n")), "t.txt", known or [])
    return [p.label.printed for p in cut if p.label is not None]


def test_hard_wrapped_play_labels_at_line_starts_and_after_a_sentence():
    # The Importance of Being Earnest, a hard-wrapped e-text: no blank lines between turns
    text = ("Algernon. Did you hear what I was\n"
            "playing, Lane? Lane. I didn't think it polite to listen, sir.\n"
            "Algernon. I'm sorry for that, for\n"
            "your sake. I keep science for\n"
            "Life.\n"
            "Lane. Yes, sir.\n"
            "Algernon. [Inspects them, takes\n"
            "two.] Oh! . . . by the way, Lane, I see.\n"
            "Lane. Yes, sir; eight bottles and\n"
            "a pint.\n")
    assert _turns(text) == ["Algernon.", "Lane.", "Algernon.", "Lane.", "Algernon.",
                            "Lane."]  # "Life." at a line start is prose


def test_flattened_interview_labels_inside_lines():
    # an oral history flattened from PDF: fields and turns run on in one paragraph
    text = ("Interviewee: Margine Watson Interviewer: Benjamin Filene Date: August 14, 2014 "
            "START OF FIRST RECORDING Benjamin Filene: Ok this can be informal. "
            "Margine Watson: Margine C. Watson. BF: Ok and that s M-a-r-g-i-n-e. "
            "MW: Correct. BF: And then Watson, W-a-t-s-o-n. MW: Correct.")
    assert _turns(text) == ["Benjamin Filene:", "Margine Watson:", "BF:", "MW:", "BF:", "MW:"]


def test_one_recurring_colon_in_citations_is_no_dialogue():
    text = ("Reagan met the NSC (Reagan Library, Executive Secretariat, NSC: Meeting File: "
            "Records, NSC 00046); on May 3 (Reagan Library, Executive Secretariat, NSC: "
            "Meeting File: Records, NSC 00049).")
    assert _turns(text) == []


def test_members_list_of_a_un_record_is_not_a_dialogue():
    text = ("President:\n\nMr. Koonjul\n\n(Mauritius)\n\nMembers:\n\nBulgaria\n\nMr. Tafrov\n\n"
            "United Kingdom of Great Britain and Northern Ireland\n\nMr. Eldon\n\n"
            "Agenda\n\n The President : The Security Council will now begin its consideration.")
    assert _turns(text) == ["The President :"]


def test_hansard_labels_alone_on_their_lines():
    text = ("HC Deb 20 January 1989 vol 145 cc591-664 9.36 am\nMr. Dennis Skinner (Bolsover)\n\n"
            "It is my duty this morning to move the writ for Richmond, York—\n\n"
            "Mr. Speaker\n\nOrder. If it is a breach of privilege, he must write to me.\n\n"
            "Mr. Skinner\n\nWell, Mr. Speaker, we have made a pretty reasonable start.\n")
    assert _turns(text) == ["Mr. Dennis Skinner (Bolsover)", "Mr. Speaker", "Mr. Skinner"]


def test_label_glued_to_the_heading_before_it():
    # Bundestag question time: every label fills its line, the first is glued to a heading
    text = ("Auszug aus der Fragestunde am 22. April 2009Vizepräsident Dr. Hermann Otto Solms:\n"
            "Ich komme zur Frage 47 der Kollegin Karin Binder.\n"
            "Peter Altmaier, Parl. Staatssekretär beim Bundesminister des Innern:\n"
            "Frau Kollegin, zu Ihrer Frage kann ich Ihnen nur sagen.\n"
            "Vizepräsidentin Petra Pau:\nSie haben das Wort zur ersten Nachfrage.\n")
    assert _turns(text) == ["Vizepräsident Dr. Hermann Otto Solms:",
                            "Peter Altmaier, Parl. Staatssekretär beim Bundesminister des Innern:",
                            "Vizepräsidentin Petra Pau:"]


def test_item_numbers_and_omissions_before_a_label_stay_text():
    text = ("THE PRESIDENT. Well.\n\n[1.] Q. Mr. President, any comment?\n\n"
            "THE PRESIDENT. No comment.\n\n. . . Q. And the budget?\n")
    cut, _ = turn_pieces(split_blocks(text.split("\n")), "t.txt", [])
    assert [(p.text, p.prefix) for p in cut if p.label is None] == [("[1.]", True),
                                                                    (". . .", True)]
    assert [p.label.printed for p in cut if p.label] == ["THE PRESIDENT.", "Q.",
                                                         "THE PRESIDENT.", "Q."]


def test_a_single_weak_label_counts_when_the_title_names_the_speaker():
    text = "Brezhnev: [Welcoming remarks; report on domestic issues]\n"
    assert _turns(text) == []
    assert _turns(text, ["Meeting of Brezhnev and Honecker in the Crimea"]) == ["Brezhnev:"]


def test_weak_label_of_another_shape_than_the_document_s_is_text():
    # Duma record: the labels are capitals and a stop; "Вопрос:" is a field line
    text = ("Вопрос:\n\nПроект федерального закона о транспорте.\n\n"
            "ИЗ ЗАЛА. (Не слышно.)\n\nПРЕДСЕДАТЕЛЬСТВУЮЩИЙ. Да вот видите, как получается.\n")
    assert _turns(text) == ["ИЗ ЗАЛА.", "ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ."]


def test_initials_stand_for_the_full_name():
    assert same_speaker("Benjamin Filene", "BF")
    assert not same_speaker("Benjamin Filene", "MW")


def test_speech_is_a_sentence_not_a_name_or_a_country():
    assert reads_as_speech("Order. If it is a breach of privilege.")
    assert not reads_as_speech("Mr. Koonjul")
    assert not reads_as_speech("United Kingdom of Great Britain and Northern Ireland")


def test_pieces_carry_their_source_lines():
    text = ("Intro line.\n\nAlgernon. One,\nLane? Lane. Two.\nAlgernon. Three.\nLane. Four.\n"
            "Lane. Five.\n")
    cut, _ = turn_pieces(split_blocks(text.split("\n")), "t.txt", [])
    assert [(p.label.printed if p.label else p.text, p.line) for p in cut] == [
        ("Intro line.", 1), ("Algernon.", 3), ("Lane.", 4), ("Algernon.", 5), ("Lane.", 6),
        ("Lane.", 7)]


def test_a_field_line_is_no_turn_even_beside_labels_of_its_shape():
    text = ("Witness: John Smith\n\nDate: 5 June 1998\n\n"
            "Counsel: Where were you on the night?\n\nSmith: At home, with my wife.\n")
    assert _turns(text) == ["Counsel:", "Smith:"]


def test_a_note_letter_glued_to_a_label_without_separator():
    # Wilson Center, Khrushchev–Kroll 1961: lettered notes printed as paragraphs
    text = ("H. Krollb At the instruction of Chancellor Adenauer I pass you greetings.\n\n"
            "b Underlining by typewriter is used from this point forward.\n\n"
            "N. S. Khrushchev I thank [him] for the greetings.\n\n"
            "H. Kroll I am charged with passing you the Chancellor's response.\n\n"
            "N. S. Khrushchev Thank you.\n")
    cut, _ = turn_pieces(split_blocks(text.split("\n")), "t.md", [])
    assert [p.label.printed for p in cut if p.label] == [
        "H. Kroll", "N. S. Khrushchev", "H. Kroll", "N. S. Khrushchev"]
    assert cut[0].text.startswith("H. Krollb At")  # the letter stays, as printed


def test_without_lettered_notes_a_name_keeps_its_last_letter():
    text = "H. Krollb At the gate.\n\nH. Krollb At home.\n"
    assert _turns(text) == ["H. Krollb", "H. Krollb"]


def test_bare_answer_letter_counts_beside_bare_question_letters():
    # courtroom "transquips" (Lederer), Q and A printed without separator
    text = ("Q What is your brother-in-law's name?\nA Borofkin.\nQ What is his first name?\n"
            "A I can't remember.\n\nQ Did you stay all night with this man in Miami?\nA No.\n")
    assert _turns(text) == ["Q", "A", "Q", "A", "Q", "A"]


def test_bare_a_without_bare_q_is_an_article():
    text = ("A man came in.\nA dog followed him.\n\nA storm broke.\n\nA day later it ended.\n")
    assert _turns(text) == []


def test_one_word_answers_in_a_question_and_answer_record():
    # trial transcript quoted on a blog: "A. Buss." is the answer letter and a word, and
    # "Q. Okay." the question letter, not initials and a name
    text = ("Q. A little what?\n\nA. Buss.\n\nQ. All right. What is a buss?\n\n"
            "A. It's just like a little peck on the cheek.\n\nQ. Okay. But using Mr. Curry as "
            "a model, would you show the jury?\n\nA. I beg your pardon?\n")
    assert _turns(text) == ["Q.", "A.", "Q.", "A.", "Q.", "A."]


def test_padded_colons_of_philippine_court_records():
    text = ("ATTY. OPENA:     Now who was your companion, if any, at that time?\n\n"
            "WITNESS   :       Me and my son, Joseph Marquez.\n"
            "Q      :       What were you and your son, Joseph, doing then?\n"
            "A      :       Watching TV.\n"
            "Q      :       How high is it from the ground?\n"
            "COURT:     Which one?\n"
            "ATTY. OPENA:     The window glass?\n")
    assert _turns(text) == ["ATTY. OPENA:", "WITNESS   :", "Q      :", "A      :",
                            "Q      :", "COURT:", "ATTY. OPENA:"]


def test_a_line_of_key_value_pairs_is_a_field_list():
    # DARE telephone interviews: a table of places and recording codes above the turns
    text = ("Madison: NewWI250 Manitowoc: NewWI035 Milwaukee: NewWI243\n"
            "Madison: NewWI251 Menasha: NewWI235 Milwaukee: NewWI246\n"
            "Madison: NewWI252 Menomonee Falls: NewWI032 Milwaukee: NewWI249\n\n"
            "Madison: NewWI250\n\n"
            "Interviewer:  Well, OK, let's begin.{Um—\n\nRespondent:  OK.}\n\n"
            "Interviewer:  Should we start by talking about Madison itself?\n")
    # "OK.}" is an answer (the brace marks overlapping speech), not a field's value
    assert _turns(text) == ["Interviewer:", "Respondent:", "Interviewer:"]


def test_a_label_glued_to_the_agenda_heading_at_a_block_start():
    # a UN Security Council record copied to the web: the agenda item runs into the label
    text = ("Adoption of the agenda The agenda was adopted.\n\n"
            "The situation in the Middle East The President: In accordance with rule 37 of "
            "the Council's provisional rules of procedure, I invite the representatives.\n\n"
            "I now give the floor to Baroness Amos.\n\n"
            "Ms. Amos: The situation in Syria is a humanitarian catastrophe.\n")
    assert _turns(text) == ["The President:", "Ms. Amos:"]


def test_a_colon_after_a_sentence_or_a_field_is_no_glued_label():
    text = ("Interviewee: Margine Watson Interviewer: Benjamin Filene\n\n"
            "After hearing Mikoyan, Fidel says: we agree.\n\n"
            "Note: This is an unedited transcript.\n")
    assert _turns(text) == []
