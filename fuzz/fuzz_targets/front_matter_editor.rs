//! Setting the status of, and adding a link to, any record that parses gives a record that
//! still parses; neither edit panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        decide::fuzzing::edit_record(text);
    }
});
