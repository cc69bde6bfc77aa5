import codecs
from pathlib import Path

import pytest

from teikit.errors import TeikitError
from teikit.sources import decode


def test_utf8_with_bom_and_crlf():
    src = decode(codecs.BOM_UTF8 + b"R. REAGAN. Hello\r\nworld", "a.txt")
    assert src.text == "R. REAGAN. Hello\nworld" and src.encoding == "utf-8"


def test_utf16_with_bom():
    src = decode("M. S. GORBACHEV. Да".encode("utf-16"), "a.txt")
    assert src.text == "M. S. GORBACHEV. Да"


def test_cp1252_is_decoded_with_a_warning():
    src = decode("Filippov \u2018Stalin\u2019 said".encode("cp1252"), "a.txt")
    assert src.text == "Filippov \u2018Stalin\u2019 said"
    assert [d.rule for d in src.diagnostics] == ["source-encoding"]
    assert src.diagnostics[0].severity == "warning"


def test_truncated_utf8_is_an_error_with_position():
    data = "Gorbachev: Да\nnext ".encode() + "Д".encode()[:1]
    with pytest.raises(TeikitError) as e:
        decode(data, "a.txt")
    assert (e.value.line, e.value.col) == (2, 6)


@pytest.mark.parametrize("data, words", [
    (b"", "empty"), (b"  \n\t\n", "empty"), (b"\x00\x01\x02binary", "binary"),
])
def test_unusable_inputs(data, words):
    with pytest.raises(TeikitError, match=words):
        decode(data, "a.txt")


def test_control_character_is_reported_at_its_place():
    with pytest.raises(TeikitError) as e:
        decode(b"line one\nab\x07c", "a.txt")
    assert (e.value.line, e.value.col) == (2, 3)


@pytest.mark.parametrize("char", ["\ufffe", "\uffff"])
def test_characters_xml_cannot_hold_are_an_error_at_their_place(char):
    with pytest.raises(TeikitError, match=f"U\\+{ord(char):04X}") as e:
        decode(f"Reagan: one\nGorbachev: a{char}b".encode(), "a.txt")
    assert (e.value.line, e.value.col) == (2, 13)


def test_bidi_override_is_kept_with_a_warning_at_its_place():
    src = decode("Reagan: one\nGorbachev: a\u202eb".encode(), "a.txt")
    assert "\u202e" in src.text
    [warn] = src.diagnostics
    assert (warn.rule, warn.line, warn.col) == ("source-bidi", 2, 13)


def test_pipe_and_device_are_refused_without_reading(tmp_path):
    import os

    from teikit.sources import read_source
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        with pytest.raises(TeikitError, match="not a regular file") as e:
            read_source(path)
        assert e.value.exit_code == 2


def test_source_over_the_limit_is_refused_before_reading(tmp_path):
    from teikit.sources import MAX_SOURCE_BYTES, read_source
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # sparse: no disk used
        fh.truncate(MAX_SOURCE_BYTES + 1)
    with pytest.raises(TeikitError, match="too large"):
        read_source(big)
