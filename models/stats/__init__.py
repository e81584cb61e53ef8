"""The Overview's figures: headline counts, lists, weekly snapshots."""
