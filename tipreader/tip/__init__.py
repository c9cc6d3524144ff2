"""Research over many cables: TIP submissions, question topics, alignment, compare, figures.

An annual Trafficking in Persons submission answers the State Department's questionnaire,
whose numbering changes every year. This package finds the submissions in the library
(:mod:`.submissions`), gives each answer a topic key that is stable across years and
countries (:mod:`.topics`, :mod:`.align`), keeps the result in its own rebuildable store
beside the library (:mod:`.store`), compares one topic's answers across years and
countries (:mod:`.compare`) and extracts the counts researchers tabulate (:mod:`.figures`).

Layering: ``cable`` → ``library`` → ``tip`` → ``ui``/``cli``. Nothing here imports Textual.
"""
