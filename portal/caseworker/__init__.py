"""The caseworker's workspace: caseload, citizen overview, decisions, reviews."""
