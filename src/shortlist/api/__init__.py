"""REST API (FastAPI). OpenAPI docs are served at /docs."""
