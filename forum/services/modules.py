"""Kit modules: reference data (with the default challenge tags), admin edits and ordering."""

from flask_babel import gettext as _
from sqlalchemy import func, select

from forum.data import kit
from forum.extensions import db
from forum.markup import render_markdown
from forum.models import ChallengeTag, KitModule
from forum.services.errors import Conflict
from forum.services.structures import unique_slug


def get_by_slug(slug: str) -> KitModule | None:
    return db.session.scalar(select(KitModule).where(KitModule.slug == slug))


def load_defaults() -> int:
    """Insert the default modules and tags that are missing; never overwrite admins' edits."""
    written = 0
    for data in kit.MODULES:
        if get_by_slug(data["slug"]) is None:
            module = KitModule(slug=data["slug"], position=data["position"])
            _fill(
                module,
                data["title"],
                data["summary"],
                data["objectives"],
                data["description"],
                data["tools"],
            )
            db.session.add(module)
            written += 1
    for data in kit.TAGS:
        if (
            db.session.scalar(select(ChallengeTag.id).where(ChallengeTag.slug == data["slug"]))
            is None
        ):
            db.session.add(
                ChallengeTag(
                    slug=data["slug"], label=data["label"], description=data["description"]
                )
            )
            written += 1
    db.session.flush()
    return written


def _fill(module: KitModule, title, summary, objectives, description, tools) -> None:
    module.title = title.strip()
    module.summary = summary.strip()
    module.objectives = objectives.strip()
    module.description_md = description.strip()
    module.description_html = str(render_markdown(module.description_md))
    module.tools = tools.strip()


def save_module(
    module: KitModule | None, title, summary, objectives, description, tools
) -> KitModule:
    """Create (module=None, appended last) or update a module."""
    if module is None:
        position = (db.session.scalar(select(func.max(KitModule.position))) or 0) + 1
        module = KitModule(slug=unique_slug(KitModule, title), position=position)
        db.session.add(module)
    _fill(module, title, summary, objectives, description, tools)
    db.session.flush()
    return module


def move_module(module: KitModule, direction: int) -> None:
    """Swap a module with its neighbour (direction -1: up, +1: down)."""
    modules = list(db.session.scalars(select(KitModule).order_by(KitModule.position, KitModule.id)))
    index = modules.index(module)
    other = index + direction
    if not 0 <= other < len(modules):
        raise Conflict(_("Ce module est déjà à cette extrémité."))
    modules[index], modules[other] = modules[other], modules[index]
    for position, item in enumerate(modules, start=1):
        item.position = position
    db.session.flush()
