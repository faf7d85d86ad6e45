"""textsweep: find and fix encoding and spacing problems in text."""

__version__ = "0.1.0"
