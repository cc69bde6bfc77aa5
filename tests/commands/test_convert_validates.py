"""``teikit convert`` validates the editions it writes (``--no-validate`` skips it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from teikit import validate
from teikit.cli import main
from teikit.diagnostics import Diagnostic

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


@pytest.fixture
def seed() -> Path:
    found = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not found:
        pytest.skip("shared seeds not available")
    return found[0]


def test_seed_edition_is_valid(seed, tmp_path, capsys):
    assert main(["convert", str(seed), "-o", str(tmp_path)]) == 0
    assert ": error:" not in capsys.readouterr().err


def test_problems_are_reported_and_fail_only_a_strict_command(seed, tmp_path, capsys,
                                                              monkeypatch):
    calls = []

    def fake(data: bytes, name: str):
        calls.append(name)
        return [Diagnostic(name, 3, 5, "error", "element x not allowed here", "teikit.rng")]

    monkeypatch.setattr(validate, "validate_bytes", fake)  # convert imports it when it runs
    assert main(["convert", str(seed), "-o", str(tmp_path), "--strict"]) == 1
    err = capsys.readouterr().err
    assert f"{calls[0]}:3:5: error: element x not allowed here [teikit.rng]" in err
    assert calls[0].startswith(str(tmp_path))

    calls.clear()
    assert main(["convert", str(seed), "-o", str(tmp_path / "b"), "--no-validate"]) == 0
    assert calls == []
