"""Free times one week at a time (Monday–Sunday, Danish time) on the booking and move pages:
the first week with a free time first, links to the nearest earlier and later weeks with
free times, a count of the later ones; a bad ``?week=`` is refused with a message."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from sqlalchemy import select

from portal.extensions import db
from portal.models import Booking, BookingStatus, TalkForm, TalkSlot
from tests.support import clock, talks
from tests.support.catalogue import nt, t
from tests.support.forms import csrf_token
from tests.support.oidc import login
from tests.support.pages import Page, check_page

pytestmark = pytest.mark.dates  # make test-dates runs these on the calendar's awkward days

LATER = ("There is %(num)d more free time in later weeks.",
         "There are %(num)d more free times in later weeks.")


@pytest.fixture()
def amal(client, personas):
    login(client, "citizen-amal")  # her pages are in Arabic
    return client


def _slots(app, *when: tuple[int, int, int], **kwargs) -> list[int]:
    """Slots at (weeks ahead, weekday, hour) in Danish time."""
    with app.app_context():
        return [talks.make_slot(starts_at=talks.in_week(*w), **kwargs) for w in when]


def _week(n: int) -> str:
    return talks.week_of(talks.in_week(n))


def _shown(page: Page) -> set[int]:
    return {int(i.get("value")) for i in page.find_all("input") if i.get("name") == "slot_id"}


def _week_links(page: Page) -> dict[str, str]:
    return {a.get("rel"): a.get("href") for a in page.find_all("a") if a.get("rel")}


def _post(client, page: str, action: str, slot_id: int, week: str, key: str):
    """Send one free time's form from ``page`` (as the browser would, with its week)."""
    token = csrf_token(client, page)
    return client.post(action, data={"csrf_token": token, "slot_id": str(slot_id),
                                     "talk_form": "phone", "request_key": key, "week": week})


def test_the_first_week_with_free_times_comes_first_then_later_weeks(app, amal):
    first = _slots(app, (1, 1, 9), (1, 1, 11), (1, 3, 13))
    later = _slots(app, (3, 2, 10), (3, 4, 10))  # week 2 has none
    page = check_page(amal.get("/citizen/talks/"))
    assert _shown(page) == set(first)
    days = [h for h in page.find_all("h4") if h.get("class") == "slot-day"]
    assert len(days) == 2  # grouped by day: Tuesday (two times) and Thursday
    assert nt("ar", *LATER, 2) in page.text()
    assert _week_links(page) == {"next": f"/citizen/talks/?week={_week(3)}"}  # skips week 2

    page = check_page(amal.get(f"/citizen/talks/?week={_week(3)}"))
    assert _shown(page) == set(later)
    assert _week_links(page) == {"prev": f"/citizen/talks/?week={_week(1)}"}
    assert t("ar", "There are no free times in later weeks.") in page.text()


def test_a_week_without_free_times_says_so_and_links_both_ways(app, amal):
    _slots(app, (1, 2, 10), (3, 2, 10))
    page = check_page(amal.get(f"/citizen/talks/?week={_week(2)}"))
    assert _shown(page) == set()
    assert t("ar", "There are no free times this week.") in page.text()
    assert set(_week_links(page)) == {"prev", "next"}


def _refused(page: Page) -> str:
    [alert] = [d for d in page.find_all("div") if d.get("class") == "alert alert-info"]
    return " ".join("".join(alert.itertext()).split())


@pytest.mark.parametrize(
    "value",
    ["2026-W99", "2026-W00", "next week", "<script>alert(1)</script>", "2026-48", "9999-W01",
     "far"],
)
def test_a_bad_week_falls_back_to_the_first_week_with_a_message(app, amal, value):
    first = _slots(app, (1, 2, 10))
    if value == "far":
        value = talks.week_of(clock.now() + dt.timedelta(days=800))
    page = check_page(amal.get("/citizen/talks/", query_string={"week": value}))
    assert _refused(page) == (f'{t("ar", "That week cannot be shown.")} '
                              f'{t("ar", "Here is the first week with free times.")}')
    assert _shown(page) == set(first)
    assert "<script>alert" not in page.response.get_data(as_text=True)


def test_a_past_week_falls_back_to_the_first_week_with_a_message(app, amal):
    first = _slots(app, (2, 2, 10))
    past = talks.week_of(clock.now() - dt.timedelta(days=14))
    page = check_page(amal.get(f"/citizen/talks/?week={past}"))
    assert _refused(page).startswith(t("ar", "That week has passed."))
    assert _shown(page) == set(first)


def test_a_time_more_than_a_year_ahead_is_not_offered(app, amal):
    """The links and the count lead only to weeks that ``?week=`` accepts."""
    near = _slots(app, (1, 2, 10))
    _slots(app, (53, 2, 10))
    page = check_page(amal.get("/citizen/talks/"))
    assert _shown(page) == set(near)
    assert _week_links(page) == {}
    assert t("ar", "There are no free times in later weeks.") in page.text()


