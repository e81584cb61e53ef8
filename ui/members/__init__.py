"""The member list, member card and the dialogs around them."""
