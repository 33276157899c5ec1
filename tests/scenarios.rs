//! Every shipped scenario loads, validates and survives a save/load round trip unchanged.

use std::path::{Path, PathBuf};

use revmap::domain::case::Case;
use revmap::store::case_file::{DEMO, check_case_text, demo_case, load_case};
use revmap::store::ron_io;

fn scenarios() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    v.sort();
    v
}

#[test]
fn every_scenario_round_trips() {
    let files = scenarios();
    assert!(!files.is_empty());
    for f in files {
        let (case, report) = load_case(&f).unwrap_or_else(|r| {
            let mut s = String::new();
            r.render_text(&mut s);
            panic!("{s}")
        });
        assert_eq!(report.errors(), 0);
        let text = ron_io::to_pretty(&case).unwrap();
        let again: Case = ron_io::parse(&text).unwrap();
        assert_eq!(again, case, "{}", f.display());
        let checked = check_case_text("again.ron", &text);
        assert_eq!(checked.report.errors(), 0, "{}", f.display());
    }
}

#[test]
fn the_embedded_demo_is_the_shipped_demo() {
    let shipped =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/demo.ron"))
            .unwrap();
    assert_eq!(DEMO, shipped);
    let demo = demo_case();
    assert_eq!(demo.lang, "en");
    assert!(demo.participants.len() >= 8);
    let checked = check_case_text("demo.ron", DEMO);
    assert_eq!(checked.report.diagnostics.len(), 0, "the demo is clean");
}

#[test]
fn the_documented_example_is_a_valid_case() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/case-format.md"))
            .unwrap();
    let start = doc.find("```ron\n").unwrap() + "```ron\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let checked = check_case_text("docs/case-format.md", &doc[start..end]);
    let mut s = String::new();
    checked.report.render_text(&mut s);
    assert_eq!(checked.report.errors(), 0, "{s}");
    let case = checked.value.unwrap();
    assert_eq!(case.participants[0].capacity(), 3);
    assert_eq!(case.fixed_pairs.len(), 1);
}
