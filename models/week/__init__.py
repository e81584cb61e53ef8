"""The weekly plan: one week assembled for the screen and for print."""
