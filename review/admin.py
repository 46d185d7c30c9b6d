from django.contrib import admin

from review.models import ReasonCode


@admin.register(ReasonCode)
class ReasonCodeAdmin(admin.ModelAdmin):
    list_display = ("code", "label", "active")
    list_editable = ("active",)
