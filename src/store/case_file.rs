//! Case files: read, parse, migrate and validate, with every problem located.

use std::path::Path;

use serde::Deserialize;

use crate::domain::case::{CASE_VERSION, Case};
use crate::domain::diag::Severity;
use crate::domain::validate::validate;

use super::report::{FileReport, Located};
use super::{ron_io, source};

/// The demo case, compiled into the binary so `revmap` opens with no file at all.
pub const DEMO: &str = include_str!("../../scenarios/demo.ron");

/// A parsed file and everything found in it. `value` is `Some` only when there are no errors.
pub struct Checked<T> {
    pub value: Option<T>,
    pub report: FileReport,
}

/// Only the version, read before the full parse so older files can be migrated.
#[derive(Deserialize)]
#[serde(rename = "Case")]
struct VersionProbe {
    version: u32,
}

/// Parses and validates case text; `name` is what errors call the file.
pub fn check_case_text(name: &str, text: &str) -> Checked<Case> {
    let mut report = FileReport::new(name);
    report.kind = Some("case");
    report.source = Some(text.to_string());
    let case = match parse_current(text) {
        Ok(case) => case,
        Err(e) => {
            report.diagnostics.push(e);
            return Checked {
                value: None,
                report,
            };
        }
    };
    report.locate(text, validate(&case));
    report.facts = Some(facts(&case));
    let ok = report.errors() == 0;
    Checked {
        value: ok.then_some(case),
        report,
    }
}

fn parse_current(text: &str) -> Result<Case, Located> {
    let probe: VersionProbe = ron_io::parse(text)?;
    if probe.version != CASE_VERSION {
        let at = version_position(text);
        return Err(Located::new(
            Severity::Error,
            "version",
            at,
            format!(
                "case version {} is not supported; expected version {CASE_VERSION} (a newer revmap may read it)",
                probe.version
            ),
        ));
    }
    ron_io::parse(text)
}

fn version_position(text: &str) -> (usize, usize) {
    use crate::domain::diag::Path as DocPath;
    let outline = super::locate::Outline::parse(text);
    let span = outline.find(&DocPath::root().field("version"));
    super::locate::line_col(text, span.start)
}

/// "42 participants, 25 topics, 5 directions"
fn facts(case: &Case) -> String {
    format!(
        "{} participants, {} topics, {} directions",
        case.participants.len(),
        case.topics().count(),
        case.catalogue.directions.len()
    )
}

/// Reads and checks a case file from disk.
pub fn check_case_file(path: &Path) -> Checked<Case> {
    match source::read_text(path) {
        Ok(text) => check_case_text(&path.display().to_string(), &text),
        Err(report) => Checked {
            value: None,
            report,
        },
    }
}

/// Loads a case that must be free of errors; warnings are returned in the report.
pub fn load_case(path: &Path) -> Result<(Case, FileReport), FileReport> {
    let checked = check_case_file(path);
    match checked.value {
        Some(case) => Ok((case, checked.report)),
        None => Err(checked.report),
    }
}

/// The embedded demo case. It is checked by the test suite, so failure here is a bug.
pub fn demo_case() -> Case {
    check_case_text("demo.ron", DEMO)
        .value
        .expect("the embedded demo case is valid")
}
