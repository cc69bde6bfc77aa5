"""XPath for Schematron: lxml's XPath 1 (C, fast) where it means the same, elementpath's
XPath 2/3.1 (pure Python, on the same lxml tree) everywhere else.

Every expression is *parsed* by elementpath's parser for the schema's query binding
(:mod:`teikit.validate.xpath_ep`); the token tree decides the engine.  An expression made
only of XPath 1 constructs whose XPath 2 meaning is the same — paths, axes, predicates,
``and``/``or``, the XPath 1 function library, ``=``/``!=`` between non-booleans,
arithmetic and order comparisons between numbers, ``eq``/``ne`` … between two single
values — runs on lxml; anything else (``if``, ``for``, ``every``, ``cast``, ``>>``,
``tokenize``, ``xs:`` types, ``<`` between strings, which XPath 1 compares as numbers) on
elementpath.  Both work on the one lxml tree, so every node found keeps its ``sourceline``.

Known difference kept on the lxml side: where XPath 2 raises a type error (a function
given several nodes where it takes one string, a non-numeric string compared to a number),
XPath 1 yields a value.

The analysis of each expression is plain data, cached on disk (``$TEIKIT_CACHE_DIR``, else
``$XDG_CACHE_HOME/teikit`` or ``~/.cache/teikit``; keyed by this engine's source), so that a
run whose rules all go to lxml never imports elementpath (0.07–0.2 s).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from functools import lru_cache
from pathlib import Path

from lxml import etree

from teikit.errors import TeikitError

EXSLT = {
    "str": "http://exslt.org/strings",
    "re": "http://exslt.org/regular-expressions",
    "set": "http://exslt.org/sets",
    "math": "http://exslt.org/math",
}


class EvalError(ValueError):
    """A dynamic error (an XPath 2 type error, say) raised by elementpath."""


class Expr:
    """One compiled expression: lxml's compiled form where it means the same, else None
    and elementpath's token tree (parsed when first needed)."""

    __slots__ = ("text", "lxml", "names", "positional", "needs", "version", "_ns", "_token")

    def __init__(self, text: str, lxml: etree.XPath | None, names: frozenset,
                 positional: bool = True, needs: tuple = (None, None, ()), version: int = 1,
                 namespaces: dict[str, str] | None = None) -> None:
        self.text = text
        self.lxml = lxml
        self.names = names
        self.positional = positional
        self.needs = needs
        self.version = version
        self._ns = namespaces or {}
        self._token = None

    @property
    def engine(self) -> str:
        return "lxml" if self.lxml is not None else "elementpath"

    def uses_current(self) -> bool:
        return "current" in self.names

    @property
    def token(self):
        if self._token is None:
            from teikit.validate import xpath_ep
            self._token = xpath_ep.parse(self.text, self.version, self._ns)
        return self._token


def compile_expr(text: str, namespaces: dict[str, str], version: int, where: str) -> Expr:
    """``text`` compiled for the query binding's XPath ``version`` (1, 2 or 3); an expression
    neither engine can read is a usage error naming ``where`` (exit 2)."""
    return _compile(text, tuple(sorted(namespaces.items())), version, where)


@lru_cache(maxsize=4096)
def _compile(text: str, namespaces: tuple, version: int, where: str) -> Expr:
    ns = dict(namespaces)
    info = _analysis(text, version, ns, where)
    lx = None
    if info["lxml"] is not None:
        try:
            lx = etree.XPath(info["lxml"], namespaces=ns)
        except etree.XPathSyntaxError:
            lx = None  # XPath 2 syntax (a parenthesised step, say): elementpath's
    if lx is None and version == 1:
        raise TeikitError(f"Schematron {where}: not an XPath 1 expression: {text.strip()}",
                          exit_code=2)
    names, attribute, *required = info["needs"]
    return Expr(text, lx, frozenset(info["names"]), info["positional"],
                (frozenset(names) if names is not None else None, attribute,
                 tuple(frozenset(r) for r in (required[0] if required else []))), version, ns)


def _analysis(text: str, version: int, ns: dict[str, str], where: str) -> dict:
    if version == 1:  # lxml runs all of it: nothing to decide, nothing to import
        return _lexical(text, ns, where)
    key = f"{version}\n{json.dumps(ns, sort_keys=True)}\n{text}"
    cache = _cache()
    if key not in cache:
        from teikit.validate import xpath_ep
        try:
            cache[key] = xpath_ep.analyse(text, version, ns)
        except xpath_ep.ParseFailure as e:
            raise TeikitError(f"Schematron {where}: XPath {version} expression not "
                              f"supported ({e}): {text.strip()}", exit_code=2) from e
        _CACHE_STATE["dirty"] = True
    return cache[key]


