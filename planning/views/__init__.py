"""Signed-in planning pages, one module per area."""
