"""Password rules with Dutch messages (Django's own length message has no Dutch translation)."""

from __future__ import annotations

from django.contrib.auth.password_validation import MinimumLengthValidator


class MinimumLengteValidator(MinimumLengthValidator):
    def __init__(self, min_length: int = 12) -> None:
        super().__init__(min_length=min_length)

    def get_error_message(self) -> str:
        return f"Dit wachtwoord is te kort: gebruik minimaal {self.min_length} tekens."

    def get_help_text(self) -> str:
        return f"Uw wachtwoord moet minimaal {self.min_length} tekens lang zijn."
