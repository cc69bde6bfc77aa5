from teikit import model as m
from teikit.readers import transcript
from teikit.sources import decode


def _read(text):
    return transcript.read(decode(text.encode(), "talk.md"))


def test_markdown_transcript_with_heading():
    reading = _read("# Talks in Geneva\n\nREAGAN: Welcome.\n\nGORBACHEV: Thank you.\n\n"
                    "More from Gorbachev.\n")
    doc = reading.document
    assert doc.header.title == "Talks in Geneva"
    div = doc.body[0]
    assert isinstance(div.blocks[0], m.Head)
    assert [t.who for t in div.blocks[1:]] == ["reagan", "gorbachev"]
    assert len(div.blocks[2].blocks) == 2


def test_same_person_under_two_labels_gets_one_person():
    doc = _read("M. S. GORBACHEV. One.\n\nR. REAGAN. Two.\n\nGORBACHEV: Three.\n").document
    assert [p.key for p in doc.persons] == ["gorbachev", "reagan"]
    assert doc.persons[0].labels == ["M. S. GORBACHEV.", "GORBACHEV:"]


def test_lone_weak_label_is_kept_as_text_and_reported():
    reading = _read("Note: this is a memo.\n\nMoscow: a city.\n")
    assert not any(isinstance(b, m.Speech) for b in reading.document.body[0].blocks)
    assert any(d.rule == "uncertain-label" for d in reading.diagnostics)


def test_label_without_speech_becomes_a_paragraph_with_a_warning():
    reading = _read("REAGAN: Hello.\n\nGORBACHEV:\n\nREAGAN: Again.\n")
    blocks = reading.document.body[0].blocks
    assert sum(isinstance(b, m.Speech) for b in blocks) == 2
    assert [d.rule for d in reading.diagnostics] == ["label-without-speech"]


def test_sniff_counts_labels():
    assert transcript.sniff("REAGAN: a\n\nGORBACHEV: b\n").score >= 0.5
    assert transcript.sniff("Just prose.\n").score < 0.5


def test_name_dot_labels_count_only_when_repeated():
    doc = _read("Gorbachev. One.\n\nBush. Two.\n\nGorbachev. Three.\n\nAgreed. Four.\n").document
    turns = [b for b in doc.body[0].blocks if isinstance(b, m.Speech)]
    assert [t.label for t in turns] == [["Gorbachev."], ["Gorbachev."]]
    assert len(turns[0].blocks) == 2  # "Bush. Two." continues the turn as a paragraph


def test_bracketed_direction_opening_a_turn_is_its_stage_direction():
    # Russian State Duma record: the floor calls out, inaudibly
    doc = _read("ИЗ ЗАЛА. (Не слышно.)\n\nПРЕДСЕДАТЕЛЬСТВУЮЩИЙ. Да вот видите.\n").document
    turns = [b for b in doc.body[0].blocks if isinstance(b, m.Speech)]
    assert turns[0].stage == ["(Не слышно.)"] and turns[0].blocks == []
    assert turns[1].stage is None


def test_a_reaction_inside_a_turn_is_an_incident_with_its_brackets():
    # White House transcript: "(Laughter.)" is the room, not the President
    doc = _read("THE PRESIDENT: Helen. I am — (laughter.)\n\nQ You're going to be sorry. "
                "(Laughter.)\n\nQ Again.\n").document
    para = doc.body[0].blocks[0].blocks[0]
    incident = para.content[-1]
    assert (incident.tag, incident.content[0].tag, incident.content[0].content) == (
        "incident", "desc", ["(laughter.)"])


def test_a_role_first_printed_with_the_person_s_name_keeps_that_person():
    # IMT Nuremberg: "THE MARSHAL (Colonel Charles W. Mays):", later "THE MARSHAL:"
    doc = _read("THE PRESIDENT: Let the witness come back here.\n\n"
                "THE MARSHAL (Colonel Charles W. Mays): He was taken away.\n\n"
                "THE PRESIDENT: Taken away?\n\n"
                "THE MARSHAL: That's right. He was taken away by some captain.\n").document
    names = {p.key: p.name for p in doc.persons}
    turns = [b for b in doc.body[0].blocks if isinstance(b, m.Speech)]
    assert [names[t.who] for t in turns] == ["The President", "Charles W. Mays",
                                             "The President", "Charles W. Mays"]


def test_anonymous_questioners_are_one_person():
    # a news conference: every "Q." is the press, one person "Q", not one person per turn
    doc = _read("THE PRESIDENT. No comment.\n\nQ. Mr. President, any news?\n\n"
                "THE PRESIDENT. No.\n\nQ. Thank you, Mr. President.\n").document
    assert sorted(p.name for p in doc.persons) == ["Q", "The President"]


def test_an_abbreviated_play_label_is_the_character_the_text_names():
    # Shea, "Look Out for Paint": "Hel." is Helen, named in full in the speeches
    doc = _read("Percy. But Helen sends me an invitation. Ah! here she comes now.\n\n"
                "Enter Hel., R. Hurries to the churn.\n\n"
                "Hel. Oh, dear! I wish the butter would come.\n\n"
                "Percy. Ahem!\n\nHel. Oh! is it you, Mr. Heartache?\n\n"
                "Percy. Yes. (Walks toward Helen.)\n").document
    assert sorted(p.name for p in doc.persons) == ["Helen", "Percy"]


def test_a_short_name_is_no_abbreviation_of_a_longer_word():
    doc = _read("Lane. Yes, sir.\n\nAlgernon. Lanes are long, Lane.\n\nLane. Lanes, sir.\n\n"
                "Algernon. Lanes.\n").document
    assert sorted(p.name for p in doc.persons) == ["Algernon", "Lane"]
