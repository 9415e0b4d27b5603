"""The Strategic Assessment as a PDF (tagged, PDF/UA-1) and a Word document.

Both use the generic document helpers of core.documents (WeasyPrint settings, python-docx heading
styles, header rows repeated on every page), so they meet the plan documents' bar.
"""
