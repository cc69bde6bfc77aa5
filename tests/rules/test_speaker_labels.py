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
    ("R. Reagan", "Reagan", True),   # the surname is not taken for the initial "R."
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


# ------------------------------------------------------------------ shapes of other archives


@pytest.mark.parametrize("text, printed, name, shape", [
    # news conferences (Public Papers): a role in capitals, the questioner's letter
    ("THE PRESIDENT. Well, I have no", "THE PRESIDENT.", "The President", "caps."),
    ("Q. Mr. President, the Republican", "Q.", "Q", "letter."),
    ("Q You're going to be sorry.", "Q", "Q", "bare"),
    # court records
    ("A: It is a photograph", "A:", "A", "letter:"),
    ("THE COURT: So she didn't", "THE COURT:", "The Court", "caps:"),
    ("DEFENSE ATTORNEY: Objection.", "DEFENSE ATTORNEY:", "Defense Attorney", "caps:"),
    # titles are not part of the name, an office after it neither
    ("PRESIDENT DONALD TRUMP: Hello", "PRESIDENT DONALD TRUMP:", "Donald Trump", "caps:"),
    ("MR. DIMBLEBY. But will you", "MR. DIMBLEBY.", "Dimbleby", "caps."),
    ("SEN. DOE: We", "SEN. DOE:", "Doe", "caps:"),
    ("DAVID DIMBLEBY [British Broadcasting Corporation]. Mr. President",
     "DAVID DIMBLEBY [British Broadcasting Corporation].", "David Dimbleby", "caps."),
    ("THEODORE SORENSEN, Former Kennedy Aide: He thought",
     "THEODORE SORENSEN, Former Kennedy Aide:", "Theodore Sorensen", "caps:"),
    ("Mr. Linder. The meeting will come to order.", "Mr. Linder.", "Linder", "mixed."),
    ("Vizepräsident Dr. Hermann Otto Solms:", "Vizepräsident Dr. Hermann Otto Solms:",
     "Hermann Otto Solms", "mixed:"),
    ("Vizepräsidentin Petra Pau:", "Vizepräsidentin Petra Pau:", "Petra Pau", "mixed:"),
    ("Peter Altmaier, Parl. Staatssekretär beim Bundesminister des Innern:",
     "Peter Altmaier, Parl. Staatssekretär beim Bundesminister des Innern:", "Peter Altmaier",
     "mixed:"),
    ("Karin Binder (DIE LINKE):", "Karin Binder (DIE LINKE):", "Karin Binder", "mixed:"),
    ("Mr. Justice Robert H. Jackson (Chief of Counsel for the United States): Mr. President",
     "Mr. Justice Robert H. Jackson (Chief of Counsel for the United States):",
     "Robert H. Jackson", "mixed:"),
    # French and UN records
    ("M. le président. Quel est l’avis", "M. le président.", "M. le président", "mixed."),
    ("M. Emmanuel Macron, ministre. Ces deux", "M. Emmanuel Macron, ministre.",
     "Emmanuel Macron", "mixed."),
    ("The President : I call on", "The President :", "The President", "mixed:"),
    # Russian State Duma: capitals, the surname first and the initials' stop closing it
    ("ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ. Да вот", "ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ.", "Председательствующий", "caps."),
    ("РУБЕЖАНСКИЙ П. Н. Спасибо.", "РУБЕЖАНСКИЙ П. Н.", "Рубежанский П. Н.", "caps."),
    # Hansard: the label alone on its line, no separator
    ("Mr. Dennis Skinner (Bolsover)", "Mr. Dennis Skinner (Bolsover)", "Dennis Skinner", "alone"),
    ("Mr. Speaker", "Mr. Speaker", "Mr. Speaker", "alone"),
    # a role whose bracket names the person (IMT, Hansard); two brackets in a UN record
    ("THE PRESIDENT (Lord Justice Lawrence): The Tribunal",
     "THE PRESIDENT (Lord Justice Lawrence):", "Lawrence", "caps:"),
    ("The Prime Minister (Mr David Cameron)", "The Prime Minister (Mr David Cameron)",
     "David Cameron", "alone"),
    ("Mr. Nebenzia (Russian Federation) (spoke in Russian): I",
     "Mr. Nebenzia (Russian Federation) (spoke in Russian):", "Nebenzia", "mixed:"),
    # State Department briefings; Congressional Record
    ("QUESTION: Can you confirm", "QUESTION:", "Question", "caps:"),
    ("The CHAIRMAN. The committee will come to order.", "The CHAIRMAN.", "The Chairman",
     "mixed."),
    ("Senator FEINSTEIN. Thank you.", "Senator FEINSTEIN.", "Feinstein", "caps."),
    # Congressional Record; tribunals (a title makes a common word a name); briefings
    ("The SPEAKER pro tempore. The Chair recognizes", "The SPEAKER pro tempore.",
     "The Speaker pro tempore", "mixed."),
    ("Mr. POE of Texas. Madam Speaker, I rise", "Mr. POE of Texas.", "Poe", "mixed."),
    ("JUDGE MAY: Call the case, please.", "JUDGE MAY:", "May", "caps:"),
    ("THE ACCUSED: [Interpretation] I do not", "THE ACCUSED:", "The Accused", "caps:"),
    ("PRESS SECRETARY PSAKI: Hi, everyone.", "PRESS SECRETARY PSAKI:", "Psaki", "caps:"),
    # Wilson Center: capitals and no separator, the speech starts where the case changes
    ("N. S. KHRUSHCHEV The Western powers", "N. S. KHRUSHCHEV", "N. S. Khrushchev", "bare"),
])
def test_label_shapes_of_other_archives(text, printed, name, shape):
    label = match_label(text)
    assert (label.printed, label.name, label.shape) == (printed, name, shape)
    assert text.startswith(label.printed)


