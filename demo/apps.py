from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The top floor: loads the Tonbridge and Malling demo through the other apps' services."""

    name = "demo"
    verbose_name = "Demo"
