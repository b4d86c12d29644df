"""Mark user-facing strings for translation without importing Django.

Django's ``makemessages`` extracts every ``gettext_noop("...")`` call; the web layer translates
the msgid later (``gettext(text.msgid) % text.params``). Dutch drafts of all msgids live in
``nl_translations.json`` beside this module.
"""


def gettext_noop(s: str) -> str:
    return s
