"""Bulk loading gives exactly the facts the one-citizen path gives."""

from __future__ import annotations

from sqlalchemy import select

from portal.assessment.bulk_facts import load_facts
from portal.assessment.facts_from_citizen import facts_for
from portal.demo.synthetic import seed_synthetic
from portal.extensions import db
from portal.models import Citizen, Municipality
from tests.support import clock


def test_bulk_and_single_facts_agree(app, personas):
    with app.app_context():
        seed_synthetic("101", 30, caseworker=None, caseload=0, today=clock.SEED_DAY)
        kbh = db.session.scalar(select(Municipality).filter_by(code="101"))
        bulk = {c.citizen_id: c.facts for c in load_facts(kbh.id, on=clock.SEED_DAY)}
        citizens = db.session.scalars(select(Citizen).filter_by(municipality_id=kbh.id)).all()
        assert len(bulk) == len(citizens) == 32
        for citizen in citizens:
            assert bulk[citizen.id] == facts_for(citizen, clock.SEED_DAY)
