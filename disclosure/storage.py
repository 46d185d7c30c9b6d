"""Documents encrypted at rest: a copied media folder reveals nothing without the key.

Files are encrypted with Fernet (AES-128-CBC with an HMAC) before they touch the disk and decrypted
when opened. CLEARANCE_STORAGE_KEYS holds one or more comma-separated Fernet keys: the first encrypts,
all decrypt, so a key can be rotated. Without it (local use) a key is generated once into var/.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.files.base import ContentFile, File
from django.core.files.storage import FileSystemStorage


class StoredFileUnreadable(OSError):
    """The stored bytes do not decrypt: the file was altered on disk or the key is wrong."""


def storage_keys() -> list[str]:
    given = os.environ.get("CLEARANCE_STORAGE_KEYS", "")
    keys = [key.strip() for key in given.split(",") if key.strip()]
    if keys:
        return keys
    key_file = Path(settings.VAR_DIR) / "storage_key"
    if not key_file.exists():
        key_file.write_bytes(Fernet.generate_key())
        key_file.chmod(0o600)
    return [key_file.read_text().strip()]


class EncryptedFileSystemStorage(FileSystemStorage):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._cipher: MultiFernet | None = None
        self._keys: tuple[str, ...] = ()

    @property
    def cipher(self) -> MultiFernet:
        keys = tuple(storage_keys())  # read each time, so a rotated key takes effect without a restart
        if self._cipher is None or keys != self._keys:
            self._cipher, self._keys = MultiFernet([Fernet(key.encode()) for key in keys]), keys
        return self._cipher

    def _save(self, name: str, content: File) -> str:
        content.seek(0)
        plaintext = content.read()
        if isinstance(plaintext, str):
            plaintext = plaintext.encode()
        return super()._save(name, ContentFile(self.cipher.encrypt(plaintext)))  # type: ignore[misc]

    def _open(self, name: str, mode: str = "rb") -> File:
        if "w" in mode or "a" in mode or "+" in mode:
            raise ValueError("Encrypted documents are written only through save().")
        with super()._open(name, "rb") as handle:  # type: ignore[misc]
            token = handle.read()
        try:
            plaintext = self.cipher.decrypt(token)
        except InvalidToken as error:
            raise StoredFileUnreadable(
                f"Stored file {name} cannot be decrypted: it was changed or the key is wrong"
            ) from error
        return ContentFile(plaintext, name=name)
