"""What members follow (or mute): discussions, tags, modules, categories."""

from sqlalchemy import and_, or_, select

from forum.extensions import db
from forum.models import Category, ChallengeTag, KitModule, Watch

TARGETS = ("discussion", "tag", "module", "category")


def target_exists(target: str, target_id: int) -> bool:
    """A tag, module or category with this id exists (discussions have their own rule)."""
    model = {"tag": ChallengeTag, "module": KitModule, "category": Category}[target]
    return 0 < target_id < 2**31 and db.session.get(model, target_id) is not None


def get(user_id: int, target: str, target_id: int) -> Watch | None:
    return db.session.scalar(
        select(Watch).where(
            Watch.user_id == user_id, Watch.target == target, Watch.target_id == target_id
        )
    )


def watch_id(user_id: int, target: str, target_id: int) -> None:
    """Follow, unless already following or muted (a mute is a deliberate choice)."""
    if get(user_id, target, target_id) is None:
        db.session.add(Watch(user_id=user_id, target=target, target_id=target_id))
        db.session.flush()


def watch(user, target: str, target_id: int) -> None:
    watch_id(user.id, target, target_id)


def set_state(user, target: str, target_id: int, state: str) -> None:
    """state: 'watch', 'mute' or 'none'."""
    current = get(user.id, target, target_id)
    if state == "none":
        if current is not None:
            db.session.delete(current)
    elif current is None:
        db.session.add(
            Watch(user_id=user.id, target=target, target_id=target_id, muted=state == "mute")
        )
    else:
        current.muted = state == "mute"
    db.session.flush()


def state(user, target: str, target_id: int) -> str:
    if not user or not user.is_authenticated:
        return "none"
    current = get(user.id, target, target_id)
    return "none" if current is None else ("mute" if current.muted else "watch")


def watchers(pairs: list[tuple[str, int]]) -> tuple[set[int], set[int]]:
    """(watching, muting) user ids over several targets, in one query."""
    if not pairs:
        return set(), set()

    rows = db.session.execute(
        select(Watch.user_id, Watch.muted).where(
            or_(*[and_(Watch.target == t, Watch.target_id == i) for t, i in pairs])
        )
    )
    watching, muting = set(), set()
    for user_id, muted in rows:
        (muting if muted else watching).add(user_id)
    return watching - muting, muting
