//! The terminal does not echo keys while a question is asked. console reads each key in raw
//! mode and puts the terminal back as it found it between two keys; a paste arrives faster
//! than the question is redrawn, so the characters that landed between two reads were
//! echoed by the terminal wherever the cursor was (a stray line left under the question)
//! and held for a line the question never reads (lost from the answer). So for as long as
//! a question is on screen, the terminal console finds between two keys is one that
//! neither echoes nor holds lines back, and the terminal is put back afterwards, and on
//! Ctrl-C.

#[cfg(unix)]
mod unix {
    use std::sync::{Mutex, MutexGuard, PoisonError};

    use rustix::termios::{self, LocalModes, OptionalActions, SpecialCodeIndex, Termios};

    /// The terminal's settings before the question, while one is on screen.
    static BEFORE: Mutex<Option<Termios>> = Mutex::new(None);

    fn before() -> MutexGuard<'static, Option<Termios>> {
        BEFORE.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Keeps the terminal quiet until dropped.
    pub(crate) struct Quiet {
        /// Whether this one changed the terminal (a question inside a question does not).
        owner: bool,
    }

    impl Quiet {
        /// Quiet the terminal on standard input; a terminal that cannot be set is left as
        /// it is, since the question still works there, only less tidily.
        pub(crate) fn new() -> Quiet {
            let mut before = before();
            if before.is_some() {
                return Quiet { owner: false };
            }
            let stdin = std::io::stdin();
            let Ok(settings) = termios::tcgetattr(&stdin) else {
                return Quiet { owner: false };
            };
            let mut quiet = settings.clone();
            // Ctrl-C still interrupts (ISIG stays); a key is readable as soon as it comes.
            quiet
                .local_modes
                .remove(LocalModes::ECHO | LocalModes::ICANON);
            quiet.special_codes[SpecialCodeIndex::VMIN] = 1;
            quiet.special_codes[SpecialCodeIndex::VTIME] = 0;
            // Now, not after a flush: keys already typed are the answer's.
            if termios::tcsetattr(&stdin, OptionalActions::Now, &quiet).is_err() {
                return Quiet { owner: false };
            }
            *before = Some(settings);
            Quiet { owner: true }
        }
    }

    impl Drop for Quiet {
        fn drop(&mut self) {
            if self.owner {
                restore();
            }
        }
    }

    /// Put the terminal back as it was before the question, if one is on screen.
    pub(crate) fn restore() {
        if let Some(settings) = before().take() {
            let _ = termios::tcsetattr(std::io::stdin(), OptionalActions::Now, &settings);
        }
    }
}

#[cfg(unix)]
pub(crate) use unix::{Quiet, restore};

/// Elsewhere console reads keys without a line mode to toggle: nothing to keep quiet.
#[cfg(not(unix))]
pub(crate) struct Quiet;

#[cfg(not(unix))]
impl Quiet {
    pub(crate) fn new() -> Quiet {
        Quiet
    }
}

#[cfg(not(unix))]
pub(crate) fn restore() {}
