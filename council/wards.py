"""The council's electoral wards: configuration, in its own module to keep `council.models` short
(it is one of `council.models`' models: imported there, in the council app)."""

from django.db import models


class Ward(models.Model):
    """An electoral ward: a decision records the wards it affects (EXEC-4's "two or more wards").

    Configuration: a boundary review renames or replaces wards in the admin; records keep theirs.
    """

    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def in_use(self):
        """Whether any record names this ward (through any app's many-to-many field to it)."""
        relations = [r for r in self._meta.get_fields(include_hidden=True) if r.many_to_many and r.auto_created]
        return any(r.through.objects.filter(**{r.field.m2m_reverse_field_name(): self}).exists() for r in relations)
