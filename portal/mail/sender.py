"""Build and send one e-mail over SMTP.

Texts are rendered by the caller in the recipient's language; this module only
transports them. Attachments (e.g. an ``.ics`` calendar file) are passed as bytes with
their content type. Failures raise :class:`MailError` so a caller can decide whether
to retry (the reminder command) or to tell the user.
"""

from __future__ import annotations

import smtplib
from collections.abc import Iterable
from dataclasses import dataclass
from email.header import Header
from email.message import EmailMessage
from email.utils import make_msgid

from flask import current_app


class MailError(RuntimeError):
    """The message could not be handed to the SMTP server."""


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str  # e.g. "text/calendar; method=PUBLISH"
    data: bytes


def build(
    to: str, subject: str, text: str, attachments: Iterable[Attachment] = (), *, sender: str
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    _set_subject(message, subject)
    message["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1])
    message.set_content(text, charset="utf-8")
    for item in attachments:
        maintype, _, rest = item.content_type.partition("/")
        subtype, _, params = rest.partition(";")
        message.add_attachment(item.data, maintype=maintype, subtype=subtype.strip(),
                               filename=item.filename)
        if params.strip():
            part = message.get_payload()[-1]
            for param in params.split(";"):
                key, _, value = param.strip().partition("=")
                if key:
                    part.set_param(key, value)
    return message


def _set_subject(message: EmailMessage, subject: str) -> None:
    """A non-ASCII subject is encoded here (RFC 2047, its spaces inside the encoded words)
    and stored as it will be sent. ``email.policy.default`` would fold it itself and, when
    the fold falls on a space between two encoded words, drop that space for every reader
    (RFC 2047 § 6.2 ignores whitespace between encoded words; CPython gh-144156): the
    Arabic subject "… محادثة العمل الخاصة بك" arrived as "… العملالخاصة بك"."""
    subject = " ".join(subject.split())  # one line, whatever the translation holds
    if subject.isascii():
        message["Subject"] = subject
    else:
        message.set_raw("Subject", Header(subject, "utf-8", header_name="Subject").encode())


def send(to: str, subject: str, text: str, attachments: Iterable[Attachment] = ()) -> str:
    """Send one message; returns its Message-ID."""
    config = current_app.config
    message = build(to, subject, text, attachments, sender=config["MAIL_FROM"])
    try:
        with smtplib.SMTP(config["SMTP_HOST"], int(config["SMTP_PORT"]), timeout=10) as smtp:
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise MailError(str(exc)) from exc
    return str(message["Message-ID"])
