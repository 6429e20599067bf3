"""Reading and structure: a post's blocks and inline markup, and the editor's ignore markers.

The steps and the order of their imports: docs/development.md, "Code layout".
"""
