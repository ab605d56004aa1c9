"""The encrypted SQLite store (SQLCipher): connections, migrations, repositories."""
