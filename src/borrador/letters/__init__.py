"""Letters: the Jinja environment, rendering, and the outputs (txt, pdf, eml, ics)."""
