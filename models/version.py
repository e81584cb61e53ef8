"""The release, in one place: the CLI, the About box, logs and reports read it here."""

__version__ = "0.1.0"
