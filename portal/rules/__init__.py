"""The rule module: which duties apply to a person on a date, by when, and why.

Pure Python (standard library; Babel only in ``i18n.load_translate``): no Flask, no
database, no clock — the date is always an argument. Contract: ../shared/RULES-CONTRACT.md.

    from portal.rules.facts import parse_facts
    from portal.rules.engine import assess
    from portal.rules.render import to_document, caseworker_lines

    facts = parse_facts(json_object)            # FactsError(field, message) on bad input
    assessment = assess(facts, date(2021, 6, 1))
    document = to_document(assessment, translate=gettext, trace=False)

Layout:

- ``facts.py``       typed, frozen facts; ``None`` means unknown, never false
- ``book/``          the rule declarations, one module per area, with their sources
- ``registry.py``    import-time checks and the precomputed evaluation index
- ``engine.py``      default logic: exceptions override the rules they name; conflicts raise
- ``render.py``      the contract document, the citizen's and the caseworker's renderings
- ``parameters.py``  dated amounts, durations and dates (``data/parameters.json``)
- ``regions.py``     the 98 municipalities and their regions (``data/municipalities.json``)
- ``dates.py``       month arithmetic (end-of-month clamping)
- ``service.py``     payload -> document, for the HTTP door
- ``bench.py``       ``python -m portal.rules.bench``

Readings of the contract the rulebook relies on: ``decisions``, ``talks`` and ``offers``
are the jobcentre's records, so a missing list means none recorded; a null
``parental_leave_until`` means no parental leave is recorded; a null ``control_action_on``,
``first_availability_talk_on`` or ``moved_in_on`` means no such event is recorded
(``facts.RECORDS``). Every other null is unknown.
"""
