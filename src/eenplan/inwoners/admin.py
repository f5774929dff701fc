"""No admin for residents: every write goes through services and every read is logged."""
