"""The law table: legal bases and the clocks they set, as data (laws.toml)."""
