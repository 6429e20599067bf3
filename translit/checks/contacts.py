"""Contacts: phone numbers, e-mail addresses and URLs identical in every version.

``contacts.phone-mismatch`` — phones compared as E.164 (+7 (727) 267-28-83 = 8 727 267 28 83), by libphonenumber.
``contacts.phone-invalid`` — a phone number that cannot exist (wrong length or area code).
``contacts.email-mismatch`` — e-mail addresses, case-insensitively.
``contacts.url-mismatch`` — links and bare URLs, ignoring the scheme, ``www.``, a trailing slash and a
language code in the path, query or subdomain (``/en/`` vs ``/ru/`` point to the same page).
"""

from __future__ import annotations

from .base import CheckSpec, Emitter, Post, quote
from .compare import compare_values
from .extract import INVALID, emails, phones, urls

CHECKS = [
    CheckSpec("contacts.phone-mismatch", "error", "A phone number is not the same in every version.", pair=True),
    CheckSpec("contacts.phone-invalid", "warning", "A phone number that cannot exist."),
    CheckSpec("contacts.email-mismatch", "error", "An e-mail address is not the same in every version.", pair=True),
    CheckSpec("contacts.url-mismatch", "warning", "A link or URL is not the same in every version.", pair=True),
]


def run(post: Post, out: Emitter) -> None:
    """Validate phones, then compare phones, e-mails and URLs across versions."""
    if out.enabled("contacts.phone-invalid"):
        for version in post.versions:
            for value in phones(version):
                if value.label.endswith(INVALID):
                    out("contacts.phone-invalid", version, value.start, value.end, f"{quote(version.text[value.start:value.end])} is not a valid phone number.")
    compare_values(post, out, "contacts.phone-mismatch", phones, "phone number")
    compare_values(post, out, "contacts.email-mismatch", emails, "e-mail address")
    compare_values(post, out, "contacts.url-mismatch", urls, "link")
