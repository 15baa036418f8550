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
from dataclasses import dataclass, field
from itertools import pairwise, repeat
from operator import attrgetter

import numpy as np

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
_TEXT = attrgetter("text")
_SMASK_RE = re.compile(rb"/SMask\s+\d+\s+\d+\s+R")
# characters by how they end a word, looked up by code point (all of them are below U+4000)
_KIND_LETTER, _KIND_SPACE, _KIND_HYPHEN, _KIND_OVERHANG = 0, 1, 2, 3
_CHAR_KIND = np.zeros(0x4001, np.uint8)
_CHAR_KIND[[ord(c) for c in _WHITESPACE]] = _KIND_SPACE
_CHAR_KIND[[ord(c) for c in _HYPHENS]] = _KIND_HYPHEN
_CHAR_KIND[[ord(c) for c in _OVERHANG]] = _KIND_OVERHANG
_GAP_LIMIT = np.array([WORD_GAP, WORD_GAP, 0.12, OVERHANG_GAP])  # of line height, after each kind


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
    text: str | None = None  # the words joined by spaces, set when none of them is hidden

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
                read = _read_page(page, builder, raw, index + 1)
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
        return RawText(text, builder.hidden, pages=n_pages, images=images, warnings=warnings, layout=builder.layout)
    finally:
        doc.close()


def _page_text(tp, raw, n: int) -> str:
    text = tp.get_text_range() if n else ""
    if len(text) != n:  # surrogate pairs or excluded chars: fall back to one call per char
        text = "".join(chr(raw.FPDFText_GetUnicode(tp, i) or 0xFFFD) for i in range(n))
    return text


def _read_page(page, builder: TextBuilder, raw, page_no: int = 1) -> int:
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
        hidden = [w for w in words if w.hidden is not None]
        if not hidden:  # the usual page: each segment is written as one string
            for seg in segments:
                seg.text = " ".join(map(_TEXT, seg.words))
        look = _Look(tp.raw, raw, left, right, page_no)
        if rotated:
            _emit_stream_order(segments, builder, look)
        else:
            _emit_layout(segments, builder, look)
        return sum(map(len, map(_TEXT, words))) - sum(map(len, map(_TEXT, hidden)))
    finally:
        tp.close()


