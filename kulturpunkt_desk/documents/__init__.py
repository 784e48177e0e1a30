"""Documents the desk makes: agreements, status summaries, the evaluation report, dossiers.

Plain functions the UI and the command line call. Reportlab and openpyxl are imported
inside the functions, so opening the window never pays for them.
"""
