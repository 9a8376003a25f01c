"""Acknowledgements: who confirmed having read which version of which policy document, and when.

Kept apart from the roster so that recording an acknowledgement needs no new version of any
policy document.
"""

from typing import Literal

from pydantic import Field

from .common import Date, Id, SemVer, Strict, ref
from .envelope import Kind, Metadata


class Acknowledgement(Strict):
    """One person's acknowledgement of one version of a policy document."""

    person: Id = Field(description="Person id.", json_schema_extra=ref("person"))
    document: Id = Field(
        description="Document id (metadata.id of a policy file).", json_schema_extra=ref("document")
    )
    version: SemVer = Field(description="The version acknowledged.")
    date: Date = Field(description="When it was acknowledged.")


class AcknowledgementsSpec(Strict):
    """Which documents must be acknowledged, and the acknowledgements."""

    required: list[Id] = Field(
        default_factory=list,
        description=(
            "Document ids everyone they apply to (metadata.applies_to_roles) must acknowledge, "
            "if they have account access or a rota shift."
        ),
        json_schema_extra=ref("document"),
    )
    acknowledgements: list[Acknowledgement] = Field(
        default_factory=list, description="The acknowledgements."
    )


class Acknowledgements(Kind):
    """Kind Acknowledgements: policy acknowledgements (may be split over several files)."""

    required = False
    single = False
    record = True

    api_version: Literal["governance-kit.dev/v1"] = Field(
        alias="apiVersion", description="Format of the file; always governance-kit.dev/v1."
    )
    kind: Literal["Acknowledgements"] = Field(description="The kind of document: Acknowledgements.")
    metadata: Metadata = Field(description="Identity of the document.")
    spec: AcknowledgementsSpec = Field(
        default_factory=AcknowledgementsSpec, description="The content of the document."
    )
