from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from disclosure.models import Document, Party, Release, Team
from disclosure.services import PartyInput


def parse_aliases(raw: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in raw.split(",") if a.strip())


class CaseForm(forms.Form):
    reference = forms.CharField(max_length=40, help_text="Your case management system's reference, e.g. C-2040.")
    title = forms.CharField(max_length=200)
    team = forms.ModelChoiceField(queryset=Team.objects.none())
    addresses = forms.CharField(
        label="The family's addresses",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One per line, e.g. '14 Larch Grove, Manchester M14 6RT'. Any other address in a document "
        "is treated as someone else's.",
    )

    def __init__(self, *args: Any, teams: QuerySet[Team], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        team_field = self.fields["team"]
        assert isinstance(team_field, forms.ModelChoiceField)
        team_field.queryset = teams
        if teams.count() == 1:
            team_field.initial = teams.first()


class PersonForm(forms.Form):
    name = forms.CharField(max_length=200, required=False)
    role = forms.CharField(max_length=120, required=False, help_text="e.g. parent, child; or Social Worker, GP")
    aliases = forms.CharField(
        max_length=500, required=False, help_text="Other names used in documents, separated by commas."
    )

    def person(self) -> PartyInput | None:
        name = self.cleaned_data.get("name", "").strip()
        if not name:
            return None
        return PartyInput(
            name=name,
            role=self.cleaned_data.get("role", ""),
            aliases=parse_aliases(self.cleaned_data.get("aliases", "")),
        )


PersonFormSet = forms.formset_factory(PersonForm, extra=4, max_num=40)


class PartyForm(PersonForm):
    kind = forms.ChoiceField(choices=Party.Kind.choices)
    name = forms.CharField(max_length=200)


class UploadForm(forms.Form):
    file = forms.FileField(help_text="A Word document (.docx), PDF or text file, up to the size limit.")
    document = forms.ModelChoiceField(
        queryset=Document.objects.none(),
        required=False,
        empty_label="A new document",
        help_text="Choose an existing document to upload a new version of it.",
    )
    title = forms.CharField(max_length=200, required=False, help_text="For a new document, e.g. 'Letter after ICPC'.")
    recipients = forms.ModelMultipleChoiceField(
        queryset=Party.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Who in the family this document is going to.",
    )

    def __init__(self, *args: Any, case_documents: QuerySet[Document], family: QuerySet[Party], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = case_documents  # type: ignore[attr-defined]
        self.fields["recipients"].queryset = family  # type: ignore[attr-defined]
        self.fields["file"].widget.attrs["accept"] = ".docx,.pdf,.txt"


class ReleaseForm(forms.Form):
    output_format = forms.ChoiceField(label="File to send", widget=forms.RadioSelect)
    method = forms.ChoiceField(choices=Release.Method.choices)
    recipients = forms.ModelMultipleChoiceField(queryset=Party.objects.none(), widget=forms.CheckboxSelectMultiple)
    confirm = forms.BooleanField(
        label="I confirm this is the approved document and it is going only to the recipients ticked above."
    )

    def __init__(self, *args: Any, family: QuerySet[Party], formats: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recipients"].queryset = family  # type: ignore[attr-defined]
        self.fields["output_format"].choices = formats  # type: ignore[attr-defined]
