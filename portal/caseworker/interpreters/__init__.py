"""The caseworker assigns an interpreter to a booked talk."""
