"""Members: cards, tags, groups, follow-ups, contribution points, saved filters."""
