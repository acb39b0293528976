"""Console forms: they parse and check the shape of input; the rules live in the services.

A service refusal (:class:`~lapor.core.errors.ApplicationError`) is put back on the form with
:func:`add_service_error`, next to the field it names, so nothing is lost and nothing changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from lapor.agencies.actors import Actor
from lapor.agencies.choices import AgencyKind, Role
from lapor.agencies.models import Agency
from lapor.console import selectors as sel
from lapor.console.services import BULK_ACTIONS, UNIT_KINDS, Upload
from lapor.core.errors import ApplicationError
from lapor.reference.models import Category, Region
from lapor.reports.choices import ArchiveReason, Channel, Classification
from lapor.reports.models import Report
from lapor.reports.services.attachments import MAX_BYTES, MAX_PER_REPORT, sniff_content_type

CLASSIFICATIONS = Classification.choices
TEXTAREA = {"rows": 6}


def add_service_error(form: forms.Form, exc: ApplicationError, fields: dict[str, str] | None = None) -> None:
    """Show a service refusal next to the field it names (mapped through ``fields``), else above the form."""
    name = (exc.extra or {}).get("field")
    target = (fields or {}).get(name, name) if name else None
    if target not in form.fields:
        target = None
    form.add_error(target, exc.message)


class ConsoleForm(forms.Form):
    """Adds pickers: a value chosen from search results (a radio) or a text resolved when the form is sent."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options: dict[str, list[Any]] = {}

    def resolve(
        self,
        field: str,
        *,
        by_value: Callable[[str], Any],
        search: Callable[[str], Sequence[Any]],
        exact: Callable[[Any, str], bool],
        value_of: Callable[[Any], str],
        required: bool,
        missing: str,
    ) -> Any:
        value = (self.cleaned_data.get(field) or "").strip()
        text = (self.cleaned_data.get(f"{field}_q") or "").strip()
        if not text:
            found = by_value(value) if value else None
            if value and found is None:
                self.add_error(f"{field}_q", _("Pilihan ini tidak tersedia untuk Anda."))
            elif found is None and required:
                self.add_error(f"{field}_q", missing)
            return found
        # Typed text wins over a choice left from before, unless the choice is one of the text's matches (the
        # person searched, then picked one of the results).
        matches = list(search(text))
        if value and any(value_of(m) == value for m in matches):
            return by_value(value)
        exact_matches = [m for m in matches if exact(m, text)]
        if len(exact_matches) == 1:
            matches = exact_matches
        if len(matches) == 1:
            return by_value(value_of(matches[0]))
        if not matches:
            self.add_error(f"{field}_q", _("Tidak ditemukan: %(q)s. Coba kata lain.") % {"q": text[:60]})
        else:
            self.options[field] = matches
            self.add_error(f"{field}_q", _("Ada beberapa yang cocok; pilih salah satu."))
        return None


def _q(label: str, help_text: str = "") -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=100, help_text=help_text)


def _agency_exact(option: sel.AgencyOption, text: str) -> bool:
    t = text.strip().lower()
    return t in (option.code, option.name.lower(), option.sms_keyword.lower())


class AgencyPickerMixin:
    """For forms with an agency picker named ``field``: resolves a code or typed text among allowed agencies."""

    def pick_agency(
        self, field: str, *, actor: Actor, purpose: str, report: Report | None, required: bool
    ) -> Agency | None:
        return self.resolve(  # type: ignore[attr-defined]
            field,
            by_value=lambda code: sel.agency_allowed(actor, purpose, report, code),
            search=lambda text: sel.agency_options(actor, purpose=purpose, report=report, q=text),
            exact=_agency_exact,
            value_of=lambda option: option.code,
            required=required,
            missing=_("Pilih instansi tujuan."),
        )


