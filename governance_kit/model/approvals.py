"""Approval flow: who approves new accounts, content by risk, and changes to policy documents."""

from typing import Literal

from pydantic import Field

from .common import Duration, Id, Strict, ref
from .envelope import Kind, PolicyMetadata

Risk = Literal["low", "medium", "high", "critical"]


class NewAccountApproval(Strict):
    """How a new official account is approved."""

    approvers: list[Id] = Field(
        min_length=1, description="Role ids that must approve.", json_schema_extra=ref("role")
    )
    requirements: list[str] = Field(
        default_factory=list, description="What a request must contain."
    )


class ContentApproval(Strict):
    """Who approves content of one risk level."""

    risk: Risk = Field(description="low, medium, high or critical.")
    description: str = Field(description="What content falls in this level.")
    examples: list[str] = Field(default_factory=list, description="Typical examples.")
    approvers: list[Id] = Field(
        default_factory=list,
        description="Role ids that approve; empty means no approval.",
        json_schema_extra=ref("role"),
    )
    min_approvals: int = Field(default=1, ge=0, le=10, description="How many approvals.")
    turnaround: Duration | None = Field(default=None, description="How fast approvers answer.")


class PolicyChangeApproval(Strict):
    """Who approves changes to one policy document."""

    document: Id = Field(
        description="Document id (metadata.id of a policy file).", json_schema_extra=ref("document")
    )
    approvers: list[Id] = Field(
        min_length=1, description="Role ids that approve changes.", json_schema_extra=ref("role")
    )


class ApprovalSpec(Strict):
    """The approval flow."""

    new_account: NewAccountApproval = Field(description="Approval of new accounts.")
    content: list[ContentApproval] = Field(min_length=1, description="Approval of content.")
    policy_changes: list[PolicyChangeApproval] = Field(
        default_factory=list, description="Approval of changes to each policy document."
    )


class ApprovalFlow(Kind):
    """Kind ApprovalFlow: who approves what."""

    required = True
    single = True
    record = False

    api_version: Literal["governance-kit.dev/v1"] = Field(
        alias="apiVersion", description="Format of the file; always governance-kit.dev/v1."
    )
    kind: Literal["ApprovalFlow"] = Field(description="The kind of document: ApprovalFlow.")
    metadata: PolicyMetadata = Field(description="Identity, owner, version and review cadence.")
    spec: ApprovalSpec = Field(description="The content of the document.")
