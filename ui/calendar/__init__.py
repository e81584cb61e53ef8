"""The content calendar screen (内容日历)."""
