"""The Weekly Plan screen (周计划)."""
