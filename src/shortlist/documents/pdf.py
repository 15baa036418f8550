"""PDF text in reading order with pypdfium2, hidden text marked, OCR when there is no text.

Speed matters (thousands of resumes per run), so the per-character work is one ctypes call
(the loose character box); font colour is sampled once per word and pages are rendered
only when there is light-coloured text whose background must be checked.

Reading order: characters -> words (by gaps between loose boxes) -> segments (words on one
line with no wide gap) -> per page, a vertical gutter is searched in the x-distribution of
segments; when one exists the page is cut into horizontal bands at segments that cross it
(full-width headers), and in each band the left column is read before the right.
"""
from __future__ import annotations

import ctypes
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import pairwise

from shortlist.documents.limits import Limits
from shortlist.documents.model import HiddenKind
from shortlist.documents.raw import RawText, TextBuilder
from shortlist.errors import ExtractionError, Reason

TINY_HEIGHT_PT = 1.2  # loose box height of ~1pt text; nobody reads that
WORD_GAP = 0.08  # of line height, between loose char boxes (tuned against pdfminer on livecareer PDFs)
LIGHT_LUMINANCE = 0.8  # text at least this light gets its background checked
MIN_TEXT_CHARS_PER_PAGE = 20  # below this the PDF is treated as a scan
_IMAGE_RE = re.compile(rb"/Subtype\s*/Image\b")
_WHITESPACE = frozenset(" \t\r\n\x00\xa0\u3000\u2002\u2003\u2009")
_HYPHENS = frozenset("-‐‑–/")  # their loose boxes are narrow; a word goes on after them
_OVERHANG = frozenset("fj")  # glyph boxes wider than their advance hide the gap after them
OVERHANG_GAP = 0.02
_SMASK_RE = re.compile(rb"/SMask\s+\d+\s+\d+\s+R")


@dataclass(slots=True)
class _Word:
    x0: float
    x1: float
    bottom: float
    top: float
    text: str
    first: int  # char index of the first char, for sampling style
    hidden: HiddenKind | None = None


@dataclass(slots=True)
class _Segment:
    words: list[_Word] = field(default_factory=list)
    x0: float = 0.0
    x1: float = 0.0
    bottom: float = 0.0
    top: float = 0.0

    def add(self, w: _Word) -> None:
        if not self.words:
            self.x0, self.x1, self.bottom, self.top = w.x0, w.x1, w.bottom, w.top
        else:
            self.x0 = min(self.x0, w.x0)
            self.x1 = max(self.x1, w.x1)
            self.bottom = min(self.bottom, w.bottom)
            self.top = max(self.top, w.top)
        self.words.append(w)


def _pdfium():
    try:
        import pypdfium2 as pdfium
        from pypdfium2 import raw
    except ImportError as exc:  # pragma: no cover - a core dependency
        from shortlist.errors import MissingExtra

        raise MissingExtra("pypdfium2", "pdf", "Reading PDF files") from exc
    return pdfium, raw


def extract_pdf(data: bytes, limits: Limits) -> RawText:
    """Read a PDF's text layer (or OCR it when it has none)."""
    pdfium, raw = _pdfium()
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == raw.FPDF_ERR_PASSWORD:
            raise ExtractionError(
                Reason.ENCRYPTED, "the PDF is password-protected", "ask the candidate for an unprotected copy"
            ) from None
        raise ExtractionError(Reason.CORRUPT, f"not a readable PDF ({exc})", "re-export the file as PDF") from None
    try:
        n_pages = len(doc)
        if n_pages > limits.max_pages:
            raise ExtractionError(
                Reason.TOO_LARGE,
                f"the PDF has {n_pages} pages, more than the limit of {limits.max_pages}",
                "raise max_pages if this is really a resume",
            )
        if n_pages == 0:
            raise ExtractionError(Reason.EMPTY, "the PDF has no pages")
        builder = TextBuilder()
        visible_chars = 0
        textless: list[int] = []
        broken: list[int] = []
        for index in range(n_pages):
            try:
                page = doc[index]
            except pdfium.PdfiumError:
                broken.append(index + 1)  # one damaged page should not cost the others
                continue
            try:
                if index:
                    builder.newline(blank=True)
                read = _read_page(page, builder, raw)
            finally:
                page.close()
            visible_chars += read
            if read < MIN_TEXT_CHARS_PER_PAGE:
                textless.append(index + 1)
        if len(broken) == n_pages:
            raise ExtractionError(Reason.CORRUPT, "no page of the PDF could be loaded", "re-export the file as PDF")
        images = max(0, len(_IMAGE_RE.findall(data)) - len(_SMASK_RE.findall(data)))
        text = builder.build()
        if visible_chars < MIN_TEXT_CHARS_PER_PAGE * n_pages:
            from shortlist.documents.ocr import ocr_pdf

            ocr_text = ocr_pdf(doc, limits)
            warning = "the PDF has no text layer; its text was read by OCR and may contain recognition errors"
            return RawText(ocr_text, [], pages=n_pages, ocr=True, images=images, warnings=[warning])
        warnings = [f"pages {', '.join(map(str, broken))} are damaged and were skipped"] if broken else []
        if textless:
            warnings.append(f"pages {', '.join(map(str, textless))} have (almost) no text layer and were not OCR'd")
        return RawText(text, builder.hidden, pages=n_pages, images=images, warnings=warnings)
    finally:
        doc.close()


