"""``flask seed demo``: municipalities and demo personas."""

from __future__ import annotations

import datetime as dt

import click
from flask import current_app
from flask.cli import AppGroup

from portal.clock import today_in_denmark

seed_cli = AppGroup("seed", help="Fill the database with reference and demo data.")


@seed_cli.command("demo")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Date the demo facts are relative to (default: today).")
def seed_demo(today: dt.datetime | None) -> None:
    """Add the 98 municipalities and the demo personas (safe to run again)."""
    from portal.demo.seeding import seed_municipalities, seed_personas

    day = today.date() if today else today_in_denmark()
    municipalities = seed_municipalities()
    personas = seed_personas(current_app.extensions["portal_settings"], day)
    click.echo(f"Seeded {municipalities} municipalities and {personas} personas.")
    from portal.demo.self_service import seed_contracts, seed_slots

    slots, contracts = seed_slots(day), seed_contracts(day)
    click.echo(f"Seeded {slots} job talk times and {contracts} contracts.")


@seed_cli.command("synthetic")
@click.option("--municipality", default="101", show_default=True, help="kommunekode")
@click.option("--citizens", default=5000, show_default=True)
@click.option("--caseworker", "caseworker_subject", default="caseworker-kbh", show_default=True,
              help="OIDC subject of the caseworker who gets the caseload")
@click.option("--caseload", default=500, show_default=True)
@click.option("--seed", default=42, show_default=True)
def seed_synthetic(municipality: str, citizens: int, caseworker_subject: str, caseload: int,
                   seed: int) -> None:
    """Add synthetic citizens (with talks and offers) for benchmarks."""
    from sqlalchemy import select

    from portal.demo.synthetic import seed_synthetic as run
    from portal.extensions import db
    from portal.models import StaffUser

    staff = db.session.scalar(select(StaffUser).filter_by(oidc_subject=caseworker_subject))
    day = today_in_denmark()
    added = run(municipality, citizens, caseworker=staff, caseload=caseload, today=day, seed=seed)
    click.echo(f"Added {added} synthetic citizens to {municipality}.")
