"""The account and credential registry: every official account, its owners and who has access."""

from typing import Literal

from pydantic import Field

from .common import Date, Email, Id, SecretRef, Strict, classified, ref
from .envelope import Kind, PolicyMetadata
from .scope import Platform

AccessLevel = Literal["admin", "editor", "moderator", "analyst", "advertiser"]
LEVEL_RANK: dict[str, int] = {
    "analyst": 0,
    "advertiser": 1,
    "moderator": 2,
    "editor": 3,
    "admin": 4,
}
"""Access levels from least to most power: a handover keeps the higher of two, a
reconciliation compares a role on the platform with the level registered."""


class Access(Strict):
    """One person's access to an account."""

    person: Id = Field(
        description="Person id of whoever has access.", json_schema_extra=ref("person")
    )
    level: AccessLevel = Field(description="admin, editor, moderator, analyst or advertiser.")
    granted: Date | None = Field(default=None, description="When the access was granted.")
    until: Date | None = Field(
        default=None,
        description=(
            "Last day of this access, for a removal decided ahead (a leaver who works until "
            "their last day); once it has passed, GK314 reports the entry until it is removed."
        ),
    )


class Credentials(Strict):
    """How the account is logged into; the secret itself lives in a secret manager."""

    secret_ref: SecretRef | None = Field(
        default=None,
        description="Secret-manager reference of the login, e.g. op://social/instagram-main.",
        json_schema_extra=classified("confidential"),
    )
    login_email: Email | None = Field(
        default=None,
        description="E-mail address the account logs in with; a shared mailbox, not a person's.",
        json_schema_extra=classified("confidential"),
    )
    mfa: bool = Field(description="Whether multi-factor authentication is on.")
    mfa_method: Literal["app", "hardware-key", "sms", "email", "passkey"] | None = Field(
        default=None, description="The second factor in use."
    )
    last_rotated: Date | None = Field(default=None, description="When the password last changed.")


class Recovery(Strict):
    """How the account is recovered when the login is lost. Confidential."""

    email: Email | None = Field(
        default=None,
        description="Recovery e-mail address.",
        json_schema_extra=classified("confidential"),
    )
    phone: str | None = Field(
        default=None,
        description="Recovery phone number.",
        json_schema_extra=classified("confidential"),
    )
    holder: Id | None = Field(
        default=None,
        description="Person id who holds the recovery phone.",
        json_schema_extra=ref("person"),
    )


class Account(Strict):
    """One official account."""

    id: Id = Field(description="Account id, unique in the registry.")
    platform: Platform = Field(description="The platform the account is on.")
    channel: Id | None = Field(
        default=None,
        description=(
            "Channel id (from Scope) the account serves; may be left out only for an account on "
            "a platform the Scope declares out of scope (`out_of_scope[].platforms`)."
        ),
        json_schema_extra=ref("channel"),
    )
    handle: str = Field(description="The account's handle or name on the platform.")
    url: str = Field(description="Public address of the account.")
    purpose: str = Field(description="What the account is for.")
    status: Literal["active", "dormant", "archived"] = Field(
        description="active: in use; dormant: kept but unused; archived: closed or frozen."
    )
    dormancy_justification: str | None = Field(
        default=None, description="Why a dormant account is kept rather than archived."
    )
    business_owner: Id | None = Field(
        default=None,
        description="Person id who answers for the account.",
        json_schema_extra=ref("person"),
    )
    backup_owner: Id | None = Field(
        default=None,
        description="Person id who takes over when the owner is away or leaves.",
        json_schema_extra=ref("person"),
    )
    access: list[Access] = Field(default_factory=list, description="Everyone with access.")
    credentials: Credentials = Field(description="Where the login lives, MFA.")
    recovery: Recovery | None = Field(
        default=None,
        description="Recovery contact; never published.",
        json_schema_extra=classified("confidential"),
    )
    continuity_plan: Id | None = Field(
        default=None,
        description="Continuity plan id, if not the one that applies by platform.",
        json_schema_extra=ref("plan"),
    )
    created: Date | None = Field(default=None, description="When the account was opened.")
    last_access_review: Date | None = Field(
        default=None, description="When the list of people with access was last reviewed."
    )
    last_activity: Date | None = Field(default=None, description="Date of the last post or reply.")
    last_verified: Date | None = Field(
        default=None, description="When this registry entry was last checked against the platform."
    )
    notes: str | None = Field(default=None, description="Anything else a reader should know.")


class AccountRegistrySpec(Strict):
    """The accounts of one registry file."""

    accounts: list[Account] = Field(default_factory=list, description="The accounts.")


class AccountRegistry(Kind):
    """Kind AccountRegistry: official accounts (may be split over several files)."""

    required = True
    single = False
    record = False
    entity_lists = {"account": "accounts"}

    api_version: Literal["governance-kit.dev/v1"] = Field(
        alias="apiVersion", description="Format of the file; always governance-kit.dev/v1."
    )
    kind: Literal["AccountRegistry"] = Field(description="The kind of document: AccountRegistry.")
    metadata: PolicyMetadata = Field(description="Identity, owner, version and review cadence.")
    spec: AccountRegistrySpec = Field(description="The content of the document.")
