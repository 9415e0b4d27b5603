"""Account pages: sign-in (with an optional second step), two-factor set-up and passwords.

The account page and invitation links list partnerships, so they live in `partnership.views`
(accounts imports no higher app); csphub/urls.py serves them under the `accounts:` names.
"""
