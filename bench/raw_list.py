"""The floor of the CLI listing benchmarks: the least a command can do for the same output.
A minimal click command opens the same SQLCipher file with the raw key (no key file, no
Argon2id, no keyring) and prints every request as JSON, built by SQLite as Borrador does."""

import os

import click
import sqlcipher3

FIELDS = ("id", "person_id", "recipient", "kind", "status", "legal_basis", "channel",
          "created_on", "sent_on", "received_on", "acknowledged_on", "due_on", "extended_due_on",
          "closed_on", "recheck_on", "confirmation", "notes", "agent", "authorized_on",
          "after_free_report")  # fmt: skip


@click.command()
def main() -> None:
    conn = sqlcipher3.connect(os.path.join(os.environ["BORRADOR_HOME"], "borrador.db"))
    conn.execute(f"PRAGMA key = \"x'{os.environ['BENCH_DATA_KEY']}'\"")
    pairs = ", ".join(f"'{name}', {name}" for name in FIELDS)
    rows = conn.execute(f"SELECT json_object({pairs}) FROM requests ORDER BY id").fetchall()
    click.echo("[" + ",\n".join(row[0] for row in rows) + "]")


if __name__ == "__main__":
    main()