def pick_category(form: ConsoleForm, field: str = "category") -> Category | None:
    return form.resolve(
        field,
        by_value=lambda pk: Category.objects.filter(pk=int(pk), active=True).first() if pk.isdigit() else None,
        search=sel.category_options,
        exact=lambda c, t: t.lower() in (c.name.lower(), c.full_name.lower()),
        value_of=lambda c: str(c.pk),
        required=False,
        missing="",
    )


def pick_region(form: ConsoleForm, field: str = "region") -> Region | None:
    return form.resolve(
        field,
        by_value=lambda code: Region.objects.filter(pk=code).first(),
        search=sel.region_options,
        exact=lambda r, t: t.lower() in (r.code, r.name.lower()),
        value_of=lambda r: r.code,
        required=False,
        missing="",
    )


# --- login ------------------------------------------------------------------------------------------------


class LoginForm(forms.Form):
    username = forms.CharField(label=_l("Nama pengguna"), max_length=150)
    password = forms.CharField(label=_l("Kata sandi"), strip=False, widget=forms.PasswordInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "autocapitalize": "none"})
        self.fields["password"].widget.attrs.update({"autocomplete": "current-password"})


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_l("Kode dari aplikasi autentikator"),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": r"[0-9 ]*"}),
    )


# --- report actions ---------------------------------------------------------------------------------------


