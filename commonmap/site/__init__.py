"""Stage 2, Directory → pages: the engine-neutral outputs (Page, Asset, Snippet), the site's URLs,
templating and safe rich text, the record, list and about pages, JSON-LD, and the chrome every
page shares (language switcher, translations, reach)."""
