"""Word .docx files: body in document order, tables, text boxes, headers and footers.

The XML is parsed with defusedxml (no DTDs, no entity expansion) after the archive has
been checked for bombs. Hidden runs (w:vanish, white on an unshaded background, text under
1pt) stay in the text and are recorded as hidden spans.
"""
from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from shortlist.documents.limits import Limits
from shortlist.documents.model import HiddenKind
from shortlist.documents.raw import RawText, TextBuilder
from shortlist.documents.ziputil import SafeZip
from shortlist.errors import ExtractionError, Reason

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIP = {W + "del", W + "moveFrom", W + "rPr", W + "pPr", W + "tblPr", W + "trPr", W + "tcPr", W + "sectPr",
         W + "instrText", W + "delText", MC + "Fallback"}
_CONTAINERS = {W + "hyperlink", W + "ins", W + "smartTag", W + "fldSimple", W + "sdt", W + "sdtContent",
               W + "customXml", W + "moveTo", W + "dir", W + "bdo", MC + "AlternateContent", MC + "Choice"}
_HEADER_RE = re.compile(r"^word/header\d*\.xml$")
_FOOTER_RE = re.compile(r"^word/footer\d*\.xml$")
_DARK = 0.6  # shading darker than this makes white text legible


def _parse_xml(data: bytes, name: str) -> Element:
    from xml.etree.ElementTree import ParseError

    import defusedxml.ElementTree as DET
    from defusedxml import DefusedXmlException

    try:
        return DET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise ExtractionError(
            Reason.CORRUPT,
            f"{name} declares XML entities or a DTD, which Word never writes (an entity-expansion bomb?): {exc}",
            "re-save the document in Word or LibreOffice",
        ) from None
    except (ParseError, ValueError) as exc:
        raise ExtractionError(Reason.CORRUPT, f"{name} is not well-formed XML ({exc})") from None


def _luminance(hex_colour: str | None) -> float | None:
    if not hex_colour or len(hex_colour) != 6:
        return None
    try:
        r, g, b = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return None
    return (0.299 * r + 0.587 * g + 0.114 * b) / 255


def _shading(props: Element | None) -> float | None:
    """Luminance of a w:shd fill (or highlight) in a properties element, if any."""
    if props is None:
        return None
    shd = props.find(W + "shd")
    if shd is not None:
        lum = _luminance(shd.get(W + "fill"))
        if lum is not None:
            return lum
    hl = props.find(W + "highlight")
    if hl is not None and hl.get(W + "val") not in (None, "none", "white"):
        return 0.3
    return None


def _style_props(styles_xml: Element | None) -> dict[str, Element]:
    """styleId -> run properties of that style, so text hidden through a style is caught too."""
    out: dict[str, Element] = {}
    if styles_xml is None:
        return out
    for style in styles_xml.iter(W + "style"):
        props = style.find(W + "rPr")
        sid = style.get(W + "styleId")
        if props is not None and sid:
            out[sid] = props
    return out


def _on(props: Element | None, tag: str) -> bool | None:
    """A toggle property (w:b): True/False where it is set, None where it is not."""
    el = props.find(W + tag) if props is not None else None
    if el is None:
        return None
    return el.get(W + "val", "true") not in ("0", "false", "off")


def _half_points(props: Element | None) -> float | None:
    el = props.find(W + "sz") if props is not None else None
    try:
        return int(el.get(W + "val", "")) / 2 if el is not None else None
    except ValueError:
        return None


_TEXT_WIDTH_TWIPS = 9360  # 6.5 inches: a Letter/A4 page less the default margins


