//! `revmap import SURVEY`: the teachers' spreadsheet → a checked case file, with a report the
//! trainer can act on. The case goes to `-o FILE` (or standard output); the report goes to
//! standard error, as text or JSON.

use std::io::Write;
use std::path::PathBuf;

use crate::i18n::{Lang, fill};
use crate::import::{ImportError, ImportOptions, Imported, Override, import_file, load_base};
use crate::store::case_file::check_case_text;
use crate::store::ron_io;

use super::check::Format;
use super::exit;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Survey table: .xlsx (or another workbook), or CSV/TSV in UTF-8 or Windows-1251
    #[arg(value_name = "SURVEY")]
    pub survey: PathBuf,

    /// Case or bare Catalogue file whose topics and positions to map to (default: School 291's)
    #[arg(long, value_name = "CASE_OR_CATALOGUE")]
    pub catalogue: Option<PathBuf>,

    /// Workbook sheet, by name or number (default: the first)
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,

    /// Say what a column holds when its header is not recognised, e.g. --map "Темы=teaches"
    /// or --map C=age. Fields: name, surname, first-name, patronymic, age, experience,
    /// position, teaches, lacks, email, phone, role, capacity, prefers, organisation, ignore
    #[arg(long = "map", value_name = "COLUMN=FIELD", value_parser = Override::parse)]
    pub map: Vec<Override>,

    /// Write the case to FILE (atomically, keeping FILE.bak) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Report format on standard error: readable text, or JSON for tools
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub report: Format,
}

/// `lang` is the global `--lang`; without it the environment's language, then the
/// catalogue's (Russian for the default School 291 catalogue).
pub fn run(args: &Args, lang: Option<Lang>) -> u8 {
    let lang = lang.or_else(Lang::from_env);
    let base = match args.catalogue.as_deref().map(load_base).transpose() {
        Ok(b) => b,
        Err(e) => return fail(args, &e, lang.unwrap_or_default()),
    };
    let fallback = base
        .as_ref()
        .map_or(Some(Lang::Ru), |b| Lang::from_code(&b.lang))
        .unwrap_or_default();
    let opts = ImportOptions {
        base,
        sheet: args.sheet.clone(),
        map: args.map.clone(),
        lang,
    };
    match import_file(&args.survey, &opts) {
        Ok(imported) => write(args, &imported),
        Err(e) => fail(args, &e, lang.unwrap_or(fallback)),
    }
}

fn write(args: &Args, imported: &Imported) -> u8 {
    let text = match ron_io::to_pretty(&imported.case) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("revmap import: cannot write the case: {e}");
            return exit::ERRORS;
        }
    };
    // The promise is a case that passes `revmap check`: hold the written text to it.
    let checked = check_case_text("imported case", &text);
    if checked.report.errors() > 0 {
        let mut out = String::new();
        checked.report.render_text(&mut out);
        eprintln!("revmap import: the imported case does not pass check (a bug):\n{out}");
        return exit::ERRORS;
    }
    report(args, imported);
    let code = super::write_output(args.output.as_deref(), &text, "import");
    if code == exit::OK
        && let Some(p) = &args.output
        && args.report == Format::Text
    {
        let t = imported.report.lang.import_text();
        let file = p.display().to_string();
        let count = imported.case.participants.len().to_string();
        eprintln!("{}", fill(t.wrote, &[("file", &file), ("count", &count)]));
    }
    code
}

fn report(args: &Args, imported: &Imported) {
    let text = match args.report {
        Format::Text => imported.report.render_text(),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&imported.report).unwrap_or_default();
            s.push('\n');
            s
        }
    };
    let _ = std::io::stderr().write_all(text.as_bytes());
}

fn fail(args: &Args, e: &ImportError, lang: Lang) -> u8 {
    let text = match args.report {
        Format::Text => {
            let mut s = format!("revmap import: {}\n", e.render(lang));
            if let ImportError::NothingUsable(r) = e {
                s.push_str(&r.render_text());
            }
            s
        }
        Format::Json => {
            let report = match e {
                ImportError::NothingUsable(r) => serde_json::to_value(r).ok(),
                _ => None,
            };
            let v = serde_json::json!({ "error": e.render(lang), "report": report });
            format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default())
        }
    };
    let _ = std::io::stderr().write_all(text.as_bytes());
    exit::ERRORS
}
