"""Keys typed in one burst follow the focus into a text field.

Textual hands each key to the widget focused when the app reads it; a key that widget does not
use comes back up to the app, which then runs the binding of the widget focused *now*. Keys
that arrive together (over ssh, a paste: ``/shelter``) are all handed to the reader's text
before the first one (``/``) has moved the focus to the find bar; the others then came back
and ran as reader keys (``s`` exported the cable, ``e`` and ``t`` toggled colours and tree),
and the query was lost. :class:`KeyTargets` remembers which widget each key was handed to; a key
that comes back after the focus moved to a text field is handed to that field instead, as if
it had arrived a moment later: the app reads it again, so the field's bindings (Enter) run too.
"""

from __future__ import annotations

from collections import OrderedDict

from textual import events
from textual.widget import Widget
from textual.widgets import Input, TextArea

KEPT = 256  # keys remembered: a burst is a few dozen


class KeyTargets:
    """The widget each recent key was handed to (keys a widget used never come back: the oldest
    are forgotten)."""

    def __init__(self) -> None:
        self._targets: OrderedDict[events.Key, Widget | None] = OrderedDict()

    def handed(self, event: events.Key, focused: Widget | None) -> None:
        """``event`` is being handed to ``focused`` (the app read it)."""
        self._targets[event] = focused
        while len(self._targets) > KEPT:
            self._targets.popitem(last=False)

    def came_back(self, event: events.Key, focused: Widget | None) -> bool:
        """``event`` came back up to the app unused; when the focus has moved to a text field since
        it was handed on, hand it to that field and return True (no binding is to run)."""
        if event not in self._targets:
            return False
        target = self._targets.pop(event)
        if focused is None or focused is target or not isinstance(focused, (Input, TextArea)):
            return False
        event.stop()
        event.prevent_default()
        # read again by the app, not handed to the field: the field's bindings (Enter submits) run too
        focused.app.post_message(events.Key(event.key, event.character))
        return True
