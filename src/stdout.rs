//! The one writer for stdout, where data goes (records, listings, messages, JSON).
//! A reader that went away (`decide list | head`) already has what it wanted, so a closed
//! pipe is success, judged by the error's kind as ripgrep does, never by panic text.

use std::io::{ErrorKind, Write};
use std::path::Path;

use crate::error::{Error, Result};

/// Write `text` to stdout in one write and flush it.
pub(crate) fn write(text: impl AsRef<[u8]>) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_ref()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::io("write", Path::new("<stdout>"), &e)),
    }
}
