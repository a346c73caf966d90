"""Contributing without being a programmer: templates (`commonmap new`), editor schemas, the field
reference and error list on /bidra/, and the reviewers' commands (`commonmap stale`, `stats`)."""

from commonmap.contribute import new, review
from commonmap.contribute.reference import outputs

__all__ = ["new", "outputs", "review"]
