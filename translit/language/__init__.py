"""Language: the language and script of every block, sentence and span.

The steps and the order of their imports: docs/development.md, "Code layout".
"""
