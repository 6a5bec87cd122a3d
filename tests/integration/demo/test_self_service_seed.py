"""``flask seed demo`` also adds job talk times and demo contracts, once."""

from __future__ import annotations

from sqlalchemy import func, select

from portal.extensions import db
from portal.models import ContractStatus, ContractVersion, TalkSlot


def test_seed_demo_is_idempotent(app, personas):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["seed", "demo"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(args=["seed", "demo"])
    assert "Seeded 0 job talk times and 0 contracts." in second.output
    with app.app_context():
        assert db.session.scalar(select(func.count(TalkSlot.id))) == 48
        statuses = set(db.session.scalars(select(ContractVersion.status)))
        assert statuses == {ContractStatus.SENT}
