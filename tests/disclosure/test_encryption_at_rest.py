"""A copied media folder reveals nothing: stored documents are encrypted with a key from the environment."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.test import Client
from django.urls import reverse

from disclosure.models import DocumentVersion
from disclosure.storage import StoredFileUnreadable
from tests.conftest import LETTER, World


def test_stored_upload_is_not_plaintext_on_disk(upload: Callable[..., DocumentVersion], settings) -> None:
    version = upload()
    raw = (Path(settings.MEDIA_ROOT) / version.original.name).read_bytes()
    assert b"Hollins" not in raw and b"Dear" not in raw
    with version.original.open("rb") as handle:
        assert handle.read() == LETTER.encode()


def test_download_decrypts_for_permitted_users(client: Client, world: World, upload) -> None:
    version = upload()
    client.force_login(world.author)
    response = client.get(reverse("download_original", args=[version.pk]))
    assert b"".join(response.streaming_content) == LETTER.encode()


def test_configured_keys_are_used_and_rotation_keeps_old_files_readable(
    upload: Callable[..., DocumentVersion], monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    monkeypatch.setenv("CLEARANCE_STORAGE_KEYS", old)
    version = upload()
    monkeypatch.setenv("CLEARANCE_STORAGE_KEYS", new)
    with pytest.raises(StoredFileUnreadable):
        version.original.storage.open(version.original.name)
    monkeypatch.setenv("CLEARANCE_STORAGE_KEYS", f"{new},{old}")
    with version.original.storage.open(version.original.name) as handle:
        assert handle.read() == LETTER.encode()


def test_tampered_file_gives_a_clear_message_not_a_500(client: Client, world: World, upload, settings) -> None:
    version = upload()
    path = Path(settings.MEDIA_ROOT) / version.original.name
    path.write_bytes(path.read_bytes()[:-5] + b"xxxxx")
    client.force_login(world.author)
    response = client.get(reverse("download_original", args=[version.pk]), follow=True)
    assert response.status_code == 200
    assert b"cannot be read" in response.content
    assert not version.audit_events.filter(action="download.original").exists()
