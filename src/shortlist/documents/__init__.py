"""Bytes to text, sandboxed. Every input is untrusted."""
