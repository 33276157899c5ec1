//! Diagnostics with a file position, and their rendering: compiler-style text with the
//! source line and a caret, or JSON for tools.

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::domain::diag::{Diagnostic, Severity};
use crate::domain::text::sanitize;

use super::locate::{Outline, line_col};

/// A diagnostic pinned to `line:col` of a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Located {
    pub severity: Severity,
    pub code: String,
    pub line: usize,
    pub col: usize,
    /// Columns the offending value spans on its first line (at least 1), for the caret.
    pub width: usize,
    /// Document path, e.g. `participants[3].lacks[0]`; empty for syntax errors.
    pub path: String,
    pub message: String,
}

impl Located {
    pub fn new(
        severity: Severity,
        code: &str,
        (line, col): (usize, usize),
        message: String,
    ) -> Self {
        Located {
            severity,
            code: code.to_string(),
            line,
            col,
            width: 1,
            path: String::new(),
            message,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Everything `check` found in one file.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    pub file: String,
    /// "case" or "session", once known.
    pub kind: Option<&'static str>,
    pub diagnostics: Vec<Located>,
    /// Size facts for the summary line, e.g. "42 participants, 25 topics".
    pub facts: Option<String>,
    #[serde(skip)]
    pub source: Option<String>,
}

impl FileReport {
    pub fn new(file: &str) -> FileReport {
        FileReport {
            file: file.to_string(),
            kind: None,
            diagnostics: Vec::new(),
            facts: None,
            source: None,
        }
    }

    /// A report holding one error that is not tied to a position inside the file
    /// (unreadable, too large): it points at 1:1.
    pub fn single(file: &str, code: &str, at: (usize, usize), message: String) -> FileReport {
        let mut r = FileReport::new(file);
        r.diagnostics
            .push(Located::new(Severity::Error, code, at, message));
        r
    }

    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }

    /// Pins domain diagnostics to positions in `source`. The outline is only built when
    /// there is something to locate, so clean files cost nothing extra.
    pub fn locate(&mut self, source: &str, found: Vec<Diagnostic>) {
        if found.is_empty() {
            return;
        }
        let outline = Outline::parse(source);
        for d in found {
            let span = outline.find(&d.path);
            let (line, col) = line_col(source, span.start);
            let first_line = source[span.start..span.end.max(span.start)]
                .split('\n')
                .next()
                .unwrap_or("");
            self.diagnostics.push(Located {
                severity: d.severity,
                code: d.code.to_string(),
                line,
                col,
                width: first_line.width().max(1),
                path: d.path.to_string(),
                message: d.message,
            });
        }
        self.diagnostics.sort_by_key(|d| (d.line, d.col));
    }

    /// Compiler-style text: one `file:line:col: severity: message [code]` line per
    /// diagnostic, the source line with a caret under it, then a summary line.
    pub fn render_text(&self, out: &mut String) {
        for d in &self.diagnostics {
            let sev = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            out.push_str(&format!(
                "{}:{}:{}: {sev}: {} [{}]\n",
                sanitize(&self.file),
                d.line,
                d.col,
                sanitize(&d.message),
                d.code
            ));
            if let Some(src) = &self.source {
                render_snippet(src, d, out);
            }
        }
        out.push_str(&self.summary());
        out.push('\n');
    }

    /// `file: ok (42 participants, 25 topics)` or `file: 2 errors, 1 warning`.
    pub fn summary(&self) -> String {
        let (e, w) = (self.errors(), self.warnings());
        let facts = self
            .facts
            .as_ref()
            .map(|f| format!(" ({f})"))
            .unwrap_or_default();
        let status = match (e, w) {
            (0, 0) => "ok".to_string(),
            (0, w) => format!("ok with {}", plural(w, "warning")),
            (e, 0) => plural(e, "error"),
            (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
        };
        format!("{}: {status}{facts}", sanitize(&self.file))
    }
}

/// "1 error", "2 errors".
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `  12 |     lacks: ["exel"],` and `     |             ^^^^^^` below it. Long lines (minified
/// files) are cut to a window around the error so they never flood the terminal.
fn render_snippet(src: &str, d: &Located, out: &mut String) {
    const BEFORE: usize = 60;
    const SHOWN: usize = 160;
    let Some(line) = src.split('\n').nth(d.line.saturating_sub(1)) else {
        return;
    };
    let line = line.trim_end_matches('\r');
    // Only the shown window is copied: a hostile file may be one line of 60 MB.
    // `sanitize` maps each character to one, so columns stay put.
    let len = line.chars().count();
    let col = d.col.saturating_sub(1).min(len);
    let from = col.saturating_sub(BEFORE);
    let to = (from + SHOWN).min(len);
    let window: String = line.chars().skip(from).take(to - from).collect();
    let chars: Vec<char> = sanitize(&window).replace('\t', " ").chars().collect();
    let lead = if from > 0 { "…" } else { "" };
    let tail = if to < len { "…" } else { "" };
    let before: String = chars[..col - from].iter().collect();
    let shown: String = chars.iter().collect();
    let gutter = d.line.to_string().len();
    out.push_str(&format!("{:>gutter$} |\n", ""));
    out.push_str(&format!("{} | {lead}{shown}{tail}\n", d.line));
    out.push_str(&format!(
        "{:>gutter$} | {}{}{}\n",
        "",
        lead,
        " ".repeat(before.width()),
        "^".repeat(d.width.min(SHOWN - (col - from)).max(1))
    ));
}
