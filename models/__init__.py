"""QunDesk domain layer: peewee models, queries, roster I/O and plan assembly.

Nothing in this package imports Qt: it is used by the GUI, the CLI and the tests alike.
"""
