"""More views on small made-up data: the meetings calendar's link when the documents give few or
no days, and an indicator rated in more than one report."""
from sample import OLDER, SOURCE, make_site

from macros.views import Build, Page
from macros.views.furniture import calendar_link
from macros.views.performance import indicator_page, indicator_rating


def meeting(id, date, planned=False):
    return dict(id=id, date=date, kind="board", title=id, source="doc", passage="funding-1", planned=planned)


def link(*meetings) -> str:
    return calendar_link(Page(Build(make_site(sources=[SOURCE], meetings=list(meetings))), "trust/meetings.md"))


def test_the_calendar_link_says_when_no_meeting_has_a_day_and_counts_the_planned_ones():
    assert link(meeting("a", "2020-06")) == "No meeting in the documents has a day, so there is no calendar file"
    assert link(meeting("a", "2019-03-05")).endswith(": one date, 5 March 2019")
    said = link(meeting("a", "2019-03-05", planned=True), meeting("b", "2019-04-02", planned=True))
    assert said.endswith(": 2 dates, from 5 March 2019 to 2 April 2019; 2 of them were meetings planned, and the "
                         "documents do not say whether they took place")


AREA = dict(id="be-successful", order=1, name="Be successful", easy="Do well.", icon="material/school", intro="Doing well.",
            source="old", passage="vision-1")
INDICATOR = dict(id="reading", source="old", passage="results-1", name="Reading", number="1.1b",
                 title="Results rose", plain="How many pupils read well.", why="Reading matters.",
                 area="be-successful", ratings=[dict(rag="Amber", source="old", passage="results-1"),
                                                dict(rag="Green", source="doc", passage="funding-1")])


def indicator_views(**change):
    site = make_site(sources=[SOURCE, OLDER], indicators=[dict(INDICATOR, **change)], areas=[AREA])
    page = Page(Build(site), "performance/indicators/reading.md")
    return indicator_rating(page, "reading"), indicator_page(page, "reading")


def test_an_indicator_rated_twice_shows_its_ratings_as_a_chart_and_a_table_newest_last():
    rating, details = indicator_views()
    assert rating.startswith("**Latest rating:** <span class=\"rag rag--green\">") and ", in the report of 2 October 2023" in rating
    assert '<figure class="chart"' in details
    assert "Chart: ratings over time. The same ratings are in the table below." in details
    table = details.split("| Date of the report | Rating | Report |")[1]
    assert table.index("October 2017") < table.index("2 October 2023")


def test_an_indicator_rated_once_has_its_table_and_no_chart():
    _, details = indicator_views(ratings=[dict(rag="Amber", source="old", passage="results-1")])
    assert '<figure class="chart"' not in details and "| Date of the report | Rating | Report |" in details
