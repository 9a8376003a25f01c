"""GK604 channel-without-escalation."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model.moderation import ModerationPolicy
from ..model.scope import Scope
from .base import Context, Rule


class ChannelWithoutEscalation(Rule):
    """No escalation path covers an external channel.

    ### What it checks
    An escalation path covers a channel when its `channels` is empty or names the channel.

    ### Why it matters
    When a complaint, a threat or a press question arrives on a channel no path covers, the
    moderator on shift has nobody to hand it to and improvises, in public.

    ### Example
    ```yaml
    kind: ModerationPolicy
    spec:
      escalation:
        - id: customer-complaint
          channels: [x-support]
        - id: safety-legal
          channels: [x-support]
        - id: account-security
          channels: [x-support]
    ```

    ### Fix
    Add the channel to the `channels` of an escalation path in the ModerationPolicy, or leave a
    general path's `channels` empty so it covers every channel.
    ```yaml
    kind: ModerationPolicy
    spec:
      escalation:
        - id: customer-complaint
          channels: []
        - id: safety-legal
          channels: []
        - id: account-security
          channels: []
    ```
    """

    code = "GK604"
    name = "channel-without-escalation"
    severity = "error"
    needs = (ModerationPolicy, Scope)
    controls = ("SOC2:CC7.3", "ISO27001:A.5.24", "NIST:IR-8")

    def check(self, context: Context) -> Iterator[Finding]:
        governance = context.governance
        paths = list(governance.escalations.values())
        for ident, channel in governance.channels.items():
            if channel.visibility != "external":
                continue
            if not any(not path.channels or ident in path.channels for path in paths):
                yield self.finding(
                    governance.locate("channel", ident),
                    f"no escalation path covers external channel '{ident}'",
                    target=ident,
                    hint="add the channel to an escalation path's 'channels'",
                )
