"""Staff pages of the message traffic: the log (per resident, provider, day), one message,
the worklist of answers due, and the budget. All read through `berichten.overzichten`."""
