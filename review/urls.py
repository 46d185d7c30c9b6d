from django.urls import path

from review.views import check, pictures, triage

urlpatterns = [
    path("versions/<int:pk>/triage/", triage.triage, name="triage"),
    path("versions/<int:pk>/preview/", triage.preview, name="preview"),
    path("versions/<int:pk>/redactions/", triage.manual_add, name="manual_add"),
    path("versions/<int:pk>/terms/", triage.term_add, name="term_add"),
    path("versions/<int:pk>/submit/", triage.submit, name="submit"),
    path("versions/<int:pk>/attest-pages/", triage.attest_pages, name="attest_pages"),
    path("findings/<int:pk>/decision/", triage.decide, name="decide"),
    path("pictures/<int:pk>/decision/", pictures.decide, name="picture_decide"),
    path("pictures/<int:pk>/preview.png", pictures.preview, name="picture_preview"),
    path("check/", check.queue, name="check_queue"),
    path("versions/<int:pk>/check/", check.check_review, name="check_review"),
    path("versions/<int:pk>/approve/", check.approve, name="approve"),
    path("versions/<int:pk>/return/", check.return_to_author, name="return"),
]
