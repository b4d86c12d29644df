"""Fill the blind index for the member names stored before it existed.

Decrypts each stored name once, here, so that searching never has to. In chunks, so a large
organisation's caseload does not have to fit in memory. Going back removes the index only.
"""

from django.db import migrations

CHUNK = 2000


def fill(apps, schema_editor):
    from decision_aid.advisors import blind_index
    from decision_aid.cases import crypto

    advisor_case_model = apps.get_model("advisors", "AdvisorCase")
    word_model = apps.get_model("advisors", "MemberNameWord")
    rows = advisor_case_model.objects.order_by("id").only(
        "id", "organisation_id", "member_name_enc", "member_name_digest"
    )
    last = 0
    while chunk := list(rows.filter(id__gt=last)[:CHUNK]):
        last = chunk[-1].id
        words = []
        for row in chunk:
            name = crypto.decrypt(row.member_name_enc).decode() if row.member_name_enc else ""
            row.member_name_digest = blind_index.name_digest(name)
            words += [
                word_model(advisor_case_id=row.id, organisation_id=row.organisation_id, digest=d)
                for d in blind_index.word_digests(name)
            ]
        advisor_case_model.objects.bulk_update(chunk, ["member_name_digest"])
        word_model.objects.filter(advisor_case_id__in=[row.id for row in chunk]).delete()
        word_model.objects.bulk_create(words)


def empty(apps, schema_editor):
    apps.get_model("advisors", "MemberNameWord").objects.all().delete()
    apps.get_model("advisors", "AdvisorCase").objects.update(member_name_digest="")


class Migration(migrations.Migration):
    dependencies = [("advisors", "0002_caseload_indexes_and_name_blind_index")]

    operations = [migrations.RunPython(fill, empty)]
