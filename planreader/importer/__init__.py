"""`python -m planreader import SOURCE --id DOC_ID`: a plan's published text -> data/documents, measures, repairs.

Data flow, one module a step: source (read, refuse what is not a plan text) -> markup (take out <i>, ** and the
italic stamp, remembering what they marked) -> front (the order: points, signatory, place, date, number,
publications, amendments, stamp) -> body (numbered sections and paragraphs) -> table (the measures table, cells
wrapped across lines) -> deadlines -> executors (cells split into known bodies through their `forms`; unknown
names proposed as new bodies) -> note (the closing note's recommendations) -> write (YAML, temp files then
rename) and report (everything the importer was unsure of, with its source line).
"""
