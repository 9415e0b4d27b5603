"""Background tasks (django-tasks): police.uk imports uploaded through the web page."""

from django_tasks import task

from crimedata import services


@task()
def run_police_uk_import(run_id: int) -> None:
    services.import_run_execute(run_id)
