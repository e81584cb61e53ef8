"""Rosters: reading spreadsheets, mapping columns, planning and writing imports, exports."""
