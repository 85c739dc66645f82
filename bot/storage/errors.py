"""The two ways a store can fail a turn, in our words (foreign errors are translated where they are raised).

Azure's SDK raises a dozen exception classes (connection refused, timeouts,
HTTP status errors carrying a code); the bot needs to tell only two things
apart: another writer got there first (reload and retry), or the store cannot
be used right now (tell the user, answer 503, try again on the next turn).
"""

from __future__ import annotations


class StorageUnavailable(Exception):
    """The store did not answer, or answered with an error that retrying this turn will not fix."""


class StateConflict(Exception):
    """A conditional write lost: the stored item changed since it was read (or was created meanwhile)."""
