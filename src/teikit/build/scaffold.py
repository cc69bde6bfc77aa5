"""``teikit init``: a new project folder."""

from __future__ import annotations

from pathlib import Path

from teikit.build.project import CONFIG, SCAFFOLD
from teikit.errors import TeikitError

FOLDERS = ("sources", "tei", "output")


def _toml_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def init(folder: Path, title: str | None = None,
         publisher: str = "teikit edition") -> list[Path]:
    """Create ``teikit.toml``, an example ``register.xml``, ``sources/``, ``tei/`` and
    ``output/`` in ``folder``; the paths made.  An existing ``teikit.toml`` is never overwritten."""
    folder = Path(folder)
    config = folder / CONFIG
    if config.exists():
        raise TeikitError("already a teikit project; not overwritten", file=str(config),
                          exit_code=2)
    if folder.exists() and not folder.is_dir():
        raise TeikitError("exists and is not a folder", file=str(folder), exit_code=2)
    made = []
    folder.mkdir(parents=True, exist_ok=True)
    for name in FOLDERS:
        (folder / name).mkdir(exist_ok=True)
        made.append(folder / name)
    title = title or folder.resolve().name.replace("-", " ").replace("_", " ").strip() \
        or "A teikit edition"
    config.write_text(SCAFFOLD.format(title=_toml_string(title),
                                      publisher=_toml_string(publisher)), encoding="utf-8")
    made.insert(0, config)
    register = folder / "register.xml"
    if not register.exists():  # an editor's register is never overwritten
        from teikit.render.registers import EXAMPLE
        register.write_text(EXAMPLE, encoding="utf-8")
        made.insert(1, register)
    return made
