"""The 30-day joblog notice by e-mail (IL § 26 a, stk. 1: log job search continuously).

Idempotent: one ``JoblogNotice`` row per citizen and silent period (the day the silence
began) is written before the e-mail goes out, so running the command again sends
nothing twice. If the SMTP server refuses, the row is removed and the next run retries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flask_babel import force_locale, format_date
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from portal.assessment.duty import duties
from portal.citizen.joblog.services import silent_since
from portal.extensions import db
from portal.i18n.locales import CODES, DEFAULT
from portal.mail.sender import MailError, send
from portal.models import Citizen, JoblogNotice
from portal.rules.i18n import identity


@dataclass
class NoticeRun:
    sent: int = 0
    already_sent: int = 0
    failed: int = 0
    no_email: int = 0


def citizens_to_notify(today: dt.date) -> list[tuple[Citizen, dt.date]]:
    """Citizens whose joblog duty applies and who have logged nothing for 30 days."""
    out = []
    for citizen in db.session.scalars(select(Citizen).order_by(Citizen.id)):
        since = silent_since(citizen, today)
        if since is None:
            continue
        if duties(citizen, ("joblog",), today, identity)["joblog"].applies:
            out.append((citizen, since))
    return out


def _message(citizen: Citizen, since: dt.date) -> tuple[str, str]:
    locale = citizen.preferred_locale if citizen.preferred_locale in CODES else DEFAULT
    with force_locale(locale):
        subject = _("Remember your joblog")
        text = "\n\n".join(
            [
                _("Dear %(name)s", name=citizen.name),
                _("You have not logged any job search since %(date)s. As a job-ready person "
                  "you must log all your job search activities in your joblog as you go.",
                  date=format_date(since, "long")),
                _("Log in to Min integration to add your activities. If you need help, "
                  "contact your jobcentre."),
                "Integrationsloven § 26 a, stk. 1",
            ]
        )
    return subject, text


def send_notices(today: dt.date, now: dt.datetime) -> NoticeRun:
    run = NoticeRun()
    for citizen, since in citizens_to_notify(today):
        if not citizen.email:
            run.no_email += 1
            continue
        if db.session.scalar(
            select(JoblogNotice.id).filter_by(citizen_id=citizen.id, silent_since=since)
        ):
            run.already_sent += 1
            continue
        notice = JoblogNotice(citizen_id=citizen.id, silent_since=since, sent_at=now)
        db.session.add(notice)
        try:
            db.session.commit()
        except IntegrityError:  # another run got there first
            db.session.rollback()
            run.already_sent += 1
            continue
        subject, text = _message(citizen, since)
        try:
            send(citizen.email, subject, text)
        except MailError:
            db.session.delete(notice)
            db.session.commit()
            run.failed += 1
            continue
        run.sent += 1
    return run
