"""Bytes to text, sandboxed. Every input is untrusted.

Public entry points (imported from their modules so that importing the package stays cheap):

- ``extract.extract_bytes(data, name, limits)`` / ``extract.extract_path(path, limits)`` ->
  ``model.Document``; failures raise ``errors.ExtractionError`` with a ``Reason``.
- ``limits.Limits.from_settings()``: the per-file limits (size, pages, time, memory, zip, OCR).
- ``sandbox.Sandbox(workers, limits).imap(fn, items)`` and ``sandbox.run_one(fn, item, limits)``.
- ``sniff.sniff(data)``: the media type from content; ``normalize.normalize(text, spans)``.
"""
