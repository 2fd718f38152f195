"""Python-Markdown extensions, so any engine that runs Python-Markdown makes the same page."""
