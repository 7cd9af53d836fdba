"""Notifications that arrive: a transactional outbox, signed webhooks, e-mail, retries, dead letters."""
