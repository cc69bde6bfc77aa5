"""Build hook: ship the top-level ``xslt/`` and ``schemas/`` folders inside the wheel.

They live at the top of the repository (where editors find and edit them); a wheel carries
copies under ``teikit/_data/``, where :func:`teikit.resources.resource_dir` looks when the
package is installed.  All other metadata is in ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = ("xslt", "schemas")


def copy_shipped(root: Path, package_dir: Path) -> list[Path]:
    """Copy each shipped top-level folder of ``root`` into ``package_dir/_data``; return
    the files copied."""
    copied: list[Path] = []
    for name in SHIPPED:
        source = root / name
        if not source.is_dir():
            continue
        target = package_dir / "_data" / name
        if target.exists():
            shutil.rmtree(target)
        for f in sorted(source.rglob("*")):
            if f.is_file() and not f.name.startswith("."):
                dest = target / f.relative_to(source)
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(f, dest)
                copied.append(dest)
    return copied


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if not self.editable_mode:
            copy_shipped(ROOT, Path(self.build_lib) / "teikit")


if __name__ == "__main__":  # setuptools runs this file as __main__; tests import it
    setup(cmdclass={"build_py": BuildWithData})
