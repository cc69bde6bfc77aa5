from teikit import model as m
from teikit.rules.citation import parse

SEED = ('"Conversation between M. S. Gorbachev and Ronald Reagan on Afghanistan (Excerpt)", '
        "December 9, 1987, Wilson Center Digital Archive, Gorbachev Foundation, Moscow. "
        "Provided by Anatoly Chernyaev and translated by Gary Goldberg for CWIHP "
        "<https://wilson-center-digital-archive.dvincitest.com/document/117244>")


def _text(content):
    out = []
    for x in content:
        out.append(x if isinstance(x, str) else _text(x.content))
    return "".join(out)


def test_seed_citation_parts():
    cit = parse(SEED)
    assert cit.title.startswith("Conversation between M. S. Gorbachev")
    assert cit.date_when == "1987-12-09"
    assert cit.archive == "Gorbachev Foundation, Moscow"
    assert cit.url.endswith("/document/117244")
    assert [(r.resp, r.names) for r in cit.responsibilities] == [
        ("Provided by", ["Anatoly Chernyaev"]), ("translated by", ["Gary Goldberg"])]


def test_citation_text_is_verbatim_without_the_url_brackets():
    cit = parse(SEED)
    assert _text(cit.content) == SEED.replace("<", "").replace(">", "")


def test_comma_inside_quotes_and_translation_from():
    cit = parse('"Conversation between the Cuban Leadership and Mikoyan," November 05, 1962, '
                "History and Public Policy Program Digital Archive, Institute of History, Cuba, "
                "obtained and provided by Philip Brenner (American University); translation "
                "from Spanish by Carlos Osorio (National Security Archive)  "
                "<http://digitalarchive.wilsoncenter.org/document/111215>")
    assert cit.title == "Conversation between the Cuban Leadership and Mikoyan"
    assert cit.date_when == "1962-11-05"
    assert cit.archive == "Institute of History, Cuba"
    resp = {r.resp: r.names for r in cit.responsibilities}
    assert resp == {"obtained and provided by": ["Philip Brenner"],
                    "translation from Spanish by": ["Carlos Osorio"]}
    assert any(isinstance(x, m.Span) and x.tag == "publisher" for x in cit.content)


def test_translated_for_cwihp_by_several_names():
    cit = parse('"X," May 1, 1960, History and Public Policy Program Digital Archive, AVP RF. '
                "Translated for CWIHP by Gary Goldberg and Sergey Radchenko.")
    assert [(r.resp, r.names) for r in cit.responsibilities] == [
        ("Translated for CWIHP by", ["Gary Goldberg", "Sergey Radchenko"])]
    assert _text(cit.content).endswith("Gary Goldberg and Sergey Radchenko.")


def test_an_organisation_obtained_it():
    cit = parse('"X," May 1, 1960, Wilson Center Digital Archive, APRF. '
                "Obtained by the National Security Archive.")
    r = cit.responsibilities[0]
    assert (r.resp, r.names, r.organisations) == ("Obtained by", [], ["National Security Archive"])
