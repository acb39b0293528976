"""Shared model bases."""

from django.db import models

from lapor.core import clock


class BaseModel(models.Model):
    """Every row knows when it was created and last changed (from :mod:`lapor.core.clock`)."""

    created_at = models.DateTimeField(default=clock.now, db_index=False, editable=False)
    updated_at = models.DateTimeField(default=clock.now, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.updated_at = clock.now()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "updated_at" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "updated_at"]
        super().save(*args, **kwargs)
