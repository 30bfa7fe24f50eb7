"""From matplotlib's SVG to markup fit to sit inline in a page.

Only markup is rewritten, never the words of a label: matplotlib escapes ``<`` and ``>``
in text, so every ``<...>`` is a tag.
"""

from __future__ import annotations

import hashlib
import html
import re

__all__: list[str] = []  # private module

INK = "#010101"  # the sentinel colour for text and axes; becomes currentColor


def _short(number: re.Match[str]) -> str:
    text = f"{float(number[0]):.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _compact(attribute: re.Match[str]) -> str:
    # Coordinates are in points: 0.01 pt is far below a pixel at any width, and contour
    # paths shrink by about half.
    value = re.sub(r"\s+", " ", re.sub(r"-?\d+\.\d+", _short, attribute[2])).strip()
    return f'{attribute[1]}{value}"'


def _restyle(tag: re.Match[str]) -> str:
    tag = re.sub(r"font-family: [^;\"]*", "font-family: sans-serif", tag[0])
    tag = re.sub(re.escape(INK) + "|#000000", "currentColor", tag, flags=re.IGNORECASE)
    return re.sub(r'( (?:d|x|y|transform)=")([^"]*)"', _compact, tag)


def finish_svg(raw: str, alt: str) -> str:
    """Theme, size, label and shrink matplotlib's SVG ``raw``; deterministic in ``raw``."""
    body = raw[raw.index("<svg") :]
    body = re.sub(r"\s*<metadata>.*?</metadata>", "", body, flags=re.DOTALL)
    body = re.sub(r"\s*<defs>\s*<style[^>]*>[^<]*</style>\s*</defs>", "", body)
    tag = re.compile(r"<[^>]+>")
    body = re.sub(r"\n\s+", "\n", tag.sub(_restyle, body))
    # Keep only the ids something refers to, prefixed by a digest of the picture, so two
    # different figures inline on one page never share an id (some sit in hidden tabs).
    used = set(re.findall(r'(?:href="#|url\(#)([^")]+)', " ".join(tag.findall(body))))
    prefix = "m" + hashlib.sha256(body.encode()).hexdigest()[:8] + "-"

    def rename(match: re.Match[str]) -> str:
        markup = re.sub(r' id="([^"]*)"', lambda m: f' id="{prefix}{m[1]}"' if m[1] in used else "", match[0])
        return re.sub(r'(href="#|url\(#)([^")]+)', lambda m: m[1] + prefix + m[2], markup)

    body = tag.sub(rename, body)
    head_end = body.index(">") + 1
    head, inner = body[:head_end], body[head_end : body.rindex("</svg>")]
    viewbox = re.search(r'viewBox="[^"]*"', head)[0]
    label = html.escape(alt, quote=True)
    root = (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" {viewbox} '
        f'width="100%" style="max-width:100%;height:auto" role="img" aria-label="{label}">'
    )
    # fill and the line joins are inherited: black fills, which matplotlib leaves out,
    # follow the text colour, and no <style> rule leaks into the page.
    group = '<g style="fill:currentColor;stroke-linejoin:round;stroke-linecap:butt">'
    return f"{root}<title>{label}</title>{group}{inner.rstrip()}\n</g></svg>\n"
