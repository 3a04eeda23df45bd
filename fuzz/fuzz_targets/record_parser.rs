//! Any text given to the record parser (ours, MADR, adr-tools) returns a record or an
//! error; it never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        decide::fuzzing::parse_record(text);
    }
});
