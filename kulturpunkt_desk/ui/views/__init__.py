"""The desk's views, one module each. `main_window.VIEWS` lists them in menu order."""
