"""What the tests share, one module a job: directories, sites, browser, html, corpus, processes,
and the synthetic directories (which the benchmarks also use; tests never import benchmarks)."""
