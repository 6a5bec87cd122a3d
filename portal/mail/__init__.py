"""E-mail to citizens and staff over real SMTP (``SMTP_HOST``/``SMTP_PORT``)."""
