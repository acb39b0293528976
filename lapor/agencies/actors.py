"""Who is acting: a staff member with roles in parts of the tree, a reporter, the public, or the system.

An :class:`Actor` is built once per request (one query for memberships) and answers scope questions
by comparing materialised paths, without further queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lapor.agencies.choices import Role

if TYPE_CHECKING:
    from lapor.accounts.models import User
    from lapor.agencies.models import Agency


@dataclass(frozen=True)
class Scope:
    role: str
    agency_id: int
    agency_path: str
    agency_name: str


@dataclass(frozen=True)
class Actor:
    """The subject of a permission check.

    ``kind`` is one of ``staff``, ``reporter``, ``public``, ``system``, ``integrator``. A reporter actor
    carries the tracking ID and access token (or account) proving which report is theirs.
    """

    kind: str
    user: User | None = None
    scopes: tuple[Scope, ...] = ()
    report_token: str | None = None
    label: str = ""
    integrator_agency_path: str | None = None
    extra: dict = field(default_factory=dict, compare=False)

    # --- constructors -------------------------------------------------------------------------------
    @classmethod
    def system(cls) -> Actor:
        return cls(kind="system", label="sistem")

    @classmethod
    def system_admin(cls) -> Actor:
        """An operator at the console (``lapor`` commands): acts as the national admin, audited as ``konsol``."""
        from lapor.agencies.models import Agency

        root = Agency.objects.get_root_nodes().first()
        scopes = (Scope(Role.NATIONAL_ADMIN, root.pk, root.path, root.name),) if root else ()
        return cls(kind="staff", scopes=scopes, label="konsol")

    @classmethod
    def public(cls) -> Actor:
        return cls(kind="public", label="publik")

    @classmethod
    def reporter(cls, *, token: str | None = None, user: User | None = None) -> Actor:
        return cls(kind="reporter", user=user, report_token=token, label="pelapor")

    @classmethod
    def for_user(cls, user: User | None) -> Actor:
        """Staff actor with every active membership of ``user``; a user with none acts as a reporter."""
        if user is None or not user.is_authenticated:
            return cls.public()
        from lapor.agencies.models import Membership

        rows = Membership.objects.filter(user=user, active=True, agency__active=True).values_list(
            "role", "agency_id", "agency__path", "agency__name"
        )
        scopes = tuple(Scope(role, aid, path, name) for role, aid, path, name in rows)
        if not scopes:
            return cls.reporter(user=user)
        return cls(kind="staff", user=user, scopes=scopes, label=user.get_username())

    # --- questions ----------------------------------------------------------------------------------
    @property
    def user_id(self) -> int | None:
        return self.user.pk if self.user is not None else None

    @property
    def is_staff_actor(self) -> bool:
        return self.kind == "staff"

    @property
    def is_system(self) -> bool:
        return self.kind == "system"

    def has_role(self, *roles: str) -> bool:
        return any(s.role in roles for s in self.scopes)

    @property
    def is_national_admin(self) -> bool:
        return self.has_role(Role.NATIONAL_ADMIN)

    def scopes_covering(self, agency: Agency, *roles: str) -> list[Scope]:
        """Scopes with one of ``roles`` whose agency is ``agency`` or one of its ancestors."""
        return [s for s in self.scopes if s.role in roles and agency.path.startswith(s.agency_path)]

    def covers(self, agency: Agency, *roles: str) -> bool:
        return bool(self.scopes_covering(agency, *roles))

    def acting_agency_id(self, agency: Agency, *roles: str) -> int | None:
        """The agency the actor acts for when handling a report owned by ``agency`` (nearest scope)."""
        scopes = self.scopes_covering(agency, *roles)
        if not scopes:
            return None
        return max(scopes, key=lambda s: len(s.agency_path)).agency_id

    def scope_paths(self, *roles: str) -> list[str]:
        return [s.agency_path for s in self.scopes if not roles or s.role in roles]