@pytest.mark.parametrize("text", [
    "Депутат Рубежанский, пожалуйста.",          # the chair calls a deputy
    "EQUIPO NIZKOR",                             # a heading alone on its line
    "BETWEEN N. S. KHRUSHCHEV AND PHAM VAN DONG",  # a title line in capitals
    "M. S. Solomentsev, I. V. Kapitonov, M. V. Zimyanin,",  # a list of those present
    "Bitte, Herr Staatssekretär.",
    "Members:",
    "HC Deb 20 January 1989 vol 145 cc591-664 9.36 am",
    "SCENE I. A room in the castle.",             # a play's scene heading
    "Mr. Smith of the State Department said that",
])
def test_more_look_alikes_are_not_labels(text):
    assert match_label(text) is None


def test_a_lone_letter_with_a_name_after_it_is_an_initial():
    assert match_label("A. Gromyko. We agree.").name == "A. Gromyko"


@pytest.mark.parametrize("text,printed,name", [
    # French Senate, compte rendu analytique: a spaced hyphen follows the full stop
    ("M. le président.  - L'ordre du jour appelle les questions.", "M. le président.  -",
     "M. le président"),
    ("M. Pierre-Yves Collombat .  - Après les paroles de M. le Premier ministre",
     "M. Pierre-Yves Collombat .  -", "Pierre-Yves Collombat"),
    ("M. Bernard Cazeneuve, Premier ministre .  - Une parole d'une autorité",
     "M. Bernard Cazeneuve, Premier ministre .  -", "Bernard Cazeneuve"),
    # State Duma: surname, initials, faction
    ("ХАРИТОНОВ Н. М., фракция Коммунистической партии Российской Федерации.   ",
     "ХАРИТОНОВ Н. М., фракция Коммунистической партии Российской Федерации.",
     "Харитонов Н. М."),
    ("ATTY. OPENA:     Now who was your companion", "ATTY. OPENA:", "Opena"),
])
def test_separators_and_qualifiers_of_more_records(text, printed, name):
    label = match_label(text)
    assert (label.printed, label.name) == (printed, name)


@pytest.mark.parametrize("text,printed,stage,name", [
    ("HELEN [_rising_]. Yes.", "HELEN", "[_rising_].", "Helen"),
    ("GERARDO [_tenderly_]. Helen!", "GERARDO", "[_tenderly_].", "Gerardo"),
    ("Percy (perplexed). Well, this is a great state of affairs.", "Percy", "(perplexed).",
     "Percy"),
])
def test_a_play_s_direction_between_name_and_stop_is_a_stage(text, printed, stage, name):
    label = match_label(text)
    assert (label.printed, label.stage, label.name) == (printed, stage, name)
