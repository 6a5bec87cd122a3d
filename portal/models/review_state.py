"""Where a joblog entry or a CV stands in the caseworker's review (IL § 26 a, stk. 7)."""

from __future__ import annotations

import enum


class ReviewState(enum.StrEnum):
    NEW = "new"  # never reviewed
    CHANGED = "changed"  # changed by the citizen after a review or a send-back
    REVIEWED = "reviewed"  # a caseworker has reviewed it; the citizen can no longer edit it
    RETURNED = "returned"  # sent back with a comment the citizen sees

    @property
    def awaits_review(self) -> bool:
        return self in (ReviewState.NEW, ReviewState.CHANGED)