def _page_text(tp, raw, n: int) -> str:
    text = tp.get_text_range() if n else ""
    if len(text) != n:  # surrogate pairs or excluded chars: fall back to one call per char
        text = "".join(chr(raw.FPDFText_GetUnicode(tp, i) or 0xFFFD) for i in range(n))
    return text


def _read_page(page, builder: TextBuilder, raw) -> int:
    """Append one page's text; return the number of non-space characters read."""
    tp = page.get_textpage()
    try:
        n = raw.FPDFText_CountChars(tp)
        if n <= 0:
            return 0
        text = _page_text(tp, raw, n)
        words = _words(tp.raw, raw, text, n)
        if not words:
            return 0
        left, bottom, right, top = page.get_cropbox()
        _mark_hidden(page, tp.raw, raw, words, (left, bottom, right, top))
        rotated = page.get_rotation() % 180 != 0
        segments = _segments(words)
        _mark_invisible(tp.raw, raw, segments)
        if rotated:
            _emit_stream_order(segments, builder)
        else:
            _emit_layout(segments, builder, left, right)
        return sum(len(w.text) for w in words if w.hidden is None)
    finally:
        tp.close()


def _words(tp, raw, text: str, n: int) -> list[_Word]:
    """Group characters into words by whitespace and by gaps between their loose boxes.

    This is the per-character hot loop: one ctypes call, locals only, a word's text is a
    slice of the page text (whitespace ends a word, so its characters are contiguous).
    """
    rect = raw.FS_RECTF()
    get_box = raw.FPDFText_GetLooseCharBox
    ref = ctypes.byref(rect)
    words: list[_Word] = []
    ws, hyphens, overhang = _WHITESPACE, _HYPHENS, _OVERHANG
    open_word = False
    first = last = 0
    cx0 = cx1 = cb = ct = 0.0
    last_ch = ""
    for i, ch in enumerate(text[:n]):
        if ch in ws:
            if open_word:
                words.append(_Word(cx0, cx1, cb, ct, text[first : last + 1], first))
                open_word = False
            continue
        if not get_box(tp, i, ref):
            continue
        l, r, b, t = rect.left, rect.right, rect.bottom, rect.top
        if open_word:
            h = ct - cb
            gap = l - cx1
            # adjacent (small gap, slight overlap) and on the same line (centres close)
            limit = 0.12 if last_ch in hyphens else (OVERHANG_GAP if last_ch in overhang else WORD_GAP)
            if -0.3 * h < gap < limit * h and -h < (b + t) - (cb + ct) < h:
                if r > cx1:  # noqa: PLR1730 - a builtin call per character costs measurably
                    cx1 = r
                last, last_ch = i, ch
                continue
            words.append(_Word(cx0, cx1, cb, ct, text[first : last + 1], first))
        if t < b:
            b, t = t, b
        open_word = True
        first = last = i
        last_ch = ch
        cx0, cx1, cb, ct = l, r, b, t
    if open_word:
        words.append(_Word(cx0, cx1, cb, ct, text[first : last + 1], first))
    return words


