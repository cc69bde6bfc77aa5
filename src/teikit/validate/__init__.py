"""Validation of TEI editions: RelaxNG (lxml), XML Schema 1.0/1.1 (xmlschema), Schematron
(teikit's XPath engine, XSLT 2 binding emulated where possible), plus what the engines miss
(duplicate ``xml:id``, the Schematron embedded in ``tei_all.rng``).

Library entry points: :func:`validate_tree` (a tree in memory), :func:`validate_bytes`
(an edition about to be written, as ``teikit convert`` does) and :func:`validate_files`.
See docs/validation.md.
"""

from __future__ import annotations

from pathlib import Path

from teikit.diagnostics import Diagnostic
from teikit.files import xml_files
from teikit.validate.runner import FileResult, run, validate_bytes, validate_tree

__all__ = ["Diagnostic", "FileResult", "validate_bytes", "validate_files", "validate_tree"]


def validate_files(paths: list[Path], schema_paths: list[Path] | None = None,
                   jobs: int = 1) -> list[FileResult]:
    return list(run(xml_files(paths), schema_paths, jobs))
