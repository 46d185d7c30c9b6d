from __future__ import annotations

from django import forms

from review.models import Finding, ReasonCode


def _reason_field(required: bool = True) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        queryset=ReasonCode.objects.filter(active=True), required=required, label="Reason code"
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[(Finding.Decision.REDACT, "Redact"), (Finding.Decision.KEEP, "Keep")])
    reason_code = _reason_field(required=False)
    note = forms.CharField(max_length=500, required=False, label="Why keep it?")
    every_occurrence = forms.BooleanField(required=False, label="Apply to every occurrence")


class ManualRedactionForm(forms.Form):
    start = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    reason_code = _reason_field()
    note = forms.CharField(max_length=500, required=False)


class TermRedactionForm(forms.Form):
    term = forms.CharField(max_length=200, label="Word or name to redact everywhere")
    reason_code = _reason_field()


class ReturnForm(forms.Form):
    comments = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), label="What must the author change?")


class ApproveForm(forms.Form):
    output_sha256 = forms.CharField(widget=forms.HiddenInput, max_length=64)
