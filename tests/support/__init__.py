"""Helpers shared by the integration and browser tests (no test code here)."""
