"""Acceptance tests: the CLI as a person runs it."""
