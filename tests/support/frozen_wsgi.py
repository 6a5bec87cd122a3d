"""The portal as a process of its own on the tests' frozen clock (gunicorn in the tests).

The child reads the same ``PORTAL_TEST_NOW`` as the test run, so it stands at the same seed
moment as the tests that talk to it.
"""

from portal import create_app
from tests.support.clock import CLOCK

app = create_app(clock=CLOCK)
