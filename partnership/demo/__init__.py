"""The demo partnership: the seed plan as data (`seed_data`) and its loader (`loader`)."""
