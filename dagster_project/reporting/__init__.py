"""Charts and an HTML page from the published warehouse (read-only)."""
