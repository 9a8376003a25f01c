"""GK603 channel-without-sla."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.moderation import ModerationPolicy
from ..model.scope import Scope
from .base import Context, Rule


class ChannelWithoutSla(Rule):
    """An external channel has no response SLA.

    ### What it checks
    An external channel of the Scope has no entry in the ModerationPolicy's `slas`.

    ### Why it matters
    Customers and the public write to every external channel, whether or not anyone promised to
    answer. Without an SLA there is no agreed first-response time, no hours to staff, and no way
    to tell whether the channel is being looked after.

    ### Example
    ```yaml
    kind: Scope
    spec:
      channels:
        - id: mastodon-brand
          name: Mastodon brand
          platform: mastodon
          visibility: external
          audience: [Outdoor enthusiasts on the fediverse]
          languages: [en]
          purpose: Brand presence on the fediverse.
    ```

    ### Fix
    Add an entry to `slas` in the ModerationPolicy for the channel, with `first_response` and
    `hours`, and make sure the rota covers those hours.
    ```yaml
    kind: Scope
    spec:
      channels:
        - id: mastodon-brand
          visibility: internal
    ```
    """

    code = "GK603"
    name = "channel-without-sla"
    severity = "error"
    needs = (ModerationPolicy, Scope)
    controls = ("SOC2:A1.2", "SOC2:CC2.3")

    def check(self, context: Context) -> Iterator[Finding]:
        governance = context.governance
        spec = governance.spec(ModerationPolicy)
        with_sla = {sla.channel for sla in spec.slas} if spec is not None else set()
        for ident, channel in governance.channels.items():
            if channel.visibility == "external" and ident not in with_sla:
                yield self.finding(
                    governance.locate("channel", ident),
                    f"external channel '{ident}' has no response SLA",
                    target=ident,
                    hint="add an SLA for it to 'slas' in the ModerationPolicy",
                )