def _char_boxes(tp, raw, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Loose boxes of the characters ``idx``: (indices that have one, float64 [l, t, r, b] rows)."""
    m = len(idx)
    buf = (ctypes.c_float * (4 * m))()  # FS_RECTF: left, top, right, bottom
    base = ctypes.addressof(buf)
    handle = ctypes.cast(tp, ctypes.c_void_p).value
    ok = np.fromiter(map(_fast(raw, "FPDFText_GetLooseCharBox", 1), repeat(handle, m), idx.tolist(), range(base, base + 16 * m, 16)), bool, m)
    boxes = np.frombuffer(buf, np.float32).reshape(m, 4).astype(np.float64)
    if ok.all():
        return idx, boxes
    return idx[ok], boxes[ok]


def _words(tp, raw, text: str, n: int) -> list[_Word]:
    """Group characters into words by whitespace and by gaps between their loose boxes.

    Boxes come in one pass over the page (``_char_boxes``); the grouping runs on arrays
    (``_breaks``) and only the words become Python objects.
    """
    codes = np.frombuffer(text[:n].encode("utf-32-le", "surrogatepass"), np.uint32)
    kind = _CHAR_KIND[np.minimum(codes, len(_CHAR_KIND) - 1)]
    ws = kind == _KIND_SPACE
    idx, boxes = _char_boxes(tp, raw, np.flatnonzero(~ws))
    m = len(idx)
    if not m:
        return []
    l, t, r, b = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    lo, hi = np.minimum(b, t), np.maximum(b, t)
    centre2 = b + t
    ws_before = np.cumsum(ws)[idx]
    forced = np.empty(m, bool)
    forced[0] = True
    forced[1:] = ws_before[1:] != ws_before[:-1]  # whitespace between them ends a word
    brk = _breaks(l, r, lo, hi, centre2, forced, _GAP_LIMIT[kind[idx]])
    starts = np.flatnonzero(brk)
    ends = np.append(starts[1:], m) - 1
    x1 = np.maximum.reduceat(r, starts)
    first_i, last_i = idx[starts].tolist(), idx[ends].tolist()
    return [
        _Word(x0, x1_, bo, to, text[fi : la + 1], fi)
        for x0, x1_, bo, to, fi, la in zip(
            l[starts].tolist(), x1.tolist(), lo[starts].tolist(), hi[starts].tolist(), first_i, last_i, strict=True
        )
    ]


def _breaks(l, r, lo, hi, centre2, forced, limit, rounds: int = 6) -> np.ndarray:
    """Where words start, for characters in reading order (``forced``: whitespace before it).

    The rule is sequential: a character joins the open word when its gap to the word's right
    edge (the largest right so far) is small against the height of the word's first
    character, and its centre is within that height of the first character's. It is
    evaluated on whole arrays: guess the breaks from each character's predecessor, recompute
    every decision from the words that guess makes, and repeat until nothing changes. The
    decision at a character depends only on earlier ones, so the fixed point is the
    sequential answer; a page that does not settle in ``rounds`` goes through the plain loop.
    """
    m = len(l)
    lim_prev = limit[:-1]  # the rule looks at the character before
    l1, c1 = l[1:], centre2[1:]
    # first guess: the word's state is its previous character's
    h = hi[:-1] - lo[:-1]
    gap = l1 - r[:-1]
    dc = c1 - (lo[:-1] + hi[:-1])
    brk = forced.copy()
    brk[1:] |= ~((-0.3 * h < gap) & (gap < lim_prev * h) & (-h < dc) & (dc < h))
    span = float(r.max() - r.min()) + 1.0 if m else 1.0
    if not np.isfinite(span):
        return _breaks_loop(l, r, lo, hi, centre2, forced, limit)
    for _ in range(rounds):
        group = np.cumsum(brk) - 1
        first = np.flatnonzero(brk)[group][:-1]
        # running maximum of right edges within each word: words are offset apart by more
        # than the range of r, so one accumulate over the page restarts at every word
        runmax = np.maximum.accumulate(r + group * span)[:-1] - group[:-1] * span
        h = hi[first] - lo[first]
        gap = l1 - runmax
        dc = c1 - (lo[first] + hi[first])
        again = forced.copy()
        again[1:] |= ~((-0.3 * h < gap) & (gap < lim_prev * h) & (-h < dc) & (dc < h))
        if np.array_equal(again, brk):
            return brk
        brk = again
    return _breaks_loop(l, r, lo, hi, centre2, forced, limit)


def _breaks_loop(l, r, lo, hi, centre2, forced, limit) -> np.ndarray:
    """The sequential rule, one character at a time (for pages the array version cannot settle)."""
    m = len(l)
    brk = forced.copy()
    L, R, LO, HI, C, LIM = l.tolist(), r.tolist(), lo.tolist(), hi.tolist(), centre2.tolist(), limit.tolist()
    cx1 = R[0]
    cb, ct = LO[0], HI[0]
    for k in range(1, m):
        if not brk[k]:
            h = ct - cb
            gap = L[k] - cx1
            if -0.3 * h < gap < LIM[k - 1] * h and -h < C[k] - (cb + ct) < h:
                if R[k] > cx1:  # noqa: PLR1730
                    cx1 = R[k]
                continue
            brk[k] = True
        cx1, cb, ct = R[k], LO[k], HI[k]
    return brk


def _fast(raw, name: str, n_ptrs: int):
    """A pdfium text function ``f(textpage, index, *pointers)`` as a GIL-holding prototype on ints.

    ``map`` over it keeps the per-item loop in C apart from the ctypes call itself (about
    320 ns an item against about 580 ns through pypdfium2's binding in a Python loop; the
    pdfium work behind a loose character box is about 10 ns). Holding the GIL is right
    here: pdfium is not thread-safe anyway.
    """
    fn = _FAST.get(name)
    if fn is None:
        addr = ctypes.cast(getattr(raw, name), ctypes.c_void_p).value
        proto = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, *([ctypes.c_void_p] * n_ptrs))
        fn = _FAST[name] = proto(addr)
    return fn


_FAST: dict = {}


def _mark_hidden(page, tp, raw, words: list[_Word], box: tuple[float, float, float, float]) -> None:
    """Flag words a reader cannot see: off the page, tiny, or the colour of their background."""
    left, bottom, right, top = box
    m = len(words)
    x0 = np.fromiter([w.x0 for w in words], np.float64, m)
    x1 = np.fromiter([w.x1 for w in words], np.float64, m)
    lo = np.fromiter([w.bottom for w in words], np.float64, m)
    hi = np.fromiter([w.top for w in words], np.float64, m)
    cx, cy = (x0 + x1) / 2, (lo + hi) / 2
    off = (cx < left) | (cx > right) | (cy < bottom) | (cy > top)
    tiny = ~off & (hi - lo < TINY_HEIGHT_PT)
    for i in np.flatnonzero(off).tolist():
        words[i].hidden = HiddenKind.OFF_PAGE
    for i in np.flatnonzero(tiny).tolist():
        words[i].hidden = HiddenKind.TINY_FONT
    rest = np.flatnonzero(~(off | tiny))
    k = len(rest)
    if not k:
        return
    rgba = (ctypes.c_uint * (4 * k))()
    base = ctypes.addressof(rgba)
    size = ctypes.sizeof(ctypes.c_uint)
    handle = ctypes.cast(tp, ctypes.c_void_p).value
    firsts = [words[i].first for i in rest.tolist()]
    ok = np.fromiter(
        map(
            _fast(raw, "FPDFText_GetFillColor", 4),
            repeat(handle, k),
            firsts,
            *(range(base + j * k * size, base + (j + 1) * k * size, size) for j in range(4)),
        ),
        bool,
        k,
    )
    R, G, B, A = np.frombuffer(rgba, np.uint32).reshape(4, k).astype(np.float64)
    for i in rest[ok & (A == 0)].tolist():
        words[i].hidden = HiddenKind.BACKGROUND_COLOUR
    lum = (0.299 * R + 0.587 * G + 0.114 * B) / 255
    bright = ok & (A != 0) & (lum >= LIGHT_LUMINANCE)
    if bright.any():
        _check_background(page, [(words[i], v) for i, v in zip(rest[bright].tolist(), lum[bright].tolist())], box)


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
    """Join consecutive words on one line unless a wide gap (a gutter or tab) separates them.

    Written with locals instead of ``_Segment.add`` and ``min``/``max`` calls: it runs once
    per word on every page.
    """
    segments: list[_Segment] = []
    cur: list[_Word] | None = None
    sx0 = sx1 = sb = st = 0.0
    for w in words:
        x0, x1, b, t = w.x0, w.x1, w.bottom, w.top
        if cur is not None:
            ch, wh = st - sb, t - b
            h = ch if ch > wh else wh  # noqa: FURB136
            overlap = (t if t < st else st) - (b if b > sb else sb)  # noqa: FURB136
            gap = x0 - sx1
            if overlap > 0.5 * (ch if ch < wh else wh) and -0.2 * h < gap < 0.9 * h:  # noqa: FURB136
                cur.append(w)
                if x0 < sx0:  # noqa: PLR1730
                    sx0 = x0
                if x1 > sx1:  # noqa: PLR1730
                    sx1 = x1
                if b < sb:  # noqa: PLR1730
                    sb = b
                if t > st:  # noqa: PLR1730
                    st = t
                continue
            segments.append(_Segment(cur, sx0, sx1, sb, st))
        cur = [w]
        sx0, sx1, sb, st = x0, x1, b, t
    if cur is not None:
        segments.append(_Segment(cur, sx0, sx1, sb, st))
    return segments


def _find_gutter(segments: list[_Segment], left: float, right: float) -> float | None:
    """An x position in the middle of the page that separates two real columns, if any.

    Candidates every 2 pt across the middle 60% of the page; at each, the segments wholly
    left of it, wholly right of it and crossing it are counted (searchsorted over sorted
    edges, all candidates at once). The best candidate has the most segments on its
    smaller side, then the fewest crossing; the middle of the first run of such neighbours
    is the gutter.
    """
    n = len(segments)
    if n < 8:
        return None
    width = right - left
    x, stop = left + 0.2 * width, left + 0.8 * width
    if not x <= stop:
        return None
    # x += 2.0 repeated, as cumsum adds in order: the same floats as a loop would visit
    xs = np.cumsum(np.concatenate(([x], np.full(int((stop - x) / 2.0) + 1, 2.0))))
    xs = xs[xs <= stop]
    x1s = np.sort(np.fromiter([s.x1 for s in segments], np.float64, n))
    x0s = np.sort(np.fromiter([s.x0 for s in segments], np.float64, n))
    n_left = np.searchsorted(x1s, xs, "right")
    n_right = n - np.searchsorted(x0s, xs, "left")
    crossing = n - n_left - n_right
    m = np.minimum(n_left, n_right)
    ok = (m >= 4) & (m >= 0.15 * n) & (crossing <= np.maximum(2, 0.25 * (n_left + n_right)))
    if not ok.any():
        return None
    key = np.where(ok, m * (2 * n + 2) - crossing, -(4 * n + 4))  # (m, -crossing) as one number: |crossing| <= n
    at = np.flatnonzero(key == key.max())
    first = int(at[0])
    end = first
    while end + 1 < len(xs) and key[end + 1] == key[first] and xs[end + 1] - xs[end] <= 2.01:
        end += 1
    return float(xs[first + (end - first + 1) // 2])


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


_BOLD_NAME = re.compile(rb"bold|black|heavy|semibold|demi", re.IGNORECASE)


@dataclass(slots=True)
class _Look:
    """What the emitter needs to record how each line looked (``Document.layout``)."""

    tp: object
    raw: object
    left: float
    right: float
    page: int

    def bold(self, char: int) -> bool:
        weight = self.raw.FPDFText_GetFontWeight(self.tp, char)
        if weight >= 600:
            return True
        buf = ctypes.create_string_buffer(128)
        flags = ctypes.c_int()
        self.raw.FPDFText_GetFontInfo(self.tp, char, buf, 128, ctypes.byref(flags))
        return bool(flags.value & 0x40000) or bool(_BOLD_NAME.search(buf.value))  # ForceBold, or the font's name


class _Emitter:
    """Writes rows as lines; a gap clearly wider than the page's usual line pitch starts a block."""

    def __init__(self, builder: TextBuilder, segments: list[_Segment], look: _Look,
                 rows: list[list[_Segment]] | None = None) -> None:
        self.b = builder
        self.look = look
        tops = [max(s.top for s in row) for row in (rows if rows is not None else _rows(segments))]
        pitches = sorted(a - b for a, b in pairwise(tops) if a > b)
        self.usual = pitches[len(pitches) // 2] if pitches else 0.0
        self.last_top: float | None = None

    def _style(self, start: int, row: list[_Segment], column: int) -> None:
        look = self.look
        first = row[0].words[0]
        width = (look.right - look.left) or 1.0
        self.b.style(start, first.top - first.bottom, look.bold(first.first),
                     max(0.0, (row[0].x0 - look.left) / width), column, look.page)

    def _blank(self, prev_top: float, row: list[_Segment]) -> bool:
        pitch = prev_top - max(s.top for s in row)
        h = max(s.top - s.bottom for s in row)
        if pitch <= 0:  # moved up: a new column or an out-of-order piece
            return True
        return pitch > max(1.4 * self.usual, 1.6 * h) if self.usual else pitch > 1.6 * h

    def rows(self, rows: list[list[_Segment]], new_column: bool = False, column: int = 0) -> None:
        for ri, row in enumerate(rows):
            if self.last_top is not None:
                self.b.newline(blank=(new_column and ri == 0) or self._blank(self.last_top, row))
            self.last_top = max(s.top for s in row)
            start = len(self.b)
            self._write(row)
            self._style(start, row, column)

    def _write(self, row: list[_Segment]) -> None:
        if row[0].text is not None:  # no hidden word on this page
            self.b.add(" ".join([seg.text for seg in row]))
            return
        words = [w for seg in row for w in seg.words]
        if not any(w.hidden for w in words):
            self.b.add(" ".join(w.text for w in words))
            return
        for wi, w in enumerate(words):
            if wi:
                self.b.add(" ")
            self.b.add(w.text, w.hidden)


def _emit_stream_order(segments: list[_Segment], builder: TextBuilder, look: _Look) -> None:
    _Emitter(builder, segments, look).rows([[s] for s in segments])


def _emit_layout(segments: list[_Segment], builder: TextBuilder, look: _Look) -> None:
    gutter = _find_gutter(segments, look.left, look.right)
    if gutter is None:
        rows = _rows(segments)
        _Emitter(builder, segments, look, rows).rows(rows)
        return
    emit = _Emitter(builder, segments, look)
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
            emit.rows(_rows([x for x in middle if x.x1 <= gutter]), column=1)
            emit.rows(_rows([x for x in middle if x.x1 > gutter]), new_column=True, column=2)
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
