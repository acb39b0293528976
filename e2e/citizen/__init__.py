"""Browser tests of the citizen portal (a package, so its conftest never shadows the root ``conftest``)."""
