"""The checker sees the redacted PDF as pictures of its pages: the stored, verified bytes, drawn."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from django.urls import reverse
from PIL import Image

from disclosure.models import DocumentVersion
from redaction.render.preview import NoSuchPage, page_count, page_png
from tests.conftest import World, submit_for_check
from tests.redaction.builders import make_pdf


def test_a_page_is_drawn_as_a_png_of_the_asked_width():
    data = make_pdf([["First page."], ["Second page."]])
    assert page_count(data) == 2
    picture = Image.open(io.BytesIO(page_png(data, 2, width=400)))
    assert picture.format == "PNG" and picture.width == 400
    with pytest.raises(NoSuchPage):
        page_png(data, 3)


def test_the_check_page_shows_every_page_of_the_redacted_pdf_with_its_boxes(
    client, world: World, upload: Callable[..., DocumentVersion]
) -> None:
    version = upload()
    submit_for_check(world.author, version)
    client.force_login(world.checker)
    page = client.get(reverse("check_review", args=[version.pk])).content.decode()
    assert "The redacted PDF, page by page (1 page)" in page
    assert 'alt="Page 1 of the redacted PDF as it will be sent"' in page
    response = client.get(reverse("output_page", args=[version.pk, 1]))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "no-store"
    picture = Image.open(io.BytesIO(response.content)).convert("RGB")
    blacks = sum(1 for pixel in picture.getdata() if pixel == (0, 0, 0))
    assert blacks > 500, "the redaction boxes are drawn on the page"
    assert client.get(reverse("output_page", args=[version.pk, 2])).status_code == 404


def test_a_stored_pdf_changed_on_disk_is_not_shown(
    client, world: World, upload: Callable[..., DocumentVersion]
) -> None:
    version = upload()
    submit_for_check(world.author, version)
    output = version.outputs.get(format="pdf")
    type(output).objects.filter(pk=output.pk).update(sha256="0" * 64)  # no longer what was submitted
    client.force_login(world.checker)
    assert client.get(reverse("output_page", args=[version.pk, 1])).status_code == 404
    assert "page by page" not in client.get(reverse("check_review", args=[version.pk])).content.decode()
