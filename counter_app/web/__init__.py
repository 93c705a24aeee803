"""The visitor's phone page: a small read-only web server over the same queue (no Qt)."""
