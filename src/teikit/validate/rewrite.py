"""Equivalent rewrites of a (specialised) grammar that spare libxml2 two pathologies.

**A group of one pattern** around recursive content — ``element state { group(
zeroOrMore(state)), attributes }``, which is what pruning leaves of TEI's ``state`` when
``precision`` is absent — makes libxml2's compiler loop (minutes, never measured to an
end: the slovParl ``teiCorpus.xml`` could not be validated).  ``group(p)`` is ``p``
(RelaxNG's own simplification, spec section 4.12, does the same), and so is ``choice(p)``:
:func:`for_libxml2` unwraps both.

**Nested repetitions.**

TEI's list elements (``listPerson``, ``listPlace``, ``listOrg``, ``listEvent``, ``listBibl``,
``listObject``, ``listNym``) end in::

    oneOrMore( oneOrMore(A), zeroOrMore(B) )       e.g. A = person | listPerson,
                                                         B = relation | listRelation

libxml2 turns a ``oneOrMore`` inside a repetition into an ambiguous automaton and tries the
ways of splitting the children between the two loops: a ``listPerson`` of 250, 500, 1,000,
2,000 ``person``s takes 0.03, 0.17, 1.1, 6.7 s to validate (the Parla-CLARIN corpus header,
8,418 ``person``s: 7 minutes).  The same languages written without the nesting take
milliseconds, so this module rewrites, on the specialised copy of a grammar:

* ``oneOrMore(oneOrMore(A), zeroOrMore(B))`` → ``A, zeroOrMore(A | B)``.  Both match the
  sequences of A's and B's that begin with an A: every such sequence splits into blocks
  "one or more A, then any B's" by starting a block at each A that follows a B, and every
  sequence of such blocks begins with an A.  (``zeroOrMore`` outside: the same, optional.)
* ``oneOrMore(oneOrMore(A))`` → ``oneOrMore(A)`` and ``zeroOrMore(oneOrMore(A))`` →
  ``zeroOrMore(A)``: a repetition of repetitions of A is a repetition of A; likewise
  ``R(A | oneOrMore(B))`` → ``R(A | B)`` (a run of B's is a run of single B's).

The identities are about sequences of children (languages closed under concatenation), so
they hold for any A and B that only match elements; a part holding an ``attribute`` (which
a group matches in any order), ``text``, ``data``, ``value``, ``list`` or ``interleave`` is
left alone.  The grammar matches exactly the same documents, and libxml2 meets the first
child that no valid prefix can be extended by at the same place, so verdicts and error
lines stay the full grammar's (tests/validate/test_unnest.py; the Parla-CLARIN corpus and
the agreement set against jing).
"""

from __future__ import annotations

import copy

from lxml import etree

RNG_NS = "http://relaxng.org/ns/structure/1.0"
RNG = "{" + RNG_NS + "}"
_ONE, _ZERO, _GROUP = RNG + "oneOrMore", RNG + "zeroOrMore", RNG + "group"
#: patterns whose meaning in a group is not "a sequence of children"
_NOT_SEQUENCE = {RNG + t for t in ("attribute", "text", "data", "value", "list", "interleave",
                                   "mixed")}
_FOREIGN_GRAMMAR = {RNG + t for t in ("parentRef", "externalRef", "grammar")}


def for_libxml2(grammar: etree._Element) -> int:
    """Rewrite ``grammar`` in place (both rewrites); the number of patterns rewritten.
    Unwrapping runs again after unnesting, which leaves groups of one pattern: libxml2
    also misjudges some of those (``oneOrMore(choice(r, group(p))`` rejected ``<r/>``,
    tests/validate/test_rewrite.py)."""
    done = unwrap(grammar) + unnest(grammar)
    return done + unwrap(grammar) if done else 0


def unwrap(grammar: etree._Element) -> int:
    """Replace every ``group`` or ``choice`` of a single pattern (or name class: the same
    holds there) by that pattern."""
    done = 0
    for node in list(grammar.iter(_GROUP, RNG + "choice")):
        parent = node.getparent()
        if parent is None:
            continue
        kids = [c for c in node if isinstance(c.tag, str) and c.tag.startswith(RNG)]
        if len(kids) != 1:
            continue
        kid = kids[0]
        kid.tail = node.tail
        parent.replace(node, kid)
        done += 1
    return done


