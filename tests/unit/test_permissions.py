"""Everything Borrador writes is 0600, in 0700 folders."""

import stat

from tests.helpers.common import all_files


def test_files_and_folders_are_private(session, paths, memory_keyring):
    person = session.people.add({"name": "Ana Ejemplo"})
    session.requests.create(person.id, "spokeo", "delete")
    session.keys.remember_on_device("una frase de paso larga")
    for path in [paths.root, *[p for p in paths.root.rglob("*") if p.is_dir()]]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o700, path
    files = all_files(paths.root)
    assert {p.name for p in files} >= {"borrador.db", "borrador.key", "borrador.db-wal"}
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_shipped_templates_are_found():
    from borrador.letters.resources import shipped_templates

    folder = shipped_templates()
    assert folder.is_dir()
    assert (folder / "README.md").is_file()
