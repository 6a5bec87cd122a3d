"""``flask talks send-reminders`` e-mails the day before, once, however often it runs."""

from __future__ import annotations

import datetime as dt

from portal.extensions import db
from portal.models import Booking, BookingStatus, TalkForm, TalkSlot
from portal.talks.clock import local
from tests.support import clock, talks


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
