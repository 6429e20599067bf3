"""Names: institutions, places, people, dates and numbers, found and written in each language.

The steps and the order of their imports: docs/development.md, "Code layout".
"""
