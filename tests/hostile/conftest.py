"""Fixtures for the hostile-input tests: a project folder, and the watched outside."""

from __future__ import annotations

import pytest

from hostile.guard import Outside


@pytest.fixture
def outside(tmp_path):
    watched = Outside(tmp_path / "outside")
    yield watched
    watched.close()


@pytest.fixture
def project(tmp_path, outside):
    """An editor's project folder (the working directory of every run)."""
    folder = tmp_path / "project"
    (folder / "sources").mkdir(parents=True)
    return folder
