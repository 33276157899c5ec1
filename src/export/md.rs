//! Markdown: the same content as the HTML, for pasting into a report or a wiki. Every piece
//! of text is escaped so it shows literally: no headings, links, emphasis or raw HTML can
//! come from case or session text.

use std::fmt::Write;

use super::{Block, Doc};
use crate::domain::text::sanitize;

pub fn render(doc: &Doc) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&doc.title));
    for b in &doc.blocks {
        block(b, &mut out);
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn block(b: &Block, out: &mut String) {
    match b {
        Block::Heading(t) => {
            let _ = writeln!(out, "## {}\n", escape(t));
        }
        Block::Subheading(t) => {
            let _ = writeln!(out, "### {}\n", escape(t));
        }
        Block::Para(t) => {
            let _ = writeln!(out, "{}\n", paragraph(t));
        }
        Block::Note(t) => {
            let _ = writeln!(out, "*{}*\n", escape(t).replace('\n', " "));
        }
        Block::List(items) => {
            for i in items {
                let _ = writeln!(out, "- {}", escape(i).replace('\n', "<br>"));
            }
            out.push('\n');
        }
        Block::Facts(rows) => {
            out.push_str("| | |\n|---|---|\n");
            for (k, v) in rows {
                let _ = writeln!(out, "| **{}** | {} |", cell(k), cell(v));
            }
            out.push('\n');
        }
        Block::Table { head, rows } => table(head, rows, out),
        Block::Blanks { labels, lines } => {
            for l in labels {
                let _ = writeln!(out, "**{}**\n", escape(l));
                for _ in 0..*lines {
                    out.push_str("……………………………………………………………………………………………………………\n\n");
                }
            }
        }
        Block::BlankTable { head, rows } => {
            let empty = vec![vec![" ".to_string(); head.len()]; *rows];
            table(head, &empty, out);
        }
        Block::Page(blocks) => {
            out.push_str("---\n\n");
            for b in blocks {
                block(b, out);
            }
        }
    }
}

fn table(head: &[String], rows: &[Vec<String>], out: &mut String) {
    let cells: Vec<String> = head.iter().map(|h| cell(h)).collect();
    let _ = writeln!(out, "| {} |", cells.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(head.len()));
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

/// A table cell: one line, breaks as `<br>` (the only markup we add ourselves).
fn cell(t: &str) -> String {
    escape(t).replace('\n', "<br>")
}

/// Paragraph text: every line escaped, hard line breaks kept.
fn paragraph(t: &str) -> String {
    escape(t).replace('\n', "  \n")
}

/// Text shown literally: control characters replaced, every character Markdown gives a
/// meaning escaped with a backslash, and a line that would start a list, quote or heading
/// defused.
pub fn escape(t: &str) -> String {
    let mut out = String::with_capacity(t.len() + 8);
    for (i, line) in sanitize(t).split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let trimmed = line.trim_start();
        let lead = line.len() - trimmed.len();
        out.push_str(&line[..lead].replace('\t', " "));
        let marker = list_marker(trimmed);
        for (k, c) in trimmed.char_indices() {
            if Some(k) == marker
                || matches!(
                    c,
                    '\\' | '`'
                        | '*'
                        | '_'
                        | '['
                        | ']'
                        | '<'
                        | '>'
                        | '#'
                        | '|'
                        | '~'
                        | '&'
                        | '!'
                        | '{'
                        | '}'
                )
            {
                out.push('\\');
            }
            out.push(if c == '\t' { ' ' } else { c });
        }
    }
    out
}

/// Where a line would start a list or a heading (`- x`, `+ x`, `=`, `1. x`, `1) x`): the
/// byte to escape, so it shows literally. CommonMark only honours backslashes before
/// punctuation, so in `1. x` it is the dot that gets one.
fn list_marker(line: &str) -> Option<usize> {
    if line.starts_with(['-', '+', '=']) {
        return Some(0);
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let after = line[digits..].strip_prefix(['.', ')'])?;
    (digits > 0 && (after.is_empty() || after.starts_with([' ', '\t']))).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_syntax_shows_literally() {
        assert_eq!(
            escape("**bold** [x](javascript:y) <b>"),
            "\\*\\*bold\\*\\* \\[x\\](javascript:y) \\<b\\>"
        );
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(
            escape("- not a list\n1. nor this"),
            "\\- not a list\n1\\. nor this"
        );
        assert_eq!(escape("12) no\n3.5 years"), "12\\) no\n3.5 years");
        assert_eq!(escape("a|b \u{1b}[31m"), "a\\|b \u{FFFD}\\[31m");
        assert_eq!(escape("Иванова И. И."), "Иванова И. И.");
        assert_eq!(escape("\n\n- x"), "\n\n\\- x");
    }

    #[test]
    fn table_cells_stay_on_one_row() {
        let doc = Doc {
            lang: crate::i18n::Lang::En,
            title: "T".into(),
            blocks: vec![Block::Table {
                head: vec!["A".into(), "B".into()],
                rows: vec![vec!["x\ny".into(), "p|q".into()]],
            }],
        };
        assert_eq!(
            render(&doc),
            "# T\n\n| A | B |\n|---|---|\n| x<br>y | p\\|q |\n"
        );
    }
}
