//! Survey import: the teachers' "могу научить / хочу научиться" spreadsheet → a case.
//!
//! Trainers bring the table every teacher filled in (seed 003) as an Excel workbook or a CSV
//! saved from Russian Excel. The import reads it ([`csv`], [`xlsx`] → [`table`]), finds the
//! header row and what each column means ([`headers`]), reads ages, experience, positions and
//! names ([`values`], [`positions`]), maps free-text topics to the catalogue ([`topics`], with
//! [`text`] normalising them), and builds a case that passes `revmap check`. Everything it
//! could not take as written is in the [`report::Report`]: skipped rows with row and column,
//! topics kept for review, mappings worth a second look.
//!
//! # For the TUI's Start stage
//!
//! ```no_run
//! use revmap::i18n::Lang;
//! use revmap::import::{ImportOptions, import_file};
//!
//! // School 291's catalogue; the report in the UI's language.
//! let opts = ImportOptions { lang: Some(Lang::Ru), ..ImportOptions::default() };
//! match import_file("survey.xlsx".as_ref(), &opts) {
//!     Ok(imported) => {
//!         let case = imported.case; // ready for the session; it passes `revmap check`
//!         let text = imported.report.render_text(); // show the trainer what to review
//!         # let _ = (case, text);
//!     }
//!     // A sentence naming the file and what was expected.
//!     Err(e) => eprintln!("{}", e.render(Lang::Ru)),
//! }
//! ```
//!
//! The work is pure apart from reading the file: [`import_bytes`] takes the bytes, so tests and
//! the fuzz target drive it without files. It never panics on any input.

mod build;
pub mod csv;
pub mod headers;
pub mod positions;
pub mod report;
pub mod table;
pub mod text;
pub mod topics;
pub mod values;
pub mod xlsx;

use std::fmt;
use std::io::Read;
use std::path::Path;
use std::sync::LazyLock;

use crate::domain::case::{Case, Catalogue};
use crate::domain::limits::MAX_FILE_BYTES;
use crate::i18n::{Lang, fill};
use crate::store::case_file::check_case_text;
use crate::store::report::FileReport;
use crate::store::{ron_io, source};

pub use headers::{Field, Override};
pub use report::Report;

/// School 291's case (seed 003), whose catalogue is the default one: five directions × five
/// topics with the aliases teachers use, and the school's positions with ranks.
pub const SCHOOL_291: &str = include_str!("../../scenarios/school-291.ron");

/// The default base case for an import: School 291's catalogue and status rule.
pub fn default_base() -> Case {
    static PARSED: LazyLock<Case> = LazyLock::new(|| {
        check_case_text("school-291.ron", SCHOOL_291)
            .value
            .expect("the embedded School 291 case is valid (checked by the test suite)")
    });
    PARSED.clone()
}

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Where the catalogue comes from. `None`: School 291's catalogue and status rule. A case
    /// given here also lends its organisations, resources and agenda to the result.
    pub base: Option<Case>,
    /// Sheet of a workbook, by name or 1-based number (default: the first).
    pub sheet: Option<String>,
    /// Column overrides (`--map COLUMN=FIELD`), applied over the recognised headers.
    pub map: Vec<Override>,
    /// Language of the report's messages; default: the catalogue's language.
    pub lang: Option<Lang>,
}

/// A case made from a survey, and what the import found on the way.
#[derive(Debug, Clone)]
pub struct Imported {
    pub case: Case,
    pub report: Report,
}

/// Why nothing could be imported. Each message names the file and says what was expected.
#[derive(Debug, Clone)]
pub enum ImportError {
    /// The file could not be read or is too large.
    Read { file: String, message: String },
    /// Not a spreadsheet revmap can read, or no such sheet.
    Format { file: String, message: String },
    /// The table has no non-blank cell.
    EmptyFile { file: String },
    /// No row in the first ten looks like a header.
    NoHeader {
        file: String,
        first_row: Vec<String>,
    },
    /// Required columns are missing; `found` lists every column as "C «Header»".
    MissingColumns {
        file: String,
        header_row: usize,
        missing: Vec<Field>,
        found: Vec<String>,
    },
    /// Every data row had a problem: the report says which.
    NothingUsable(Box<Report>),
    /// The `--catalogue` file has errors.
    Catalogue(Box<FileReport>),
}

