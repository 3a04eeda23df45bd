//! The one module that touches the file system: finding the repository and its decision
//! log, reading text with errors that name the file, writing records atomically and
//! taking the log's lock, and the private journal's place.

mod cache;
mod discover;
mod journal;
mod lock;
pub(crate) mod naming;
mod read;
mod site;
mod write;

pub(crate) use cache::*;
pub(crate) use discover::*;
pub(crate) use journal::*;
pub(crate) use lock::{LogLock, lock_log, lock_records};
pub(crate) use naming::*;
pub(crate) use read::*;
pub(crate) use site::*;
pub(crate) use write::*;
