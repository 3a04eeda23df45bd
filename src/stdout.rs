//! The one writer for stdout, where data goes (records, listings, messages, JSON).
//! A reader that went away (`decide list | head`) already has what it wanted, so a closed
//! pipe is success, judged by the error's kind as ripgrep does, never by panic text.

use std::io::{ErrorKind, IsTerminal, Write};
use std::path::Path;

use crate::error::{Error, Result};

/// Write `text` to stdout in one write and flush it. On a terminal, control characters
/// from files are shown, not sent ([`crate::ui::for_terminal`]); a pipe or a file gets the
/// bytes as they are.
pub(crate) fn write(text: impl AsRef<[u8]>) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let bytes = text.as_ref();
    let shown;
    let bytes = if out.is_terminal() {
        shown = crate::ui::for_terminal(&String::from_utf8_lossy(bytes), true).into_owned();
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
