"""Set up organisations and advisors in the admin (/beheer/). Case content is not shown here."""

from django.contrib import admin

from decision_aid.advisors.models import Advisor, AdvisorCase, AuditEvent, Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Advisor)
class AdvisorAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "is_lead"]
    list_filter = ["organisation", "is_lead"]
    autocomplete_fields = ["organisation"]
    raw_id_fields = ["user"]


@admin.register(AdvisorCase)
class AdvisorCaseAdmin(admin.ModelAdmin):
    list_display = ["reference", "organisation", "advisor", "status", "next_deadline"]
    list_filter = ["organisation", "status"]
    # What the list shows, in the same query; not every foreign key (the case and its blobs).
    list_select_related = ["organisation", "advisor__user"]
    fields = ["reference", "organisation", "advisor", "status", "next_deadline"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["at", "organisation", "actor", "action", "reference", "case_id"]
    list_filter = ["organisation", "action"]
    readonly_fields = ["at", "organisation", "actor", "action", "reference", "case_id"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
