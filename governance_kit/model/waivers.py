"""Waivers: risks accepted on purpose, each with a justification, an approver and an expiry."""

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .common import Date, Id, Strict, ref
from .envelope import Kind, Metadata

RuleCode = Annotated[
    str,
    StringConstraints(pattern=r"^GK(\d{3}|R\d{2})$"),
    Field(description="A rule code, e.g. GK101, or a reconciliation rule's, e.g. GKR04."),
]


class Waiver(Strict):
    """One accepted risk."""

    id: Id = Field(description="Waiver id.")
    rule: RuleCode = Field(description="The rule code waived.")
    target: Id = Field(description="Id of the account, person, document or channel concerned.")
    justification: str = Field(min_length=10, description="Why the risk is accepted.")
    approved_by: Id = Field(
        description="Person id who approved the waiver.", json_schema_extra=ref("person")
    )
    approved_on: Date = Field(description="When it was approved.")
    expires: Date = Field(description="The last day the waiver applies.")


class WaiversSpec(Strict):
    """The waivers of one file."""

    waivers: list[Waiver] = Field(default_factory=list, description="The waivers.")


class Waivers(Kind):
    """Kind Waivers: accepted risks."""

    required = False
    single = False
    record = True
    entity_lists = {"waiver": "waivers"}

    api_version: Literal["governance-kit.dev/v1"] = Field(
        alias="apiVersion", description="Format of the file; always governance-kit.dev/v1."
    )
    kind: Literal["Waivers"] = Field(description="The kind of document: Waivers.")
    metadata: Metadata = Field(description="Identity of the document.")
    spec: WaiversSpec = Field(description="The content of the document.")
