"""Borrador: drafts the letters that erase a person from data brokers, and tracks them."""

__version__ = "0.1.0"
