"""User accounts: staff of every role, and citizens who choose to have an account."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who logs in. Staff roles come from :class:`lapor.agencies.models.Membership`.

    Citizens need no account: a report is followed with its tracking ID and private link. A citizen
    who creates one is matched to their reports by verified phone or e-mail.
    """

    phone = models.CharField(_("nomor telepon"), max_length=20, blank=True, db_index=True)

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    def __str__(self) -> str:
        return self.get_full_name() or self.username
