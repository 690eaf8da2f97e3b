"""How Dealbot looks and speaks: pure Block Kit builders, ids, text and formats.

Builders take data and a ``Localizer`` and return blocks or views; they do no I/O.
"""
