"""The shared domain model, one module per aggregate."""

from app.models.audit import AccessLog, ChangeRecord
from app.models.people import Caseworker, Citizen, Municipality, Provider, Role, User

__all__ = [
    "AccessLog",
    "Caseworker",
    "ChangeRecord",
    "Citizen",
    "Municipality",
    "Provider",
    "Role",
    "User",
]
