"""Legacy Word (.doc) files, converted by antiword (or catdoc) in a subprocess."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from shortlist.documents.limits import Limits
from shortlist.documents.raw import RawText
from shortlist.errors import ExtractionError, Reason

INSTALL_HINT = "apt-get install antiword"


def extract_doc(data: bytes, limits: Limits) -> RawText:
    tools = [t for t in ("antiword", "catdoc") if shutil.which(t)]
    if not tools:
        raise ExtractionError(Reason.MISSING_TOOL, "reading .doc files needs antiword (or catdoc)", INSTALL_HINT)
    with tempfile.NamedTemporaryFile(prefix="shortlist-", suffix=".doc") as fh:
        fh.write(data)
        fh.flush()
        last = ""
        for tool in tools:
            cmd = [tool, "-w", "0", fh.name] if tool == "antiword" else [tool, "-w", "-d", "utf-8", fh.name]
            env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
            if tool == "antiword":
                env["ANTIWORDHOME"] = env.get("ANTIWORDHOME", "/usr/share/antiword")
                cmd[1:1] = ["-m", "UTF-8.txt"]
            try:
                proc = subprocess.run(cmd, capture_output=True, timeout=limits.timeout_s, env=env, check=False)
            except subprocess.TimeoutExpired:
                raise ExtractionError(Reason.TIMED_OUT, f"{tool} took longer than {limits.timeout_s:g}s") from None
            out = proc.stdout.decode("utf-8", "replace")
            if proc.returncode == 0 and out.strip():
                return RawText(out)
            last = proc.stderr.decode("utf-8", "replace").strip()
    lowered = last.lower()
    if "encrypt" in lowered or "password" in lowered:
        raise ExtractionError(Reason.ENCRYPTED, "the .doc file is password-protected")
    raise ExtractionError(Reason.CORRUPT, f"could not read the .doc file ({last[:200] or 'no text'})",
                          "save it as .docx or PDF")
