"""Translation: shielding, re-rendering Latin-typed Kazakh and the three versions of a post (the
engines are in translit.mt, the memory in translit.tm).

The steps and the order of their imports: docs/development.md, "Code layout".
"""
