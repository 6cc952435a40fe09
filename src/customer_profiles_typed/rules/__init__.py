"""The documented rules the AWS model cannot express, one module per resource.

Each rule carries the ID of the project's rulebooks (``appflow-rules.md`` for
integrations and flows, ``object-type-rules.md`` for object types, event
triggers, tags and the links between resources) and its class there: ``error``
rules (SAFE) reject the request; ``warning`` rules (WARN) emit a
``ValidationWarning`` and let it through. A rule attaches to the model class it
looks at and runs when an object of that class is built, or, for
``from_boto3``, over the whole parsed tree at once. Rules that need account
state ("online" rules) are not here: see ``customer_profiles_typed.links``.

A rule module registers its rules when it is first needed: ``rules_for(cls)``
loads the modules with rules on ``cls``'s resource, and reading ``RULES`` loads
every one.
"""

from __future__ import annotations

from customer_profiles_typed.rules._registry import RULES, Rule, rules_for

__all__ = ["RULES", "Rule", "rules_for"]
