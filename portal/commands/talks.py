"""``flask talks send-reminders``: the day-before reminder e-mails (run daily by cron)."""

from __future__ import annotations

import datetime as dt

import click
from flask.cli import AppGroup

talks_cli = AppGroup("talks", help="Job talks: reminders.")


@talks_cli.command("send-reminders")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="The day to send for (talks tomorrow); default: today in Denmark.")
def send_reminders(today: dt.datetime | None) -> None:
    """E-mail every citizen with a talk tomorrow, once (safe to run again)."""
    from portal.clock import today_in_denmark
    from portal.talks.reminders import send_reminders as run

    day = today.date() if today else today_in_denmark()
    sent, failed = run(day)
    click.echo(f"Sent {sent} reminders, {failed} failed.")
    if failed:
        raise SystemExit(1)
