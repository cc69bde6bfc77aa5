"""Loading schemas by kind, and teikit's default set (``schemas/teikit.rng`` + its
Schematron).  Loaded schemas are cached per process: compiling ``tei_all.rng`` costs seconds
and is done once, also in each ``-j`` worker."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from teikit.errors import TeikitError
from teikit.resources import resource_dir
from teikit.validate.relaxng import RelaxNGSchema
from teikit.validate.schematron import SchematronSchema, embedded

DEFAULT = ("teikit.rng", "teikit.sch")


def default_paths() -> list[Path]:
    base = resource_dir("schemas")
    return [base / name for name in DEFAULT]


@cache
def load(path: Path) -> tuple:
    """The validators a schema file stands for: a RelaxNG grammar brings its embedded
    Schematron along (as TEI's ``tei_all.rng`` does).  A schema that cannot be read or
    parsed is a usage error (exit 2), not an invalid document."""
    try:
        return _load(Path(path))
    except TeikitError as e:
        e.exit_code = 2
        raise


def _load(path: Path) -> tuple:
    if not path.is_file():
        raise TeikitError("no such schema", file=str(path), exit_code=2)
    suffix = path.suffix.lower()
    if suffix == ".rng":
        rng = RelaxNGSchema(path)
        rules = embedded(rng.grammars.grammar, path.name)  # the tree parsed once
        return (rng, rules) if rules else (rng,)
    if suffix == ".xsd":
        # imported here: xmlschema takes a quarter of a second to import, and the default
        # schemas (and every build worker using them) never need it
        from teikit.validate.xsd import XSDSchema
        return (XSDSchema(path),)
    if suffix in (".sch", ".isosch", ".schematron"):
        return (SchematronSchema.from_file(path),)
    if suffix == ".rnc":
        raise TeikitError("RelaxNG compact syntax is not supported; convert it with "
                          "`trang x.rnc x.rng`", file=str(path), exit_code=2)
    raise TeikitError("unknown schema kind (expected .rng, .xsd or .sch)", file=str(path),
                      exit_code=2)


def load_all(paths: list[Path] | None) -> list:
    out = []
    for p in paths or default_paths():
        out.extend(load(Path(p).resolve()))
    return out
