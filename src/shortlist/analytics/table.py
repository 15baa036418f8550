"""Tables as CSV text: every chart and every CLI view is backed by one of these."""
from __future__ import annotations

import csv
import io
from collections.abc import Sequence


def to_csv(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """CSV text (comma, minimal quoting, ``\\n`` line ends); floats keep 6 significant digits."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for row in rows:
        w.writerow(["" if v is None else (f"{v:.6g}" if isinstance(v, float) else v) for v in row])
    return buf.getvalue()
