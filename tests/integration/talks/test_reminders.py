"""``flask talks send-reminders`` e-mails the day before, once, however often it runs."""

from __future__ import annotations

import datetime as dt

import pytest

from portal.extensions import db
from portal.models import Booking, BookingStatus, TalkForm, TalkSlot
from portal.talks.clock import local
from tests.support import clock, talks

pytestmark = pytest.mark.dates  # make test-dates runs these on the calendar's awkward days


def test_reminders_are_sent_once(app, personas, mailbox):
    with app.app_context():
        sid = talks.make_slot(hours_ahead=30)
        amal = talks.citizen("citizen-amal")
        slot = db.session.get(TalkSlot, sid)
        db.session.add(Booking(slot_id=sid, active_slot_id=sid, citizen_id=amal.id,
                               municipality_id=slot.municipality_id, starts_at=slot.starts_at,
                               ends_at=slot.ends_at, form=TalkForm.VIDEO,
                               status=BookingStatus.BOOKED, request_key="r",
                               created_at=clock.now()))
        db.session.commit()
        day_before = (local(slot.starts_at) - dt.timedelta(days=1)).date()
    runner = app.test_cli_runner()
    first = runner.invoke(args=["talks", "send-reminders", "--today", day_before.isoformat()])
    assert first.exit_code == 0, first.output
    assert "Sent 1 reminders" in first.output
    second = runner.invoke(args=["talks", "send-reminders", "--today", day_before.isoformat()])
    assert "Sent 0 reminders" in second.output
    [message] = mailbox.to("citizen-amal@example.invalid")
    assert any(p.get_content_type() == "text/calendar" for p in message.iter_attachments())


def test_no_reminder_for_cancelled_or_other_days(app, personas, mailbox):
    with app.app_context():
        sid = talks.make_slot(hours_ahead=30)
        amal = talks.citizen("citizen-amal")
        slot = db.session.get(TalkSlot, sid)
        db.session.add(Booking(slot_id=sid, active_slot_id=None, citizen_id=amal.id,
                               municipality_id=slot.municipality_id, starts_at=slot.starts_at,
                               ends_at=slot.ends_at, form=TalkForm.VIDEO,
                               status=BookingStatus.CANCELLED, request_key="r",
                               created_at=clock.now()))
        db.session.commit()
        day_before = (local(slot.starts_at) - dt.timedelta(days=1)).date()
    runner = app.test_cli_runner()
    runner.invoke(args=["talks", "send-reminders", "--today", day_before.isoformat()])
    runner.invoke(args=["talks", "send-reminders", "--today",
                        (day_before - dt.timedelta(days=1)).isoformat()])
    assert mailbox.messages == []


@pytest.mark.parametrize(
    ("evening", "talks_at", "not_tomorrow"),
    [
        # Saturday before summer time starts: Sunday has 23 hours (02:00 → 03:00)
        (dt.datetime(2027, 3, 27, 18, 0), [dt.datetime(2027, 3, 28, 0, 30),
                                           dt.datetime(2027, 3, 28, 3, 30),
                                           dt.datetime(2027, 3, 28, 23, 30)],
         [dt.datetime(2027, 3, 29, 0, 30)]),
        # Saturday before it ends: Sunday has 25 hours (03:00 → 02:00)
        (dt.datetime(2027, 10, 30, 18, 0), [dt.datetime(2027, 10, 31, 2, 30),
                                            dt.datetime(2027, 10, 31, 23, 30)],
         [dt.datetime(2027, 11, 1, 0, 30)]),
        # New Year's Eve, 23:30: 'tomorrow' is 1 January, already in UTC terms the same day
        (dt.datetime(2027, 12, 31, 23, 30), [dt.datetime(2028, 1, 1, 9, 0)],
         [dt.datetime(2028, 1, 2, 0, 30)]),
    ],
)
def test_the_scheduled_run_reminds_of_tomorrow_by_the_danish_calendar(
    app, personas, mailbox, frozen_clock, evening, talks_at, not_tomorrow
):
    """Run without ``--today``, as cron does: the application clock decides 'tomorrow' in
    Denmark, whatever the hour's length that day."""
    from portal.clock import COPENHAGEN

    frozen_clock.set(evening.replace(tzinfo=COPENHAGEN))
    with app.app_context():
        amal = talks.citizen("citizen-amal")
        for n, wall in enumerate(talks_at + not_tomorrow):
            sid = talks.make_slot(starts_at=wall.replace(tzinfo=COPENHAGEN).astimezone(dt.UTC))
            slot = db.session.get(TalkSlot, sid)
            db.session.add(Booking(slot_id=sid, active_slot_id=sid, citizen_id=amal.id,
                                   municipality_id=slot.municipality_id,
                                   starts_at=slot.starts_at, ends_at=slot.ends_at,
                                   form=TalkForm.VIDEO, status=BookingStatus.BOOKED,
                                   request_key=f"r{n}", created_at=clock.now()))
        db.session.commit()
    result = app.test_cli_runner().invoke(args=["talks", "send-reminders"])
    assert result.exit_code == 0, result.output
    assert f"Sent {len(talks_at)} reminders" in result.output
    assert len(mailbox.to("citizen-amal@example.invalid")) == len(talks_at)
