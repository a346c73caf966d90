"""Contributing without being a programmer: templates (`commonmap new`), editor schemas, the field
reference and error list on /bidra/, the form /bidra/formular/, and the reviewers' commands
(`commonmap stale`, `stats`)."""

from commonmap.contribute import form, links, new, reference, review
from commonmap.records.directory import Directory
from commonmap.records.settings import Settings
from commonmap.site.outputs import Output


def outputs(directory: Directory, settings: Settings) -> list[Output]:
    return reference.outputs(directory, settings) + form.outputs(directory, settings)


__all__ = ["links", "new", "outputs", "review"]
