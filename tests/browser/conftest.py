"""Browser tests: the portal served by a live server, Debian's Chromium at phone size."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from flask import Flask
from playwright.sync_api import Page
from werkzeug.serving import make_server

from tests.support.axe import assert_accessible

CHROMIUM = "/usr/bin/chromium"
PHONE = {"width": 360, "height": 740}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def live_server(app: Flask) -> Iterator[str]:
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "viewport": PHONE, "locale": "da-DK"}


class Visitor:
    """A person at a phone: every page they land on is checked with axe."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url

    def goto(self, path: str) -> Page:
        self.page.goto(self.base_url + path)
        self.check()
        return self.page

    def check(self) -> None:
        self.page.wait_for_load_state("load")
        assert_accessible(self.page)

    def login(self, subject: str, audience: str = "citizen") -> None:
        """Log in through the real OIDC provider's authorization page."""
        self.goto("/")
        if audience == "citizen":
            self.page.locator("a.button-primary[href*='/auth/citizen/login']").click()
        else:
            self.page.locator("a[href*='/auth/staff/login']").first.click()
        self.page.get_by_role("button", name=subject, exact=True).click()
        self.check()


@pytest.fixture()
def visitor(page: Page, live_server: str, personas: None) -> Visitor:
    return Visitor(page, live_server)
