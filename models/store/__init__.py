"""Storage: the workspace file, its schema and migrations, backups, settings and undo."""
