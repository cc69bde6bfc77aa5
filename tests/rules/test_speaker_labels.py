import pytest

from teikit.rules.speaker_labels import (
    caps,
    cjk,
    initials_dot,
    match_label,
    name_colon,
    name_dash,
    normalise_name,
    same_person,
)


@pytest.mark.parametrize("text, printed, name", [
    ("R. REAGAN. The regional issues relate", "R. REAGAN.", "R. Reagan"),
    ("M. S. GORBACHEV.Yesterday I touched on", "M. S. GORBACHEV.", "M. S. Gorbachev"),
    ("BREZHNEV: Yesterday I spoke by phone", "BREZHNEV:", "Brezhnev"),
])
def test_caps(text, printed, name):
    label = caps(text)
    assert (label.printed, label.name) == (printed, name)
    assert label.printed + label.rest == text


def test_initials_dot_mixed_case():
    label = initials_dot("G. Bush. When I was talking with Dobrynin")
    assert (label.printed, label.name) == ("G. Bush.", "G. Bush")


@pytest.mark.parametrize("text, printed, name", [
    ("Zhou Enlai: According to us, at present", "Zhou Enlai:", "Zhou Enlai"),
    ("Comrade Nicolae Ceausescu:", "Comrade Nicolae Ceausescu:", "Nicolae Ceausescu"),
    ("Kim Dong-gyu:", "Kim Dong-gyu:", "Kim Dong-gyu"),
    ("M.S. [Gorbachev]: Yes.", "M.S. [Gorbachev]:", "M. S. Gorbachev"),
    ("The President: I agree.", "The President:", "The President"),
])
def test_name_colon(text, printed, name):
    label = name_colon(text)
    assert (label.printed, label.name) == (printed, name)


def test_stage_direction_inside_label():
    label = name_colon("Khrushchev (after the translation ended): Good.")
    assert label.printed == "Khrushchev"
    assert label.stage == "(after the translation ended):"
    assert label.name == "Khrushchev"


def test_side_label_names_the_speaker_in_brackets():
    label = name_colon("North (KIM): We propose")
    assert (label.printed, label.name, label.rule) == ("North (KIM):", "Kim", "side_label")


def test_em_dash_label():
    label = name_dash("Cde. Molotov— We cannot agree.")
    assert (label.printed, label.name) == ("Cde. Molotov—", "Molotov")


def test_chinese_label():
    label = cjk("周恩来：我们认为")
    assert (label.printed, label.name, label.rest) == ("周恩来：", "周恩来", "我们认为")


@pytest.mark.parametrize("text", [
    "To: Moscow",
    "Date and Time: 4:10 am",
    "Cde. L. I. BREZHNEV presiding.",
    "After hearing Mikoyan, Fidel says:",
    "Stalin asks the members of the delegation how their trip was",
    "VYSHINSKY",
    "Those Taking Part: Bulganin, Voroshilov",
    "Destination: PEKING To Whom: SovAmbassador",
    "Copies:",
    "Also taking part: Cdes. Yu. V. Andropov",
    "SESSION OF THE CPSU CC POLITBURO",
    "2. On Cde. L. I. Brezhnev's Discussion",
    "Mao Zedong said the following:",
    "Kovalev Report to Stalin re: a Conversation with Mao, Dec.20, 1949",
    "For Mao Zedong.",
    "The following officials attended the discussion: Stefan Andrei",
])
def test_look_alikes_are_not_labels(text):
    assert match_label(text) is None


def test_single_plain_word_label_is_weak():
    assert name_colon("Gorbachev: Yes.").weak
    assert not name_colon("Zhou Enlai: Yes.").weak


def test_normalise_name():
    assert normalise_name("M.S. [GORBACHEV]") == "M. S. Gorbachev"


@pytest.mark.parametrize("a, b, same", [
    ("M. S. Gorbachev", "Gorbachev", True),
    ("Mikhail Gorbachev", "M. S. Gorbachev", True),
    ("G. Bush", "George H. W. Bush", True),
    ("Kim Il Sung", "Kim Dong-gyu", False),
    ("R. Reagan", "M. S. Gorbachev", False),
])
def test_same_person(a, b, same):
    assert same_person(a, b) is same


def test_name_dot_is_weak_and_needs_a_repeat():
    label = match_label("Gorbachev. Yesterday I touched on the Afghan issue.")
    assert (label.printed, label.rule, label.repeat_needed) == ("Gorbachev.", "name_dot", True)


@pytest.mark.parametrize("text, name", [
    ("The Secretary: Yes.", "The Secretary"),
    ("Com. Kim: We agree.", "Kim"),
    ("Interpreter: He says no.", "Interpreter"),
    ("G. Bush.When I was talking", "G. Bush"),
])
def test_titles_roles_and_glued_mixed_case(text, name):
    assert match_label(text).name == name
