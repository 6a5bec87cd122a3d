"""Only same-site redirects are followed."""

import pytest

from portal.security.redirects import safe_next


@pytest.mark.parametrize("target", ["/citizen/", "/languages?x=1", "/"])
def test_local_paths_are_kept(target):
    assert safe_next(target) == target


@pytest.mark.parametrize(
    "target",
    ["//evil.example/", "/\\evil.example", "https://evil.example/", "javascript:alert(1)",
     "", None, "evil", "/\nLocation: x"],
)
def test_anything_else_goes_home(target):
    assert safe_next(target) == "/"
