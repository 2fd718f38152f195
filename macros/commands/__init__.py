"""The commands of `python -m macros` that are more than a line: find a passage, list pages due for review."""
