"""Parsers that find the non-prose spans of each file type (Markdown, LaTeX,
reStructuredText, HTML/XML, source code via Pygments, plain-text heuristics).

The descriptors under :mod:`..markups` use them; nothing registers here.
"""
