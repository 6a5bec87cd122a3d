"""The CV as JSON Resume: field names from jsonresume.org, only allowed contact details."""

from __future__ import annotations

import datetime as dt

from portal.citizen.cv.json_resume import to_json_resume
from portal.models import Citizen, Cv


def _cv(**overrides) -> Cv:
    values = dict(
        profile="Glad for kunder", competences="kasse, kundeservice\ntruckcertifikat",
        driving_licence="B", phone="12345678", show_email=False, show_phone=True,
        job_goals=[{"title": "Butiksassistent", "isco": "5223", "key": "a"}],
        experience=[{"employer": "Souq", "title": "Sælger", "country": "Syrien",
                     "from": "2015-03-01", "to": "2019-08-31", "tasks": "Kasse", "key": "b"}],
        education=[{"institution": "Damascus University", "field": "Økonomi",
                    "country": "Syrien", "level": "bachelor", "completed": True,
                    "completed_year": 2014, "key": "c"}],
        languages=[{"language": "Dansk", "level": "A2", "key": "d"}],
        updated_at=dt.datetime(2026, 11, 1, 12, tzinfo=dt.UTC),
    )
    values.update(overrides)
    return Cv(**values)


def test_the_resume_uses_the_json_resume_fields():
    citizen = Citizen(name="Amal Hassan", email="amal@example.invalid")
    resume = to_json_resume(citizen, _cv())
    assert set(resume) == {"$schema", "basics", "work", "education", "skills", "languages",
                           "interests", "meta"}
    assert resume["basics"] == {"name": "Amal Hassan", "label": "Butiksassistent",
                                "phone": "12345678", "summary": "Glad for kunder",
                                "location": {"countryCode": "DK"}}
    assert resume["work"][0]["startDate"] == "2015-03-01"
    assert resume["education"][0] == {"institution": "Damascus University",
                                      "studyType": "bachelor", "area": "Økonomi",
                                      "location": "Syrien", "endDate": "2014"}
    assert resume["skills"][0]["keywords"] == ["kasse", "kundeservice", "truckcertifikat"]
    assert resume["interests"] == [{"name": "Butiksassistent", "keywords": ["5223"]}]
    assert "key" not in str(resume["work"])  # internal keys stay inside


def test_contact_details_only_when_allowed():
    citizen = Citizen(name="Amal Hassan", email="amal@example.invalid")
    basics = to_json_resume(citizen, _cv(show_email=True, show_phone=False))["basics"]
    assert basics["email"] == "amal@example.invalid" and "phone" not in basics


def test_no_cv_yet_is_just_a_name():
    assert to_json_resume(Citizen(name="A"), None)["basics"] == {"name": "A"}
