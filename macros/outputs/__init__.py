"""What the build writes besides the pages: open data, feeds and calendar, the search's words,
and the JSON Schemas of the data files."""
