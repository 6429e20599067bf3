"""``translit serve``: the editors' review page and a JSON service, on this machine.

- :mod:`translit.serve.app`: the Starlette application (routes, limits, errors);
- :mod:`translit.serve.jobs`: what each route computes, in worker processes;
- :mod:`translit.serve.workers`: the worker processes and the time limit;
- :mod:`translit.serve.review`: the side-by-side view's data, and the same view as one HTML file;
- ``static/``: the page (plain HTML, CSS and JavaScript; nothing loaded from elsewhere).

Only :mod:`translit.serve.app` needs the ``serve`` extra (Starlette, uvicorn);
the HTML report works without it.
"""
