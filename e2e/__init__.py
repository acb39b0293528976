"""Browser tests (a package, so the conftests here never shadow the root ``conftest``)."""
