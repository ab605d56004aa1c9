"""Replies that arrive by email: reading untrusted messages safely, matching them to the
requests they answer, and suggesting the next status from their text. Pure: no store, no
network (the IMAP reader lives in letters.imap)."""
