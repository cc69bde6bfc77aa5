import pytest

from teikit.build import project as projects
from teikit.build.scaffold import init
from teikit.errors import TeikitError


def test_init_scaffolds_a_project_that_loads(tmp_path):
    made = init(tmp_path / "my-edition")
    root = tmp_path / "my-edition"
    assert {p.name for p in made} == {"teikit.toml", "register.xml", "sources", "tei",
                                      "output"}
    project = projects.load(root)
    assert project.register == "register.xml" and (root / "register.xml").is_file()
    assert project.title == "my edition"
    assert [(s.glob, s.reader) for s in project.sources] == [("sources/*.txt", "auto")]
    assert project.formats == ("html", "text") and project.width == 72
    assert project.tei_dir == root / "tei" and project.output_dir == root / "output"


def test_init_never_overwrites_a_project(tmp_path):
    init(tmp_path)
    (tmp_path / "teikit.toml").write_text('[edition]\ntitle = "mine"\n')
    with pytest.raises(TeikitError, match="already a teikit project"):
        init(tmp_path)
    assert projects.load(tmp_path).title == "mine"


@pytest.mark.parametrize("text, line, message", [
    ('[edition]\ntitle = "x"\ncolour = "red"\n', 3, "edition.colour: unknown key"),
    ('[build]\nwidth = "wide"\n', 2, "build.width: expected an integer, got str"),
    ('[build]\nformats = ["docx"]\n', 2, "build.formats: expected a non-empty list"),
    ('[[sources]]\nglob = "s/*.txt"\nreader = "pdf"\n', 3, "reader: unknown reader 'pdf'"),
    ('[[sources]]\nreader = "auto"\n', 1, "sources: entry 1 has no glob"),
    ('[edition\n', 1, "not valid TOML"),
    ('output = "x"\n', 1, "output: unknown key"),
])
def test_bad_configuration_is_one_line_naming_file_and_key(tmp_path, text, line, message):
    (tmp_path / "teikit.toml").write_text(text)
    with pytest.raises(TeikitError) as err:
        projects.load(tmp_path)
    shown = str(err.value)
    assert shown.startswith(f"{tmp_path / 'teikit.toml'}:{line}") and message in shown
    assert "\n" not in shown and err.value.exit_code == 2


def test_missing_configuration_says_how_to_make_one(tmp_path):
    with pytest.raises(TeikitError, match="teikit init"):
        projects.load(tmp_path)
