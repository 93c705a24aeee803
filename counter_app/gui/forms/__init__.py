"""Designer forms compiled by pyside6-uic from ui/*.ui; rebuild with
``python -m tools.build_forms`` in a source checkout. The ui_*.py modules are generated:
do not edit."""
