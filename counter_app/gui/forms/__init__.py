"""Designer forms compiled by pyside6-uic from ui/*.ui; rebuild with
``python -m counter_app.gui.forms.build``. The ui_*.py modules are generated: do not edit."""
