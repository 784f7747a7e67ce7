"""Secrets (lösenord) behind a small port: the OS keychain through `keyring`, or this session's memory.

A password is never written to a file, a setting or a log. Where no keychain is available (a headless
Linux picks keyring's `fail` backend; a locked keychain raises KeyringLocked) the store says so in a
state the UI can show, and keeps the password in memory for this session only. Backends from
`keyrings.alt` are refused: they keep passwords in a plain file.
"""

from __future__ import annotations

from dataclasses import dataclass

SERVICE = "Bestallningsassistenten"


@dataclass(frozen=True)
class KeychainStatus:
    """Whether the OS keychain can be used; `message` (Swedish) says why not and what happens instead."""

    available: bool
    message: str = ""


def smtp_account(host: str, username: str) -> str:
    """The keychain account name for an SMTP login."""
    return f"smtp:{username}@{host}"


def _reason(exc: Exception) -> str:
    from keyring.errors import KeyringLocked

    if isinstance(exc, KeyringLocked):
        return "Nyckelringen är låst. Lås upp den (t.ex. genom att logga in på nytt) för att spara lösenordet."
    return f"Ingen nyckelring (lösenordshanterare) är tillgänglig ({type(exc).__name__})."


_SESSION_NOTE = " Lösenordet sparas inte: ange det en gång per session; det hålls bara i minnet."


class SecretStore:
    """Passwords in the OS keychain, falling back to memory for this session when the keychain fails."""

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service
        self._session: dict[str, str] = {}
        self._failure: str = ""

    def status(self) -> KeychainStatus:
        """The keychain's state as far as known: an unusable backend, or the last error seen."""
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring):
            return KeychainStatus(False, "Ingen nyckelring (lösenordshanterare) hittades på datorn." + _SESSION_NOTE)
        if type(backend).__module__.startswith("keyrings.alt"):
            return KeychainStatus(
                False, "Nyckelringen sparar lösenord i en vanlig fil och används därför inte." + _SESSION_NOTE
            )
        if self._failure:
            return KeychainStatus(False, self._failure + _SESSION_NOTE)
        return KeychainStatus(True)

    def get(self, account: str) -> str | None:
        """The stored password: this session's first (it is the most recent), else the keychain's."""
        if account in self._session:
            return self._session[account]
        if not self.status().available:
            return None
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(self.service, account)
        except KeyringError as exc:
            self._failure = _reason(exc)
            return None

    def set(self, account: str, password: str) -> bool:
        """Store in the keychain; returns False when it could only be kept in memory for this session."""
        self._session.pop(account, None)
        if self.status().available:
            import keyring
            from keyring.errors import KeyringError

            try:
                keyring.set_password(self.service, account, password)
                self._failure = ""
                return True
            except KeyringError as exc:
                self._failure = _reason(exc)
        self._session[account] = password
        return False

    def remember_for_session(self, account: str, password: str) -> None:
        """Keep a password in memory only (the user chose not to save it)."""
        self._session[account] = password

    def delete(self, account: str) -> None:
        """Forget the password everywhere; a password that was never stored is not an error."""
        self._session.pop(account, None)
        if not self.status().available:
            return
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            keyring.delete_password(self.service, account)
        except PasswordDeleteError:
            pass
        except KeyringError as exc:
            self._failure = _reason(exc)


_DEFAULT: SecretStore | None = None


def default_store() -> SecretStore:
    """The process-wide store, so a session password typed once is remembered until the app quits."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = SecretStore()
    return _DEFAULT