# ---------------------------------------------------------------------------- XPath 1

#: functions lxml's XPath 1 has; any other unprefixed call (XSLT's document(), key(),
#: format-number() …) is no XPath and cannot run here
_XPATH1_CALLS = frozenset((
    "last position count id local-name namespace-uri name string concat starts-with "
    "contains substring-before substring-after substring string-length normalize-space "
    "translate boolean not true false lang number sum floor ceiling round current "
    "node text comment processing-instruction"
    # operator names, which a parenthesis may follow
    " and or div mod").split())
_AXIS_NAMES = frozenset(("ancestor", "ancestor-or-self", "attribute", "child", "descendant",
                         "descendant-or-self", "following", "following-sibling", "namespace",
                         "parent", "preceding", "preceding-sibling", "self"))
_CALL = re.compile(r"(?<![\w.:$@-])((?:[\w.-]+:)?[\w.-]+)\s*\(")
_CURRENT = re.compile(r"(?<![\w.:$@-])current\s*\(\s*\)")
_VARIABLE = re.compile(r"\$([\w.-]+)")
_STEP = re.compile(r"\s*(?:child::)?(?:[\w.-]+:)?([\w.-]+|\*)\s*")
_ATTRIBUTE = re.compile(r"\s*@(?:([\w.-]+):)?([\w.-]+)\s*")
XML_NS = "http://www.w3.org/XML/1998/namespace"


def _code(text: str) -> list[tuple[bool, str]]:
    """``text`` as (is code, piece): XPath 1's string literals cannot hold their quote, so
    this split is its lexical structure as far as literals go."""
    return [(piece[:1] not in ("'", '"'), piece)
            for piece in re.split(r"""("[^"]*"|'[^']*')""", text) if piece]


def _lexical(text: str, ns: dict[str, str], where: str) -> dict:
    """An XPath 1 expression (``xslt`` binding) as lxml runs it: ``current()`` as
    ``$current`` (in XPath 1 a name followed by ``(`` is a function call), its variables,
    whether it asks its position.  A call of a function XPath 1 does not have is a usage
    error naming the rule, not a rule skipped."""
    out, names, positional = [], set(), False
    for code, piece in _code(text):
        if code:
            for m in _CALL.finditer(piece):
                name = m.group(1)
                if ":" not in name and name not in _XPATH1_CALLS and name not in _AXIS_NAMES:
                    raise TeikitError(f"Schematron {where}: {name}() is not an XPath 1 "
                                      f"function: {text.strip()}", exit_code=2)
                positional = positional or name in ("position", "last")
            piece = _CURRENT.sub("$current", piece)
            names.update(_VARIABLE.findall(piece))
        out.append(piece)
    return {"lxml": "".join(out), "names": sorted(names), "positional": positional,
            "needs": list(_lexical_needs(text, ns))}


def _lexical_needs(branch: str, ns: dict[str, str]) -> tuple[list | None, str | None]:
    """For an XPath 1 context branch: the local name of the element its last step selects
    and an attribute its first predicate requires, where the step is that simple."""
    steps = split_top_level(branch, "/")
    head, preds = _predicates(steps[-1] if steps else "")
    m = _STEP.fullmatch(head)
    names = [m.group(1)] if m and m.group(1) not in ("*", "node", "text") else None
    attribute = None
    for pred in preds:
        if a := _ATTRIBUTE.fullmatch(pred):
            prefix, local = a.groups()
            uri = XML_NS if prefix == "xml" else ns.get(prefix) if prefix else None
            attribute = local if prefix is None else f"{{{uri}}}{local}" if uri else None
            break
    return names, attribute


def _predicates(step: str) -> tuple[str, list[str]]:
    """A location step as its node test and its top-level ``[...]`` predicates."""
    head, preds, depth, cur = [], [], 0, []
    for code, piece in _code(step):
        if not code:
            (cur if depth else head).append(piece)
            continue
        for ch in piece:
            if ch == "[":
                depth += 1
                if depth == 1:
                    cur = []
                    continue
            elif ch == "]":
                depth -= 1
                if depth == 0:
                    preds.append("".join(cur))
                    continue
            (cur if depth else head).append(ch)
    return "".join(head), preds


def split_top_level(expr: str, sep: str) -> list[str]:
    """``expr`` split at ``sep`` outside brackets, parentheses and string literals."""
    out, depth, cur = [], 0, []
    for code, piece in _code(expr):
        if not code:
            cur.append(piece)
            continue
        for ch in piece:
            if ch in "([":
                depth += 1
            elif ch in ")]":
                depth -= 1
            if ch == sep and depth == 0:
                out.append("".join(cur))
                cur = []
            else:
                cur.append(ch)
    out.append("".join(cur))
    return out


