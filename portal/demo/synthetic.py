"""Synthetic citizens for benchmarks: a municipality with thousands of citizens, their
talks and offers, a caseload of a given size for one caseworker. Repeatable by seed."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select

from portal.extensions import db
from portal.models import (
    Benefit,
    Citizen,
    HeldTalk,
    Municipality,
    Offer,
    OfferKind,
    Readiness,
    ResidenceBasis,
    StaffUser,
    TalkForm,
)

ISSUER = "https://synthetic.invalid"


def seed_synthetic(
    municipality_code: str,
    citizens: int,
    *,
    caseworker: StaffUser | None,
    caseload: int,
    today: dt.date,
    seed: int = 42,
) -> int:
    """Add ``citizens`` synthetic citizens; the first ``caseload`` go to ``caseworker``."""
    rng = random.Random(seed)  # noqa: S311 - synthetic benchmark data, not secrets
    municipality = db.session.scalar(select(Municipality).filter_by(code=municipality_code))
    if municipality is None:
        raise ValueError(f"unknown municipality {municipality_code}")
    start = db.session.query(Citizen).filter(Citizen.oidc_issuer == ISSUER).count()
    batch: list[Citizen] = []
    for i in range(start, start + citizens):
        took_over = today - dt.timedelta(days=rng.randint(5, 900))
        readiness = rng.choice([None, Readiness.JOB_READY, Readiness.ACTIVITY_READY])
        visited = took_over + dt.timedelta(days=rng.randint(20, 90)) if readiness else None
        basis = rng.choice(list(ResidenceBasis))
        citizen = Citizen(
            oidc_issuer=ISSUER,
            oidc_subject=f"synthetic-{municipality_code}-{i}",
            name=f"Borger {i:05d}",
            municipality=municipality,
            caseworker_id=caseworker.id if caseworker and i - start < caseload else None,
            residence_basis=basis,
            benefit=Benefit.SELF_SUPPORT_AND_RETURN_BENEFIT,
            readiness=readiness,
            municipality_took_over_on=took_over,
            visitation_on=visited if visited and visited <= today else None,
            applied_for_benefit_on=took_over,
            registered_as_job_seeker_on=took_over + dt.timedelta(days=rng.randint(0, 20)),
            cpr_registered_on=took_over - dt.timedelta(days=rng.randint(0, 30)),
            has_phone_or_computer=rng.random() > 0.1,
            contract_signed_on=(took_over + dt.timedelta(days=rng.randint(5, 40))
                                if rng.random() > 0.2 else None),
            contract_goals_met=rng.random() < 0.1,
        )
        for _ in range(rng.randint(0, 5)):
            held = took_over + dt.timedelta(days=rng.randint(1, 200))
            if held <= today:
                citizen.held_talks.append(HeldTalk(held_on=held, form=rng.choice(list(TalkForm))))
        for _ in range(rng.randint(0, 2)):
            begins = took_over + dt.timedelta(days=rng.randint(10, 300))
            citizen.offers.append(Offer(kind=rng.choice(list(OfferKind)), starts_on=begins,
                                        ends_on=begins + dt.timedelta(weeks=rng.randint(2, 13)),
                                        hours_per_week=rng.choice([None, 10, 15, 20, 37])))
        batch.append(citizen)
        if len(batch) == 500:
            db.session.add_all(batch)
            db.session.commit()
            batch = []
    db.session.add_all(batch)
    db.session.commit()
    return citizens
