//! Printable exports: a session's pairs and maps, and a trainer's handout per case, as
//! Markdown or as HTML made for printing on A4.
//!
//! Content is built once as a small format-neutral document ([`Doc`]) by `session` and
//! `handout`; `md` and `html` only render it, escaping every piece of text on the way out,
//! so no case or session text can inject markup, scripts or terminal escape sequences.

pub mod handout;
pub mod html;
pub mod md;
pub mod session;

use crate::domain::case::Case;
use crate::i18n::Lang;

/// What a document is made of. All strings are plain text; renderers escape them.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A second-level heading.
    Heading(String),
    /// A third-level heading.
    Subheading(String),
    /// Text; newlines are kept as line breaks.
    Para(String),
    /// A small print line under a heading (team, date).
    Note(String),
    List(Vec<String>),
    /// Label–value rows, e.g. a passport.
    Facts(Vec<(String, String)>),
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// Labelled empty boxes to write in by hand, `lines` lines tall each.
    Blanks {
        labels: Vec<String>,
        lines: u8,
    },
    /// A table of empty rows to write in: the header and how many rows.
    BlankTable {
        head: Vec<String>,
        rows: usize,
    },
    /// Content that starts on a new printed page.
    Page(Vec<Block>),
}

/// A document: a title and blocks, in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub lang: Lang,
    pub title: String,
    pub blocks: Vec<Block>,
}

/// The two export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Md,
    Html,
}

impl Format {
    pub fn render(self, doc: &Doc) -> String {
        match self {
            Format::Md => md::render(doc),
            Format::Html => html::render(doc),
        }
    }

    /// The file extension: `md` or `html`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
        }
    }
}

/// Topic names for a list of ids, comma-separated.
/// Topic names joined by semicolons: names often hold commas ("Геометрия, 10 класс").
fn topic_names(case: &Case, ids: &[String]) -> String {
    ids.iter()
        .map(|id| case.topic_name(id))
        .collect::<Vec<_>>()
        .join("; ")
}
