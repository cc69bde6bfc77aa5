"""Where teikit finds its shipped files: the project's top-level ``xslt/`` and ``schemas/``.

In a source checkout (and an editable install) they are read in place; a built wheel carries
copies under ``teikit/_data/`` (see ``setup.py``).
"""

from __future__ import annotations

from pathlib import Path

from teikit.errors import TeikitError

_PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """The folder ``name`` ("xslt", "schemas") of this teikit installation."""
    for candidate in (_PACKAGE.parents[1] / name, _PACKAGE / "_data" / name):
        if candidate.is_dir():
            return candidate
    raise TeikitError(f"teikit's {name}/ folder is missing from this installation",
                      exit_code=2)
