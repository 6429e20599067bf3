"""The review view of a post: its versions side by side, paragraph by paragraph, with the findings in place.

:func:`review_data` is what the page's script (``static/review.js``) draws,
both on the page ``translit serve`` shows and in the self-contained HTML
report of ``translit check --output-format html`` (:func:`html_report`), so
the two look and behave the same. Offsets count characters (code points), as
:class:`~translit.checks.check.Finding` does.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any

REVIEW_SCHEMA = "translit.review/1"


def review_data(entry: Mapping[str, Any], post: Any) -> dict[str, Any]:
    """What the review script draws for one checked post.

    ``entry`` is the post's entry of a findings report (``name``, ``files``,
    ``findings``, ``suppressed``; see :func:`translit.commands.check.json_document`);
    ``post`` the :class:`~translit.checks.base.Post` of its versions
    (:func:`translit.checks.check.post_of`), best the one the findings came from, whose
    alignment the checks have already made. Rows are those of
    :func:`translit.align_blocks`; each finding says which block of its version
    it belongs to (``block``, None for a version without blocks).
    """
    from ..checks.align import rows

    versions = {version.lang: version for version in post.versions}
    findings = [{**f.to_dict(), "block": _block_of(versions[f.version], f.start, f.end)} for f in entry.get("findings", ())]
    return {
        "schema": REVIEW_SCHEMA,
        "name": entry.get("name", "post"),
        "langs": list(versions),
        "versions": {
            lang: {
                "path": entry.get("files", {}).get(lang),
                "text": version.text,
                "blocks": [[block.start, block.end, block.kind] for block in version.blocks],
            }
            for lang, version in versions.items()
        },
        "rows": [
            {"blocks": {lang: list(indices) for lang, indices in row.blocks.items()}, "confidence": round(row.confidence, 3)}
            for row in rows(post)
        ],
        "findings": findings,
        "suppressed": len(entry.get("suppressed", ())),
        "error": entry.get("error"),
    }


def _block_of(version: Any, start: int, end: int) -> int | None:
    """The block a finding is drawn in: the one holding it, else the one it ends (an insertion point), else the next."""
    blocks = version.blocks
    if not blocks:
        return None
    for index, block in enumerate(blocks):
        if block.start <= start < block.end or block.start <= start == end <= block.end:
            return index
    following = [index for index, block in enumerate(blocks) if block.start >= start]
    return following[0] if following else len(blocks) - 1


def asset(name: str) -> str:
    """The text of one of the page's files (``index.html``, ``review.css``, ``review.js``, ``page.js``)."""
    return (resources.files(__package__) / "static" / name).read_text(encoding="utf-8")


def _script_json(data: Any) -> str:
    """JSON that can sit inside a <script> element: no "</" or "<!--" can end or open anything there."""
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def html_report(reviews: Sequence[Mapping[str, Any]], *, rules: Mapping[str, str] | None = None, title: str = "translit check") -> str:
    """One self-contained HTML file showing ``reviews`` (each from :func:`review_data`) as the page does.

    The page's own stylesheet and script are inlined, so the file opens
    anywhere without a server or the network; where scripts do not run (a
    mail reader), a plain table of the findings is shown instead.
    """
    data = {"posts": list(reviews), "rules": dict(rules or {})}
    fallback = "".join(_fallback_table(review) for review in reviews)
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n<link rel="icon" href="data:,">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>\n{asset('review.css')}</style>\n</head>\n"
        '<body class="report">\n'
        f"<header class=\"bar\"><h1>{html.escape(title)}</h1></header>\n"
        '<main id="review" aria-live="polite"></main>\n'
        f"<noscript>{fallback}</noscript>\n"
        f'<script type="application/json" id="review-data">{_script_json(data)}</script>\n'
        f"<script>\n{asset('review.js')}</script>\n"
        "<script>TranslitReview.mountReport(document.getElementById('review'), "
        "JSON.parse(document.getElementById('review-data').textContent));</script>\n"
        "</body>\n</html>\n"
    )


def _fallback_table(review: Mapping[str, Any]) -> str:
    rows = "".join(
        "<tr>"
        f"<td>{html.escape(f['path'] or f['version'])}:{f['line']}:{f['column']}</td>"
        f"<td class=\"sev-{html.escape(f['severity'])}\">{html.escape(f['severity'])}</td>"
        f"<td>{html.escape(f['message'])}<br><code>{html.escape(f['id'])}</code></td>"
        f"<td>{html.escape(f['fix']) if f['fix'] is not None else ''}</td>"
        "</tr>"
        for f in review["findings"]
    )
    return (
        f"<h2>{html.escape(review['name'])}</h2>"
        "<table class=\"fallback\"><thead><tr><th>where</th><th>severity</th><th>finding</th><th>fix</th></tr></thead>"
        f"<tbody>{rows or '<tr><td colspan=4>no findings</td></tr>'}</tbody></table>"
    )
