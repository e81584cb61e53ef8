"""Roster import wizard and export dialog (issue #3)."""
