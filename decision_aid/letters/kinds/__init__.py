"""One module per letter kind, each with a ``KIND`` (letters.kind.LetterKind) and a template
``templates/pdf/<key>.html``. The registry finds every module here; nothing else names them."""
