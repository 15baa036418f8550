"""Optical character recognition with the tesseract command-line tool.

The CLI (not a Python binding) keeps OCR in its own process, so a crash or a runaway page
cannot take the worker down, and the time limit is a plain subprocess timeout.
"""
from __future__ import annotations

import functools
import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from shortlist.documents.limits import Limits
from shortlist.documents.raw import RawText
from shortlist.errors import ExtractionError, Reason

INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-chi-sim"
MAX_IMAGE_PIXELS = 60_000_000  # ~ an A4 page at 600 dpi; more is a decompression bomb


def _tesseract() -> str:
    exe = shutil.which("tesseract")
    if exe is None:
        raise ExtractionError(Reason.MISSING_TOOL, "OCR needs the tesseract program, which is not installed", INSTALL_HINT)
    return exe


@functools.lru_cache(maxsize=4)
def _installed_languages(exe: str) -> frozenset[str]:
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=20, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.strip() for line in out.splitlines()[1:] if line.strip())


def _languages(exe: str, wanted: str) -> str:
    installed = _installed_languages(exe)
    langs = [lang for lang in wanted.split("+") if lang and (not installed or lang in installed)]
    if not langs:
        raise ExtractionError(
            Reason.MISSING_TOOL, f"none of the OCR languages {wanted!r} is installed for tesseract", INSTALL_HINT
        )
    return "+".join(langs)


def run_tesseract(images: list[Path], limits: Limits) -> str:
    """OCR image files in order; pages are separated by a blank line."""
    exe = _tesseract()
    langs = _languages(exe, limits.ocr_languages)
    with tempfile.TemporaryDirectory(prefix="shortlist-ocr-") as tmp:
        listing = Path(tmp) / "pages.txt"
        listing.write_text("\n".join(str(p) for p in images) + "\n")
        env = dict(os.environ, OMP_THREAD_LIMIT="1")
        try:
            proc = subprocess.run(
                [exe, str(listing), "stdout", "-l", langs],
                capture_output=True,
                timeout=limits.timeout_s,
                env=env,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ExtractionError(Reason.TIMED_OUT, f"OCR took longer than {limits.timeout_s:g}s") from None
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise ExtractionError(Reason.CORRUPT, f"tesseract could not read the image ({detail[0]})")
    return proc.stdout.decode("utf-8", "replace").replace("\f", "\n\n")


def ocr_image(data: bytes, limits: Limits) -> RawText:
    """OCR a picture (a photographed or scanned resume)."""
    from PIL import Image, UnidentifiedImageError

    _tesseract()
    try:
        with Image.open(io.BytesIO(data)) as img:
            if img.width * img.height > MAX_IMAGE_PIXELS:
                raise ExtractionError(
                    Reason.TOO_LARGE, f"the image is {img.width}x{img.height} pixels, too large to OCR safely"
                )
            frames = getattr(img, "n_frames", 1)
            with tempfile.TemporaryDirectory(prefix="shortlist-img-") as tmp:
                paths = []
                for i in range(min(frames, limits.max_pages)):
                    img.seek(i)
                    path = Path(tmp) / f"p{i:04d}.png"
                    img.convert("RGB" if img.mode not in ("L", "RGB") else img.mode).save(path)
                    paths.append(path)
                text = run_tesseract(paths, limits)
    except Image.DecompressionBombError as exc:
        raise ExtractionError(Reason.TOO_LARGE, f"the image is too large to decode safely ({exc})") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise ExtractionError(Reason.CORRUPT, f"not a readable image ({exc})") from None
    return RawText(text, pages=max(1, min(frames, limits.max_pages)), ocr=True, images=1)


def ocr_pdf(doc, limits: Limits) -> str:
    """Render every page of an open pypdfium2 document and OCR it (a scanned PDF)."""
    _tesseract()
    scale = limits.ocr_dpi / 72
    with tempfile.TemporaryDirectory(prefix="shortlist-scan-") as tmp:
        paths = []
        for i in range(len(doc)):
            try:
                page = doc[i]
            except Exception:  # noqa: BLE001, S112 - a damaged page is skipped, as in text extraction
                continue
            try:
                w, h = page.get_size()
                if w * h * scale * scale > MAX_IMAGE_PIXELS:
                    raise ExtractionError(Reason.TOO_LARGE, f"page {i + 1} is too large to render for OCR")
                bitmap = page.render(scale=scale, grayscale=True)
                path = Path(tmp) / f"p{i:04d}.png"
                bitmap.to_pil().save(path)
                bitmap.close()
                paths.append(path)
            finally:
                page.close()
        if not paths:
            raise ExtractionError(Reason.CORRUPT, "no page of the scanned PDF could be rendered")
        return run_tesseract(paths, limits)
