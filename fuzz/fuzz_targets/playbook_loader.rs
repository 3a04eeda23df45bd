//! Any text given to the playbook loader is accepted or rejected with an error that points
//! into the file; it never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(error) = decide::fuzzing::check_playbook(text) {
            // Every error must render as one line: the contract of the error type.
            assert!(!error.contains('\n'));
        }
    }
});
