"""The content calendar: entries, series and recurrence, holidays, .ics export."""
