//! The one writer for stdout, where data goes (records, listings, messages, JSON).
//! A reader that went away (`decide list | head`) already has what it wanted, so a closed
//! pipe is success, judged by the error's kind as ripgrep does, never by panic text.

use std::io::{ErrorKind, IsTerminal, Write};
use std::path::Path;

use crate::error::{Error, Result};

/// Write `text` to stdout in one write and flush it. On a terminal, escape sequences and
/// control characters are shown, not sent ([`crate::ui::for_terminal`]), colour codes
/// included: what goes through here is records, listings and messages, whose text comes
/// from files. A pipe or a file gets the bytes as they are.
pub(crate) fn write(text: impl AsRef<[u8]>) -> Result<()> {
    write_shown(text.as_ref(), false)
}

/// [`write`] for text decide coloured itself (a heading in bold) after passing every part
/// of it that came from a file through [`for_terminal`]: on a terminal its colour codes
/// are sent, unless colour is off (`--color never`, `NO_COLOR`), when decide wrote none
/// and any there came from a file.
pub(crate) fn write_styled(text: impl AsRef<[u8]>) -> Result<()> {
    write_shown(text.as_ref(), console::colors_enabled())
}

/// Text from a file that decide is about to colour for stdout, made safe now when stdout
/// is a terminal (see [`write_styled`]); a pipe gets it as it is.
pub(crate) fn for_terminal(text: &str) -> std::borrow::Cow<'_, str> {
    if std::io::stdout().is_terminal() {
        crate::ui::for_terminal(text, false)
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

fn write_shown(bytes: &[u8], colours: bool) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let shown;
    let bytes = if out.is_terminal() {
        shown = crate::ui::for_terminal(&String::from_utf8_lossy(bytes), colours).into_owned();
        shown.as_bytes()
    } else {
        bytes
    };
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::io("write", Path::new("<stdout>"), &e)),
    }
}
