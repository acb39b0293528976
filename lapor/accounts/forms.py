"""Forms for citizen accounts. Every message is Indonesian first (gettext)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lapor.accounts.services import Contact, contact_parse, password_check
from lapor.core.errors import ValidationFailed


class ContactField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Nomor HP atau e-mail"))
        kwargs.setdefault("max_length", 254)
        kwargs.setdefault("error_messages", {"required": _("Isi nomor HP atau alamat e-mail.")})
        super().__init__(**kwargs)

    def clean(self, value) -> Contact:
        raw = super().clean(value)
        try:
            return contact_parse(raw)
        except ValidationFailed as exc:
            raise forms.ValidationError(exc.message) from exc


class PasswordPairMixin:
    def clean(self):
        data = super().clean()
        one, two = data.get("password1"), data.get("password2")
        if one and two and one != two:
            self.add_error("password2", _("Kedua kata sandi tidak sama."))
        elif one:
            try:
                password_check(one)
            except ValidationFailed as exc:
                self.add_error("password1", exc.message)
        return data


def _password(label):
    return forms.CharField(
        label=label,
        strip=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Isi kata sandi.")},
    )


class SignupForm(PasswordPairMixin, forms.Form):
    contact = ContactField()
    name = forms.CharField(label=_("Nama (boleh kosong)"), required=False, max_length=150)
    password1 = _password(_("Kata sandi (minimal 10 karakter)"))
    password2 = _password(_("Ulangi kata sandi"))


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Kode 6 angka"),
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
        error_messages={"required": _("Isi kode yang kami kirim.")},
    )


class ResetCodeForm(PasswordPairMixin, CodeForm):
    password1 = _password(_("Kata sandi baru (minimal 10 karakter)"))
    password2 = _password(_("Ulangi kata sandi baru"))


class LoginForm(forms.Form):
    contact = ContactField()
    password = forms.CharField(
        label=_("Kata sandi"),
        strip=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Isi kata sandi.")},
    )


class ForgotForm(forms.Form):
    contact = ContactField()