def _mark_hidden(page, tp, raw, words: list[_Word], box: tuple[float, float, float, float]) -> None:
    """Flag words a reader cannot see: off the page, tiny, or the colour of their background."""
    left, bottom, right, top = box
    R, G, B, A = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    refs = (ctypes.byref(R), ctypes.byref(G), ctypes.byref(B), ctypes.byref(A))
    get_fill = raw.FPDFText_GetFillColor
    light: list[tuple[_Word, float]] = []
    for w in words:
        cx, cy = (w.x0 + w.x1) / 2, (w.bottom + w.top) / 2
        if cx < left or cx > right or cy < bottom or cy > top:
            w.hidden = HiddenKind.OFF_PAGE
            continue
        if w.top - w.bottom < TINY_HEIGHT_PT:
            w.hidden = HiddenKind.TINY_FONT
            continue
        if not get_fill(tp, w.first, *refs):
            continue
        if A.value == 0:
            w.hidden = HiddenKind.BACKGROUND_COLOUR
            continue
        lum = (0.299 * R.value + 0.587 * G.value + 0.114 * B.value) / 255
        if lum >= LIGHT_LUMINANCE:
            light.append((w, lum))
    if light:
        _check_background(page, light, box)


def _mark_invisible(tp, raw, segments: list[_Segment]) -> None:
    """Text drawn in render mode 3 (neither filled nor stroked) cannot be seen.

    Sampled once per segment (a run of words on one line) to keep the cost negligible. When
    every segment on a page is invisible it is an OCR layer over a scan, which is legitimate.
    """
    invisible = []
    for seg in segments:
        obj = raw.FPDFText_GetTextObject(tp, seg.words[0].first)
        if obj and raw.FPDFTextObj_GetTextRenderMode(obj) == raw.FPDF_TEXTRENDERMODE_INVISIBLE:
            invisible.append(seg)
    if not invisible or len(invisible) == len(segments):
        return
    for seg in invisible:
        for w in seg.words:
            if w.hidden is None:
                w.hidden = HiddenKind.HIDDEN_STYLE


def _check_background(page, light: list[tuple[_Word, float]], box) -> None:
    """Render the page small and compare light text with what is drawn around it.

    White text on a dark sidebar is a common, legitimate design; white text on a white
    page is keyword stuffing. Only the rendered page tells them apart.
    """
    left, _, _, top = box
    scale = 0.5
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        arr = bitmap.to_numpy()
    finally:
        bitmap.close()
    if arr.ndim == 3:
        arr = arr[..., 0]
    height, width = arr.shape[:2]
    for w, lum in light:
        x0 = int(max(0, (w.x0 - left) * scale)) - 1
        x1 = int(min(width, (w.x1 - left) * scale + 2))
        y0 = int(max(0, (top - w.top) * scale)) - 1
        y1 = int(min(height, (top - w.bottom) * scale + 2))
        region = arr[max(0, y0) : y1, max(0, x0) : x1]
        if region.size == 0:
            continue
        background = float(region.mean()) / 255
        if abs(background - lum) < 0.12:
            w.hidden = HiddenKind.BACKGROUND_COLOUR


def _segments(words: list[_Word]) -> list[_Segment]:
    """Join consecutive words on one line unless a wide gap (a gutter or tab) separates them."""
    segments: list[_Segment] = []
    cur: _Segment | None = None
    for w in words:
        if cur is not None:
            h = max(cur.top - cur.bottom, w.top - w.bottom)
            overlap = min(w.top, cur.top) - max(w.bottom, cur.bottom)
            gap = w.x0 - cur.x1
            if overlap > 0.5 * min(cur.top - cur.bottom, w.top - w.bottom) and -0.2 * h < gap < 0.9 * h:
                cur.add(w)
                continue
        cur = _Segment()
        cur.add(w)
        segments.append(cur)
    return segments


