"""Long text as people type it: paragraphs, bulleted and numbered lists. Stored as plain text.

A blank line separates paragraphs. Lines starting "- ", "* " or "• " make a bulleted list; lines
starting "1. " or "1) " make a numbered list. Everything is escaped: no HTML from the browser is
ever rendered.
"""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

BULLET = re.compile(r"^\s*[-*•]\s+(.*)$")
NUMBER = re.compile(r"^\s*\d+[.)]\s+(.*)$")


def blocks(text):
    """[(kind, [lines])] with kind "p", "ul" or "ol"."""
    result = []
    for chunk in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").strip()):
        for line in chunk.split("\n"):
            line = line.rstrip()
            if not line.strip():
                continue
            bullet, number = BULLET.match(line), NUMBER.match(line)
            kind, content = ("ul", bullet.group(1)) if bullet else ("ol", number.group(1)) if number else ("p", line)
            if result and result[-1][0] == kind and (kind != "p" or result[-1][2] is chunk):
                result[-1][1].append(content)
            elif result and kind == "p" and result[-1][0] in {"ul", "ol"} and line.startswith((" ", "\t")):
                result[-1][1][-1] += " " + line.strip()  # a wrapped list item
            else:
                result.append((kind, [content], chunk))
    return [(kind, lines) for kind, lines, _ in result]


@register.filter
def rich(text):
    html = []
    for kind, lines in blocks(text):
        if kind == "p":
            html.append('<p class="govuk-body">' + "<br>".join(escape(line) for line in lines) + "</p>")
        else:
            css = "govuk-list--bullet" if kind == "ul" else "govuk-list--number"
            items = "".join(f"<li>{escape(line)}</li>" for line in lines)
            html.append(f'<{kind} class="govuk-list {css}">{items}</{kind}>')
    return mark_safe("\n".join(html))  # noqa: S308 - every piece of user text above is escaped
