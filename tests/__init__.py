"""Borrador's tests: a package, so shared code is imported as `tests.helpers...`."""
