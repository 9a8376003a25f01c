"""Markdown building blocks shared by every Markdown output: escaping and tables, lists, notices."""
