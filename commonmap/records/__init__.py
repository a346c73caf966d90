"""Stage 1, files → Directory + problems: strict reading with positions (loader), the model and its
rules, checks within and across records, the other input files (areas, vocabulary, helplines, good
examples, the plugin's settings) and the messages every problem is told in."""
