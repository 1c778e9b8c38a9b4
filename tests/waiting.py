"""Waiting on a condition, not on the clock: tests assert behaviour, never speed.

A loaded machine (a CI runner, two cores shared by several test runs) can be ten times
slower than a quiet laptop, so every wait is generous (60 s by default) and returns as
soon as the condition holds: a quiet machine pays nothing for the margin.
"""

import time

PATIENCE = 60.0  # seconds: a ceiling for a stuck test, not an expected duration


def wait_for(condition, what: str, seconds: float = PATIENCE, interval: float = 0.05):
    """Call `condition` until it returns something truthy, and return that; fail with
    `what` in the message after `seconds`. The interval grows to 0.5 s to stay cheap."""
    deadline = time.monotonic() + seconds
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {seconds:.0f} s waiting for {what}")
        time.sleep(interval)
        interval = min(interval * 1.5, 0.5)
