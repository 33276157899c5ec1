//! What an import found, for the trainer (text) and for tools (JSON): how the file was read,
//! what each column means, rows skipped and why, every topic mapping with its confidence,
//! the new topics to review, and what `revmap check` says of the result.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::domain::text::sanitize;
use crate::i18n::{Lang, fill};

use super::headers::Field;
use super::table::SourceInfo;

/// Confidence from which an accepted mapping is not listed for a second look.
pub const SURE: f64 = 0.85;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The row was not imported.
    Error,
    /// Imported, but something was changed or dropped: check it.
    Warning,
    /// For information (junk rows skipped, columns ignored).
    Note,
}

/// One finding, pinned to a spreadsheet row and column where it has one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    pub level: Level,
    /// Stable kebab-case code for tools and tests, e.g. `bad-age`.
    pub code: &'static str,
    /// Row number as the spreadsheet shows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    /// Column letter and header, e.g. `C «Возраст»`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// The cell text concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnReport {
    pub column: String,
    pub header: String,
    /// What the column was read as; `None` when it is ignored.
    pub field: Option<Field>,
}

/// One free-text entry and the topic it became.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mapping {
    pub row: usize,
    pub column: String,
    /// "teaches" or "lacks".
    pub list: &'static str,
    pub text: String,
    /// The topic id it was imported as (a `review-N` topic when not accepted).
    pub topic: String,
    /// The catalogue topic it resembles most, accepted or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closest: Option<String>,
    pub confidence: f64,
    pub accepted: bool,
}

/// A new topic made from entries the catalogue did not cover.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewTopic {
    pub id: String,
    pub name: String,
    /// How many entries went into it.
    pub count: usize,
    pub rows: Vec<usize>,
    /// The nearest catalogue topic and its confidence, when anything was near.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closest: Option<(String, f64)>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RowCounts {
    /// Rows below the header that hold data (not blank, not totals or titles).
    pub data: usize,
    pub imported: usize,
    pub skipped: usize,
    /// Blank, totals, title and repeated-header rows.
    pub junk: usize,
}

/// What `revmap check` says of the imported case.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CheckSummary {
    pub errors: Vec<String>,
    /// Warning code → how many.
    pub warnings: BTreeMap<String, usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    pub file: String,
    /// Language of the messages and of the text rendering.
    pub lang: Lang,
    pub source: SourceInfo,
    /// Row number of the header, as the spreadsheet shows it.
    pub header_row: usize,
    pub columns: Vec<ColumnReport>,
    pub rows: RowCounts,
    pub issues: Vec<Issue>,
    pub mappings: Vec<Mapping>,
    pub review: Vec<ReviewTopic>,
    pub check: CheckSummary,
}

impl Report {
    pub fn new(file: &str) -> Report {
        Report {
            file: file.to_string(),
            ..Report::default()
        }
    }

    pub fn push(&mut self, issue: Issue) {
        self.issues.push(issue);
    }

    pub fn errors(&self) -> usize {
        self.issues
            .iter()
            .filter(|i| i.level == Level::Error)
            .count()
    }

    /// Readable text: how the file was read, row problems compiler-style
    /// (`file:ROW: COLUMN: level: message`), topics to review, topics to double-check, and
    /// the check result.
    pub fn render_text(&self) -> String {
        let mut out = String::new();
        self.render_source(&mut out);
        self.render_issues(&mut out);
        self.render_topics(&mut out);
        self.render_check(&mut out);
        out
    }

    fn render_source(&self, out: &mut String) {
        let t = self.lang.import_text();
        let s = &self.source;
        let how: Vec<String> = [
            Some(s.format.clone()),
            s.encoding.clone(),
            s.delimiter
                .as_ref()
                .map(|d| fill(t.delimiter, &[("delimiter", d)])),
            s.sheet
                .as_ref()
                .map(|n| fill(t.sheet, &[("sheet", &clean(n))])),
        ]
        .into_iter()
        .flatten()
        .collect();
        let line = fill(
            t.source,
            &[
                ("file", &clean(&self.file)),
                ("how", &how.join(", ")),
                ("row", &self.header_row.to_string()),
            ],
        );
        let cols: Vec<String> = self
            .columns
            .iter()
            .map(|c| {
                let f = c.field.map_or(t.ignored, |f| f.key());
                format!("{} → {f}", clean(&c.column))
            })
            .collect();
        let r = &self.rows;
        let rows = fill(
            t.rows,
            &[
                ("imported", &r.imported.to_string()),
                ("skipped", &r.skipped.to_string()),
                ("junk", &r.junk.to_string()),
            ],
        );
        out.push_str(&format!(
            "{line}\n{}\n{rows}\n",
            fill(t.columns, &[("columns", &cols.join(" · "))])
        ));
    }

