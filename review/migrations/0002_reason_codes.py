from django.db import migrations

CODES = (
    ("third_party_personal_data", "Third-party personal data",
     "Information about someone other than the requester, withheld under UK GDPR/DPA 2018."),
    ("criminal_offence_data", "Criminal offence data",
     "Allegations, proceedings or convictions about a person (special care under DPA 2018 s.11)."),
    ("risk_of_serious_harm", "Risk of serious harm",
     "Disclosure would be likely to cause serious harm to someone's physical or mental health."),
    ("copied_from_another_case", "Copied from another case", "Text that belongs to another family's records."),
)


def create_codes(apps, schema_editor):
    ReasonCode = apps.get_model("review", "ReasonCode")
    for code, label, description in CODES:
        ReasonCode.objects.get_or_create(code=code, defaults={"label": label, "description": description})


class Migration(migrations.Migration):
    dependencies = [("review", "0001_initial")]
    operations = [migrations.RunPython(create_codes, migrations.RunPython.noop)]
