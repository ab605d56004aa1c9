"""The broker and agency catalog: curated TOML files, packs, state-registry imports, search."""
