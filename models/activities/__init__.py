"""Activities: plans with checklists, sign-ups and check-ins, templates, promotion."""
