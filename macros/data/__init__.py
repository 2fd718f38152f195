"""The data layer: the closed lists, dates, the models of each data file, reading YAML, the
source documents, and the checked data of a build (`CheckedData`). Nothing here needs MkDocs."""
