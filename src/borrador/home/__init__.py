"""Where things live: paths, the settings file, the log of files written outside the store."""
