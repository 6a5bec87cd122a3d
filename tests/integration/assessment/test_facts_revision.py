"""``Citizen.facts_revision`` moves with every change the rule module would see, so a cached
assessment is never served for changed facts (portal/assessment/facts_revision.py)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import select

from portal.assessment.services import citizen_document
from portal.extensions import db
from portal.models import Citizen, Decision, DecisionKind, HeldTalk, Offer, OfferKind
from portal.models.enums import Readiness, TalkForm
from tests.conftest import SEED_DAY


def _citizen(subject: str) -> Citizen:
    return db.session.scalars(select(Citizen).filter_by(oidc_subject=subject)).one()


def _revision(subject: str) -> int:
    db.session.expire_all()
    return _citizen(subject).facts_revision


def _status(document: dict, code: str) -> str:
    return next(d["status"] for d in document["duties"] if d["code"] == code)


def test_a_fact_column_change_moves_the_revision(app, personas):
    with app.app_context():
        before = _revision("citizen-amal")
        _citizen("citizen-amal").readiness = Readiness.ACTIVITY_READY
        db.session.commit()
        assert _revision("citizen-amal") == before + 1


def test_setting_a_fact_to_the_same_value_does_not(app, personas):
    with app.app_context():
        amal = _citizen("citizen-amal")
        before = amal.facts_revision
        amal.readiness = amal.readiness
        db.session.commit()
        assert _revision("citizen-amal") == before


@pytest.mark.parametrize("change", ["add_decision", "end_decision", "delete_decision",
                                    "add_offer", "add_held_talk_by_id"])
def test_children_the_rules_read_move_the_revision(app, personas, change):
    with app.app_context():
        yonas = _citizen("citizen-yonas")  # has a joblog exemption
        before = yonas.facts_revision
        decision = yonas.decisions[0]
        if change == "add_decision":
            yonas.decisions.append(Decision(kind=DecisionKind.CV_EXEMPTION,
                                            valid_from=SEED_DAY, reason="test"))
        elif change == "end_decision":
            decision.valid_to = SEED_DAY
        elif change == "delete_decision":
            db.session.delete(decision)
        elif change == "add_offer":
            yonas.offers.append(Offer(kind=next(iter(OfferKind)), starts_on=SEED_DAY))
        else:  # made with the id only, as a service might
            db.session.add(HeldTalk(citizen_id=yonas.id, held_on=SEED_DAY,
                                    form=TalkForm.IN_PERSON))
        db.session.commit()
        assert _revision("citizen-yonas") == before + 1


def test_a_granted_exemption_is_seen_at_once_although_the_document_was_cached(app, personas):
    with app.app_context():
        amal = _citizen("citizen-amal")
        assert _status(citizen_document(amal, SEED_DAY), "joblog") == "applies"
        assert citizen_document(amal, SEED_DAY) is citizen_document(amal, SEED_DAY)  # cached
        amal.decisions.append(Decision(kind=DecisionKind.JOBLOG_EXEMPTION,
                                       valid_from=SEED_DAY - dt.timedelta(days=1),
                                       reason="documented illness"))
        assert _status(citizen_document(amal, SEED_DAY), "joblog") == "exempt"  # unflushed
        db.session.commit()
        db.session.expire_all()
        assert _status(citizen_document(_citizen("citizen-amal"), SEED_DAY), "joblog") == "exempt"


def test_two_transactions_at_once_end_at_two_revisions(app, personas):
    """The increment is SQL (``facts_revision + 1``), so concurrent writers serialise on
    the row instead of both writing the same number."""
    with app.app_context():
        before = _revision("citizen-amal")
    barrier = threading.Barrier(2)

    def grant(kind: DecisionKind) -> None:
        with app.app_context():
            amal = _citizen("citizen-amal")
            amal.decisions.append(Decision(kind=kind, valid_from=SEED_DAY, reason="race"))
            barrier.wait(5)
            db.session.commit()

    threads = [threading.Thread(target=grant, args=(k,))
               for k in (DecisionKind.CV_EXEMPTION, DecisionKind.JOBLOG_EXEMPTION)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    with app.app_context():
        assert _revision("citizen-amal") == before + 2
