"""Member names, notes and the next deadline under the case's own data key: they
were encrypted with the app key (names, notes) or plain (the deadline and its
milestone), so they outlived the crypto-shredding of a deleted case, and the sick date followed
from the plain deadline. Now: re-encrypted with the case's key; the plain column keeps only the
Monday of the deadline's week (for the list's order), the exact date and milestone encrypted."""

from datetime import timedelta

from django.db import migrations, models


def under_the_case_key(apps, schema_editor):
    from decision_aid.cases import crypto

    AdvisorCase = apps.get_model("advisors", "AdvisorCase")
    CaseNote = apps.get_model("advisors", "CaseNote")
    DataKey = apps.get_model("cases", "DataKey")
    rows = AdvisorCase.objects.order_by("id")
    last = 0
    while batch := list(rows.filter(id__gt=last)[:500]):
        last = batch[-1].id
        keys = dict(
            DataKey.objects.filter(
                case_id__in=[row.case_id for row in batch], attachment__isnull=True
            ).values_list("case_id", "key_enc")
        )
        for row in batch:
            box = crypto.DataBox(crypto.unwrap_key(bytes(keys[row.case_id])))
            if row.member_name_enc:
                row.member_name_enc = box.encrypt(crypto.decrypt(bytes(row.member_name_enc)))
            if row.next_deadline:
                due = row.next_deadline
                label = getattr(row, "next_deadline_label", "")  # (absent in later states)
                row.next_deadline_enc = box.encrypt_json([due.isoformat(), label])
                row.next_deadline = due - timedelta(days=due.weekday())
            for note in CaseNote.objects.filter(advisor_case_id=row.id):
                note.text_enc = box.encrypt(crypto.decrypt(bytes(note.text_enc)))
                note.save(update_fields=["text_enc"])
        AdvisorCase.objects.bulk_update(
            batch, ["member_name_enc", "next_deadline", "next_deadline_enc"]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("advisors", "0008_live_sharing"),
        ("cases", "0005_data_keys_for_crypto_shredding"),
    ]

    operations = [
        migrations.AddField(
            model_name="advisorcase",
            name="next_deadline_enc",
            field=models.BinaryField(blank=True, null=True),
        ),
        migrations.RunPython(under_the_case_key, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="advisorcase",
            name="next_deadline_label",
        ),
        migrations.AlterField(
            model_name="advisorcase",
            name="next_deadline",
            field=models.DateField(
                blank=True, db_index=True, null=True, verbose_name="week of the next deadline"
            ),
        ),
    ]
