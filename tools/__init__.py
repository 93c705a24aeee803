"""Development tools run from a source checkout (`python -m tools.NAME`): screenshots,
the Designer forms and translations builders. Not part of the installed package."""