def union_branches(context: str, version: int, namespaces: dict[str, str]) -> list[str]:
    """A rule context split at its top-level unions: for XPath 2/3 as elementpath's parser
    reads it (cached), for XPath 1 lexically (``|`` is its only union)."""
    if version == 1:
        return [b.strip() for b in split_top_level(context, "|")]
    key = f"branches {version}\n{json.dumps(namespaces, sort_keys=True)}\n{context}"
    cache = _cache()
    if key not in cache:
        from teikit.validate import xpath_ep
        cache[key] = xpath_ep.union_branches(context, version, namespaces)
        _CACHE_STATE["dirty"] = True
    return cache[key]


# ---------------------------------------------------------------------------- the cache

_CACHE_STATE: dict = {"data": None, "dirty": False}


def _cache_file() -> Path:
    base = os.environ.get("TEIKIT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "teikit")
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in ("xpath.py", "xpath_ep.py"):  # a change of the analysis invalidates it
        digest.update((here / name).read_bytes())
    digest.update(_engine_version().encode())  # and so does another elementpath parser
    return Path(base) / f"xpath-{digest.hexdigest()[:16]}.json"


def _engine_version() -> str:
    from importlib import metadata
    try:
        return metadata.version("elementpath")
    except metadata.PackageNotFoundError:
        return ""


def _cache() -> dict:
    if _CACHE_STATE["data"] is None:
        try:
            data = json.loads(_cache_file().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        _CACHE_STATE["data"] = data if isinstance(data, dict) else {}
    return _CACHE_STATE["data"]


def save_cache() -> None:
    """Write new analyses (atomically: ``-j`` workers may write at once); a cache that
    cannot be written only costs the next run the parsing again."""
    if not _CACHE_STATE["dirty"]:
        return
    path = _cache_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(_CACHE_STATE["data"], sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)
        _CACHE_STATE["dirty"] = False
    except OSError:
        pass


# ---------------------------------------------------------------------------- evaluation

class Evaluator:
    """Evaluates :class:`Expr` on one document; elementpath's node tree is built only when
    an expression needs it."""

    def __init__(self, tree: etree._ElementTree) -> None:
        self.tree = tree
        self._context = None

    @property
    def context(self):
        if self._context is None:
            from teikit.validate import xpath_ep
            self._context = xpath_ep.context(self.tree)
        return self._context

    def run(self, expr: Expr, node, variables: dict):
        """The value of ``expr`` at ``node`` (an lxml element, attribute or the tree), as
        lxml gives it: lists of lxml nodes, strings, floats, booleans (elementpath's other
        atomic values are kept as they are)."""
        on_lxml, value = self._raw(expr, node, variables)
        if on_lxml:
            return value
        from teikit.validate import xpath_ep
        return xpath_ep.from_ep(value)

    def boolean(self, expr: Expr, node, variables: dict) -> bool:
        on_lxml, value = self._raw(expr, node, variables)
        if on_lxml:
            if isinstance(value, float):
                return value == value and value != 0
            return bool(value)
        from teikit.validate import xpath_ep
        return xpath_ep.boolean(expr.token, value)

    def _raw(self, expr: Expr, node, variables: dict) -> tuple[bool, object]:
        if expr.lxml is not None and isinstance(node, etree._Element | etree._ElementTree):
            passed = {}
            for k in expr.names:
                if k in variables:
                    v = lxml_value(variables[k])
                    if v is None:
                        break
                    passed[k] = v
            else:
                try:
                    return True, expr.lxml(node, **passed)
                except etree.XPathEvalError:
                    if expr.version == 1 and not _ep_reads(expr):
                        raise
        if expr.version == 1 and not _ep_reads(expr):
            raise EvalError(f"lxml cannot evaluate this here (an attribute as the context "
                            f"node, or a variable XPath 1 cannot hold): {expr.text}")
        from teikit.validate import xpath_ep
        scope = {k: variables[k] for k in expr.names if k in variables}
        return False, xpath_ep.evaluate(expr.token, self.context, node, scope)


def _ep_reads(expr: Expr) -> bool:
    from teikit.validate import xpath_ep
    try:
        return expr.token is not None
    except xpath_ep.ParseFailure:
        return False


def lxml_value(v):
    """``v`` as a variable lxml takes (elements, strings, numbers, booleans), or None."""
    if isinstance(v, list | tuple):
        if all(isinstance(x, etree._Element) for x in v):
            return list(v)
        return None
    if isinstance(v, bool | float | int | etree._Element) or type(v) is str:
        return v
    if getattr(v, "is_attribute", False) or isinstance(v, etree._ElementUnicodeResult):
        return None
    if type(v).__name__ == "UntypedAtomic":  # elementpath's, without importing it
        return str(v)
    return None
