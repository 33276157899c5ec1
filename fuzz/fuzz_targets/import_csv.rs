//! Any bytes through the CSV import path: decoding, delimiter sniffing, header detection,
//! values, topic matching, case assembly and checks. It must never panic.
//!
//! cargo +nightly fuzz run import_csv fuzz/corpus/import_csv tests/fixtures/import -- \
//!     -max_total_time=300 -max_len=4096

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use revmap::domain::case::Case;
use revmap::domain::validate::validate;
use revmap::import::{ImportOptions, import_bytes, xlsx};
use revmap::store::ron_io;

static OPTS: LazyLock<ImportOptions> = LazyLock::new(ImportOptions::default);

fuzz_target!(|data: &[u8]| {
    // Workbooks (ZIP or OLE signatures) take the calamine path; this target is for CSV.
    if xlsx::looks_like_workbook(data) {
        return;
    }
    if let Ok(imported) = import_bytes("fuzz.csv", data, &OPTS) {
        // What the import promises: the case passes `revmap check` (parse + validate) after
        // a RON round trip.
        assert!(imported.report.check.errors.is_empty());
        let text = ron_io::to_pretty(&imported.case).expect("serialises");
        let case: Case = ron_io::parse(&text).expect("parses back");
        let errors: Vec<_> = validate(&case)
            .into_iter()
            .filter(|d| d.is_error())
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
});
