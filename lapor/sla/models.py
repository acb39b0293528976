"""Per-agency closures: extra non-working days (regional holidays, disasters) an admin declares."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from lapor.core.models import BaseModel


class AgencyClosure(BaseModel):
    """A day the agency (and every unit below it) does not work. Deadlines skip it like a holiday."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="closures")
    date = models.DateField(_("tanggal"))
    reason = models.CharField(_("alasan"), max_length=200)

    class Meta:
        verbose_name = _("hari libur instansi")
        verbose_name_plural = _("hari libur instansi")
        constraints = [models.UniqueConstraint(fields=["agency", "date"], name="closure_unique")]

    def __str__(self) -> str:
        return f"{self.agency} {self.date}"
