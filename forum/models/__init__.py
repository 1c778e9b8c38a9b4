"""All models, imported here so Alembic and the app see the whole metadata."""

from forum.models.attachments import Attachment, AttachmentStatus
from forum.models.bookmarks import Bookmark, ReadMarker
from forum.models.calendar import (
    EVENT_KINDS,
    REGISTRATION_ROLES,
    VISIBILITIES,
    CalendarEvent,
    CalendarFeedToken,
    EventRegistration,
    calendar_event_modules,
)
from forum.models.discussions import (
    Category,
    Discussion,
    Post,
    PostRevision,
    discussion_modules,
    discussion_reports,
    discussion_tags,
)
from forum.models.follow_ups import ORIENTATIONS, FollowUp, FollowUpReminder
from forum.models.moderation import Flag, ModerationLog
from forum.models.modules import KitModule
from forum.models.notifications import EventOutbox, Notification, NotificationSetting
from forum.models.reports import (
    FORMATS,
    SECTIONS,
    Parcours,
    Report,
    ReportBody,
    ReportRevision,
    ReportStatus,
    parcours_structures,
    report_modules,
    report_tags,
)
from forum.models.search_documents import SearchDocument, SearchWord
from forum.models.search_outbox import SearchOutbox
from forum.models.stamps import ContentStamp
from forum.models.structures import (
    REQUEST_STATUSES,
    STRUCTURE_KINDS,
    STRUCTURE_STATUSES,
    ContactMessage,
    Structure,
    StructureRequest,
)
from forum.models.submissions import FormSubmission
from forum.models.tags import ChallengeTag
from forum.models.territories import Department, Region
from forum.models.users import ROLES, STRUCTURE_ROLES, LoginFailure, User, UserSession
from forum.models.watches import Watch

__all__ = [
    "Attachment",
    "AttachmentStatus",
    "Bookmark",
    "CalendarEvent",
    "CalendarFeedToken",
    "EVENT_KINDS",
    "EventRegistration",
    "REGISTRATION_ROLES",
    "VISIBILITIES",
    "calendar_event_modules",
    "Category",
    "ContactMessage",
    "ContentStamp",
    "Discussion",
    "EventOutbox",
    "Flag",
    "FollowUp",
    "FollowUpReminder",
    "ORIENTATIONS",
    "FormSubmission",
    "ModerationLog",
    "Notification",
    "NotificationSetting",
    "Post",
    "PostRevision",
    "ReadMarker",
    "Watch",
    "discussion_modules",
    "discussion_reports",
    "discussion_tags",
    "ChallengeTag",
    "FORMATS",
    "KitModule",
    "Parcours",
    "Report",
    "ReportBody",
    "ReportRevision",
    "ReportStatus",
    "SECTIONS",
    "SearchDocument",
    "SearchOutbox",
    "SearchWord",
    "parcours_structures",
    "report_modules",
    "report_tags",
    "Department",
    "LoginFailure",
    "REQUEST_STATUSES",
    "ROLES",
    "Region",
    "STRUCTURE_KINDS",
    "STRUCTURE_ROLES",
    "STRUCTURE_STATUSES",
    "Structure",
    "StructureRequest",
    "User",
    "UserSession",
]
