//! Survey import speed on the 300-teacher school (tests/fixtures/import/school-300.*): the
//! issue asks for a checked case "in under a second". `cargo bench --bench import`; the figure
//! is recorded in docs/import.md.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};

use revmap::import::{ImportOptions, import_bytes};
use revmap::store::case_file::check_case_text;
use revmap::store::ron_io;

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    std::fs::read(path).expect("the fixture exists")
}

fn import_300(c: &mut Criterion) {
    let opts = ImportOptions::default();
    for name in ["school-300.xlsx", "school-300.csv"] {
        let bytes = fixture(name);
        c.bench_function(&format!("import {name}"), |b| {
            b.iter(|| import_bytes(name, black_box(&bytes), &opts).expect("imports"))
        });
    }
    // What `revmap import` does after the import: write RON and check it.
    let bytes = fixture("school-300.xlsx");
    c.bench_function("import school-300.xlsx + write + check", |b| {
        b.iter(|| {
            let imported =
                import_bytes("school-300.xlsx", black_box(&bytes), &opts).expect("imports");
            let text = ron_io::to_pretty(&imported.case).expect("writes");
            check_case_text("case.ron", &text)
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = import_300
}
criterion_main!(benches);
