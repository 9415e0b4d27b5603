"""Pages of the installation-wide crime data (site administrators)."""
