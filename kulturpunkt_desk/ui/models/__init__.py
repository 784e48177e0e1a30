"""Table models: the presentation of rows for the views."""
