"""Dialogs: the forms that create and edit records."""
