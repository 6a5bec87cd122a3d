"""E-mail goes over real SMTP, with UTF-8 text and attachments intact."""

import pytest

from portal.mail.sender import Attachment, MailError, send


def test_message_arrives_with_text_and_calendar_attachment(app, mailbox):
    with app.app_context():
        send(
            "amal@example.invalid",
            "تم حجز موعدك",
            "Din samtale er booket. موعدك محجوز.",
            [Attachment("talk.ics", "text/calendar; method=PUBLISH", b"BEGIN:VCALENDAR\r\n")],
        )
    [message] = mailbox.to("amal@example.invalid")
    assert message["Subject"] == "تم حجز موعدك"
    assert "موعدك محجوز" in message.get_body(("plain",)).get_content()
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "talk.ics"
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_param("method") == "PUBLISH"


@pytest.mark.parametrize("subject", [
    "ألغى jobcenter محادثة العمل الخاصة بك",  # folded between two Arabic words
    "jobcenter گفت‌وگوی شغلی شما را لغو کرده است",
    "تذكير: لديك محادثة عمل مع jobcenter غدًا، وهذا عنوان طويل يُطوى على عدة أسطر بالتأكيد",
    "Your job talk is booked",
])
def test_every_space_of_a_subject_arrives(app, mailbox, subject):
    with app.app_context():
        send("amal@example.invalid", subject, "x")
    [message] = mailbox.to("amal@example.invalid")
    assert message["Subject"] == subject


def test_unreachable_server_raises_mail_error(app):
    with app.app_context():
        port = app.config["SMTP_PORT"]
        app.config["SMTP_PORT"] = 1
        try:
            with pytest.raises(MailError):
                send("x@example.invalid", "s", "t")
        finally:
            app.config["SMTP_PORT"] = port
