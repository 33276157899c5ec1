//! Any bytes through the case loader: decoding (BOM, CRLF, UTF-8), RON parsing with limits,
//! validation, and — when there are diagnostics — locating them in the text. It must never
//! panic, and a case it accepts must survive a save/load round trip unchanged.
//!
//! scripts/fuzz.sh case_loader 10

#![no_main]

use libfuzzer_sys::fuzz_target;
use revmap::domain::case::Case;
use revmap::store::case_file::check_case_text;
use revmap::store::{ron_io, source};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = source::decode("fuzz.ron", data.to_vec()) else {
        return;
    };
    let checked = check_case_text("fuzz.ron", &text);
    let mut rendered = String::new();
    checked.report.render_text(&mut rendered);
    assert!(!rendered.contains('\u{1b}'), "an escape sequence reached the output");
    if let Some(case) = checked.value {
        let saved = ron_io::to_pretty(&case).expect("an accepted case serialises");
        let again: Case = ron_io::parse(&saved).expect("a saved case parses back");
        assert_eq!(again, case);
    }
});