class VerifyForm(AgencyPickerMixin, ConsoleForm):
    title = forms.CharField(label=_l("Judul"), max_length=200)
    body_public = forms.CharField(
        label=_l("Isi laporan akhir (publik, disunting)"),
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_l("Data pribadi (NIK, telepon, e-mail, nama) disamarkan otomatis saat disimpan."),
    )
    classification = forms.ChoiceField(label=_l("Klasifikasi"), choices=CLASSIFICATIONS)
    category = forms.CharField(required=False)
    category_q = _q(_l("Kategori"), _l("Ketik sebagian nama kategori, misalnya: jalan rusak."))
    is_anonymous = forms.BooleanField(
        label=_l("Anonim — identitas pelapor disembunyikan dari instansi"), required=False
    )
    is_secret = forms.BooleanField(label=_l("Rahasia — laporan tidak tampil untuk publik"), required=False)
    dispose_to = forms.CharField(required=False)
    dispose_to_q = _q(_l("Langsung disposisikan ke (opsional)"), _l("Nama, kode atau kata kunci SMS instansi."))
    note = forms.CharField(
        label=_l("Catatan disposisi (opsional)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    SERVICE_FIELDS = {
        "judul": "title",
        "isi laporan akhir": "body_public",
        "classification": "classification",
        "category": "category_q",
        "agency": "dispose_to_q",
    }

    def __init__(self, *args: Any, actor: Actor, report: Report, **kwargs: Any) -> None:
        self.actor, self.report = actor, report
        kwargs.setdefault(
            "initial",
            {
                "title": report.title,
                "body_public": report.body_public,
                "classification": report.classification,
                "category": str(report.category_id or ""),
                "is_anonymous": report.is_anonymous,
                "is_secret": report.is_secret,
            },
        )
        super().__init__(*args, **kwargs)
        self.may_dispose = sel.dispose_targets_exist(actor)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["category_obj"] = pick_category(self)
        data["agency"] = (
            self.pick_agency("dispose_to", actor=self.actor, purpose="dispose", report=self.report, required=False)
            if self.may_dispose
            else None
        )
        return data

    def service_kwargs(self) -> dict[str, Any]:
        d = self.cleaned_data
        category = d.get("category_obj")
        return {
            "title": d["title"],
            "body_public": d["body_public"],
            "classification": d["classification"],
            "category_id": category.pk if category else None,
            "is_anonymous": d["is_anonymous"],
            "is_secret": d["is_secret"],
            "dispose_to": d.get("agency"),
            "note": d.get("note", ""),
        }


class RequestInfoForm(ConsoleForm):
    question = forms.CharField(
        label=_l("Pertanyaan untuk pelapor"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_l("Jam verifikasi berhenti sampai pelapor menjawab."),
    )
    SERVICE_FIELDS = {"pertanyaan untuk pelapor": "question"}


class ArchiveForm(ConsoleForm):
    reason = forms.ChoiceField(label=_l("Alasan"), choices=[("", "—"), *ArchiveReason.choices])
    explanation = forms.CharField(
        label=_l("Penjelasan untuk pelapor"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_l("Dikirim kepada pelapor: jelaskan mengapa laporan diarsipkan."),
    )
    SERVICE_FIELDS = {"reason": "reason", "penjelasan untuk pelapor": "explanation"}


class DisposeForm(AgencyPickerMixin, ConsoleForm):
    agency = forms.CharField(required=False)
    agency_q = _q(_l("Instansi tujuan"), _l("Cari nama, kode atau kata kunci SMS; atau telusuri pohon instansi."))
    note = forms.CharField(
        label=_l("Catatan disposisi (opsional)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    SERVICE_FIELDS = {"agency": "agency_q"}
    purpose = "dispose"

    def __init__(self, *args: Any, actor: Actor, report: Report, **kwargs: Any) -> None:
        self.actor, self.report = actor, report
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["agency_obj"] = self.pick_agency(
            "agency", actor=self.actor, purpose=self.purpose, report=self.report, required=True
        )
        return data


class InternalDisposeForm(DisposeForm):
    purpose = "internal"


class ReturnForm(AgencyPickerMixin, ConsoleForm):
    reason = forms.CharField(
        label=_l("Alasan bukan wewenang"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_l("Minimal 15 karakter. Laporan kembali kepada pendisposisi."),
    )
    better_agency = forms.CharField(required=False)
    better_agency_q = _q(_l("Instansi yang lebih berwenang"), _l("Wajib: sebutkan siapa yang berwenang."))
    SERVICE_FIELDS = {"alasan bukan wewenang": "reason", "better_agency": "better_agency_q"}

    def __init__(self, *args: Any, actor: Actor, report: Report, **kwargs: Any) -> None:
        self.actor, self.report = actor, report
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["agency_obj"] = self.pick_agency(
            "better_agency", actor=self.actor, purpose="return", report=self.report, required=True
        )
        return data


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files at once, checked by content and size before any service runs."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,application/pdf"})
        )
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Upload]:
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_PER_REPORT:
            raise forms.ValidationError(_("Maksimal %(n)d lampiran.") % {"n": MAX_PER_REPORT})
        uploads = []
        for f in files:
            if f.size > MAX_BYTES:
                raise forms.ValidationError(
                    _("%(name)s terlalu besar: maksimal %(mb)d MB.") % {"name": f.name, "mb": MAX_BYTES // 1048576}
                )
            data_bytes = f.read()
            if sniff_content_type(data_bytes) is None:
                raise forms.ValidationError(
                    _("%(name)s: jenis berkas tidak diterima (foto JPEG, PNG, WEBP atau PDF).") % {"name": f.name}
                )
            uploads.append(Upload(name=f.name, data=data_bytes))
        return uploads


class FollowUpForm(ConsoleForm):
    message = forms.CharField(
        label=_l("Tindak lanjut untuk pelapor"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_l("Minimal 20 karakter. Tampil di laporan dan dikirim kepada pelapor."),
    )
    attachments = AttachmentsField(
        label=_l("Lampiran (opsional)"), help_text=_l("Foto atau PDF, maks. 10 MB per berkas.")
    )
    SERVICE_FIELDS = {"tindak lanjut": "message", "attachment": "attachments"}


class CloseForm(ConsoleForm):
    note = forms.CharField(
        label=_l("Catatan penutupan (opsional)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReclassifyForm(ConsoleForm):
    classification = forms.ChoiceField(label=_l("Klasifikasi baru"), choices=CLASSIFICATIONS)
    reason = forms.CharField(label=_l("Alasan"), widget=forms.Textarea(attrs={"rows": 2}))
    SERVICE_FIELDS = {"classification": "classification", "alasan": "reason"}


class RecallForm(ConsoleForm):
    reason = forms.CharField(
        label=_l("Alasan penarikan"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_l(
            "Minimal 10 karakter. Laporan kembali ke tahap verifikasi di instansi pendisposisi; "
            "unit penerima diberi tahu."
        ),
    )
    SERVICE_FIELDS = {"alasan penarikan": "reason"}


class NoteForm(ConsoleForm):
    note = forms.CharField(
        label=_l("Catatan internal"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_l("Hanya terlihat oleh petugas."),
    )
    SERVICE_FIELDS = {"catatan": "note"}


# --- inbox ------------------------------------------------------------------------------------------------


class InboxFilterForm(forms.Form):
    tab = forms.CharField(required=False)
    status = forms.CharField(required=False)
    warna = forms.ChoiceField(
        label=_l("Tenggat"),
        required=False,
        choices=[
            ("", _l("Semua")),
            ("red", _l("Merah: terlewati")),
            ("yellow", _l("Kuning: ≤ 1 hari kerja")),
            ("green", _l("Hijau: masih cukup")),
            ("none", _l("Tanpa tenggat berjalan")),
        ],
    )
    klasifikasi = forms.ChoiceField(
        label=_l("Klasifikasi"), required=False, choices=[("", _l("Semua")), *CLASSIFICATIONS]
    )
    kategori = forms.TypedChoiceField(label=_l("Kategori"), required=False, coerce=int, empty_value=None)
    wilayah = forms.CharField(
        label=_l("Wilayah"), required=False, max_length=60, help_text=_l("Kode Kemendagri, mis. 53.71, atau nama.")
    )
    kanal = forms.ChoiceField(label=_l("Kanal"), required=False, choices=[("", _l("Semua")), *Channel.choices])
    milik = forms.ChoiceField(
        label=_l("Pemilik"),
        required=False,
        choices=[("semua", _l("Dengan unit di bawah")), ("langsung", _l("Hanya instansi saya"))],
    )
    urut = forms.ChoiceField(
        label=_l("Urutan"),
        required=False,
        choices=[("urgensi", _l("Tenggat terdekat")), ("terbaru", _l("Terbaru masuk"))],
    )
    q = forms.CharField(label=_l("Cari judul atau nomor"), required=False, max_length=100)

    def __init__(self, *args: Any, actor: Actor, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices: list[tuple[Any, str]] = [("", _("Semua"))]
        for pk, full_name, level in sel.filter_categories():
            choices.append((pk, full_name if level == 1 else "— " + full_name.split(" › ")[-1]))
        self.fields["kategori"].choices = choices
        self.actor = actor
        self.region_name = ""

    def filters(self) -> sel.InboxFilters:
        d = self.cleaned_data if self.is_valid() else {}
        status = d.get("status") or ""
        tab = d.get("tab") or ""
        if tab not in (*sel.TABS, "semua"):
            tab = "perlu_tindakan"
        region = (d.get("wilayah") or "").strip()
        if region and not region[0].isdigit():
            found = sel.region_options(region)
            region = found[0].code if found else "-"
        default_sort = "terbaru" if tab == "selesai" else "urgensi"
        milik = d.get("milik") or ("langsung" if sel.default_direct(self.actor) else "semua")
        return sel.InboxFilters(
            tab=tab,
            status=status if status in dict(Report._meta.get_field("status").choices) else "",
            colour=d.get("warna") or "",
            classification=d.get("klasifikasi") or "",
            category_id=d.get("kategori"),
            region=region,
            channel=d.get("kanal") or "",
            direct=milik == "langsung",
            sort=d.get("urut") or default_sort,
            q=(d.get("q") or "").strip(),
        )


class BulkForm(AgencyPickerMixin, ConsoleForm):
    reports = forms.MultipleChoiceField(required=False)
    action = forms.ChoiceField(
        label=_l("Tindakan untuk laporan terpilih"),
        choices=[
            ("", "—"),
            ("verify", _l("Verifikasi")),
            ("verify_dispose", _l("Verifikasi lalu disposisikan")),
            ("dispose", _l("Disposisikan")),
        ],
    )
    classification = forms.ChoiceField(
        label=_l("Klasifikasi (opsional)"), required=False, choices=[("", _l("Tidak diubah")), *CLASSIFICATIONS]
    )
    agency = forms.CharField(required=False)
    agency_q = _q(_l("Instansi tujuan"), _l("Wajib untuk disposisi."))

    def __init__(self, *args: Any, actor: Actor, **kwargs: Any) -> None:
        self.actor = actor
        super().__init__(*args, **kwargs)
        if self.data:
            self.fields["reports"].choices = [(t, t) for t in self.data.getlist("reports")][:200]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("action") not in BULK_ACTIONS:
            self.add_error("action", _("Pilih tindakan."))
        if not data.get("reports"):
            self.add_error(None, _("Pilih minimal satu laporan (centang barisnya)."))
        needs_agency = data.get("action") in ("dispose", "verify_dispose")
        data["agency_obj"] = (
            self.pick_agency("agency", actor=self.actor, purpose="dispose", report=None, required=True)
            if needs_agency
            else None
        )
        return data


# --- walk-in ----------------------------------------------------------------------------------------------


class WalkinForm(ConsoleForm):
    agency = forms.ChoiceField(label=_l("Dicatat untuk instansi"), required=False)
    reporter_name = forms.CharField(label=_l("Nama pelapor"), required=False, max_length=150)
    reporter_phone = forms.CharField(
        label=_l("Nomor telepon"), required=False, max_length=20, widget=forms.TextInput(attrs={"inputmode": "tel"})
    )
    reporter_email = forms.CharField(
        label=_l("E-mail"), required=False, max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "off"})
    )
    is_anonymous = forms.BooleanField(label=_l("Pelapor meminta anonim"), required=False)
    is_secret = forms.BooleanField(label=_l("Pelapor meminta laporan rahasia"), required=False)
    title = forms.CharField(label=_l("Judul (opsional)"), required=False, max_length=200)
    body = forms.CharField(label=_l("Isi laporan"), widget=forms.Textarea(attrs={"rows": 8}))
    classification = forms.ChoiceField(
        label=_l("Klasifikasi"), choices=CLASSIFICATIONS, initial=Classification.PENGADUAN
    )
    category = forms.CharField(required=False)
    category_q = _q(_l("Kategori (opsional)"), _l("Ketik sebagian nama kategori, misalnya: jalan rusak."))
    region = forms.CharField(required=False)
    region_q = _q(_l("Lokasi (kelurahan/desa, kecamatan atau kota)"), _l("Nama wilayah atau kode Kemendagri."))
    address = forms.CharField(label=_l("Alamat (opsional)"), required=False, max_length=300)
    attachments = AttachmentsField(
        label=_l("Pindaian surat atau foto (opsional)"), help_text=_l("Foto atau PDF, maks. 10 MB per berkas.")
    )

    SERVICE_FIELDS = {
        "body": "body",
        "title": "title",
        "classification": "classification",
        "email": "reporter_email",
        "phone": "reporter_phone",
        "reporter": "reporter_name",
        "category": "category_q",
        "region": "region_q",
        "agency": "agency",
        "attachment": "attachments",
    }

    def __init__(self, *args: Any, agencies: list[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agencies = {str(a.pk): a for a in agencies}
        self.fields["agency"].choices = [(str(a.pk), a.name) for a in agencies]
        if len(agencies) == 1:
            self.fields["agency"].widget = forms.HiddenInput()
            self.fields["agency"].initial = str(agencies[0].pk)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("agency") and len(self.agencies) == 1:
            data["agency"] = next(iter(self.agencies))
        elif not data.get("agency"):
            self.add_error("agency", _("Pilih instansi penerima."))
        data["category_obj"] = pick_category(self)
        data["region_obj"] = pick_region(self)
        return data

    def service_kwargs(self) -> dict[str, Any]:
        d = self.cleaned_data
        return {
            "agency": self.agencies[d["agency"]],
            "uploads": d.get("attachments") or [],
            "title": d.get("title", ""),
            "body": d["body"],
            "classification": d["classification"],
            "category_id": d["category_obj"].pk if d.get("category_obj") else None,
            "region_code": d["region_obj"].code if d.get("region_obj") else None,
            "address": d.get("address", ""),
            "is_anonymous": d.get("is_anonymous", False),
            "is_secret": d.get("is_secret", False),
            "reporter_name": d.get("reporter_name", ""),
            "reporter_phone": d.get("reporter_phone", ""),
            "reporter_email": d.get("reporter_email", ""),
        }


# --- agency admin -----------------------------------------------------------------------------------------


class UnitForm(ConsoleForm):
    name = forms.CharField(label=_l("Nama unit"), max_length=200)
    code = forms.CharField(
        label=_l("Kode"), max_length=63, help_text=_l("Huruf kecil, angka, tanda hubung; tetap selamanya.")
    )
    kind = forms.ChoiceField(label=_l("Jenis"), choices=[c for c in AgencyKind.choices if c[0] in UNIT_KINDS])
    region = forms.CharField(required=False)
    region_q = _q(_l("Wilayah (opsional)"), _l("Menentukan zona waktu; tanpa wilayah mengikuti induknya."))
    sms_keyword = forms.CharField(label=_l("Kata kunci SMS (opsional)"), required=False, max_length=32)
    SERVICE_FIELDS = {"code": "code", "name": "name", "kind": "kind", "sms_keyword": "sms_keyword"}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["region_obj"] = pick_region(self)
        return data


class SmsKeywordForm(ConsoleForm):
    sms_keyword = forms.CharField(
        label=_l("Kata kunci SMS"),
        required=False,
        max_length=32,
        help_text=_l("Warga mengirim SMS ke 1708: KATAKUNCI isi laporan. Kosongkan untuk menghapus."),
    )
    SERVICE_FIELDS = {"sms_keyword": "sms_keyword"}


class ClosureForm(ConsoleForm):
    date = forms.DateField(label=_l("Tanggal"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_l("Alasan"), max_length=200, help_text=_l("Misalnya: libur daerah, bencana."))
    SERVICE_FIELDS = {"date": "date", "reason": "reason"}


class TemplateForm(ConsoleForm):
    title = forms.CharField(label=_l("Judul templat"), max_length=120)
    body = forms.CharField(label=_l("Isi templat"), widget=forms.Textarea(attrs={"rows": 8}))
    active = forms.BooleanField(label=_l("Aktif"), required=False, initial=True)
    SERVICE_FIELDS = {"title": "title", "body": "body"}


class StaffGrantForm(ConsoleForm):
    user = forms.CharField(label=_l("Nama pengguna atau e-mail petugas"), max_length=254)
    role = forms.ChoiceField(label=_l("Peran"))
    SERVICE_FIELDS = {"role": "role", "user": "user"}

    def __init__(self, *args: Any, roles: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [("", _("— pilih peran —")), *((r, Role(r).label) for r in roles)]


class StaffCreateForm(ConsoleForm):
    full_name = forms.CharField(label=_l("Nama lengkap"), max_length=150)
    username = forms.CharField(label=_l("Nama pengguna"), max_length=150)
    email = forms.CharField(label=_l("E-mail (opsional)"), required=False, max_length=254)
    role = forms.ChoiceField(label=_l("Peran"))
    SERVICE_FIELDS = {"username": "username", "full_name": "full_name", "email": "email", "role": "role"}

    def __init__(self, *args: Any, roles: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [("", _("— pilih peran —")), *((r, Role(r).label) for r in roles)]
