"""Imported by the template process that worker processes are forked from: loads what every request needs.

Workers then start with the glossaries, the language profiles, the Kazakh
lexicon and the morphology already in memory (see :mod:`translit.serve.workers`).
"""

from .jobs import warm_up

warm_up()
