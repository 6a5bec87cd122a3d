"""One version of a citizen's integration contract (kontrakt).

BEK 1307/2020 §§ 4–7, 16–20 and BEK 2024 §§ 3–6, 9, 11–15 (DOMAIN.md § 2.1). Every
change is a new version; a version that was sent to the citizen is never edited again.
The sections the law requires are stored as a snapshot (``legal_sections``) taken from
the rule module for the citizen and date when the version was written, so the text the
citizen accepted can be shown again exactly. ``fingerprint`` is the SHA-256 of the
version's binding content; it is printed on the receipt. ``translations`` holds the
municipality's translation of the free text for the citizen's language: edited only while
the version is a draft, so it is frozen with the version when it is sent.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.enums import enum_column

if TYPE_CHECKING:
    from portal.models.citizen import Citizen
    from portal.models.staff_user import StaffUser


class ContractStatus(enum.StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    #: signed by the citizen in the portal (BEK 1307/2020 § 4, stk. 1; BEK 2024 § 4)
    ACCEPTED = "accepted"
    #: the citizen cannot sign physically; acceptance marked another way (§ 4, stk. 2)
    ACCEPTED_OTHER_WAY = "accepted_other_way"
    #: the citizen does not understand it; the reason is written down (§ 4, stk. 3)
    NOT_SIGNED = "not_signed"
    #: no agreement: the municipality set the content (BEK 2024 § 9), can be appealed
    SET_BY_MUNICIPALITY = "set_by_municipality"
    #: replaced by a later version (revision, BEK 1307/2020 § 20; BEK 2024 § 15)
    SUPERSEDED = "superseded"


#: statuses in which a version is in force for the citizen
CONCLUDED = frozenset(
    {
        ContractStatus.ACCEPTED,
        ContractStatus.ACCEPTED_OTHER_WAY,
        ContractStatus.NOT_SIGNED,
        ContractStatus.SET_BY_MUNICIPALITY,
    }
)


class ContractVersion(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "contract_version"
    __table_args__ = (
        sa.UniqueConstraint("citizen_id", "number", name="uq_contract_version_citizen_number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(sa.ForeignKey("citizen.id"), index=True)
    number: Mapped[int]
    status: Mapped[ContractStatus] = mapped_column(enum_column(ContractStatus))
    #: the governing order on the day the version was written: bek-1307-2020 | bek-2024
    regulation_id: Mapped[str] = mapped_column(sa.String(20))
    written_on: Mapped[dt.date]

    # --- content agreed with the citizen (Danish, the binding language) ---
    goal: Mapped[str] = mapped_column(sa.Text)
    #: [{"kind", "title", "starts_on", "ends_on", "hours_per_week"}], ISO dates; ``kind`` is a
    #: key of portal.contract.activity_kinds (absent or None in rows written before kinds)
    activities: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON)
    danish_education: Mapped[str] = mapped_column(sa.Text)
    coordinating_department: Mapped[str] = mapped_column(sa.String(200))
    municipality_tasks: Mapped[str] = mapped_column(sa.Text, default="")
    #: what changed compared with the previous version (revisions)
    change_note: Mapped[str | None] = mapped_column(sa.Text)
    #: [{"key", "citation", "params"}] — the sections the law requires, from the rule module
    legal_sections: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON)
    fingerprint: Mapped[str] = mapped_column(sa.String(64))
    #: the municipality's translation of the free text, per locale, for the citizen (not
    #: binding, not in the fingerprint); see portal.contract.translation for the shape
    translations: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)

    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_user.id"))
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True))
    sent_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    concluded_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    #: who recorded acceptance another way / the missing signature / the set content
    concluded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_user.id"))
    #: how acceptance was shown, or why the citizen did not sign
    conclusion_note: Mapped[str | None] = mapped_column(sa.Text)
    #: the residence and self-support declaration (BEK 1307/2020 § 5; BEK 2024 § 5)
    declaration_accepted: Mapped[bool] = mapped_column(default=False)

    citizen: Mapped[Citizen] = relationship()
    created_by: Mapped[StaffUser | None] = relationship(foreign_keys=[created_by_id])
    concluded_by: Mapped[StaffUser | None] = relationship(foreign_keys=[concluded_by_id])

    @property
    def concluded(self) -> bool:
        return self.status in CONCLUDED

    def __repr__(self) -> str:
        return f"<ContractVersion {self.citizen_id}#{self.number} {self.status}>"