def unnest(grammar: etree._Element) -> int:
    """Rewrite nested repetitions in place; the number rewritten."""
    defines: dict[str, list[etree._Element]] = {}
    for d in grammar.iter(RNG + "define"):
        defines.setdefault(d.get("name", ""), []).append(d)
    memo: dict[str, bool] = {}
    done = 0
    for rep in list(grammar.iter(_ONE, _ZERO)):
        if rep.getparent() is None:
            continue
        while True:
            parts = _parts(rep)
            # R(oneOrMore(A)) → R(A)
            if (len(parts) == 1 and parts[0].tag == _ONE
                    and _only_elements(parts[0], defines, memo)):
                _splice(rep, parts[0])
                done += 1
                continue
            # R(A | oneOrMore(B)) → R(A | B)
            if len(parts) == 1 and parts[0].tag == RNG + "choice":
                inner = [alt for alt in _alternatives(parts[0]) if alt.tag == _ONE
                         and _only_elements(alt, defines, memo)]
                for alt in inner:
                    _splice(rep, alt)
                done += len(inner)
                if inner:
                    continue
            break
        parts = _parts(rep)
        if (len(parts) == 2 and parts[0].tag == _ONE and parts[1].tag == _ZERO
                and _only_elements(parts[0], defines, memo)
                and _only_elements(parts[1], defines, memo)):
            _flatten(rep, parts[0], parts[1])
            done += 1
    return done


def _parts(rep: etree._Element) -> list[etree._Element]:
    """The patterns a repetition repeats, as one implicit group (a lone ``group`` child is
    looked through)."""
    kids = [c for c in rep if isinstance(c.tag, str) and c.tag.startswith(RNG)]
    if len(kids) == 1 and kids[0].tag == _GROUP:
        return [c for c in kids[0] if isinstance(c.tag, str) and c.tag.startswith(RNG)]
    return kids


def _alternatives(choice: etree._Element) -> list[etree._Element]:
    """The alternatives of a choice, nested choices looked through."""
    out = []
    for c in choice:
        if not isinstance(c.tag, str) or not c.tag.startswith(RNG):
            continue
        out.extend(_alternatives(c) if c.tag == RNG + "choice" else [c])
    return out


def _splice(rep: etree._Element, inner: etree._Element) -> None:
    """Put ``inner``'s children where ``inner`` stands (as a group)."""
    group = etree.Element(_GROUP)
    for c in list(inner):
        group.append(c)
    group.tail = inner.tail
    inner.getparent().replace(inner, group)


def _flatten(rep: etree._Element, ones: etree._Element, rest: etree._Element) -> None:
    """``rep`` = R(oneOrMore(A), zeroOrMore(B)) becomes group(A, zeroOrMore(A | B)),
    wrapped in ``optional`` when R is ``zeroOrMore``."""
    a = etree.Element(_GROUP)
    a.extend(copy.deepcopy(c) for c in ones if isinstance(c.tag, str))
    b = etree.Element(_GROUP)
    b.extend(copy.deepcopy(c) for c in rest if isinstance(c.tag, str))
    new = etree.Element(_GROUP if rep.tag == _ONE else RNG + "optional")
    new.append(a)
    loop = etree.SubElement(new, _ZERO)
    choice = etree.SubElement(loop, RNG + "choice")
    choice.append(copy.deepcopy(a))
    choice.append(b)
    new.tail = rep.tail
    rep.getparent().replace(rep, new)


def _only_elements(node: etree._Element, defines: dict, memo: dict[str, bool]) -> bool:
    """Whether ``node``'s content matches nothing but sequences of elements (followed
    through ``ref``s, not into element patterns, whose content is their own)."""
    for c in node:
        if not isinstance(c.tag, str) or c.tag == RNG + "element":
            continue
        if c.tag in _NOT_SEQUENCE or c.tag in _FOREIGN_GRAMMAR:
            return False
        if c.tag == RNG + "ref":
            name = c.get("name", "")
            if name not in memo:
                memo[name] = False  # a cycle through refs alone: be conservative
                memo[name] = all(_only_elements(d, defines, memo)
                                 for d in defines.get(name, []))
            if not memo[name]:
                return False
        elif not _only_elements(c, defines, memo):
            return False
    return True
