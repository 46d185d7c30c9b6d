"""The Data Protection Officer's reports: dashboard, disclosure register, trace a person, document history.

Read-only by construction: every view is GET-only and behind Need.AUDIT; the only writes are the audit
events that record exports and traces (services.py)."""
