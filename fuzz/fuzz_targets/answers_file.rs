//! Any text given as an answers file is run to a record or rejected with an error that
//! points into the file; it never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(error) = decide::fuzzing::read_answers(text) {
            // Every error must render as one line: the contract of the error type.
            assert!(!error.contains('\n'), "{error}");
        }
    }
});
