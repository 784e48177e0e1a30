"""Services: the one place each rule lives. Each public function is one transaction.

Write functions validate everything first and raise ValidationError (Danish, naming the
field) before anything is written; the transaction rolls back on any error.
"""

from . import audit as audit  # installs the audit hook on every session
from . import change_journal as change_journal  # publishes every commit's changes
