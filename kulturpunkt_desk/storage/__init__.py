"""Where the data lives: the SQLite engine, migrations, backups and file locations."""
