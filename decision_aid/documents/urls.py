from django.urls import path

from decision_aid.documents import views

app_name = "documents"
urlpatterns = [
    path("<uuid:case_id>/bijlagen/", views.AttachmentsView.as_view(), name="attachments"),
    path("<uuid:case_id>/", views.DraftView.as_view(), name="draft"),
    path("<uuid:case_id>/voorbeeld/", views.PreviewView.as_view(), name="preview"),
    path("<uuid:case_id>/voorbeeld/<slug:doc>/", views.PreviewView.as_view(), name="preview_doc"),
    path("<uuid:case_id>/pdf/", views.PdfView.as_view(), name="pdf"),
    path("<uuid:case_id>/pdf/<slug:doc>/", views.PdfView.as_view(), name="pdf_doc"),
    path("<uuid:case_id>/word/<slug:doc>/", views.DocxView.as_view(), name="docx"),
    path("<uuid:case_id>/verzenden/<slug:doc>/", views.SheetView.as_view(), name="sheet"),
    path(
        "<uuid:case_id>/verzenden/<slug:doc>/pdf/", views.SheetPdfView.as_view(), name="sheet_pdf"
    ),
    path("<uuid:case_id>/uwv-formulier/<slug:doc>/", views.UwvFormView.as_view(), name="uwv_form"),
    path(
        "<uuid:case_id>/eigen-woorden/<slug:doc>/",
        views.OwnWordsView.as_view(),
        name="own_words",
    ),
]
