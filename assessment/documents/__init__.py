"""The Strategic Assessment as a PDF (tagged, PDF/UA-1) and a Word document.

The PDF reuses the publishing app's WeasyPrint settings and the Word file its python-docx helpers
(heading styles, header rows repeated on every page), so both meet the plan documents' bar.
"""
