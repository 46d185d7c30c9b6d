"""Filter forms for the reports. Dates are calendar days in Europe/London, turned into an aware range."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.utils import timezone

from disclosure.models import Team

LONDON = ZoneInfo(settings.TIME_ZONE)


@dataclass(frozen=True)
class Period:
    """A half-open range [start, end) of aware datetimes, either side open when None, and a team or all."""

    start: dt.datetime | None
    end: dt.datetime | None
    team: Team | None

    @property
    def first_day(self) -> dt.date | None:
        return self.start.astimezone(LONDON).date() if self.start else None

    @property
    def last_day(self) -> dt.date | None:
        return (self.end.astimezone(LONDON) - dt.timedelta(days=1)).date() if self.end else None


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=LONDON)


def london_today() -> dt.date:
    return timezone.localdate(timezone=LONDON)


class PeriodForm(forms.Form):
    date_from = forms.DateField(
        required=False,
        label="From",
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        required=False,
        label="To",
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d"),
    )
    team = forms.ModelChoiceField(
        queryset=Team.objects.all(),
        required=False,
        empty_label="All teams",
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    # Days back from today when no range is given; None means all time.
    default_days: int | None = None

    def __init__(self, data: Any = None, **kwargs: Any) -> None:
        # A page opened without any filter is filtered by the defaults, not treated as an invalid form.
        bound = data if data and any(k in data for k in self.base_fields) else None
        super().__init__(bound, **kwargs)
        if bound is None and self.default_days is not None:
            self.initial.setdefault("date_from", london_today() - dt.timedelta(days=self.default_days))
            self.initial.setdefault("date_to", london_today())

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError("The start date must not be after the end date.")
        return cleaned

    def _value(self, name: str) -> Any:
        if self.is_bound:
            return self.cleaned_data.get(name) if self.is_valid() else None
        return self.initial.get(name)

    def period(self) -> Period:
        start, end = self._value("date_from"), self._value("date_to")
        return Period(
            start=_midnight(start) if start else None,
            end=_midnight(end + dt.timedelta(days=1)) if end else None,
            team=self._value("team"),
        )


class DashboardForm(PeriodForm):
    default_days = 7 * 12


class RegisterForm(PeriodForm):
    q = forms.CharField(
        required=False,
        max_length=100,
        label="Case, document or recipient",
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )

    def query(self) -> str:
        return str(self._value("q") or "").strip()


class MonthForm(forms.Form):
    month = forms.CharField(
        label="Month",
        widget=forms.DateInput(attrs={"type": "month", "class": "form-control"}),
        help_text="The month of releases the printable report covers.",
    )
    team = forms.ModelChoiceField(
        queryset=Team.objects.all(),
        required=False,
        empty_label="All teams",
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Shown on the register page beside its filters: distinct ids keep each label on its own field.
        kwargs.setdefault("auto_id", "pdf_%s")
        super().__init__(*args, **kwargs)
        self.initial.setdefault("month", london_today().strftime("%Y-%m"))

    def clean_month(self) -> dt.date:
        raw = self.cleaned_data["month"]
        try:
            return dt.datetime.strptime(raw, "%Y-%m").date()
        except ValueError:
            raise forms.ValidationError("Give the month as YYYY-MM.") from None

    def period(self) -> Period:
        first: dt.date = self.cleaned_data["month"]
        after = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return Period(start=_midnight(first), end=_midnight(after), team=self.cleaned_data.get("team"))


class TraceForm(forms.Form):
    name = forms.CharField(
        max_length=200,
        min_length=2,
        label="Person's name",
        help_text="A full name, a surname or an alias; spelling variants are found too.",
        widget=forms.TextInput(attrs={"class": "form-control", "autocomplete": "off", "aria-describedby": "name-help"}),
    )
