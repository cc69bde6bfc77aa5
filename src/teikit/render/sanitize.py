"""Making a stylesheet's HTML fragment safe and valid, and listing its fallbacks.

Whatever a stylesheet produced — teikit's, or an editor's own — nothing that can run script
reaches a page: script-bearing elements are removed, ``on*`` handlers dropped, links kept only
to web, mail and in-page addresses, ``style`` values that load anything (``url()``,
``expression``) dropped.  The same walk keeps the HTML content model (a block element inside
a paragraph becomes a ``span`` of class ``as-<element>``), makes ``id`` values unique, and
collects the ``tei-*`` classes that mark TEI elements without a rule.
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

#: Removed with their content: they run script, load documents, or change the page's base.
DROPPED = frozenset({
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "link",
    "meta", "style", "form", "svg", "math", "template", "noscript", "audio", "video",
    "source", "track", "portal",
})
PHRASING = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn", "em", "i", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
    "wbr", "ins", "del", "p", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "dt",
    "figcaption", "label",
})
BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "details", "dialog", "div", "dl", "dt",
    "dd", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
    "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "ul",
})
URL_ATTRS = frozenset({"href", "src", "action", "formaction", "poster", "background", "cite",
                       "longdesc", "usemap", "data", "srcset", "ping", "manifest"})
_SAFE_URL = re.compile(r"^(https?:|mailto:|#|[^:/?#]*(?:[/?#]|$))", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_BAD_STYLE = re.compile(r"url\s*\(|expression\s*\(|javascript:|@import|behavior\s*:",
                        re.IGNORECASE)


def safe_url(value: str) -> bool:
    """True for web, mail, in-page and relative addresses; false for ``javascript:``,
    ``data:`` and every other scheme (also when hidden by spaces or control characters)."""
    return bool(_SAFE_URL.match(_CONTROL.sub("", value)))


def _clean_attributes(el: etree._Element) -> None:
    attrib = el.attrib
    if not attrib:
        return
    for name in list(attrib):
        value = attrib[name]
        local = name.rsplit("}", 1)[-1].lower()
        if (name.startswith("{") or local.startswith("on") or local == "srcdoc"
                or (local in URL_ATTRS and not safe_url(value))
                or (local == "style" and _BAD_STYLE.search(re.sub(r"[\\\s]|/\*.*?\*/", "",
                                                                   value)))):
            del el.attrib[name]


def _drop(el: etree._Element) -> None:
    """Remove ``el`` and its content, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        el.clear()
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def sanitize(root: etree._Element) -> Counter:
    """Clean ``root`` in place; return how often each fallback TEI element occurred."""
    fallbacks: Counter = Counter()
    ids: set[str] = set()
    doomed: list[etree._Element] = []
    stack: list[tuple[etree._Element, bool, bool]] = [(root, False, False)]
    while stack:
        el, in_phrase, in_link = stack.pop()
        if not isinstance(el.tag, str):  # comment or processing instruction
            doomed.append(el)
            continue
        tag = el.tag.lower()
        if "}" in tag or tag in DROPPED:
            doomed.append(el)
            continue
        _clean_attributes(el)
        if (in_phrase and tag in BLOCK) or (in_link and tag == "a") or (
                tag == "li" and el.getparent() is not None
                and el.getparent().tag not in ("ul", "ol")):
            el.set("class", f"as-{tag} {el.get('class', '')}".strip())
            el.tag = tag = "span"
            for name in ("href", "scope"):
                el.attrib.pop(name, None)
        ident = el.get("id")
        if ident is not None:
            if ident in ids or not ident or any(c.isspace() for c in ident):
                del el.attrib["id"]
            else:
                ids.add(ident)
        for cls in (el.get("class") or "").split():
            if cls.startswith("tei-"):
                fallbacks[cls[4:]] += 1
        child_phrase = in_phrase or tag in PHRASING
        child_link = in_link or tag == "a"
        stack.extend((c, child_phrase, child_link) for c in reversed(el))
    for el in doomed:
        _drop(el)
    return fallbacks
