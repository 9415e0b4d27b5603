"""Generic document helpers shared by the apps: HTML → tagged PDF, Word building, Markdown → Word."""
