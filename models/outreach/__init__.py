"""Messages the owner sends one by one: templates, their placeholders, the copy-for-next log."""
