"""HTML resumes: visible structure as lines, CSS/attribute-hidden text kept but marked."""
from __future__ import annotations

import re

from shortlist.documents.model import HiddenKind
from shortlist.documents.raw import RawText, TextBuilder
from shortlist.documents.sniff import decode_text
from shortlist.errors import ExtractionError, Reason

_DROP = {"script", "style", "head", "noscript", "template", "svg", "object", "iframe"}
_BLOCK = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "ul", "ol", "li", "dl", "dt",
    "dd", "table", "thead", "tbody", "tfoot", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "address", "figure", "figcaption", "form", "fieldset", "hr", "body", "html",
}
_HEADING = {"h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article", "ul", "ol"}
_CELL = {"td", "th"}
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*(hidden|collapse)", re.IGNORECASE)
_FONT_SIZE = re.compile(r"font-size\s*:\s*([\d.]+)\s*(px|pt|em|rem|%)?", re.IGNORECASE)
_COLOUR = re.compile(r"(?<![-\w])color\s*:\s*([^;]+)", re.IGNORECASE)
_BACKGROUND = re.compile(r"background(?:-color)?\s*:\s*([^;]+)", re.IGNORECASE)
_OFFSCREEN = re.compile(r"(left|top|text-indent)\s*:\s*-\d{3,}", re.IGNORECASE)
_NAMED = {"white": "ffffff", "#fff": "ffffff", "#ffffff": "ffffff", "snow": "fffafa", "ivory": "fffff0"}


def _is_white(value: str) -> bool:
    v = value.strip().lower().replace(" ", "").removesuffix("!important")
    if v in _NAMED:
        return True
    m = re.fullmatch(r"#([0-9a-f]{3}|[0-9a-f]{6})", v)
    if m:
        h = m.group(1)
        if len(h) == 3:
            h = "".join(c * 2 for c in h)
        r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
        return min(r, g, b) >= 240
    m = re.fullmatch(r"rgba?\((\d+),(\d+),(\d+)(?:,([\d.]+))?\)", v)
    if m:
        if m.group(4) is not None and float(m.group(4)) == 0:
            return True
        return min(int(m.group(i)) for i in (1, 2, 3)) >= 240
    return v == "transparent"


def _style_hidden(tag, inherited_bg_set: bool) -> tuple[HiddenKind | None, bool]:
    """Hidden kind of an element from its attributes; also whether it sets a background."""
    if tag.has_attr("hidden"):  # (aria-hidden text is still seen, only not read aloud)
        return HiddenKind.HIDDEN_STYLE, inherited_bg_set
    return _declarations_hidden(str(tag.get("style", "")), inherited_bg_set)


def _declarations_hidden(style: str, inherited_bg_set: bool) -> tuple[HiddenKind | None, bool]:
    """Hidden kind implied by CSS declarations (an inline style or one stylesheet rule)."""
    if not style:
        return None, inherited_bg_set
    if _DISPLAY_NONE.search(style):
        return HiddenKind.HIDDEN_STYLE, inherited_bg_set
    if _OFFSCREEN.search(style):
        return HiddenKind.OFF_PAGE, inherited_bg_set
    m = _FONT_SIZE.search(style)
    if m:
        size, unit = float(m.group(1)), (m.group(2) or "px").lower()
        px = {"px": size, "pt": size * 4 / 3, "em": size * 16, "rem": size * 16, "%": size * 0.16}[unit]
        if px < 1:
            return HiddenKind.TINY_FONT, inherited_bg_set
    bg = _BACKGROUND.search(style)
    bg_set = inherited_bg_set or (bg is not None and not _is_white(bg.group(1)))
    colour = _COLOUR.search(style)
    if colour and _is_white(colour.group(1)) and not bg_set:
        return HiddenKind.BACKGROUND_COLOUR, bg_set
    return None, bg_set


_RULE = re.compile(r"([^{}@]+)\{([^{}]*)\}")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def _stylesheet_hidden(soup) -> dict[int, HiddenKind]:
    """Elements hidden by <style> rules (``.x{display:none}`` is as easy as an inline style)."""
    hidden: dict[int, HiddenKind] = {}
    for sheet in soup.find_all("style"):
        css = _COMMENT.sub("", sheet.get_text())
        for selectors, body in _RULE.findall(css):
            kind, _ = _declarations_hidden(body, False)
            if kind is None:
                continue
            for selector in selectors.split(","):
                selector = selector.strip()
                if not selector or ":" in selector:  # :hover and friends are states, not hiding
                    continue
                try:
                    matched = soup.select(selector)
                except Exception:  # noqa: BLE001 - an unparseable selector hides nothing
                    matched = []
                for el in matched:
                    hidden.setdefault(id(el), kind)
    return hidden


def extract_html(data: bytes) -> RawText:
    try:
        from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, ProcessingInstruction, Tag
    except ImportError as exc:  # pragma: no cover - core dependency
        from shortlist.errors import MissingExtra

        raise MissingExtra("beautifulsoup4", "html", "Reading HTML files") from exc
    text = decode_text(data)
    if text is None:
        raise ExtractionError(Reason.CORRUPT, "the HTML file is not readable text")
    soup = BeautifulSoup(text, "html.parser")
    css_hidden = _stylesheet_hidden(soup)
    builder = TextBuilder()
    skip_strings = (Comment, Doctype, ProcessingInstruction)

    def walk(node, hidden: HiddenKind | None, bg_set: bool, pre: bool) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if isinstance(child, skip_strings):
                    continue
                s = str(child)
                builder.add(s if pre else re.sub(r"\s+", " ", s), hidden)
                continue
            if not isinstance(child, Tag):
                continue
            name = (child.name or "").lower()
            if name in _DROP:
                continue
            if name == "br":
                builder.newline()
                continue
            kind, child_bg = _style_hidden(child, bg_set)
            kind = kind or css_hidden.get(id(child))
            block = name in _BLOCK
            if block:
                builder.newline(blank=name in _HEADING)
            elif name in _CELL and child.find_previous_sibling(["td", "th"]) is not None:
                builder.add(" | ")
            walk(child, hidden or kind, child_bg, pre or name == "pre")
            if block:
                builder.newline(blank=name in _HEADING)

    walk(soup, None, False, False)
    return RawText(builder.build(), builder.hidden, images=len(soup.find_all("img")))
