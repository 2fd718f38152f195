"""The one kind of error an officer sees: a plain message naming the file, the line and what was
expected, never a Python traceback. Two kinds, by where the mistake is: in a data file (or a
source document), or in a page; and `suggest`, which offers the name meant where one is misspelt."""
import difflib
from typing import Iterable


class CyppError(Exception):
    """A mistake an officer can make, explained for the person who made it."""

    heading = "The site was not built, because of a problem:"


class DataError(CyppError):
    """A mistake in a data file or a source document."""

    heading = "The site was not built, because of a problem in the data:"


class PageError(CyppError):
    """A mistake in a page: a macro, its arguments, a snippet, a link or the front matter."""

    heading = "The site was not built, because of a problem in a page:"


def suggest(name: str, options: Iterable[str]) -> str:
    """The end of a message about a name that is not known: the closest known one, if any is close
    (' Did you mean "figure"?'), or nothing."""
    close = difflib.get_close_matches(name, sorted(options), n=1)
    return f' Did you mean "{close[0]}"?' if close else ""
