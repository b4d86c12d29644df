"""Advisor mode: sign-in with a second factor, case list, one-page intake with live advice,
case page (PDF, resume code for the member, notes, export), import and the audit log.

Every view gets its case through the access policy (cases.access) by its action.

One module per concern: signin, caseload, intake, live_call; what every page shares (signed in,
second factor, the case by its action) is advisors.signed_in.
The lead's counts page belongs to the insight app (insight.lead_views).
"""
