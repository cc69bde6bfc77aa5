"""Property-based: generated transcripts and FRUS-like page texts never crash convert, lose
no text (no ``text-conservation`` diagnostic) and give well-formed, tei_all-valid TEI."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from support import SHARED
from teikit.convert import convert_file
from teikit.errors import TeikitError

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Text as archives deliver it: any printable character (letters of every script, marks,
# symbols, bidi marks, no-break spaces), with brackets and omission marks mixed in.
_CHARS = st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn"),
                       blacklist_characters="\ufffe\uffff")
_WORD = st.text(_CHARS, min_size=1, max_size=12).filter(lambda w: not w.isspace())
_MARK = st.sampled_from(["[...]", "(...)", "…", "[sic]", "[word]", "(laughter)", "[",
                         "]", "(", ")", "[Page 12]", "*", "†", "1", "23", "—", "\u202e",
                         "\u00a0", "&", "<", ">", '"', "'"])
_PHRASE = st.lists(st.one_of(_WORD, _MARK), min_size=1, max_size=14).map(" ".join)
_LABEL = st.sampled_from(["REAGAN:", "GORBACHEV:", "M. S. GORBACHEV.", "R. REAGAN.",
                          "Gorbachev:", "Shultz:", "THATCHER.", "Q:", "A:", "Zhou Enlai:",
                          "Горбачев:", "MR. X (aside):"])


@st.composite
def transcripts(draw) -> str:
    turns = draw(st.lists(st.tuples(st.one_of(_LABEL, st.just("")), _PHRASE),
                          min_size=1, max_size=12))
    return "\n\n".join(f"{label} {text}".strip() for label, text in turns) + "\n"


@st.composite
def frus_pages(draw) -> str:
    number = draw(st.integers(1, 400))
    title = draw(st.sampled_from(["Memorandum From Haig to Reagan",
                                  "Telegram From the Embassy in Moscow",
                                  "Editorial Note", "Letter From Brezhnev"]))
    notes = draw(st.integers(0, 5))
    paras = []
    for _ in range(draw(st.integers(1, 6))):
        words = draw(st.lists(st.one_of(_WORD, _MARK, st.sampled_from(
            ["Afghanistan2", "talks3", "1982", "[Page 546]", "Soviets4", "(1)"])),
            min_size=1, max_size=16))
        paras.append(" ".join(words))
    classification = draw(st.sampled_from(["Secret.", "Confidential.", ""]))
    foot = [f"  1. Source: Reagan Library, Pipes Files. {classification}"]
    foot += [f"  {k}. {draw(_PHRASE)}" for k in range(2, notes + 2)]
    return f"{number}. {title}1\n\n" + "\n\n".join(paras) + "\n\n" + "\n".join(foot) + "\n"


def _convert(text: str, reader: str = "auto"):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "d1.txt"
        path.write_text(text, encoding="utf-8")
        try:
            return convert_file(path, reader)
        except TeikitError:
            return None  # a clear one-line refusal is allowed; a crash is not


@pytest.fixture(scope="module")
def schema():
    rng = SHARED / "schemas" / "tei" / "tei_all.rng"
    return etree.RelaxNG(etree.parse(str(rng))) if rng.exists() else None


def _check(conv, schema) -> None:
    if conv is None:
        return
    rules = [d.rule for d in conv.diagnostics]
    assert "text-conservation" not in rules, [d.format() for d in conv.diagnostics]
    root = etree.fromstring(conv.data)  # well-formed
    if schema is not None:
        assert schema.validate(root), schema.error_log.last_error


@SETTINGS
@given(text=transcripts())
@example(text="REAGAN:\n\nGORBACHEV: [\n")
@example(text="REAGAN: 0\n\nA²:0\n")  # a label whose id was no XML name ("a²")
def test_transcripts(text, schema):
    _check(_convert(text), schema)


@SETTINGS
@given(text=frus_pages())
@example(text="12. Memorandum1\n\nThe talks went well.\n\n  1. Source: X.\n  2. Unmarked.\n")
@example(text="1. Memorandum From Haig to Reagan1\n\n²1\n\n  1. Source: Reagan Library.\n")
def test_frus_pages(text, schema):
    _check(_convert(text, "frus"), schema)
