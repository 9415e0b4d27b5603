"""Settings for `plan_pages.py`: the project's settings, production-like (DEBUG off), plus a
benchmark-only urlconf with the floor view. Never used by the site itself."""

from csphub.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.bench_urls"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
SECURE_SSL_REDIRECT = False  # plain HTTP on 127.0.0.1
SECURE_HSTS_SECONDS = 0
