"""Account pages: sign-in (with an optional second step), two-factor set-up, passwords, invitations."""