def test_only_the_shown_weeks_slots_are_read_from_the_database(app, amal):
    """The week is a date range in the query: more weeks of slots load no more slots and
    take no more queries (the later ones are only counted, in SQL)."""
    _slots(app, (1, 1, 9), (1, 1, 10), (1, 2, 9))
    loaded: list[int] = []
    statements: list[str] = []

    def on_load(target, _context):
        loaded.append(target.id)

    def on_execute(_conn, _cursor, statement, *_args):
        statements.append(statement)

    def measure() -> tuple[int, int, Page]:
        loaded.clear()
        statements.clear()
        with app.app_context():
            sa.event.listen(TalkSlot, "load", on_load)
            sa.event.listen(db.engine, "before_cursor_execute", on_execute)
            try:
                page = check_page(amal.get("/citizen/talks/"))
            finally:
                sa.event.remove(TalkSlot, "load", on_load)
                sa.event.remove(db.engine, "before_cursor_execute", on_execute)
        return len(loaded), len(statements), page

    few_loaded, few_queries, page = measure()
    assert few_loaded == 3 and len(_shown(page)) == 3
    _slots(app, *((week, day, hour) for week in range(2, 12) for day in (1, 3)
                  for hour in (9, 10, 11)))
    many_loaded, many_queries, page = measure()
    assert many_loaded == 3  # 60 slots in later weeks, none loaded
    assert many_queries == few_queries
    assert nt("ar", *LATER, 60) in page.text()


def test_forms_not_allowed_for_the_citizen_do_not_make_a_week_with_free_times(app, amal):
    # København (East Denmark): never in person, so an in-person-only week is no free week
    _slots(app, (1, 2, 10), forms="in_person")
    phone = _slots(app, (2, 2, 10), forms="phone")
    page = check_page(amal.get("/citizen/talks/"))
    assert _shown(page) == set(phone)
    assert _week_links(page) == {}
    assert t("ar", "There are no free times in later weeks.") in page.text()


def test_a_time_just_taken_shows_the_free_times_of_that_week_again(app, client, personas):
    [elsewhere] = _slots(app, (1, 2, 10))
    taken, free = _slots(app, (2, 2, 10), (2, 3, 10))
    with app.app_context():
        yonas = talks.citizen("citizen-yonas")
        slot = db.session.get(TalkSlot, taken)
        db.session.add(Booking(slot_id=taken, active_slot_id=taken, citizen_id=yonas.id,
                               municipality_id=slot.municipality_id, starts_at=slot.starts_at,
                               ends_at=slot.ends_at, form=TalkForm.PHONE,
                               status=BookingStatus.BOOKED, request_key="y",
                               created_at=clock.now()))
        db.session.commit()
    login(client, "citizen-amal")
    response = _post(client, f"/citizen/talks/?week={_week(2)}", "/citizen/talks/book", taken,
                     _week(2), "a")
    page = check_page(response, 409)
    assert t("ar", "That time was just taken by someone else. Choose one of the free times "
                   "below.") in page.text()
    assert _shown(page) == {free}  # week 2 again, not the first week
    assert elsewhere not in _shown(page)


def test_the_move_page_pages_by_week_too(app, amal):
    booked, nearer, further = _slots(app, (1, 2, 10), (2, 2, 10), (4, 2, 10))
    with app.app_context():
        amal_id = talks.citizen("citizen-amal").id
        slot = db.session.get(TalkSlot, booked)
        booking = Booking(slot_id=booked, active_slot_id=booked, citizen_id=amal_id,
                          municipality_id=slot.municipality_id, starts_at=slot.starts_at,
                          ends_at=slot.ends_at, form=TalkForm.PHONE,
                          status=BookingStatus.BOOKED, request_key="b", created_at=clock.now())
        db.session.add(booking)
        db.session.commit()
        booking_id = booking.id
    move = f"/citizen/talks/{booking_id}/move"
    page = check_page(amal.get(move))
    assert _shown(page) == {nearer}
    assert _week_links(page) == {"next": f"{move}?week={_week(4)}"}
    page = check_page(amal.get(f"{move}?week={_week(4)}"))
    assert _shown(page) == {further}
    moved = _post(amal, f"{move}?week={_week(4)}", move, further, _week(4), "m")
    assert moved.status_code == 303
    with app.app_context():
        active = db.session.scalars(select(Booking).filter_by(status=BookingStatus.BOOKED)).one()
        assert active.slot_id == further


def test_weeks_run_monday_to_sunday_in_danish_time(app, amal):
    """Monday 00:00 in Copenhagen is still Sunday in UTC: it starts the next week."""
    [sunday] = _slots(app, (1, 6, 23))
    [monday] = _slots(app, (2, 0, 0))
    page = check_page(amal.get("/citizen/talks/"))
    assert _shown(page) == {sunday}
    assert _week_links(page) == {"next": f"/citizen/talks/?week={_week(2)}"}
    page = check_page(amal.get(f"/citizen/talks/?week={_week(2)}"))
    assert _shown(page) == {monday}
