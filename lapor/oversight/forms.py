"""Forms of the import pages (upload, and mapping unknown names to the tree)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lapor.agencies.models import Agency
from lapor.oversight.models import ImportBatch
from lapor.reference.models import Category

MAX_UPLOAD_BYTES = 200 * 1024 * 1024


class ImportUploadForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), label=_("Instansi tujuan"))
    file = forms.FileField(
        label=_("Berkas (Excel .xlsx format ekspor admin LAPOR!, atau CSV dengan kolom yang sama)"),
    )

    def __init__(self, *args, agencies: list[Agency], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(pk__in=[a.pk for a in agencies]).order_by("name")
        if len(agencies) == 1:
            self.fields["agency"].initial = agencies[0].pk

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        name = (uploaded.name or "").lower()
        if not name.endswith((".xlsx", ".xlsm", ".csv")):
            raise forms.ValidationError(_("Hanya berkas .xlsx atau .csv yang dapat diimpor."))
        if uploaded.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Berkas lebih dari 200 MB: bagi menjadi beberapa berkas."))
        return uploaded


class ImportMappingForm(forms.Form):
    """One choice per unknown agency name (an agency of the target's subtree) and per unknown category."""

    def __init__(self, *args, batch: ImportBatch, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.batch = batch
        agencies = Agency.objects.filter(path__startswith=batch.agency.path, active=True).order_by("path")
        categories = Category.objects.filter(active=True).order_by("full_name")
        self.agency_names = list(batch.unknown.get("agency", []))
        self.category_names = list(batch.unknown.get("category", []))
        for i, name in enumerate(self.agency_names):
            self.fields[f"a{i}"] = forms.ModelChoiceField(
                queryset=agencies, label=name, required=True, help_text=_("Instansi di LAPOR! bernama seperti ini")
            )
        for i, name in enumerate(self.category_names):
            self.fields[f"k{i}"] = forms.ModelChoiceField(
                queryset=categories, label=name, required=True, help_text=_("Kategori di LAPOR! bernama seperti ini")
            )

    def mapping(self) -> tuple[dict[str, int], dict[str, int]]:
        agencies = {name: self.cleaned_data[f"a{i}"].pk for i, name in enumerate(self.agency_names)}
        categories = {name: self.cleaned_data[f"k{i}"].pk for i, name in enumerate(self.category_names)}
        return agencies, categories
