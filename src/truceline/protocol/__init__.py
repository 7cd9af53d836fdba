"""The agreement as code: agreement files, the pure ladder decisions, the event-sourced engine.

Kept import-light on purpose: earlier stages may read bundled agreement data
(``truceline/protocol/agreements/*.yaml``) without pulling in the engine.
"""
