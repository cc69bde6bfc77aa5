"""libxml2's RelaxNG messages → messages an editor can act on, with cascades removed.

libxml2 reports a wrong child, then "Element X has extra content", then "Element P failed
to validate content" for every ancestor.  Only the first says something; the others are
dropped when a more precise error lies inside the same element.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from teikit.validate.grammar import ContentIndex, summarise


@dataclass
class RawError:
    """One libxml2 error with the node it concerns (None when the path did not resolve)."""

    message: str
    node: etree._Element | None
    line: int


_WRONG = re.compile(r"Did not expect element (\S+) there")
_EXPECTING = re.compile(r"Expecting element (\S+), got (\S+)")
_MISSING = re.compile(r"Expecting an element (\S*) ?, got nothing")
_EXTRA = re.compile(r"Element (\S+) has extra content: (\S+)")
_FAILED_CONTENT = re.compile(r"Element (\S+) failed to validate content")
_FAILED_ATTRS = re.compile(r"Element (\S+) failed to validate attributes")
_BAD_ATTR = re.compile(r"Invalid attribute (\S+) for element (\S+)")
_TEXT = re.compile(r"Did not expect text in element (\S+) content")
_DATATYPE = re.compile(r"Error validating datatype (\S+)")
_VALUE = re.compile(r"Error validating value")
_NOT_EMPTY = re.compile(r"Datatype element (\S+) has child elements")


def _inside(node, other) -> bool:
    """``other`` is ``node`` or one of its descendants."""
    while other is not None:
        if other is node:
            return True
        other = other.getparent()
    return False


_POSITIONAL = (_WRONG, _EXPECTING, _MISSING)


def drop_cascades(errors: list[RawError]) -> list[RawError]:
    kept = []
    for e in errors:
        if any(p.match(e.message) for p in _POSITIONAL) and e.node is not None and any(
                o.node is not None and o.node is not e.node and _inside(e.node, o.node)
                for o in errors):
            continue  # an error inside this element explains it
        summary = (_FAILED_CONTENT.match(e.message) or _EXTRA.match(e.message)
                   or _FAILED_ATTRS.match(e.message))
        if summary and e.node is not None and any(
                o is not e and o.node is not None and _inside(e.node, o.node)
                and not (_FAILED_CONTENT.match(o.message) or _EXTRA.match(o.message)
                         or _FAILED_ATTRS.match(o.message))
                for o in errors):
            continue
        if (m := _FAILED_ATTRS.match(e.message)) and any(
                (b := _BAD_ATTR.match(o.message)) and b.group(2) == m.group(1) for o in errors):
            continue  # the invalid attribute itself is reported
        if _FAILED_CONTENT.match(e.message) and any(
                _EXTRA.match(o.message) and o.node is e.node for o in errors):
            continue
        kept.append(e)
    return kept


def _local(node) -> str:
    return etree.QName(node).localname if node is not None else "?"


def rewrite(e: RawError, index: ContentIndex | None) -> str:
    """An actionable message for one raw libxml2 message."""
    msg = e.message.strip()
    parent = e.node.getparent() if e.node is not None else None
    if m := _WRONG.match(msg):
        name, where = m.group(1), _local(parent)
        text = f"element {name} not allowed here"
        ns = etree.QName(e.node).namespace if e.node is not None else None
        if index is not None and ns != index.ns:
            text = f"element {name} in namespace {ns or '(none)'} not allowed here"
            if index.ns:
                text += f"; expected namespace {index.ns}"
            return text
        if index is not None and parent is not None:
            allowed = index.allowed_children(where)
            if name in allowed:
                text = (f"element {name} not allowed at this position in {where} (out of "
                        "order, repeated, or something required is missing before it)")
            text += f"; {where} allows: " + (summarise(allowed) if allowed else "no elements")
        return text
    if m := _EXPECTING.match(msg):
        return f"element {m.group(2)} not allowed here; expected {m.group(1)}"
    if m := _MISSING.match(msg):
        name = _local(e.node)
        if m.group(1):
            return f"element {name} is incomplete; expected {m.group(1)}"
        allowed = index.allowed_children(name) if index is not None else []
        hint = f"; {name} allows: {summarise(allowed)}" if allowed else ""
        return f"element {name} is incomplete: a required child element is missing{hint}"
    if m := _EXTRA.match(msg):
        what = "text" if m.group(2) == "text" else f"element {m.group(2)}"
        return f"{what} not allowed in {m.group(1)}"
    if m := _FAILED_ATTRS.match(msg):
        name = m.group(1)
        if index is not None and e.node is not None:
            missing = sorted(a for a in index.required_attributes(name) if not _has(e.node, a))
            if missing:
                return f"element {name} lacks required attribute {', '.join(missing)}"
            for att in map(_prefixed, e.node.attrib):
                values = [v for v in index.allowed_values(name, att) if v]
                if not index.knows_attribute(name, att):
                    return f"attribute {att} not allowed on element {name}"
                if values and _value(e.node, att) not in values:
                    return (f'invalid value "{_value(e.node, att)}" for attribute {att} of '
                            f"{name}; expected one of: {summarise(values)}")
        return f"attributes of element {name} are not valid"
    if m := _FAILED_CONTENT.match(msg):
        name = m.group(1)
        hint = ""
        if index is not None:
            allowed = index.allowed_children(name)
            hint = "; allowed: " + (summarise(allowed) if allowed else "text only")
        return f"content of element {name} is not valid (incomplete or out of order){hint}"
    if m := _BAD_ATTR.match(msg):
        att, el = m.group(1), m.group(2)
        if index is not None and not index.knows_attribute(el, att) \
                and index.knows_attribute(el, "xml:" + att):
            att = "xml:" + att  # libxml2 drops the prefix
        if index is not None and index.knows_attribute(el, att):
            value = _value(e.node, att)
            values = [v for v in index.allowed_values(el, att) if v]
            expect = f"; expected one of: {summarise(values)}" if values else ""
            return f'invalid value "{value}" for attribute {att} of {el}{expect}'
        return f"attribute {att} not allowed on element {el}"
    if m := _TEXT.match(msg):
        return f"text not allowed in element {m.group(1)}"
    if m := _DATATYPE.match(msg):
        return f"text of element {_local(e.node)} is not a valid {m.group(1)}"
    if _VALUE.match(msg):
        return f"text of element {_local(e.node)} is not an allowed value"
    if m := _NOT_EMPTY.match(msg):
        return f"element {m.group(1)} must contain text only"
    return msg[:1].lower() + msg[1:]


def _has(node: etree._Element, att: str) -> bool:
    return node.get(_clark(att)) is not None


def _value(node, att: str) -> str:
    return (node.get(_clark(att)) or "") if node is not None else ""


def _prefixed(clark: str) -> str:
    if clark.startswith("{http://www.w3.org/XML/1998/namespace}"):
        return "xml:" + clark.split("}")[1]
    return clark.split("}")[-1]


def _clark(att: str) -> str:
    if att.startswith("xml:"):
        return "{http://www.w3.org/XML/1998/namespace}" + att[4:]
    return att
