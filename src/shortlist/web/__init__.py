"""Server-rendered web workspace over the same API; no CDN, works offline."""
