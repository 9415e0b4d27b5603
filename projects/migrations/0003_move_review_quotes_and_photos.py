from django.db import migrations

from projects.services_review_move import backwards, forwards


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0002_plan_review"),
        ("publishing", "0004_strategy_publications"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
