"""Benchmarks that print figures: ``python -m bench`` (see ``--help``).

The ack latency benchmark (``ack_latency``) seeds a database with deals, starts
the fake Slack of the tests, the real bot (``python -m bot``) and a bare Bolt
app that only acks (``bench.bare_app``), fires signed ``/deal list`` commands
and "Next stage" clicks at both from concurrent clients, and prints the
acknowledgement times (p50, p99, max), the ratio of the bot's p99 to the bare
app's, how fast the bot then answered, and its peak resident memory.

Reading the figures: by default each client sends its next request as soon as
the last one was acknowledged, so the bot is offered requests faster than it
can do their work. Bolt calls a listener, and so ``ack()``, on a thread of the
listener pool; once every such thread is busy with earlier work, a new ack
waits for one, and the bot's ack times then measure its throughput as much as
its acking. ``--rate`` keeps the offered load below that throughput and shows
the acks alone.
"""
