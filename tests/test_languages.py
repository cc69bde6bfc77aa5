from teikit.languages import code_for, detect

# short real excerpts (the transcripts' development samples, a Wilson record)
DUMA = ("ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ. Уважаемые коллеги, переходим к рассмотрению вопроса о "
        "внутреннем водном транспорте. Это законопроект, который мы уже обсуждали, и по "
        "нему есть поправки комитета. Кто за то, чтобы принять его в первом чтении?")
RADA = ("ГОЛОВУЮЧИЙ. Шановні колеги, продовжуємо нашу роботу. Я прошу народних депутатів "
        "підготуватися до голосування. Це питання ми вже розглядали, і комітет про це "
        "доповідав, але є ще одна поправка до закону.")
BUNDESTAG = ("Präsidentin Dr. Barbara Hendricks: Ich rufe die Frage 12 der Abgeordneten auf. "
             "Die Bundesregierung hat in der Antwort auf die Frage mitgeteilt, dass sie den "
             "Bericht auch dem Ausschuss für Wirtschaft vorlegen wird und es nicht bei einer "
             "Mitteilung belässt.")
SENAT = ("M. le président. La séance est ouverte. L'ordre du jour appelle la suite de la "
         "discussion du projet de loi pour la croissance et l'activité. Nous en sommes "
         "parvenus, dans la discussion des articles, à l'article 55 qui porte sur les "
         "tarifs des notaires.")
ENGLISH = ("THE PRESIDENT. I have no prepared statement. Q. Mr. President, is it true that "
           "the Russians have asked for a meeting of the foreign ministers in the fall, and "
           "will you go to it? THE PRESIDENT. I have not been asked, and that is all I can say "
           "on the matter at this time.")
ZHOU = "周恩来：我们欢迎你们来访。毛雷尔：谢谢总理。我们希望两国关系能够改善。"


def test_languages_of_one_script_are_told_apart_by_their_function_words():
    assert detect(DUMA) == "ru"
    assert detect(RADA) == "uk"
    assert detect(BUNDESTAG) == "de"
    assert detect(SENAT) == "fr"
    assert detect(ENGLISH) == "en"


def test_script_decides_for_chinese():
    assert detect(ZHOU) == "zh"


def test_a_translation_quoting_its_original_stays_english():
    assert detect(ENGLISH + " He said «мир» and [akkuratno].") == "en"


def test_too_little_or_mixed_text_says_nothing():
    assert detect("") is None
    assert detect("12:30 — 14:00") is None
    assert detect("Moscow, Kremlin") is None
    assert detect(DUMA[:80] + " " + ENGLISH[:80]) is None


def test_language_names_as_printed():
    assert code_for("Russian.") == "ru"
    assert code_for("Klingon") is None
