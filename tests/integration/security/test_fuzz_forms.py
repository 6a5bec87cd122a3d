"""Property-based fuzzing of every form the roles can reach, and of the rules API.

Random Unicode (right-to-left marks, zero-width characters, emoji), 1 MB strings, NUL
bytes, malformed dates, negative numbers and wrong types: never a 500, never a stack
trace; a refused form is shown again with a message, and nothing is stored.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import sqlalchemy as sa
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.extensions import db
from tests.support.oidc import login
from tests.support.routes import targets

NASTY = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(["\u200f", "\u200e", "\u202e", "\u200b", "\ufeff", "😀", "ا",
                              "ትግ", "\x00", "<", ">", "'", '"', "%", "{{", "2020-01-01"]),
             max_size=20).map("".join),
    st.just("x" * 1_000_000),
    st.just("nul\x00byte"),
    st.sampled_from(["2020-13-45", "31/02", "0000-00-00", "-1", "99999999999999999999", "1e309",
                     "NaN", "true", "null", "[]", "{}", "../../etc/passwd", "   ", ""]),
    st.integers(min_value=-10**12, max_value=10**12).map(str),
)


#: WTForms' built-in messages (the tests run in Somali, which WTForms does not translate)
WTFORMS_ENGLISH = re.compile(
    r"Not a valid|This field is required|Invalid input|Field must be|is not a valid choice"
    r"|Invalid value|Invalid URL|Number must be|Invalid email"
)


class _Forms(HTMLParser):
    """Post forms with their fields: a field is (kind, value, options)."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict] = []
        self._current: dict | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "get").lower() == "post":
            self._current = {"action": a.get("action"), "fields": {}, "kinds": {},
                             "options": {}}
            self.forms.append(self._current)
        elif self._current is not None and tag in ("input", "select", "textarea"):
            name = a.get("name")
            if name:
                self._current["fields"][name] = a.get("value", "")
                self._current["kinds"][name] = a.get("type", tag)
                if tag == "select":
                    self._select = name
                    self._current["options"][name] = []
        elif tag == "option" and self._current is not None and self._select:
            self._current["options"][self._select].append(a.get("value", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None

        if tag == "form":
            self._current = None


DATES = st.dates(min_value=__import__("datetime").date(2019, 1, 1),
                 max_value=__import__("datetime").date(2027, 12, 31)).map(str)


def _strategy(form: dict, name: str) -> st.SearchStrategy[str]:
    """Valid values mixed with nasty ones, so that some submissions get past validation."""
    if name in form["options"] and form["options"][name]:
        return st.one_of(st.sampled_from(form["options"][name]), NASTY)
    if form["kinds"].get(name) == "date":
        return st.one_of(DATES, DATES, NASTY)
    return NASTY


def _counts() -> dict[str, int]:
    counts = {
        t.name: db.session.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
        for t in db.metadata.sorted_tables
    }
    counts.pop("audit_event", None)
    return counts


def _forms_for(app: Flask, client, prefixes: tuple[str, ...]) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for endpoint, method, target in targets(app):
        if method != "GET" or not endpoint.startswith(prefixes) or target.owner in (
                "missing", "other"):
            continue
        response = client.get(target.url)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        parser = _Forms()
        parser.feed(response.get_data(as_text=True))
        for form in parser.forms:
            action = form["action"] or target.url
            if action.endswith("/auth/logout"):
                continue
            found.setdefault(action, form)
    return found


def _fuzz_one_form(app: Flask, client, action: str, form: dict) -> None:
    fields = [n for n in form["fields"] if n != "csrf_token"]
    token = form["fields"].get("csrf_token", "")

    @settings(max_examples=40, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.fixed_dictionaries({n: _strategy(form, n) for n in fields}))
    def one(values: dict) -> None:
        with app.app_context():
            before = _counts()
        response = client.post(action, data={**values, "csrf_token": token})
        body = response.get_data(as_text=True)
        assert response.status_code < 500, (action, {k: v[:80] for k, v in values.items()})
        assert "Traceback" not in body
        if response.status_code == 200 and "error-summary" in body:  # refused: nothing stored
            with app.app_context():
                assert _counts() == before, action
        # WTForms' own messages are English-only for da, ps, ti and so: every field says
        # what to do through our catalogues instead
        assert not WTFORMS_ENGLISH.search(body), (action, WTFORMS_ENGLISH.search(body))

    one()


def _fuzz(app: Flask, client, forms: dict[str, dict]) -> int:
    for action, form in forms.items():
        _fuzz_one_form(app, client, action, form)
    return len(forms)


def test_fuzz_every_caseworker_form(app: Flask, personas: None) -> None:
    client = app.test_client()
    login(client, "caseworker-kbh", audience="staff")
    client.get("/locale/so?next=/")  # a language WTForms has no messages for
    forms = _forms_for(app, client, ("caseworker",))
    assert forms, "no caseworker forms found"
    assert _fuzz(app, client, forms) > 0


def test_fuzz_every_citizen_form(app: Flask, personas: None) -> None:
    client = app.test_client()
    login(client, "citizen-amal")
    client.get("/locale/so?next=/")
    forms = _forms_for(app, client, ("citizen",))
    _fuzz(app, client, forms)  # may be none yet: the walker finds them when they exist


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | NASTY,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8),
                                                                          children, max_size=3),
    max_leaves=8,
)
FACT_FIELDS = ["on", "municipality_code", "residence_basis", "benefit", "readiness",
               "municipality_took_over_on", "visitation_on", "registered_as_job_seeker_on",
               "has_phone_or_computer", "decisions", "talks", "offers", "lang", "trace"]


def test_fuzz_rules_api(app: Flask, personas: None) -> None:
    client = app.test_client()
    login(client, "caseworker-kbh", audience="staff")
    html = client.get("/caseworker/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)

    @settings(max_examples=150, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.dictionaries(st.sampled_from(FACT_FIELDS), JSON_VALUES, max_size=8))
    def one(payload: dict) -> None:
        response = client.post("/api/rules/assess", json=payload,
                               headers={"X-CSRFToken": token})
        too_large = (response.request.content_length or 0) > app.config["MAX_CONTENT_LENGTH"]
        if too_large:  # refused before parsing, with a JSON error
            assert response.status_code == 413
            return
        assert response.status_code in (200, 400), (response.status_code,)
        if response.status_code == 400:
            assert "field" in response.json["error"]

    one()
