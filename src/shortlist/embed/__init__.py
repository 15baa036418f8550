"""Sentence embeddings on onnxruntime, cached by content hash."""
