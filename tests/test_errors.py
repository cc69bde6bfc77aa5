from teikit.diagnostics import Diagnostic
from teikit.errors import TeikitError, printable


def test_hostile_file_name_cannot_break_the_one_line_message():
    name = "a\nteikit: forged.txt: error: x\x1b[2J\u202etxt.exe"
    line = str(TeikitError("empty source", file=name, line=2, col=3))
    assert "\n" not in line and "\x1b" not in line and "\u202e" not in line
    assert line == ("a\\nteikit: forged.txt: error: x\\x1b[2J\\u202etxt.exe:2:3: "
                    "error: empty source")
    diag = Diagnostic(name, 1, 1, "warning", "m", "r").format()
    assert "\n" not in diag and diag.startswith("a\\nteikit")


def test_printable_text_is_unchanged():
    assert printable("Горбачёв 日本 “quoted” tab-free") == "Горбачёв 日本 “quoted” tab-free"
