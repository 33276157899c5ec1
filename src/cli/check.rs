//! `revmap check FILE...`: validates case and session files and prints compiler-style
//! diagnostics.

use std::io::Write;
use std::path::PathBuf;

use crate::store::document::check_file;
use crate::store::report::FileReport;

use super::exit;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Case or session files to check
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Exit with status 1 when there are warnings (and no errors)
    #[arg(long)]
    pub deny_warnings: bool,

    /// Output format: readable text, or JSON for tools
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

pub fn run(args: &Args) -> u8 {
    let reports: Vec<FileReport> = args.files.iter().map(|f| check_file(f).report).collect();
    let mut out = String::new();
    match args.format {
        Format::Text => reports.iter().for_each(|r| r.render_text(&mut out)),
        Format::Json => {
            out = serde_json::to_string_pretty(&reports).unwrap_or_default();
            out.push('\n');
        }
    }
    // A closed pipe (`revmap check … | head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(out.as_bytes());
    exit_code(&reports, args.deny_warnings)
}

/// 2 if any file has errors; 1 if only warnings and they are denied; else 0.
pub fn exit_code(reports: &[FileReport], deny_warnings: bool) -> u8 {
    if reports.iter().any(|r| r.errors() > 0) {
        exit::ERRORS
    } else if deny_warnings && reports.iter().any(|r| r.warnings() > 0) {
        exit::WARNINGS
    } else {
        exit::OK
    }
}
