"""``flask seed demo`` also adds job talk times and demo contracts, once."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from portal.contract import translation
from portal.extensions import db
from portal.models import Citizen, ContractStatus, ContractVersion, TalkSlot

pytestmark = pytest.mark.dates  # make test-dates runs these on the calendar's awkward days


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


def test_amal_reads_her_demo_contract_with_the_translation(app, personas):
    """``make run`` shows a translated contract (Amal, Arabic) and one without (Mariam)."""
    assert app.test_cli_runner().invoke(args=["seed", "demo"]).exit_code == 0
    with app.app_context():
        def contract(subject: str) -> ContractVersion:
            return db.session.scalars(select(ContractVersion).join(Citizen).where(
                Citizen.oidc_subject == subject)).one()

        amal = contract("citizen-amal")
        assert [row["kind"] for row in amal.activities] == ["company_internship",
                                                            "danish_education"]
        arabic = translation.current(amal, "ar")
        assert arabic is not None and not arabic.stale
        assert set(arabic.fields) == {"goal", "danish_education", "municipality_tasks"}
        assert sorted(arabic.activities) == [0, 1]
        assert arabic.translated_by == "Ahmad Karimi"
        assert contract("citizen-mariam").translations is None
