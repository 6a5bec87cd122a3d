"""The citizen's own records: the decisions about them and who has looked at their data
(GDPR art. 15: the right of access includes the recipients of the data)."""
