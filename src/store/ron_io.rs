//! The one place RON is configured: parse options (limits, implicit `Some`), pretty
//! printing, and turning `ron` errors into located, readable diagnostics.

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::domain::diag::Severity;
use crate::domain::limits::MAX_DEPTH;

use super::locate::{line_col, offset_of};
use super::report::Located;

pub fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_DEPTH)
}

/// Parses `text`, mapping a syntax or type error to a located diagnostic.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, Located> {
    options().from_str(text).map_err(|e| located(text, &e))
}

/// [`parse`] with a `DeserializeSeed`, for readers that keep state while parsing.
pub fn parse_seed<'a, S: serde::de::DeserializeSeed<'a>>(
    text: &'a str,
    seed: S,
) -> Result<S::Value, Located> {
    options()
        .from_str_seed(text, seed)
        .map_err(|e| located(text, &e))
}

/// Pretty RON as revmap writes it: struct names, four-space indent, `Some` left implicit.
pub fn to_pretty<T: Serialize>(value: &T) -> Result<String, ron::Error> {
    let config = PrettyConfig::new()
        .struct_names(true)
        .indentor("    ")
        .separate_tuple_members(false)
        .compact_arrays(false);
    let mut out = options().to_string_pretty(value, config)?;
    out.push('\n');
    Ok(out)
}

/// Compact RON with no layout choices, for hashing: the same value always gives the same text.
pub fn to_canonical<T: Serialize>(value: &T) -> Result<String, ron::Error> {
    options().to_string(value)
}

fn located(text: &str, e: &ron::error::SpannedError) -> Located {
    let (code, message) = describe(&e.code);
    let at = match e.code {
        // `ron` puts the end of input on the last character when no whitespace follows it;
        // the file ends after that character.
        ron::Error::Eof => line_col(text, text.len()),
        _ => next_token(text, (e.span.start.line, e.span.start.col)),
    };
    Located::new(Severity::Error, code, at, message)
}

/// `ron` reports some errors just before the whitespace that precedes the offending token;
/// point at the token itself, as an editor user expects.
fn next_token(text: &str, (line, col): (usize, usize)) -> (usize, usize) {
    let start = offset_of(text, line, col);
    let skipped = text[start..]
        .find(|c: char| !c.is_whitespace())
        .map_or(text.len(), |k| start + k);
    line_col(text, skipped)
}

/// A stable code and a sentence saying what was expected.
fn describe(e: &ron::Error) -> (&'static str, String) {
    use ron::Error as E;
    match e {
        E::ExceededRecursionLimit => (
            "too-deep",
            format!("nesting is deeper than {MAX_DEPTH} levels; expected a case or session file"),
        ),
        E::NoSuchStructField { .. } => ("unknown-field", sentence(e)),
        E::MissingStructField { .. } => ("missing-field", sentence(e)),
        E::DuplicateStructField { .. } => ("duplicate-field", sentence(e)),
        E::NoSuchEnumVariant { .. } => ("unknown-variant", sentence(e)),
        E::Eof => (
            "syntax",
            "the file ends too early; expected the rest of the value (a missing `)` or `]`?)"
                .to_string(),
        ),
        E::ExpectedStringEnd => (
            "syntax",
            "this string is never closed; expected a closing `\"`".to_string(),
        ),
        E::InvalidValueForType { .. }
        | E::ExpectedDifferentLength { .. }
        | E::ExpectedInteger
        | E::ExpectedFloat
        | E::ExpectedBoolean
        | E::ExpectedString
        | E::ExpectedChar
        | E::ExpectedArray
        | E::ExpectedMap
        | E::ExpectedOption
        | E::ExpectedUnit
        | E::ExpectedStructLike
        | E::ExpectedNamedStructLike(_)
        | E::IntegerOutOfBounds => ("type", sentence(e)),
        E::Message(m) if m.starts_with("too many items") => ("too-many", m.clone()),
        E::Message(m) => ("type", lower_first(m)),
        _ => ("syntax", sentence(e)),
    }
}

fn sentence(e: &ron::Error) -> String {
    lower_first(&e.to_string())
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}
