"""Contributing without being a programmer: templates (`commonmap new`), editor schemas, the field
reference and error list on /bidra/, and the reviewers' commands (`commonmap stale`, `stats`)."""

from commonmap.contribute import links, new, review
from commonmap.contribute.reference import outputs

__all__ = ["links", "new", "outputs", "review"]
