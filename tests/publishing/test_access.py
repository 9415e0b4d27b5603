"""The publishing doors and the private photo files: 404 alike for missing and forbidden, audited only
when the record exists, files only through their door, never under /media/."""

import ast
import importlib
import io
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import clear_url_caches, reverse
from PIL import Image

from core.access import NotFound, Purpose
from core.actors import system_user
from core.errors import ServiceError
from core.models import AuditEvent, AuditEventType
from planning.models import PlanYear
from publishing import access, services
from publishing.models import ProjectPhoto, ProjectReview
from tests.factories import PlanYearFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def _png(name: str = "Our Mural (final).png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 30, 30)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.PRIVATE_MEDIA_ROOT


def _review(world, plan_year: PlanYear | None = None, actor=None) -> ProjectReview:  # type: ignore[no-untyped-def]
    return services.project_review_save(
        plan_year=plan_year or world.plan_year, actor=actor or world.coordinator, title="Youth diversion"
    )


def _photo(world, review: ProjectReview, actor=None) -> ProjectPhoto:  # type: ignore[no-untyped-def]
    return services.photo_add(
        review=review, actor=actor or world.coordinator, image=_png(), alt_text="A mural"
    )


def _photo_url(world, photo: ProjectPhoto) -> str:  # type: ignore[no-untyped-def]
    review = photo.review
    return reverse(
        "publishing:photo_file",
        kwargs={
            "partnership": review.partnership.slug,
            "year": review.plan_year.slug,
            "review": review.pk,
            "photo": photo.pk,
        },
    )


def _denied(object_type: str) -> int:
    return AuditEvent.objects.filter(event_type=AuditEventType.ACCESS_DENIED, object_type=object_type).count()


def test_photo_is_stored_privately_under_a_random_name(world, private_root):
    photo = _photo(world, _review(world))
    name = photo.image.name
    assert name.startswith("publishing/photos/") and name.endswith(".png")
    assert "mural" not in name.lower() and len(Path(name).stem) == 32
    assert (private_root / name).is_file()
    assert not default_storage.exists(name)  # nothing under MEDIA_ROOT
    with pytest.raises(ValueError, match="no URL"):
        photo.image.url  # noqa: B018 - the property itself must refuse


def test_photo_format_is_read_from_the_content(world, private_root):
    review = _review(world)
    fake = SimpleUploadedFile("evil.png", b"<script>alert(1)</script>", content_type="image/png")
    with pytest.raises(ServiceError, match="JPEG or PNG"):
        services.photo_add(review=review, actor=world.coordinator, image=fake, alt_text="x")
    jpeg = io.BytesIO()
    Image.new("RGB", (4, 3)).save(jpeg, format="JPEG")
    disguised = SimpleUploadedFile("photo.png", jpeg.getvalue(), content_type="image/png")
    photo = services.photo_add(review=review, actor=world.coordinator, image=disguised, alt_text="x")
    assert photo.image.name.endswith(".jpg")


def test_photo_file_is_served_to_members_only(client, world, private_root):
    photo = _photo(world, _review(world))
    url = _photo_url(world, photo)
    assert client.get(url).status_code == 302  # sign in first
    for person in (world.member, world.lead_officer, world.coordinator):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == (private_root / photo.image.name).read_bytes()
        assert response["Content-Type"] == "image/png"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Cache-Control"] == "no-store, private"
        assert response["Content-Disposition"] == f'inline; filename="photo-{photo.pk}.png"'
    client.force_login(world.outsider)
    denied = client.get(url)
    missing = client.get(url.replace(f"/photos/{photo.pk}/", f"/photos/{photo.pk + 999}/"))
    assert denied.status_code == missing.status_code == 404
    assert denied.content == missing.content


def test_photo_of_another_partnership_is_404_and_audited_only_when_it_exists(client, world, private_root):
    other_year = PlanYearFactory(partnership=world.other_partnership, slug="2020-21")
    other_review = _review(world, other_year, actor=system_user())
    other_photo = _photo(world, other_review, actor=system_user())
    own_review = _review(world)
    client.force_login(world.coordinator)
    base = _photo_url(world, _photo(world, own_review)).rsplit("/photos/", 1)[0]
    before = _denied("publishing.projectphoto")
    foreign = client.get(f"{base}/photos/{other_photo.pk}/file")
    assert _denied("publishing.projectphoto") == before + 1
    missing = client.get(f"{base}/photos/{other_photo.pk + 999}/file")
    assert _denied("publishing.projectphoto") == before + 1
    assert foreign.status_code == missing.status_code == 404 and foreign.content == missing.content


def test_a_review_of_another_partnership_is_404_on_every_door(client, world):
    other_year = PlanYearFactory(partnership=world.other_partnership, slug="2020-21")
    foreign = _review(world, other_year, actor=system_user())
    client.force_login(world.coordinator)
    kwargs = {"partnership": world.partnership.slug, "year": "2020-21"}
    bodies = set()
    for name, method in (("project", "get"), ("project_delete", "post"), ("quote_add", "post")):
        for pk in (foreign.pk, foreign.pk + 999):
            response = getattr(client, method)(reverse(f"publishing:{name}", kwargs={**kwargs, "review": pk}))
            assert response.status_code == 404, name
            bodies.add(response.content)
    assert len(bodies) == 1
    assert (
        _denied("publishing.projectreview") == 3
    )  # the existing review, once per door; never the missing one
    assert ProjectReview.objects.filter(pk=foreign.pk).exists()


def test_doors_answer_by_purpose(world):
    review = _review(world)
    assert access.access_project_review_by_id(world.member, review.pk) == review
    with pytest.raises(NotFound):
        access.access_project_review_by_id(world.member, review.pk, for_=Purpose.MANAGE)
    with pytest.raises(NotFound):
        access.access_project_review_by_id(world.coordinator, review.pk, for_=Purpose.REPORT)
    with pytest.raises(NotFound):
        access.access_project_review_by_id(world.outsider, review.pk)
    assert access.access_project_review_by_id(system_user(), review.pk, for_=Purpose.MANAGE) == review


def test_members_see_every_version_and_nobody_manages_one(world):
    publication = services.plan_publish(plan_year=world.plan_year, actor=world.coordinator, confirmed=True)
    assert list(access.plan_publications_visible_to(world.member)) == [publication]
    assert not access.plan_publications_visible_to(world.outsider).exists()
    assert not access.plan_publications_visible_to(world.coordinator, for_=Purpose.MANAGE).exists()


@pytest.fixture
def debug_urls():  # type: ignore[no-untyped-def]
    """The URLconf as `runserver` builds it with DEBUG on (csphub.urls read afresh)."""
    import csphub.urls

    with override_settings(DEBUG=True):
        importlib.reload(csphub.urls)
        clear_url_caches()
        yield
    importlib.reload(csphub.urls)
    clear_url_caches()


def test_old_media_paths_answer_404(client, world, private_root, debug_urls):
    photo = _photo(world, _review(world))
    default_storage.save("publishing/photos/2020/mural.png", ContentFile(b"old"))  # an old-style upload
    paths = [f"/media/{photo.image.name}", "/media/publishing/photos/2020/mural.png"]
    for who in (None, world.coordinator):
        if who is not None:
            client.force_login(who)
        for path in paths:
            assert client.get(path).status_code == 404, (who, path)


@override_settings(PRIVATE_MEDIA_SENDFILE="x-accel-redirect", PRIVATE_MEDIA_INTERNAL_URL="/protected/")
def test_the_web_server_can_send_the_file(client, world, private_root):
    photo = _photo(world, _review(world))
    client.force_login(world.member)
    response = client.get(_photo_url(world, photo))
    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"] == f"/protected/{photo.image.name}"
    assert response["Cache-Control"] == "no-store, private"


def test_migration_moves_old_uploads_to_private_storage(world, private_root):
    migration = __import__("publishing.migrations.0002_private_photos", fromlist=["move_photos"])
    photo = _photo(world, _review(world))
    old = default_storage.save("publishing/photos/2020/Pupils at the mural.png", ContentFile(b"old bytes"))
    ProjectPhoto.objects.filter(pk=photo.pk).update(image=old)
    migration.move_photos(apps, None)
    photo.refresh_from_db()
    assert photo.image.name != old and len(Path(photo.image.name).stem) == 32
    assert (private_root / photo.image.name).read_bytes() == b"old bytes"
    assert not default_storage.exists(old)


def test_publish_plan_as_a_member_is_refused(world):
    with pytest.raises(CommandError, match="only a coordinator"):
        call_command("publish_plan", world.partnership.slug, "2020-21", "--as", world.member.username)


def test_no_function_takes_check_access():
    for app in ("publishing", "assessment"):
        for path in (ROOT / app).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    names = [a.arg for a in node.args.args + node.args.kwonlyargs]
                    assert "check_access" not in names, f"{path}:{node.lineno} {node.name}"