impl ImportError {
    /// One sentence (or, for a bad catalogue, its located errors) in `lang`, naming the file.
    pub fn render(&self, lang: Lang) -> String {
        use crate::domain::text::sanitize;
        let t = lang.import_text();
        match self {
            ImportError::Read { file, message } | ImportError::Format { file, message } => {
                format!("{}: {message}", sanitize(file))
            }
            ImportError::EmptyFile { file } => format!("{}: {}", sanitize(file), t.empty_file),
            ImportError::NoHeader { file, first_row } => {
                let row = sanitize(&first_row.join(" | "));
                format!(
                    "{}: {}",
                    sanitize(file),
                    fill(t.no_header, &[("row", &row)])
                )
            }
            ImportError::MissingColumns {
                file,
                header_row,
                missing,
                found,
            } => {
                let need: Vec<String> = missing
                    .iter()
                    .map(|m| format!("{} ({})", m.key(), m.example_headers()))
                    .collect();
                let found = sanitize(&found.join(", "));
                let msg = fill(
                    t.missing_columns,
                    &[("missing", &need.join(", ")), ("found", &found)],
                );
                format!("{}:{header_row}: {msg}", sanitize(file))
            }
            ImportError::NothingUsable(report) => {
                let errors = report.errors().to_string();
                let msg = fill(t.nothing_usable, &[("errors", &errors)]);
                format!("{}: {msg}", sanitize(&report.file))
            }
            ImportError::Catalogue(r) => {
                let mut text = String::new();
                r.render_text(&mut text);
                format!("{}\n{}", t.catalogue_errors, text.trim_end())
            }
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for ImportError {}

/// Whether a file is opened as a survey (by its extension): a workbook or a CSV/TSV table,
/// not a case or session file.
pub fn is_survey_path(path: &Path) -> bool {
    const SURVEY: [&str; 7] = ["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods"];
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| SURVEY.iter().any(|s| s.eq_ignore_ascii_case(e)))
}

/// Reads and imports a survey file: `.xlsx` (or any workbook) or CSV/TSV.
pub fn import_file(path: &Path, opts: &ImportOptions) -> Result<Imported, ImportError> {
    let name = path.display().to_string();
    let read_err = |message: String| ImportError::Read {
        file: name.clone(),
        message,
    };
    let file = std::fs::File::open(path).map_err(|e| read_err(format!("cannot open: {e}")))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| read_err(format!("cannot read: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(read_err(format!(
            "the file is larger than {} MiB; expected a survey table",
            MAX_FILE_BYTES / 1024 / 1024
        )));
    }
    import_bytes(&name, &bytes, opts)
}

/// Imports a survey from its bytes; `name` is what messages call the file. A workbook is
/// recognised by its content, anything else is read as CSV/TSV.
pub fn import_bytes(
    name: &str,
    bytes: &[u8],
    opts: &ImportOptions,
) -> Result<Imported, ImportError> {
    let table = if xlsx::looks_like_workbook(bytes) {
        xlsx::read(bytes, opts.sheet.as_deref()).map_err(|message| ImportError::Format {
            file: name.to_string(),
            message,
        })?
    } else {
        csv::read(bytes)
    };
    build::import_table(name, table, opts)
}

/// Loads the `--catalogue` file: a case (its catalogue, status rule, organisations, resources
/// and agenda are used) or a bare `Catalogue(…)`.
pub fn load_base(path: &Path) -> Result<Case, ImportError> {
    let text = source::read_text(path).map_err(|r| ImportError::Catalogue(Box::new(r)))?;
    let name = path.display().to_string();
    if is_bare_catalogue(&text) {
        let catalogue: Catalogue = ron_io::parse(&text).map_err(|e| {
            let mut r = FileReport::new(&name);
            r.diagnostics.push(e);
            ImportError::Catalogue(Box::new(r))
        })?;
        return Ok(Case {
            version: crate::domain::case::CASE_VERSION,
            lang: "ru".into(),
            title: String::new(),
            narrative: String::new(),
            organisations: Vec::new(),
            catalogue,
            status_rule: Default::default(),
            participants: Vec::new(),
            resources: Vec::new(),
            fixed_pairs: Vec::new(),
            forbidden_pairs: Vec::new(),
            agenda: Vec::new(),
        });
    }
    let checked = check_case_text(&name, &text);
    checked
        .value
        .ok_or_else(|| ImportError::Catalogue(Box::new(checked.report)))
}

/// True when the first thing in the file (after comments) is `Catalogue(`.
fn is_bare_catalogue(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("//"))
        .is_some_and(|l| l.starts_with("Catalogue"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_catalogue_is_school_291() {
        let base = default_base();
        assert_eq!(base.catalogue.directions.len(), 5);
        assert!(base.catalogue.positions.iter().any(|p| p.id == "deputy"));
    }

    #[test]
    fn a_bare_catalogue_file_is_a_base() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("cat.ron");
        std::fs::write(
            &p,
            "// mine\nCatalogue(directions: [Direction(id: \"d\", name: \"D\", topics: [Topic(id: \"t\", name: \"T\")])])",
        )
        .unwrap();
        let base = load_base(&p).unwrap();
        assert_eq!(base.catalogue.directions[0].topics[0].id, "t");
        std::fs::write(&p, "Catalogue(directions: [Direction(id: 1)])").unwrap();
        assert!(matches!(load_base(&p), Err(ImportError::Catalogue(_))));
    }
}
