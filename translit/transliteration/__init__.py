"""Transliteration: letters, the rule-file schemes and the engine that applies them.

The steps and the order of their imports: docs/development.md, "Code layout".
"""
