"""Adaptive Card builders: one module per kind of card."""
