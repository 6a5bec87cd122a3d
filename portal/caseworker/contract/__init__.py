"""The caseworker writes, sends and concludes a citizen's contract; sees deadlines."""
