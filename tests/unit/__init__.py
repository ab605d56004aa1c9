"""Unit tests: the layers below the front ends, called directly."""
