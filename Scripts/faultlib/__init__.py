"""Switchboard's fault harness (run it with Scripts/faults)."""
