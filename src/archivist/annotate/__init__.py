"""Annotations: W3C selectors, anchoring and re-anchoring of highlights (no SQL, no Qt)."""