def _find_gutter(segments: list[_Segment], left: float, right: float) -> float | None:
    """An x position in the middle of the page that separates two real columns, if any."""
    n = len(segments)
    if n < 8:
        return None
    x1s = sorted(s.x1 for s in segments)
    x0s = sorted(s.x0 for s in segments)
    width = right - left
    best: tuple[int, int] | None = None
    run: list[float] = []
    x = left + 0.2 * width
    stop = left + 0.8 * width
    while x <= stop:
        n_left = bisect_right(x1s, x)
        n_right = n - bisect_left(x0s, x)
        crossing = n - n_left - n_right
        m = min(n_left, n_right)
        if m >= 4 and m >= 0.15 * n and crossing <= max(2, 0.25 * (n_left + n_right)):
            key = (m, -crossing)
            if best is None or key > best:
                best, run = key, [x]
            elif key == best and run and x - run[-1] <= 2.01:
                run.append(x)
        x += 2.0
    if best is None:
        return None
    return run[len(run) // 2]


def _rows(segments: list[_Segment]) -> list[list[_Segment]]:
    """Cluster segments into visual rows (top to bottom), each row sorted left to right."""
    rows: list[list[_Segment]] = []
    bounds: list[list[float]] = []
    for s in sorted(segments, key=lambda s: -s.top):
        centre = (s.top + s.bottom) / 2
        if rows and bounds[-1][0] <= centre <= bounds[-1][1]:
            rows[-1].append(s)
            bounds[-1][0] = min(bounds[-1][0], s.bottom)
            continue
        rows.append([s])
        bounds.append([s.bottom, s.top])
    for row in rows:
        row.sort(key=lambda s: s.x0)
    return rows


class _Emitter:
    """Writes rows as lines; a gap clearly wider than the page's usual line pitch starts a block."""

    def __init__(self, builder: TextBuilder, segments: list[_Segment]) -> None:
        self.b = builder
        tops = [max(s.top for s in row) for row in _rows(segments)]
        pitches = sorted(a - b for a, b in pairwise(tops) if a > b)
        self.usual = pitches[len(pitches) // 2] if pitches else 0.0
        self.last_top: float | None = None

    def _blank(self, prev_top: float, row: list[_Segment]) -> bool:
        pitch = prev_top - max(s.top for s in row)
        h = max(s.top - s.bottom for s in row)
        if pitch <= 0:  # moved up: a new column or an out-of-order piece
            return True
        return pitch > max(1.4 * self.usual, 1.6 * h) if self.usual else pitch > 1.6 * h

    def rows(self, rows: list[list[_Segment]], new_column: bool = False) -> None:
        for ri, row in enumerate(rows):
            if self.last_top is not None:
                self.b.newline(blank=(new_column and ri == 0) or self._blank(self.last_top, row))
            self.last_top = max(s.top for s in row)
            words = [w for seg in row for w in seg.words]
            if not any(w.hidden for w in words):
                self.b.add(" ".join(w.text for w in words))
                continue
            for wi, w in enumerate(words):
                if wi:
                    self.b.add(" ")
                self.b.add(w.text, w.hidden)


def _emit_stream_order(segments: list[_Segment], builder: TextBuilder) -> None:
    _Emitter(builder, segments).rows([[s] for s in segments])


def _emit_layout(segments: list[_Segment], builder: TextBuilder, left: float, right: float) -> None:
    emit = _Emitter(builder, segments)
    gutter = _find_gutter(segments, left, right)
    if gutter is None:
        emit.rows(_rows(segments))
        return
    band: list[_Segment] = []
    spanning: list[_Segment] = []

    def flush_band(before_spanning: bool) -> None:
        if not band:
            return
        lcol = [s for s in band if s.x1 <= gutter]
        rcol = [s for s in band if s.x1 > gutter]
        if len(lcol) < 2 or len(rcol) < 2:
            emit.rows(_rows(band))
        else:
            # Lines above where the later column starts lead; when a full-width line follows,
            # lines below where the shorter column ends belong with it (a heading for it).
            start = min(max(x.top for x in lcol), max(x.top for x in rcol))
            end = max(min(x.bottom for x in lcol), min(x.bottom for x in rcol)) if before_spanning else -1e9
            lead = [x for x in band if x.bottom > start]
            tail = [x for x in band if x.top < end and x.bottom <= start]
            middle = [x for x in band if x.bottom <= start and x.top >= end]
            emit.rows(_rows(lead))
            emit.rows(_rows([x for x in middle if x.x1 <= gutter]))
            emit.rows(_rows([x for x in middle if x.x1 > gutter]), new_column=True)
            emit.rows(_rows(tail), new_column=True)
        band.clear()

    for s in sorted(segments, key=lambda s: -s.top):
        if s.x0 < gutter - 1 and s.x1 > gutter + 1:
            flush_band(before_spanning=True)
            spanning.append(s)
        else:
            if spanning:
                emit.rows(_rows(spanning))
                spanning.clear()
            band.append(s)
    flush_band(before_spanning=False)
    if spanning:
        emit.rows(_rows(spanning))
