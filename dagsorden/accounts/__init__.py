"""Logins: passwords with throttling, single sign-on (OpenID Connect), sessions that end,
and who logged in when (the audit log)."""
