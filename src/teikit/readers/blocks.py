"""Plain-text blocks: paragraphs separated by blank lines, each with its first source line.

Shared by the readers of plain-text and Markdown sources.  A line holding only whitespace
(no-break spaces included, as in the Wilson Center mirror's spacer paragraphs) is blank.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextBlock:
    text: str   # the block's lines joined with "\n", outer whitespace removed
    line: int   # 1-based line of the block's first line in the source


def split_blocks(lines: list[str], first_line: int = 1) -> list[TextBlock]:
    """Blocks of ``lines`` (which start at source line ``first_line``)."""
    blocks: list[TextBlock] = []
    current: list[str] = []
    start = first_line
    for i, line in enumerate(lines):
        if line.strip():
            if not current:
                start = first_line + i
            current.append(line.rstrip())
        elif current:
            blocks.append(TextBlock("\n".join(current).strip(), start))
            current = []
    if current:
        blocks.append(TextBlock("\n".join(current).strip(), start))
    return blocks
