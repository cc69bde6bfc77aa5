import pytest

from teikit.cli import main

WILSON = ("\n**December 9, 1987**  \n**Conversation on Afghanistan**\n\n**Summary:**\n\n"
          "Gorbachev and Reagan discuss Afghanistan.\n\n"
          "R. REAGAN. The regional issues relate primarily to other issues.\n\n"
          "M. S. GORBACHEV. Our order of priorities coincides with yours.\n")


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "rec.md"
    path.write_text(WILSON, encoding="utf-8")
    return path


def test_writes_one_edition_named_by_its_id(source, tmp_path, capsys):
    out = tmp_path / "tei"
    assert main(["convert", str(source), "-o", str(out)]) == 0
    files = [p.name for p in out.iterdir()]
    assert files == ["wca-19871209-conversation-on-afghanistan.xml"]
    assert "(written)" in capsys.readouterr().err


def test_stdout(source, capsysbinary):
    assert main(["convert", str(source), "-o", "-"]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"<?xml") and b'<sp who="#reagan">' in out


def test_rerun_is_byte_identical_and_hand_edits_need_force(source, tmp_path, capsys):
    out = tmp_path / "tei"
    main(["convert", str(source), "-o", str(out)])
    edition = next(out.iterdir())
    first = edition.read_bytes()
    assert main(["convert", str(source), "-o", str(out)]) == 0
    assert edition.read_bytes() == first
    edition.write_bytes(first.replace(b"R. REAGAN.", b"R. REAGAN (corrected)."))
    capsys.readouterr()
    assert main(["convert", str(source), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert str(edition) in err and "--force" in err and err.count("\n") == 1
    assert b"corrected" in edition.read_bytes()
    assert main(["convert", str(source), "-o", str(out), "--force"]) == 0
    assert edition.read_bytes() == first


def test_verbose_says_which_reader_and_why(source, tmp_path, capsys):
    main(["convert", str(source), "-o", str(tmp_path), "--verbose"])
    assert "reader wilson: bold date and title lines" in capsys.readouterr().err


@pytest.mark.parametrize("data, words", [
    (b"", "empty source"),
    (b"\x00\x01binary\xff", "binary file"),
    ("Gorbachev: Да".encode()[:-1], "invalid UTF-8"),
])
def test_bad_input_is_one_line_and_non_zero(tmp_path, capsys, data, words):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    assert main(["convert", str(bad), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err and words in err
    assert "Traceback" not in err


def test_cp1252_converts_with_a_warning(tmp_path, capsys):
    src = tmp_path / "old.md"
    src.write_bytes(WILSON.replace("issues", "\u2018issues\u2019").encode("cp1252"))
    assert main(["convert", str(src), "-o", str(tmp_path / "out")]) == 0
    assert "warning: not UTF-8: decoded as cp1252" in capsys.readouterr().err


def test_unknown_layout_falls_back_with_a_warning(tmp_path, capsys):
    src = tmp_path / "notes.txt"
    src.write_text("Some notes without any layout.\n", encoding="utf-8")
    assert main(["convert", str(src), "-o", str(tmp_path / "out")]) == 0
    assert "layout not recognised" in capsys.readouterr().err


def test_forced_reader_that_does_not_fit_is_an_error(tmp_path, capsys):
    src = tmp_path / "notes.txt"
    src.write_text("Some notes without any layout.\n", encoding="utf-8")
    assert main(["convert", str(src), "--reader", "wilson", "-o", str(tmp_path)]) == 1
    assert "--reader wilson: the text does not fit" in capsys.readouterr().err


def test_several_sources_one_failing_keeps_the_others(source, tmp_path, capsys):
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    out = tmp_path / "tei"
    assert main(["convert", str(empty), str(source), "-o", str(out)]) == 1
    assert len(list(out.iterdir())) == 1
    assert "1 of 2 sources failed" in capsys.readouterr().err


def test_verbose_lists_uncertain_decisions_with_their_source_lines(tmp_path, capsys):
    src = tmp_path / "rec.md"
    src.write_text("\n**May 14, 1950**  \n**Telegram**\n\nMoscow: a single label-like line.\n\n"
                   "The establishment of air\n[transport] communications.\n", encoding="utf-8")
    assert main(["convert", str(src), "-o", str(tmp_path / "out"), "-v"]) == 0
    err = capsys.readouterr().err
    assert f"{src}:8:1: info: [transport]: neither English" in err
    assert f"{src}:5:1: info:" in err  # the lone "Moscow:" is not taken for a label
    assert main(["convert", str(src), "-o", str(tmp_path / "out")]) == 0
    assert "info:" not in capsys.readouterr().err


FRUS_PAGES_BACKWARDS = ("169. Memorandum From Secretary of State Haig to President Reagan1\n\n"
                        "We must decide [Page 547] what to do.\n\nWhile we would not [Page 546] "
                        "link the talks.\n\n  1. Source: Reagan Library, Pipes Files. Secret.\n")


def test_invalid_edition_is_written_and_reported_at_its_line(tmp_path, capsys):
    src = tmp_path / "d169.txt"
    src.write_text(FRUS_PAGES_BACKWARDS, encoding="utf-8")
    out = tmp_path / "tei"
    assert main(["convert", str(src), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    edition = out / "frus-d169.xml"
    problem = next(line for line in err.splitlines() if line.startswith(f"{edition}:"))
    line_no = int(problem.split(":")[1])
    assert "<pb" in edition.read_text(encoding="utf-8").splitlines()[line_no - 1]
    assert "not valid against teikit's schemas" in err
    assert main(["convert", str(src), "-o", str(out), "--strict"]) == 1
    assert main(["convert", str(src), "-o", str(out), "--no-validate", "--strict"]) == 0


def test_chinese_record_is_valid_against_teikits_schemas(tmp_path, capsys):
    src = tmp_path / "zh.md"
    src.write_text("\n**January 22, 1950**  \n**Conversation between Stalin and Mao Zedong**\n\n"
                   "斯大林：你们有什么问题？\n\n毛泽东：我们想谈谈条约问题。\n", encoding="utf-8")
    assert main(["convert", str(src), "-o", str(tmp_path / "out"), "--strict"]) == 0
    assert "error:" not in capsys.readouterr().err
