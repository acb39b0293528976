"""Forms of the citizen portal. They check the shape of the input only; the rules stay in the services."""

from __future__ import annotations

import re
import uuid

from django import forms
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from lapor.reference.models import Category, Region
from lapor.reports.choices import Classification
from lapor.reports.services.attachments import MAX_BYTES, sniff_content_type
from lapor.reports.services.intake import BODY_MAX, BODY_MIN, TITLE_MAX

MAX_FILES = 5
REGION_FIELDS = ("provinsi", "kabkota", "kecamatan", "desa")
_REGION_CODE = re.compile(r"^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$")


def _clean_text(value: str) -> str:
    # Control characters (except newlines and tabs) never belong in a report.
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", value or "").strip()


class ReportForm(forms.Form):
    """Step 1, *Tulis laporan*: what happened, what kind of report, the category and the place."""

    title = forms.CharField(
        label=_("Judul laporan"),
        max_length=TITLE_MAX,
        min_length=5,
        error_messages={
            "required": _("Tulis judul singkat laporan Anda."),
            "min_length": _("Judul terlalu pendek: tulis minimal %(limit_value)d karakter."),
            "max_length": _("Judul terlalu panjang: maksimal %(limit_value)d karakter (sekarang %(show_value)d)."),
        },
    )
    body = forms.CharField(
        label=_("Isi laporan"),
        widget=forms.Textarea(attrs={"rows": 8}),
        min_length=BODY_MIN,
        max_length=BODY_MAX,
        error_messages={
            "required": _("Tulis isi laporan Anda."),
            "min_length": _("Isi laporan terlalu pendek: tulis minimal %(limit_value)d karakter."),
            "max_length": _(
                "Isi laporan terlalu panjang: maksimal %(limit_value)d karakter (sekarang %(show_value)d)."
            ),
        },
    )
    classification = forms.ChoiceField(
        label=_("Jenis laporan"),
        choices=Classification.choices,
        initial=Classification.PENGADUAN,
        error_messages={
            "required": _("Pilih jenis laporan."),
            "invalid_choice": _("Jenis laporan tidak dikenal."),
        },
    )
    category = forms.CharField(label=_("Kategori"), required=False)
    category_q = forms.CharField(label=_("Cari kategori"), required=False, max_length=80)
    provinsi = forms.CharField(label=_("Provinsi"), required=False)
    kabkota = forms.CharField(label=_("Kabupaten/Kota"), required=False)
    kecamatan = forms.CharField(label=_("Kecamatan"), required=False)
    desa = forms.CharField(label=_("Kelurahan/Desa"), required=False)
    address = forms.CharField(
        label=_("Alamat atau patokan lokasi"),
        required=False,
        max_length=300,
        error_messages={"max_length": _("Alamat terlalu panjang: maksimal %(limit_value)d karakter.")},
    )
    intake_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_title(self) -> str:
        return " ".join(_clean_text(self.cleaned_data["title"]).split())

    def clean_body(self) -> str:
        body = _clean_text(self.cleaned_data["body"])
        if len(body) < BODY_MIN:
            raise forms.ValidationError(
                _("Isi laporan terlalu pendek: tulis minimal %(n)d karakter."), params={"n": BODY_MIN}
            )
        return body

    def clean_address(self) -> str:
        return " ".join(_clean_text(self.cleaned_data["address"]).split())

    def clean_category(self) -> Category | None:
        raw = (self.cleaned_data.get("category") or "").strip()
        if not raw:
            return None
        if not raw.isdigit() or len(raw) > 9:
            raise forms.ValidationError(_("Kategori tidak dikenal. Pilih dari daftar."))
        category = Category.objects.filter(pk=int(raw), active=True).first()
        if category is None:
            raise forms.ValidationError(_("Kategori tidak dikenal atau sudah tidak aktif. Pilih dari daftar."))
        return category

    def clean_intake_token(self) -> str:
        raw = (self.cleaned_data.get("intake_token") or "").strip()
        try:
            return str(uuid.UUID(raw, version=4))
        except ValueError:
            return str(uuid.uuid4())  # a missing or mangled token only loses the double-submit protection

    def clean(self):
        data = super().clean()
        region = None
        parent = None
        for name in REGION_FIELDS:
            code = (self.data.get(name) or "").strip()
            if not code:
                break
            if not _REGION_CODE.match(code) or len(code) > 13:
                self.add_error(name, _("Kode wilayah tidak valid."))
                break
            found = Region.objects.filter(pk=code).first()
            expected_parent = parent.code if parent else None
            if found is None or found.parent_id != expected_parent:
                self.add_error(name, _("Wilayah tidak dikenal atau tidak berada di wilayah yang dipilih di atasnya."))
                break
            region = parent = found
        data["region"] = region
        return data


