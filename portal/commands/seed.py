"""``flask seed demo``: municipalities and demo personas."""

from __future__ import annotations

import datetime as dt

import click
from flask import current_app
from flask.cli import AppGroup

seed_cli = AppGroup("seed", help="Fill the database with reference and demo data.")


@seed_cli.command("demo")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Date the demo facts are relative to (default: today).")
def seed_demo(today: dt.datetime | None) -> None:
    """Add the 98 municipalities and the demo personas (safe to run again)."""
    from portal.demo.seeding import seed_municipalities, seed_personas

    day = today.date() if today else dt.date.today()
    municipalities = seed_municipalities()
    personas = seed_personas(current_app.extensions["portal_settings"], day)
    click.echo(f"Seeded {municipalities} municipalities and {personas} personas.")
    from portal.demo.self_service import seed_contracts, seed_slots

    slots, contracts = seed_slots(day), seed_contracts(day)
    click.echo(f"Seeded {slots} job talk times and {contracts} contracts.")
