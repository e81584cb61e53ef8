"""Guidance for a new owner: the first-steps checklist (models/guide/first_steps.py)."""
