"""Log-in and log-out: MitID (OpenID Connect) for citizens, e-mail and password for staff."""
