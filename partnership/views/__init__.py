"""Partnership pages: members, organisations, glossary, settings, people, the audit log,
invitations and the signed-in person's home and account pages."""
