"""Gemensam karta: a public directory of support in Örebro, built from YAML records."""

__version__ = "0.1.0"
