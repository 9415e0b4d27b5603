"""Settings for commands that tests run in separate processes: the test settings, with the mail
backend and a SQLite file database taken from the environment (the test settings pin locmem)."""

import os

from csphub.test_settings import *  # noqa: F403
from csphub.test_settings import DATABASES

EMAIL_BACKEND = os.environ["TEST_EMAIL_BACKEND"]
EMAIL_FILE_PATH = os.environ.get("TEST_EMAIL_FILE_PATH", "")
DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 30  # overlapping runs wait for the lock
