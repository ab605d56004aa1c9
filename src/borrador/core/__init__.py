"""The domain, in pure standard-library Python: people, requests, statuses, validation."""
