//! Case files: read, parse, migrate and validate, with every problem located.

use std::path::Path;

use crate::domain::case::{CASE_VERSION, Case};
use crate::domain::validate::validate;

use super::report::{FileReport, Located};
use super::{migrate, ron_io, source};

/// The demo case, compiled into the binary so `revmap` opens with no file at all.
pub const DEMO: &str = include_str!("../../scenarios/demo.ron");

/// A parsed file and everything found in it. `value` is `Some` only when there are no errors.
pub struct Checked<T> {
    pub value: Option<T>,
    pub report: FileReport,
}

impl<T> Checked<T> {
    /// Reads `path` within the limits of `source` and checks its text with `check`.
    pub fn file(path: &Path, check: impl FnOnce(&str, &str) -> Checked<T>) -> Checked<T> {
        match source::read_text(path) {
            Ok(text) => check(&path.display().to_string(), &text),
            Err(report) => Checked {
                value: None,
                report,
            },
        }
    }

    /// The value with its warnings, or the report of what stopped it.
    pub fn into_result(self) -> Result<(T, FileReport), FileReport> {
        match self.value {
            Some(v) => Ok((v, self.report)),
            None => Err(self.report),
        }
    }
}

/// How case files are versioned; no case format change has needed an upgrade step yet.
pub const FORMAT: migrate::Format = migrate::Format {
    kind: "case",
    current: CASE_VERSION,
    steps: &[],
};

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
    let found = migrate::probe_version(text)?;
    ron_io::parse(&migrate::upgrade(text, found, &FORMAT)?)
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
    Checked::file(path, check_case_text)
}

/// Loads a case that must be free of errors; warnings are returned in the report.
pub fn load_case(path: &Path) -> Result<(Case, FileReport), FileReport> {
    check_case_file(path).into_result()
}

/// The embedded demo case. It is checked by the test suite, so failure here is a bug.
pub fn demo_case() -> Case {
    check_case_text("demo.ron", DEMO)
        .value
        .expect("the embedded demo case is valid")
}
