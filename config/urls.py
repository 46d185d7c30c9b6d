from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from disclosure.views import twofactor

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("two-factor/setup/", twofactor.setup, name="two_factor_setup"),
    path("two-factor/verify/", twofactor.verify, name="two_factor_verify"),
    path("admin/", admin.site.urls),
    path("dpo/", include("disclosure.reports.urls")),
    path("", include("disclosure.urls")),
    path("", include("review.urls")),
]
# No media route: documents are served only by the permission-checked download views.
