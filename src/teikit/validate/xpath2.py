"""Running XPath 2 Schematron tests on an XPath 1 engine, where the meaning is the same.

Many Schematron rules written for the ``xslt2`` query binding (TEI's among them) only use
XPath 2's value comparisons (``eq``, ``gt`` …) and a few functions with an XPath 1 or EXSLT
equivalent.  :func:`translate` rewrites those; anything else (``if``/``for``/``every``,
``cast as``, ``>>``, regex flags, …) is refused so that the rule is reported as unsupported
rather than silently misread.
"""

from __future__ import annotations

import re

EXSLT = {
    "str": "http://exslt.org/strings",
    "re": "http://exslt.org/regular-expressions",
    "set": "http://exslt.org/sets",
    "math": "http://exslt.org/math",
}

_COMPARISONS = {"eq": "=", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}
_FUNCTIONS = {
    "matches(": "re:test(",
    "exists(": "boolean(",
    "empty(": "not(",
}
_UNSUPPORTED = re.compile(
    r"(?<![\w-])(?:if|for|some|every|let)\s*[\s($]|\bcast\s+as\b|\bcastable\b|\binstance\s+of"
    r"|>>|<<|\bxs:|\b(?:tokenize|string-join|distinct-values|lower-case|upper-case|replace|ends-with"
    r"|index-of|current-date|format-\w+|base-uri|resolve-uri|doc-available|doc|unparsed-text"
    r"|document-uri|root|abs|min|max|avg|reverse|subsequence|data|in-scope-prefixes"
    r"|namespace-uri-for-prefix|node-name|exactly-one|zero-or-one|one-or-more|deep-equal"
    r"|idref|matches\s*\([^)]*,[^)]*,)\s*\(")


def bind_current(expr: str) -> str:
    """XSLT's ``current()`` (the rule's context node) as the variable ``$current``."""
    return re.sub(r"(?<![\w:-])current\(\s*\)", "$current", expr)


class Unsupported(ValueError):
    """An expression that needs XPath 2 semantics teikit does not emulate."""


def translate(expr: str) -> str:
    """An XPath 1 (+EXSLT) expression with the same meaning as ``expr``, or
    :class:`Unsupported`."""
    if _UNSUPPORTED.search(_strip_strings(expr)):
        raise Unsupported(expr)
    out = []
    for kind, text in _tokens(expr):
        if kind == "str":
            out.append(text)
            continue
        text = re.sub(r"(?<=[\s)\]])(eq|ne|lt|le|gt|ge)(?=\s)",
                      lambda m: _COMPARISONS[m.group(1)], text)
        text = re.sub(r"(?<![\w:-])current\(\s*\)", "$current", text)
        for old, new in _FUNCTIONS.items():
            text = re.sub(r"(?<![\w:-])" + re.escape(old), new, text)
        out.append(text)
    return "".join(out)


def _strip_strings(expr: str) -> str:
    return "".join(t if k == "code" else '""' for k, t in _tokens(expr))


def _tokens(expr: str) -> list[tuple[str, str]]:
    """Split into string literals and code, so that rewriting never touches literals."""
    parts = []
    for piece in re.split(r"""("[^"]*"|'[^']*')""", expr):
        if piece:
            parts.append(("str" if piece[0] in "'\"" and piece[-1] == piece[0]
                          and len(piece) > 1 else "code", piece))
    return parts


def context_paths(context: str) -> list[str]:
    """A Schematron rule context is an XSLT match pattern; as paths, one per ``|`` branch,
    each starting at ``//``.  Kept apart because libxml2 merges the node-sets of a union
    in time quadratic in their size (a 16,000-title union took 4 s; each branch 0.03 s)."""
    branches = []
    for branch in split_top_level(context, "|"):
        branch = branch.strip()
        branches.append(branch if branch.startswith("/") else "//" + branch)
    return branches


def split_top_level(expr: str, sep: str) -> list[str]:
    """``expr`` split at ``sep`` outside brackets, parentheses and string literals."""
    out, depth, cur = [], 0, []
    for kind, text in _tokens(expr):
        if kind == "str":
            cur.append(text)
            continue
        for ch in text:
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
