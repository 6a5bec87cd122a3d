"""The caseworker's side of job talks: publishing slots, recording talks held."""
