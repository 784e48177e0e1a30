"""Build hook: put `resources/` (fonts, templates, icons) inside the package when it is built.

Everything else about the package is declared in pyproject.toml. The resources live beside
the package in the checkout (PyInstaller and the tests find them there); a wheel or a
non-editable `pip install .` would otherwise install a desk without its fonts and agreement
template. `kulturpunkt_desk/resources.py` looks in `kulturpunkt_desk/_resources` first.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads resources/ in the checkout
        target = Path(self.build_lib) / "kulturpunkt_desk" / "_resources"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(HERE / "resources", target)


setup(cmdclass={"build_py": BuildWithResources})
