from django.urls import path

from disclosure.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("register/", views.register, name="register"),
    path("register.csv", views.register_csv, name="register_csv"),
    path("register.pdf", views.register_pdf, name="register_pdf"),
    path("trace/", views.trace_person, name="trace"),
    path("versions/<int:pk>/history/", views.document_history, name="history"),
]