class _Walker:
    def __init__(self, builder: TextBuilder, styles: dict[str, Element] | None = None,
                 default_size: float = 11.0) -> None:
        self.b = builder
        self.styles = styles or {}
        self.para_style: Element | None = None
        self.default_size = default_size

    def _look(self, p: Element, start: int) -> None:
        """Record the paragraph's size, weight and indent, read from its first run."""
        run = p.find(f".//{W}r")
        props = run.find(W + "rPr") if run is not None else None
        char_style = self._styled(props, "rStyle")
        size = _half_points(props) or _half_points(char_style) or _half_points(self.para_style) or self.default_size
        bold = next((b for b in (_on(props, "b"), _on(char_style, "b"), _on(self.para_style, "b")) if b is not None),
                    False)
        ind = p.find(f"{W}pPr/{W}ind")
        indent = 0.0
        if ind is not None:
            try:
                indent = int(ind.get(W + "left") or ind.get(W + "start") or 0) / _TEXT_WIDTH_TWIPS
            except ValueError:
                indent = 0.0
        self.b.style(start, size, bold, max(0.0, min(indent, 1.0)))

    def _styled(self, props: Element | None, tag: str) -> Element | None:
        ref = props.find(W + tag) if props is not None else None
        return self.styles.get(ref.get(W + "val", "")) if ref is not None else None

    def blocks(self, parent: Element, background: float = 1.0) -> None:
        for child in parent:
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child, background)
            elif tag == W + "tbl":
                self.table(child, background)
            elif tag in _CONTAINERS:
                self.blocks(child, background)

    def paragraph(self, p: Element, background: float) -> None:
        shade = _shading(p.find(W + "pPr"))
        bg = background if shade is None else shade
        boxes: list[Element] = []
        before = len(self.b)
        outer, self.para_style = self.para_style, self._styled(p.find(W + "pPr"), "pStyle")
        self.inline(p, bg, boxes)
        self._look(p, before)
        self.para_style = outer
        self.b.newline(blank=len(self.b) == before)  # an empty paragraph is a deliberate gap
        for box in boxes:
            self.blocks(box, bg)

    def inline(self, elem: Element, background: float, boxes: list[Element]) -> None:
        for child in elem:
            tag = child.tag
            if tag == W + "r":
                self.run(child, background, boxes)
            elif tag in _CONTAINERS:
                self.inline(child, background, boxes)

    def run(self, r: Element, background: float, boxes: list[Element]) -> None:
        props = r.find(W + "rPr")
        hidden = (
            self.run_hidden(props, background)
            or self.run_hidden(self._styled(props, "rStyle"), background)
            or self.run_hidden(self.para_style, background)
        )
        for child in r:
            tag = child.tag
            if tag == W + "t":
                self.b.add(child.text or "", hidden)
            elif tag == W + "tab":
                self.b.add("\t", hidden)
            elif tag in (W + "br", W + "cr"):
                self.b.add("\n")
            elif tag == W + "noBreakHyphen":
                self.b.add("-", hidden)
            elif tag not in _SKIP:
                boxes.extend(_text_boxes(child))

    @staticmethod
    def run_hidden(props: Element | None, background: float) -> HiddenKind | None:
        if props is None:
            return None
        vanish = props.find(W + "vanish")
        if vanish is not None and vanish.get(W + "val", "true") not in ("0", "false", "off"):
            return HiddenKind.HIDDEN_STYLE
        size = props.find(W + "sz")
        if size is not None:
            try:
                if int(size.get(W + "val", "24")) < 2:
                    return HiddenKind.TINY_FONT
            except ValueError:
                pass
        colour = props.find(W + "color")
        if colour is not None:
            lum = _luminance(colour.get(W + "val"))
            shade = _shading(props)
            bg = background if shade is None else shade
            if lum is not None and abs(lum - bg) < 0.12:
                return HiddenKind.BACKGROUND_COLOUR
        return None

    def table(self, tbl: Element, background: float) -> None:
        self.b.newline(blank=True)
        for tr in _direct_rows(tbl):
            row_start = len(self.b)
            first_p = tr.find(f".//{W}p")
            for ci, tc in enumerate(tr.findall(W + "tc")):
                if ci:
                    self.b.add(" | ")
                shade = _shading(tc.find(W + "tcPr"))
                self.cell(tc, background if shade is None else shade)
            if first_p is not None:
                self._look(first_p, row_start)
            self.b.newline()
        self.b.newline(blank=True)

    def cell(self, tc: Element, background: float) -> None:
        """Cell paragraphs joined by spaces, so one table row stays one line."""
        first = True
        for p in tc.iter(W + "p"):
            if not first:
                self.b.add(" ")
            first = False
            boxes: list[Element] = []
            self.inline(p, background, boxes)


def _direct_rows(tbl: Element):
    """Rows of this table only; nested tables are read inside their cell."""
    for child in tbl:
        if child.tag == W + "tr":
            yield child
        elif child.tag in _CONTAINERS:
            yield from _direct_rows(child)


def _text_boxes(elem: Element) -> list[Element]:
    """w:txbxContent under a drawing or picture, once: mc:Fallback (the VML copy) is skipped."""
    found: list[Element] = []
    stack = [elem]
    while stack:
        e = stack.pop()
        for child in e:
            if child.tag == MC + "Fallback":
                continue
            if child.tag == W + "txbxContent":
                found.append(child)
            else:
                stack.append(child)
    found.reverse()
    return found


def _default_size(styles_xml: Element | None) -> float:
    """The document's body font size (docDefaults, else the Normal style), in points."""
    if styles_xml is not None:
        for path in (f"{W}docDefaults/{W}rPrDefault/{W}rPr", f"{W}style[@{W}styleId='Normal']/{W}rPr"):
            size = _half_points(styles_xml.find(path))
            if size:
                return size
    return 11.0


def extract_docx(data: bytes, limits: Limits) -> RawText:
    archive = SafeZip(data, limits)
    if "word/document.xml" not in archive.names:
        raise ExtractionError(Reason.CORRUPT, "the archive has no word/document.xml; not a Word document")
    root = _parse_xml(archive.read("word/document.xml"), "word/document.xml")
    body = root.find(W + "body")
    if body is None:
        raise ExtractionError(Reason.CORRUPT, "word/document.xml has no body")
    styles = None
    if "word/styles.xml" in archive.names:
        styles = _parse_xml(archive.read("word/styles.xml"), "word/styles.xml")
    builder = TextBuilder()
    walker = _Walker(builder, _style_props(styles), _default_size(styles))
    seen: set[str] = set()

    def parts(pattern: re.Pattern[str]) -> None:
        for name in sorted(n for n in archive.names if pattern.match(n)):
            part = _parse_xml(archive.read(name), name)
            key = "".join(part.itertext()).strip()
            if not key or key in seen:
                continue  # first-page/even/default headers often repeat
            seen.add(key)
            walker.blocks(part)
            builder.newline(blank=True)

    parts(_HEADER_RE)
    walker.blocks(body)
    builder.newline(blank=True)
    parts(_FOOTER_RE)
    images = sum(1 for n in archive.names if n.startswith("word/media/") and not n.endswith("/"))
    return RawText(builder.build(), builder.hidden, images=images, layout=builder.layout)
