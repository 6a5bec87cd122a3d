"""``flask joblog send-notices``: e-mail citizens whose joblog has been quiet for 30 days."""

from __future__ import annotations

import datetime as dt

import click
from flask.cli import AppGroup

joblog_cli = AppGroup("joblog", help="Joblog housekeeping (IL § 26 a).")


@joblog_cli.command("send-notices")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="The day to count from (default: today in Denmark).")
def send_notices_command(today: dt.datetime | None) -> None:
    """Send the 30-day notice once per citizen and silent period (safe to run again)."""
    from portal.citizen.joblog.notices import send_notices
    from portal.clock import now_utc, today_in_denmark

    day = today.date() if today else today_in_denmark()
    run = send_notices(day, now_utc())
    click.echo(
        f"Sent {run.sent}, already sent {run.already_sent}, failed {run.failed}, "
        f"no e-mail address {run.no_email}."
    )
    if run.failed:
        raise SystemExit(1)
