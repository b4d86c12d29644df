"""Fill the forgiving name index (word beginnings, one-letter-out forms, sound keys) for the
names stored before it, as `manage.py rebuild_name_index` does: each name decrypted once,
here, in chunks. Going back leaves the larger index in place (whole-word search still works
on it: the whole-word hashes are among it)."""

from django.db import migrations


def fill(apps, schema_editor):
    # The service reads the case keys as the running code does (names are encrypted under each
    # case's own key since 0009); the schema it needs is the one this migration runs on.
    from decision_aid.advisors.services import rebuild_name_index

    rebuild_name_index(pairs=False)  # the pair table comes with 0013, which fills it


class Migration(migrations.Migration):
    dependencies = [("advisors", "0011_share_code_wrong_before")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