    fn render_issues(&self, out: &mut String) {
        let mut issues: Vec<&Issue> = self.issues.iter().collect();
        issues.sort_by_key(|i| (i.row.unwrap_or(0), i.level));
        for i in issues {
            let levels = self.lang.import_text().levels;
            let level = match i.level {
                Level::Error => levels[0],
                Level::Warning => levels[1],
                Level::Note => levels[2],
            };
            let row = i.row.map(|r| format!(":{r}")).unwrap_or_default();
            let col = i
                .column
                .as_ref()
                .map(|c| format!(" {}:", clean(c)))
                .unwrap_or_default();
            let text = i
                .text
                .as_ref()
                .map(|t| format!("{} ", quote(t)))
                .unwrap_or_default();
            out.push_str(&format!(
                "{}{row}:{col} {level}: {text}{} [{}]\n",
                clean(&self.file),
                clean(&i.message),
                i.code
            ));
        }
    }

    fn render_topics(&self, out: &mut String) {
        let t = self.lang.import_text();
        let accepted = self.mappings.iter().filter(|m| m.accepted).count();
        let unsure: Vec<&Mapping> = self
            .mappings
            .iter()
            .filter(|m| m.accepted && m.confidence < SURE)
            .collect();
        let summary = fill(
            t.topics,
            &[
                ("entries", &self.mappings.len().to_string()),
                ("mapped", &accepted.to_string()),
                ("unsure", &unsure.len().to_string()),
                ("review", &(self.mappings.len() - accepted).to_string()),
                ("topics", &self.review.len().to_string()),
            ],
        );
        out.push_str(&format!("{summary}\n"));
        if !self.review.is_empty() {
            out.push_str(&format!("{}\n", t.review_heading));
        }
        for r in &self.review {
            let closest = r
                .closest
                .as_ref()
                .map(|(topic, c)| {
                    fill(
                        t.closest,
                        &[("topic", topic), ("confidence", &format!("{c:.2}"))],
                    )
                })
                .unwrap_or_default();
            let rows = fill(t.at_rows, &[("rows", &list_rows(&r.rows))]);
            out.push_str(&format!(
                "  {} {} ×{}: {rows}{closest}\n",
                r.id,
                quote(&r.name),
                r.count
            ));
        }
        if !unsure.is_empty() {
            out.push_str(&format!("{}\n", t.unsure_heading));
        }
        for (m, rows) in group_unsure(&unsure) {
            let rows_text = fill(t.at_rows, &[("rows", &list_rows(&rows))]);
            out.push_str(&format!(
                "  {} → {} ({:.2}) ×{}: {rows_text}\n",
                quote(&m.text),
                m.topic,
                m.confidence,
                rows.len()
            ));
        }
    }

    fn render_check(&self, out: &mut String) {
        let t = self.lang.import_text();
        let c = &self.check;
        let warnings: usize = c.warnings.values().sum();
        let detail: Vec<String> = c
            .warnings
            .iter()
            .map(|(k, n)| format!("{k} ×{n}"))
            .collect();
        let status = match (c.errors.len(), warnings) {
            (0, 0) => t.check_ok.to_string(),
            (0, w) => fill(
                t.check_warnings,
                &[("count", &w.to_string()), ("codes", &detail.join(", "))],
            ),
            (e, _) => fill(
                t.check_errors,
                &[("count", &e.to_string()), ("errors", &c.errors.join("; "))],
            ),
        };
        out.push_str(&format!("{}\n", clean(&status)));
    }
}

/// Less-sure mappings with the same text and topic together, in first-seen order.
fn group_unsure<'m>(unsure: &[&'m Mapping]) -> Vec<(&'m Mapping, Vec<usize>)> {
    let mut groups: Vec<(&Mapping, Vec<usize>)> = Vec::new();
    for m in unsure {
        match groups
            .iter_mut()
            .find(|(g, _)| g.topic == m.topic && g.text.to_lowercase() == m.text.to_lowercase())
        {
            Some((_, rows)) => rows.push(m.row),
            None => groups.push((m, vec![m.row])),
        }
    }
    groups
}

/// Row numbers, shortened past a dozen.
fn list_rows(rows: &[usize]) -> String {
    let shown: Vec<String> = rows.iter().take(12).map(usize::to_string).collect();
    let more = if rows.len() > 12 { ", …" } else { "" };
    format!("{}{more}", shown.join(", "))
}

/// Text from the file, safe for a terminal and on one line.
fn clean(s: &str) -> String {
    sanitize(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn quote(s: &str) -> String {
    let c = clean(s);
    let short: String = c.chars().take(80).collect();
    let cut = if short.len() < c.len() { "…" } else { "" };
    format!("«{short}{cut}»")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issues_render_with_row_and_column() {
        let mut r = Report::new("survey.csv");
        r.header_row = 2;
        r.push(Issue {
            level: Level::Error,
            code: "bad-age",
            row: Some(14),
            column: Some("C «Возраст»".into()),
            text: Some("сорок\u{1b}[2J".into()),
            message: "expected an age in years, e.g. 34; row not imported".into(),
        });
        let text = r.render_text();
        assert!(
            text.contains("survey.csv:14: C «Возраст»: error: «сорок\u{FFFD}[2J» expected an age"),
            "{text}"
        );
        assert!(!text.contains('\u{1b}'));
        assert!(text.contains("check: ok"));
        r.lang = Lang::Ru;
        let text = r.render_text();
        assert!(text.contains(":14: C «Возраст»: ошибка: «сорок"), "{text}");
        assert!(text.contains("заголовок в строке 2"), "{text}");
    }
}
