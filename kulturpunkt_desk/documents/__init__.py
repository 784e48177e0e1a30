"""Documents (reportlab, no Qt): agreements, summaries, reports, dossiers."""
