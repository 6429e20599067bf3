"""Word forms: Kazakh suffixes and Russian inflection, for names and known words.

The steps and the order of their imports: docs/development.md, "Code layout".
"""
