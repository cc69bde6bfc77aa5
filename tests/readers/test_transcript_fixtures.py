"""Real transcript excerpts that no rule was tuned on before (fixtures/transcripts/: the
page copy as stored, character for character, and a hand-made gold of its turns): every
speaker turn, label as printed and person, and every omission mark."""

import json
import re
from pathlib import Path

import pytest

from teikit import model as m
from teikit.readers import transcript
from teikit.sources import decode

FIXTURES = Path(__file__).parent / "fixtures" / "transcripts"
NAMES = sorted(p.name[:-len(".gold.json")] for p in FIXTURES.glob("*.gold.json"))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _words(name: str) -> set[str]:
    return set(re.findall(r"\w+", name.casefold()))


def _walk(blocks):
    for b in blocks:
        yield b
        yield from _walk(getattr(b, "blocks", None) or [])


def _inlines(node):
    for x in getattr(node, "content", None) or []:
        yield x
        yield from _inlines(x)


@pytest.mark.parametrize("name", NAMES)
def test_turns_of_real_excerpts(name):
    gold = json.loads((FIXTURES / f"{name}.gold.json").read_text(encoding="utf-8"))
    data = (FIXTURES / f"{name}.txt").read_bytes()
    doc = transcript.read(decode(data, f"{name}.txt")).document
    names = {p.key: p.name for p in doc.persons}
    turns = [(_norm("".join(t.label)), names[t.who])
             for t in _walk(doc.body) if isinstance(t, m.Speech)]
    assert [label for label, _ in turns] == [_norm(g[0]) for g in gold["speaker_turns"]]
    for (_, person), (_, wanted) in zip(turns, gold["speaker_turns"], strict=True):
        # the name as the text gives it ("Ms. Amos:" is Amos; the gold knows her as Valerie
        # Amos from the invitation list): its words are the gold name's
        assert 0 < len(_words(person)) and _words(person) <= _words(wanted), (person, wanted)


@pytest.mark.parametrize("name", NAMES)
def test_omission_marks_of_real_excerpts(name):
    gold = json.loads((FIXTURES / f"{name}.gold.json").read_text(encoding="utf-8"))
    data = (FIXTURES / f"{name}.txt").read_bytes()
    doc = transcript.read(decode(data, f"{name}.txt")).document
    gaps = [x for b in _walk(doc.body) for x in _inlines(b) if isinstance(x, m.Gap)]
    assert len(gaps) == gold["omissions"]["count"]
