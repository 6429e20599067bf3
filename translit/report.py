"""Findings in the formats that editors' tools, CI systems and code-review sites read.

One job: a list of :class:`~translit.checks.base.Finding` in, one string out.
Every command that reports findings (``check``, ``glossary lint``,
``recover``) renders them here, and so can a web service::

    from translit.report import render
    print(render(findings, "sarif", rules={"glossary.discouraged": "A wrong or discouraged name."}))

The format names are ruff's ``--output-format`` names, which sites already know:

- ``concise``: ``FILE:LINE:COL: severity message [id]``, one finding a line
  (editors' quick-fix lists, ``grep``, CI problem matchers);
- ``json-lines``: one finding object a line (the fields of ``Finding.to_dict``);
- ``github``: GitHub Actions workflow commands (``::error file=…,line=…::…``);
- ``gitlab``: GitLab Code Quality JSON;
- ``sarif``: SARIF 2.1.0, with fixes, for GitHub code scanning and SARIF viewers;
- ``junit``: JUnit XML, one test case a finding, for CI test reports;
- ``html``: one self-contained page showing the versions side by side with
  the findings in place, as ``translit serve`` does (it needs the texts: ``posts``).

``full`` (the grouped view for people) and ``json`` (each command's own
versioned document) are made by the commands, since they carry more than
findings. Lines and columns are 1-based and count characters; end positions
point just past the finding (SARIF's and the editors' convention).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote as _url_quote

from .checks.base import Finding

FORMATS = ("full", "concise", "json", "json-lines", "github", "gitlab", "sarif", "junit")
REVIEW_FORMATS = (*FORMATS, "html")
"""``html`` needs the versions' texts, which only ``check`` (and ``post --html-report``) have."""
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
_GITLAB_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def where(finding: Finding) -> str:
    """The file a finding is in, or ``<lang>`` for a version that came without one."""
    return finding.path or f"<{finding.version}>"


def render(
    findings: Sequence[Finding],
    fmt: str,
    *,
    rules: Mapping[str, str] | None = None,
    files: Sequence[str] = (),
    tool_version: str | None = None,
    posts: Sequence[Mapping[str, Any]] = (),
) -> str:
    """``findings`` in format ``fmt`` (one of :data:`REVIEW_FORMATS` but ``full`` and ``json``).

    ``rules`` maps check ids to one line of description (SARIF rules, JUnit
    messages); ``files`` names every file checked, so that ``junit`` lists the
    clean ones as passed tests; ``tool_version`` defaults to translit's.
    ``html`` draws each post of ``posts`` (``name``, ``files``: language ->
    file, ``texts``: language -> text) with the findings in its files.
    Findings with ``suppressed`` set appear only in ``sarif`` (as suppressed
    results, which viewers hide) and are left out of every other format.
    """
    renderers = {"concise": concise, "json-lines": json_lines, "github": github, "gitlab": gitlab}
    shown = [finding for finding in findings if finding.suppressed is None]
    if fmt in renderers:
        return renderers[fmt](shown)
    if fmt == "sarif":
        return sarif(findings, rules=rules or {}, tool_version=tool_version)
    if fmt == "junit":
        return junit(shown, rules=rules or {}, files=files)
    if fmt == "html":
        return html(findings, posts, rules=rules or {})
    raise ValueError(f"unknown output format {fmt!r}; expected one of {', '.join(REVIEW_FORMATS)}")


def concise(findings: Sequence[Finding]) -> str:
    """``FILE:LINE:COL: severity message [id]``, one finding a line."""
    return "".join(f"{where(f)}:{f.line}:{f.column}: {f.severity} {_one_line(f.message)} [{f.id}]\n" for f in findings)


def json_lines(findings: Sequence[Finding]) -> str:
    """One JSON object a finding, a line each."""
    return "".join(json.dumps(f.to_dict(), ensure_ascii=False) + "\n" for f in findings)


