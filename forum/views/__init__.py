"""Blueprints, one per feature; views parse input, call a service, render or redirect."""
