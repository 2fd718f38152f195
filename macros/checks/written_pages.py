"""Pages an officer writes in docs/ in place of a page a record makes for itself (the models'
`own_pages`; macros/views/record_pages.py makes the others): each is named after a record, shows it
and has the title the made page would have, so that its menu entry and the data agree."""
from __future__ import annotations

import re
from pathlib import Path

from macros.checks.front_matter import front_matter
from macros.data.checked import CheckedData
from macros.data.loader import join_problems
from macros.data.macro_calls import macro_calls
from macros.data.models import DATASETS
from macros.errors import PageError, suggest


def check_written_pages(site: CheckedData, docs: Path) -> None:
    """A page an officer writes in place of a made one is named after a record, shows that record
    (a macro given its id, as the made page does with the macro its model names) and has the made
    page's title. Raises PageError saying what to do."""
    problems = []
    for name, kind in DATASETS.items():
        dataset = site.sets[name]
        records = {record.id: record for record in dataset.records}
        for own in kind.own_pages:
            named = re.compile(re.escape(own.path).replace(re.escape("{id}"), "(?P<id>[^/]+)") + "$")
            for path in sorted(docs.glob(own.path.format(id="*"))):
                src_uri = path.relative_to(docs).as_posix()
                if src_uri == kind.listed_on:
                    continue
                found = named.match(src_uri)
                record = records.get(found["id"]) if found else None
                if record is None:
                    problems.append(
                        f"docs/{src_uri}: this page names no record in {dataset.display}. Pages here are "
                        f"named after a record's id, as in docs/{own.path.format(id=next(iter(records), 'its-id'))}."
                        f"{suggest(found['id'] if found else '', records)} Rename the page, or delete it if the "
                        "record has gone from the data (the site makes each record's page by itself).")
                    continue
                if not any(call.first == record.id for call in macro_calls(path.read_text(encoding="utf-8"))):
                    problems.append(
                        f'docs/{src_uri}: this page is about "{record.id}" in {dataset.display}, so it should '
                        f'show it, as the page the site would make does with {{{{ {own.shown_by}("{record.id}") }}}}.')
                try:
                    written = front_matter(path, f"docs/{src_uri}").get("title")
                except PageError as err:
                    problems.append(str(err))
                    continue
                title = own.fill(own.title, record)
                if written != title:
                    problems.append(
                        f'docs/{src_uri}, front matter: the title should be "{title}", from '
                        f'{dataset.display} (the menu uses it too), but it is "{written}".')
    if problems:
        raise PageError(join_problems(problems))
