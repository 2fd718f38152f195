"""The checks: every quotation, figure, rating and date against its passage (verify), a page's
front matter (front_matter) and a page's own Markdown before it is rendered (page_markdown)."""
