from django.urls import path

from disclosure.views import cases, documents, downloads, previews

urlpatterns = [
    path("", cases.home, name="home"),
    path("cases/", cases.case_list, name="case_list"),
    path("cases/new/", cases.case_create, name="case_create"),
    path("cases/<int:pk>/", cases.case_detail, name="case_detail"),
    path("cases/<int:pk>/parties/", cases.party_add, name="party_add"),
    path("cases/<int:pk>/upload/", documents.upload, name="upload"),
    path("versions/<int:pk>/", documents.version_detail, name="version_detail"),
    path("versions/<int:pk>/status.json", documents.version_status, name="version_status"),
    path("versions/<int:pk>/retry/", documents.analysis_retry, name="analysis_retry"),
    path("versions/<int:pk>/release/", documents.release, name="release"),
    path("versions/<int:pk>/audit/", documents.audit_trail, name="audit_trail"),
    path("versions/<int:pk>/original/", downloads.download_original, name="download_original"),
    path("versions/<int:pk>/output/<str:output_format>/", downloads.download_output, name="download_output"),
    path("versions/<int:pk>/output/pdf/page-<int:page>.png", previews.output_page, name="output_page"),
    path("versions/<int:pk>/schedule/", documents.schedule, name="schedule"),
    path("versions/<int:pk>/schedule.csv", downloads.download_schedule, name="download_schedule"),
    path("releases/<int:pk>/file/", downloads.download_release, name="download_release"),
]
