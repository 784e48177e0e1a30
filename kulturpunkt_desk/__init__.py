"""Kulturpunkt Desk: the desk a regional culture team runs a grant programme from."""

__version__ = "0.1.0"
