"""``Integration``, what AWS says about an integration (kept here for existing imports).

The class lives in ``customer_profiles_typed.models.integrations`` with the rest
of the integration models.
"""

from customer_profiles_typed.models.integrations import Integration

__all__ = ["Integration"]
