"""The CV as JSON Resume (https://jsonresume.org/schema), which employers' systems import.

Only the contact details the citizen allows employers to see are included.
"""

from __future__ import annotations

from typing import Any

from portal.models import Citizen, Cv

SCHEMA = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"


def _date(value: Any) -> str | None:
    return str(value) if value else None


def to_json_resume(citizen: Citizen, cv: Cv | None) -> dict[str, Any]:
    basics: dict[str, Any] = {"name": citizen.name}
    if cv is None:
        return {"$schema": SCHEMA, "basics": basics}
    goals = [g["title"] for g in cv.job_goals or []]
    if goals:
        basics["label"] = goals[0]
    if cv.show_email and citizen.email:
        basics["email"] = citizen.email
    if cv.show_phone and cv.phone:
        basics["phone"] = cv.phone
    if cv.profile:
        basics["summary"] = cv.profile
    basics["location"] = {"countryCode": "DK"}
    skills: list[dict[str, Any]] = []
    if cv.competences:
        keywords = [k.strip() for k in cv.competences.replace("\n", ",").split(",") if k.strip()]
        skills.append({"name": "Competences", "keywords": keywords})
    if cv.driving_licence:
        skills.append({"name": "Driving licence", "keywords": [cv.driving_licence]})
    return {
        "$schema": SCHEMA,
        "basics": basics,
        "work": [
            {
                "name": w.get("employer"),
                "position": w.get("title"),
                "location": w.get("country"),
                "startDate": _date(w.get("from")),
                "endDate": _date(w.get("to")),
                "summary": w.get("tasks") or None,
            }
            for w in cv.experience or []
        ],
        "education": [
            {
                "institution": e.get("institution"),
                "studyType": e.get("level"),
                "area": e.get("field") or None,
                "location": e.get("country"),
                "endDate": _date(e.get("completed_year")),
            }
            for e in cv.education or []
        ],
        "skills": skills,
        "languages": [
            {"language": lang.get("language"), "fluency": lang.get("level")}
            for lang in cv.languages or []
        ],
        "interests": [
            {"name": g["title"], "keywords": [g["isco"]] if g.get("isco") else []}
            for g in cv.job_goals or []
        ],
        "meta": {"version": "v1.0.0", "lastModified": cv.updated_at.isoformat()
                 if cv.updated_at else None},
    }
