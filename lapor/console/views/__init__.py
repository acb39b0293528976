"""Console views, one module per area: auth, inbox, report, lookup (pickers), walkin, agency (agency admin)."""
