//! `revmap kit DIR -o OUTDIR`: checks every case in DIR like `check`, and writes a printable
//! handout (HTML and Markdown) for each case without errors. A case with errors gets no
//! handout and makes the exit status 2; the others are still written, so one broken file
//! does not hold up the rest of a kit.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::domain::text::sanitize;
use crate::export::Format;
use crate::export::handout::handout_doc;
use crate::i18n::Lang;
use crate::store::case_file::check_case_file;
use crate::store::locate::first_ident;
use crate::store::output::write_output;
use crate::store::report::plural;
use crate::store::source;

use super::exit;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder of case files (*.ron; session files in it are skipped)
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// Folder to write the handouts to (made if missing): CASE.html and CASE.md per case
    #[arg(short, long, value_name = "OUTDIR")]
    pub output: PathBuf,
}

pub fn run(args: &Args, lang: Option<Lang>) -> u8 {
    let files = match case_files(&args.dir) {
        Ok(f) if !f.is_empty() => f,
        Ok(_) => {
            return fail(&format!(
                "{}: no .ron case files in this folder",
                args.dir.display()
            ));
        }
        Err(e) => {
            return fail(&format!(
                "{}: cannot read the folder: {e}",
                args.dir.display()
            ));
        }
    };
    if let Err(e) = std::fs::create_dir_all(&args.output) {
        return fail(&format!(
            "{}: cannot make the folder: {e}",
            args.output.display()
        ));
    }
    let mut out = String::new();
    let (mut written, mut broken) = (0, 0);
    for f in &files {
        let checked = check_case_file(f);
        checked.report.render_text(&mut out);
        let Some(case) = checked.value else {
            broken += 1;
            continue;
        };
        let lang = lang
            .or_else(|| Lang::from_code(&case.lang))
            .unwrap_or_default();
        let doc = handout_doc(&case, lang);
        let stem = f
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        for format in [Format::Html, Format::Md] {
            let path = args.output.join(format!("{stem}.{}", format.extension()));
            if let Err(e) = write_output(&path, &format.render(&doc), &[f.as_path()]) {
                let _ = std::io::stdout().write_all(out.as_bytes());
                return fail(&e);
            }
        }
        written += 1;
    }
    out.push_str(&format!(
        "{}: {} (HTML and Markdown)",
        sanitize(&args.output.display().to_string()),
        plural(written, "handout")
    ));
    if broken > 0 {
        out.push_str(&format!(
            "; {} with errors, no handout",
            plural(broken, "case")
        ));
    }
    out.push('\n');
    let _ = std::io::stdout().write_all(out.as_bytes());
    if broken > 0 { exit::ERRORS } else { exit::OK }
}

/// The case files in `dir`, sorted; session files are left out.
fn case_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "ron"))
        .filter(|p| !is_session(p))
        .collect();
    files.sort();
    Ok(files)
}

fn is_session(p: &Path) -> bool {
    source::read_text(p).is_ok_and(|t| first_ident(&t) == Some("Session"))
}

fn fail(message: &str) -> u8 {
    eprintln!("revmap kit: {}", sanitize(message));
    exit::ERRORS
}
