"""Cases per advisor and status, kept by triggers on advisors_advisorcase (PostgreSQL and
SQLite), filled once from the cases there are. The case list reads its counts from here.
"""

# ruff: noqa: S608 - the SQL below is built from constants only, never from input.

import django.db.models.deletion
from django.db import migrations, models

TABLE = "advisors_casecount"
CASES = "advisors_advisorcase"


def _plus(row: str) -> str:
    return (
        f"INSERT INTO {TABLE} (organisation_id, advisor_id, status, n) "
        f"VALUES ({row}.organisation_id, {row}.advisor_id, {row}.status, 1) "
        f"ON CONFLICT (organisation_id, advisor_id, status) DO UPDATE SET n = {TABLE}.n + 1;"
    )


def _minus(row: str) -> str:
    return (
        f"UPDATE {TABLE} SET n = n - 1 WHERE organisation_id = {row}.organisation_id "
        f"AND advisor_id = {row}.advisor_id AND status = {row}.status;"
    )


_CHANGED = "OLD.status <> NEW.status OR OLD.advisor_id <> NEW.advisor_id OR OLD.organisation_id <> NEW.organisation_id"  # noqa: E501
_COLUMNS = "status, advisor_id, organisation_id"

POSTGRESQL = [
    f"""CREATE FUNCTION advisors_case_count() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN {_minus("OLD")} END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN {_plus("NEW")} END IF;
        RETURN NULL;
    END $$""",
    f"CREATE TRIGGER advisors_case_count_insert_delete AFTER INSERT OR DELETE ON {CASES} "
    "FOR EACH ROW EXECUTE FUNCTION advisors_case_count()",
    f"CREATE TRIGGER advisors_case_count_update AFTER UPDATE OF {_COLUMNS} ON {CASES} "
    f"FOR EACH ROW WHEN ({_CHANGED}) EXECUTE FUNCTION advisors_case_count()",
]
POSTGRESQL_DROP = [
    f"DROP TRIGGER IF EXISTS advisors_case_count_insert_delete ON {CASES}",
    f"DROP TRIGGER IF EXISTS advisors_case_count_update ON {CASES}",
    "DROP FUNCTION IF EXISTS advisors_case_count()",
]
SQLITE = [
    f"CREATE TRIGGER advisors_case_count_insert AFTER INSERT ON {CASES} BEGIN {_plus('NEW')} END",
    f"CREATE TRIGGER advisors_case_count_delete AFTER DELETE ON {CASES} BEGIN {_minus('OLD')} END",
    f"CREATE TRIGGER advisors_case_count_update AFTER UPDATE OF {_COLUMNS} ON {CASES} "
    f"WHEN {_CHANGED} BEGIN {_minus('OLD')} {_plus('NEW')} END",
]
SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS advisors_case_count_{what}" for what in ("insert", "delete", "update")
]
FILL = (
    f"INSERT INTO {TABLE} (organisation_id, advisor_id, status, n) "
    f"SELECT organisation_id, advisor_id, status, COUNT(*) FROM {CASES} "
    "GROUP BY organisation_id, advisor_id, status"
)


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor not in ("postgresql", "sqlite"):
        raise NotImplementedError(f"case counts need triggers written for {vendor}")
    for statement in [*(POSTGRESQL if vendor == "postgresql" else SQLITE), FILL]:
        schema_editor.execute(statement)


def uninstall(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in POSTGRESQL_DROP if vendor == "postgresql" else SQLITE_DROP:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("advisors", "0004_reference_trigram_index_on_postgresql"),
    ]

    operations = [
        migrations.CreateModel(
            name="CaseCount",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("status", models.CharField(max_length=12)),
                ("n", models.IntegerField(default=0)),
                (
                    "advisor",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="advisors.advisor",
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
                "constraints": [
                    models.UniqueConstraint(
                        fields=("organisation", "advisor", "status"), name="case_count_once"
                    )
                ],
            },
        ),
        migrations.RunPython(install, uninstall),
    ]
