"""The demo (top floor): the seed plan loaded as the Tonbridge and Malling partnership.

It imports the other apps' services and models; no other app imports it (ADR 0010).
"""
