"""On PostgreSQL: a trigram index so "reference contains ..." (icontains) stays an index look-up
at 100,000 cases. pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may add it.
SQLite (development) has no such index and needs none at its sizes.
"""

from django.db import migrations

INDEX = "advisors_ac_reference_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    # The expression Django's icontains uses on PostgreSQL: UPPER("reference"::text) LIKE ...
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON advisors_advisorcase "
        "USING gin (UPPER(reference::text) gin_trgm_ops)"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("advisors", "0003_fill_member_name_blind_index")]

    operations = [migrations.RunPython(create, drop)]
