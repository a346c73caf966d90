"""The site's own search, shared by the site search (/sok/) and the finder's free text (/hitta-stod/).

One set of rules on both surfaces (base/words.py, and its port in assets/search/search.js): words
folded and stemmed with Snowball's Swedish stemmer, compounds split into the parts the directory
itself uses, stop words dropped. The index (index.py) is written after the build, as small files
fetched only when a resident searches: a manifest, term shards (a term's shard is fixed by its
first two letters, so a query fetches one shard per word) and documents in chunks (only those of
the results shown are fetched). The engine is replaceable: the pages only call `CMSearch.search`.
"""