class PrivacyContactForm(forms.Form):
    """Step 2, *Periksa dan kirim*: anonim/rahasia (explained above the choice), contact and attachments."""

    is_anonymous = forms.BooleanField(
        label=_("Anonim: sembunyikan identitas saya dari instansi dan publik"), required=False
    )
    is_secret = forms.BooleanField(label=_("Rahasia: jangan tampilkan laporan ini kepada publik"), required=False)
    name = forms.CharField(label=_("Nama"), required=False, max_length=150)
    phone = forms.CharField(label=_("Nomor HP"), required=False, max_length=20)
    email = forms.CharField(label=_("E-mail"), required=False, max_length=254)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_name(self) -> str:
        return " ".join(_clean_text(self.cleaned_data["name"]).split())

    def clean_phone(self) -> str:
        phone = re.sub(r"[\s().-]", "", self.cleaned_data["phone"] or "")
        if not phone:
            return ""
        digits = phone[1:] if phone.startswith("+") else phone
        if not digits.isdigit() or not 8 <= len(digits) <= 15:
            raise forms.ValidationError(_("Nomor HP tidak valid. Contoh: 0812 3456 7890."))
        return phone

    def clean_email(self) -> str:
        email = (self.cleaned_data["email"] or "").strip().lower()
        if email:
            try:
                validate_email(email)
            except forms.ValidationError as exc:
                raise forms.ValidationError(_("Alamat e-mail tidak valid.")) from exc
        return email

    def clean(self):
        data = super().clean()
        has_contact = data.get("name") or data.get("phone") or data.get("email")
        signed_in = self.user is not None and self.user.is_authenticated
        if not data.get("is_anonymous") and not has_contact and not signed_in and not self.errors:
            raise forms.ValidationError(
                _(
                    "Laporan yang tidak anonim memerlukan nama atau kontak (nomor HP atau e-mail). "
                    "Isi salah satunya, atau pilih anonim."
                ),
                code="contact",
            )
        return data


def check_uploads(files: list) -> tuple[list[tuple[str, bytes]], list[str]]:
    """Read the uploaded files and check number, size and type by content. Returns ``(files, errors)``."""
    errors: list[str] = []
    out: list[tuple[str, bytes]] = []
    files = [f for f in files if getattr(f, "name", "")]
    if len(files) > MAX_FILES:
        return [], [str(_("Maksimal %(n)d lampiran sekaligus.") % {"n": MAX_FILES})]
    for upload in files:
        name = str(upload.name)[:150]
        if upload.size > MAX_BYTES:
            errors.append(
                str(_("%(name)s terlalu besar: maksimal %(mb)d MB.") % {"name": name, "mb": MAX_BYTES // (1024 * 1024)})
            )
            continue
        data = upload.read()
        if not data:
            errors.append(str(_("%(name)s kosong.") % {"name": name}))
        elif sniff_content_type(data) is None:
            errors.append(
                str(
                    _("%(name)s bukan foto (JPEG, PNG, WEBP) atau PDF. Jenis berkas diperiksa dari isinya.")
                    % {"name": name}
                )
            )
        else:
            out.append((name, data))
    return out, errors


class MessageForm(forms.Form):
    """A reply on the thread, or the answer to a *tunda* request."""

    message = forms.CharField(
        label=_("Pesan Anda"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={
            "required": _("Tulis pesan Anda."),
            "max_length": _("Pesan terlalu panjang: maksimal %(limit_value)d karakter."),
        },
    )

    def clean_message(self) -> str:
        message = _clean_text(self.cleaned_data["message"])
        if len(message) < 2:
            raise forms.ValidationError(_("Tulis pesan Anda."))
        return message


class DisputeForm(forms.Form):
    reason = forms.CharField(
        label=_("Mengapa Anda tidak puas?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        min_length=10,
        max_length=5000,
        error_messages={
            "required": _("Tuliskan alasan Anda."),
            "min_length": _("Alasan terlalu pendek: tulis minimal %(limit_value)d karakter."),
            "max_length": _("Alasan terlalu panjang: maksimal %(limit_value)d karakter."),
        },
    )

    def clean_reason(self) -> str:
        return _clean_text(self.cleaned_data["reason"])


RATING_CHOICES = [
    (5, _("5 — Sangat baik")),
    (4, _("4 — Baik")),
    (3, _("3 — Cukup")),
    (2, _("2 — Buruk")),
    (1, _("1 — Sangat buruk")),
]


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Penilaian"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Pilih nilai 1 sampai 5."), "invalid_choice": _("Pilih nilai 1 sampai 5.")},
    )
    comment = forms.CharField(
        label=_("Komentar (boleh kosong)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
        error_messages={"max_length": _("Komentar terlalu panjang: maksimal %(limit_value)d karakter.")},
    )

    def clean_comment(self) -> str:
        return _clean_text(self.cleaned_data["comment"])
