"""Scorers that measure fivews against annotated data (``fivews eval``).

Each scorer reads one annotated format, runs the pipeline over it and returns a
``Report``: named figures, per-category tables and, when asked, per-item details.
"""
