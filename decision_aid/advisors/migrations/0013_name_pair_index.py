"""The pair index of member names (blind_index.pair_digests): two typed words in one look-up.
Filled for the names stored before it as `manage.py rebuild_name_index` does (each name
decrypted once, here, in chunks); until then a search of two words would find none of them."""

import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    # The service reads the case keys as the running code does; the schema it needs is the one
    # this migration runs on.
    from decision_aid.advisors.services import rebuild_name_index

    rebuild_name_index(words=False)


class Migration(migrations.Migration):
    dependencies = [
        ("advisors", "0012_forgiving_name_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="MemberNamePair",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("digest", models.CharField(max_length=32)),
                (
                    "advisor_case",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="name_pairs",
                        to="advisors.advisorcase",
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="advisors.organisation",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(
                        fields=["organisation", "digest", "advisor_case"], name="name_pair_cases"
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("advisor_case", "digest"), name="name_pair_once"
                    )
                ],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
