"""Installation-wide reference data shipped with CSP Hub (see README.md in this folder)."""
