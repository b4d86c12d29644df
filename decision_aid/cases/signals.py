"""Signals storage sends to the apps above it, which it does not import."""

from django.dispatch import Signal

# Sent by ``manage.py purge_expired`` after the expired cases are gone: a receiver deletes what
# its app keeps past the retention of cases and returns a line for the command's report.
retention_due = Signal()