def _github_escape(value: str, *, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def github(findings: Sequence[Finding]) -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on its file and lines."""
    out = []
    for f in findings:
        properties = ",".join(
            f"{key}={_github_escape(str(value), property_value=True)}"
            for key, value in (
                ("file", where(f)),
                ("line", f.line),
                ("col", f.column),
                ("endLine", f.end_line or f.line),
                ("endColumn", f.end_column or f.column),
                ("title", f"translit {f.id}"),
            )
        )
        out.append(f"::{_GITHUB_LEVEL[f.severity]} {properties}::{_github_escape(f.message)}\n")
    return "".join(out)


def gitlab(findings: Sequence[Finding]) -> str:
    """GitLab Code Quality report (a JSON array of issues), for merge-request widgets."""
    seen: dict[str, int] = {}
    issues = []
    for f in findings:
        # unique per issue, as GitLab requires, and stable across runs: the n-th such finding in its file
        base = f"{where(f)}\0{f.id}\0{f.fingerprint or f.text}"
        seen[base] = seen.get(base, 0) + 1
        issues.append(
            {
                "description": _one_line(f.message),
                "check_name": f.id,
                "fingerprint": hashlib.sha256(f"{base}\0{seen[base]}".encode()).hexdigest(),
                "severity": _GITLAB_SEVERITY[f.severity],
                "location": {
                    "path": where(f),
                    "positions": {
                        "begin": {"line": f.line, "column": f.column},
                        "end": {"line": f.end_line or f.line, "column": f.end_column or f.column},
                    },
                },
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def _uri(path: str) -> str:
    return _url_quote(path.replace("\\", "/"), safe="/")


def _region(f: Finding) -> dict[str, int]:
    return {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line or f.line,
        "endColumn": f.end_column or f.column,
    }


def sarif(findings: Sequence[Finding], *, rules: Mapping[str, str], tool_version: str | None = None) -> str:
    """A SARIF 2.1.0 log with one run: every check reported as a rule, fixes as SARIF fixes.

    Columns count Unicode code points (``columnKind``), as translit does.
    Suppressed findings are kept, with ``suppressions`` saying how (inline
    marker: ``inSource``; baseline: ``external``), so viewers can show them.
    """
    ids = sorted({f.id for f in findings} | set(rules))
    index = {check_id: position for position, check_id in enumerate(ids)}
    results = []
    for f in findings:
        result: dict[str, Any] = {
            "ruleId": f.id,
            "ruleIndex": index[f.id],
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [
                {"physicalLocation": {"artifactLocation": {"uri": _uri(where(f))}, "region": {**_region(f), "snippet": {"text": f.text}}}}
            ],
        }
        if f.fingerprint:
            result["partialFingerprints"] = {"translitFingerprint/v1": f.fingerprint}
        if f.fix is not None:
            result["fixes"] = [
                {
                    "description": {"text": f"Replace with “{f.fix}”" if f.fix else "Remove it"},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": _uri(where(f))},
                            "replacements": [{"deletedRegion": _region(f), "insertedContent": {"text": f.fix}}],
                        }
                    ],
                }
            ]
        if f.suppressed is not None:
            result["suppressions"] = [{"kind": "inSource" if f.suppressed == "inline" else "external"}]
        results.append(result)
    driver = {
        "name": "translit",
        "version": tool_version or _version(),
        "rules": [
            {"id": check_id, "shortDescription": {"text": rules.get(check_id, check_id)}} for check_id in ids
        ],
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [{"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def junit(findings: Sequence[Finding], *, rules: Mapping[str, str], files: Sequence[str] = ()) -> str:
    """JUnit XML: a test suite per file, a failed test case per finding, a passed one for a clean file."""
    from xml.etree import ElementTree  # here: the other formats need no XML

    by_file: dict[str, list[Finding]] = {name: [] for name in files}
    for f in findings:
        by_file.setdefault(where(f), []).append(f)
    root = ElementTree.Element("testsuites", name="translit")
    total = 0
    for name, found in by_file.items():
        suite = ElementTree.SubElement(root, "testsuite", name=name, tests=str(len(found) or 1), failures=str(len(found)))
        total += len(found) or 1
        if not found:
            ElementTree.SubElement(suite, "testcase", name="translit", classname=name)
        for f in found:
            case = ElementTree.SubElement(suite, "testcase", name=f"{f.id} at {f.line}:{f.column}", classname=name)
            failure = ElementTree.SubElement(case, "failure", message=_one_line(f.message), type=f.severity)
            failure.text = f"{where(f)}:{f.line}:{f.column}: {f.severity} {f.message} [{f.id}]" + (
                f"\n{rules[f.id]}" if f.id in rules else ""
            )
    root.set("tests", str(total))
    root.set("failures", str(len(findings)))
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def html(findings: Sequence[Finding], posts: Sequence[Mapping[str, Any]], *, rules: Mapping[str, str]) -> str:
    """One self-contained HTML page: each post's versions side by side, its findings highlighted in place."""
    from .checks.check import post_of
    from .config import Config
    from .serve.review import html_report, review_data

    reviews = []
    for post in posts:
        files = set(post["files"].values())
        mine = [f for f in findings if where(f) in files]
        entry = {
            "name": post["name"],
            "files": post["files"],
            "findings": [f for f in mine if f.suppressed is None],
            "suppressed": [f for f in mine if f.suppressed is not None],
            "error": post.get("error"),
        }
        texts = post.get("texts", {})
        reviews.append(review_data(entry, post_of(texts, config=Config(), paths={lang: post["files"][lang] for lang in texts})))
    return html_report(reviews, rules=rules)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("translit")
    except PackageNotFoundError:
        return "0"


def check_format(fmt: str, choices: Sequence[str] = FORMATS) -> str:
    """``fmt`` if it is one of ``choices``; otherwise a usage error naming them."""
    from .errors import TranslitError

    if fmt not in choices:
        raise TranslitError(f"--output-format: expected one of {', '.join(choices)}, not {fmt!r}")
    return fmt


__all__ = ["FORMATS", "REVIEW_FORMATS", "check_format", "concise", "github", "gitlab", "html", "json_lines", "junit", "render", "sarif", "where"]
