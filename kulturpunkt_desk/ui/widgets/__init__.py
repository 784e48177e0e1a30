"""Reusable widgets: Danish date and money fields, forms that show errors by their field."""
