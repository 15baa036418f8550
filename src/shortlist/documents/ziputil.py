"""Reading members of an untrusted zip archive without being bombed."""
from __future__ import annotations

import io
import zipfile
import zlib

from shortlist.documents.limits import Limits
from shortlist.errors import ExtractionError, Reason

MAX_RATIO = 200  # deflate tops out near 1000:1; real XML compresses ~10-30:1
RATIO_MIN_BYTES = 10 * 2**20  # small members may compress absurdly well (runs of spaces)
_BOMB_HINT = "the archive looks like a zip bomb; if it is a real document, re-save it"


class SafeZip:
    """A zip archive checked before anything is unpacked; reads are capped as they happen."""

    def __init__(self, data: bytes, limits: Limits) -> None:
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zf.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise ExtractionError(Reason.CORRUPT, f"not a readable zip archive ({exc})") from None
        if len(infos) > limits.zip_max_entries:
            raise ExtractionError(
                Reason.TOO_LARGE, f"the archive has {len(infos)} entries (limit {limits.zip_max_entries})", _BOMB_HINT
            )
        self.cap = int(limits.zip_max_uncompressed_mb * 2**20)
        total = sum(i.file_size for i in infos)
        if total > self.cap:
            raise ExtractionError(
                Reason.TOO_LARGE,
                f"the archive unpacks to {total / 2**20:.0f} MiB (limit {limits.zip_max_uncompressed_mb:g} MiB); "
                "it looks like a zip bomb",
                _BOMB_HINT,
            )
        for i in infos:
            if i.file_size > RATIO_MIN_BYTES and i.file_size > MAX_RATIO * max(1, i.compress_size):
                raise ExtractionError(
                    Reason.TOO_LARGE,
                    f"{i.filename} is compressed {i.file_size // max(1, i.compress_size)}:1; it looks like a zip bomb",
                    _BOMB_HINT,
                )
        self.names = [i.filename for i in infos]
        self._read = 0

    def read(self, name: str) -> bytes:
        """Read a member, counting real bytes against the cap (sizes in headers can lie)."""
        try:
            with self.zf.open(name) as fh:
                data = fh.read(self.cap - self._read + 1)
        except KeyError:
            raise
        except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
            raise ExtractionError(Reason.CORRUPT, f"cannot unpack {name} ({exc})") from None
        self._read += len(data)
        if self._read > self.cap:
            raise ExtractionError(Reason.TOO_LARGE, "the archive unpacks to more than the limit; it looks like a zip bomb",
                                  _BOMB_HINT)
        return data
