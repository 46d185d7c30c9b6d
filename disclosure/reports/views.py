"""The DPO's report pages. Thin: a filter form, one selector call, render. GET only: nothing here changes
a case or a document; exports and traces are recorded in the audit log."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from disclosure.access import Need, require, version_for
from disclosure.reports import charts, exports, history, selectors, services, trace
from disclosure.reports.dashboard import dashboard as dashboard_figures
from disclosure.reports.forms import DashboardForm, MonthForm, Period, RegisterForm, TraceForm
from disclosure.views.common import AuthenticatedRequest, as_attachment

PAGE_SIZE = 25


@require_safe
def dashboard(request: AuthenticatedRequest) -> HttpResponse:
    require(request.user, Need.AUDIT)
    form = DashboardForm(request.GET)
    period = form.period()
    figures = dashboard_figures(period)
    weeks = [(f"{monday.day} {monday:%b}", n) for monday, n in figures.weeks]
    return render(
        request,
        "reports/dashboard.html",
        {
            "form": form,
            "period": period,
            "d": figures,
            "weeks_chart": charts.column_chart("weeks", "Releases per week", weeks, "releases"),
            "category_chart": charts.bar_chart(
                "categories", "Redactions in released documents, by category", figures.by_category, "redactions"
            ),
            "reason_chart": charts.bar_chart(
                "reasons", "Redactions in released documents, by reason", figures.by_reason, "redactions"
            ),
            "team_chart": charts.bar_chart(
                "teams", "Releases by team", [(t.team, t.releases) for t in figures.teams], "releases"
            ),
        },
    )


@require_safe
def register(request: AuthenticatedRequest) -> HttpResponse:
    require(request.user, Need.AUDIT)
    return _register_page(request, None)


def _register_page(request: AuthenticatedRequest, month_form: MonthForm | None, status: int = 200) -> HttpResponse:
    form = RegisterForm(request.GET)
    releases = selectors.register(form.period(), form.query())
    page = Paginator(releases, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "reports/register.html",
        {
            "form": form,
            "page": page,
            "rows": list(selectors.register_rows(page.object_list)),
            "query": query.urlencode(),
            "month_form": month_form or MonthForm(initial={"team": form.period().team}),
        },
        status=status,
    )


@require_safe
def register_csv(request: AuthenticatedRequest) -> StreamingHttpResponse:
    require(request.user, Need.AUDIT)
    form = RegisterForm(request.GET)
    period, query = form.period(), form.query()
    releases = selectors.register(period, query)
    services.report_record(
        user=request.user,
        action="export.register_csv",
        summary=f"Exported the disclosure register as CSV ({releases.count()} releases)",
        data=_filters(period, query),
    )
    rows = selectors.register_rows(releases.iterator(chunk_size=500))
    response = StreamingHttpResponse(exports.register_csv(rows), content_type="text/csv; charset=utf-8")
    return as_attachment(response, f"disclosure-register-{exports.file_stamp()}.csv")


@require_safe
def register_pdf(request: AuthenticatedRequest) -> HttpResponse:
    require(request.user, Need.AUDIT)
    form = MonthForm(request.GET)
    if not form.is_valid():
        return _register_page(request, form, status=400)
    period = form.period()
    month = form.cleaned_data["month"]
    rows = list(selectors.register_rows(selectors.register(period).order_by("released_at", "id")))
    services.report_record(
        user=request.user,
        action="export.register_pdf",
        summary=f"Exported the disclosure register for {month:%B %Y} as PDF ({len(rows)} releases)",
        data=_filters(period, ""),
    )
    pdf = exports.register_pdf(rows, period, request.user.get_full_name() or request.user.username)
    return as_attachment(HttpResponse(pdf, content_type="application/pdf"), f"disclosure-register-{month:%Y-%m}.pdf")


@require_safe
def trace_person(request: AuthenticatedRequest) -> HttpResponse:
    require(request.user, Need.AUDIT)
    form = TraceForm(request.GET if "name" in request.GET else None)
    result = None
    if form.is_valid():
        name = form.cleaned_data["name"]
        result = trace.trace(name)
        services.report_record(
            user=request.user,
            action="report.trace",
            summary=f"Traced {name!r}: {len(result.released_hits)} release(s) showed the name, "
            f"{len(result.redacted_hits)} had every mention redacted",
            data={
                "name": name,
                "released": [h.release.pk for h in result.released_hits],
                "redacted": [h.release.pk for h in result.redacted_hits],
            },
        )
    return render(request, "reports/trace.html", {"form": form, "result": result})


@require_safe
def document_history(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    version = version_for(request.user, pk, Need.AUDIT)
    document = version.document
    return render(
        request,
        "reports/history.html",
        {"document": document, "case": document.case, "versions": history.document_history(document)},
    )


def _filters(period: Period, query: str) -> dict[str, str]:
    return {
        "from": period.first_day.isoformat() if period.first_day else "",
        "to": period.last_day.isoformat() if period.last_day else "",
        "team": period.team.name if period.team else "",
        "q": query,
    }
