//! File versions and the migration chain, shared by cases and sessions.
//!
//! A file says which format version it was written in. On load, the version is read first;
//! an older file is upgraded one step at a time (`from` → `from + 1`) by text edits, so
//! comments and layout survive, and only then parsed as the current format. A newer file is
//! refused with a clear message. Each step bumps the `version` field itself through
//! [`set_version`], so a step only describes what changed.
//!
//! Adding a field with a serde default needs no step: old files simply lack it. A step is
//! needed when a field is renamed, moved or changes meaning; write it here, add a fixture of
//! the old version under `tests/fixtures/sessions/` (or `cases/`) and a row to the docs.

use std::borrow::Cow;
use std::cell::Cell;

use serde::Deserializer;
use serde::de::{self, DeserializeSeed, MapAccess, Visitor};

use crate::domain::diag::{Path as DocPath, Severity};

use super::locate::{Outline, line_col};
use super::report::Located;
use super::ron_io;

/// One upgrade of the text of a file from version `from` to `from + 1`.
pub struct Step {
    pub from: u32,
    /// What changed, for the docs and error messages.
    pub what: &'static str,
    /// Rewrites the text; the version field is bumped by the chain afterwards.
    pub apply: fn(&str) -> Result<String, String>,
}

/// A kind of versioned file: its name for messages, its current version, its steps.
pub struct Format {
    /// "case" or "session".
    pub kind: &'static str,
    pub current: u32,
    pub steps: &'static [Step],
}

/// Upgrades `text` to `format.current`, or says why it cannot. `found` is the version read
/// from the file. Current files come back borrowed, untouched.
pub fn upgrade<'t>(text: &'t str, found: u32, format: &Format) -> Result<Cow<'t, str>, Located> {
    if found == format.current {
        return Ok(Cow::Borrowed(text));
    }
    let refuse = |why: String| {
        Located::new(
            Severity::Error,
            "version",
            version_position(text),
            format!(
                "{} version {found} is not supported; expected version {}{why}",
                format.kind, format.current
            ),
        )
    };
    if found > format.current {
        return Err(refuse(" (a newer revmap may read it)".into()));
    }
    let mut text = text.to_string();
    for v in found..format.current {
        let step = format
            .steps
            .iter()
            .find(|s| s.from == v)
            .ok_or_else(|| refuse(format!(" (no upgrade from version {v} is known)")))?;
        text = (step.apply)(&text).map_err(|e| {
            refuse(format!(
                " (upgrading from version {v}, {}, failed: {e})",
                step.what
            ))
        })?;
        text = set_version(&text, v + 1);
    }
    Ok(Cow::Owned(text))
}

/// The text with its top-level `version:` value replaced by `v`.
pub fn set_version(text: &str, v: u32) -> String {
    let outline = Outline::parse(text);
    let span = outline.find(&DocPath::root().field("version"));
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..span.start]);
    out.push_str(&v.to_string());
    out.push_str(&text[span.end..]);
    out
}

/// Reads only the top-level `version` of a `Case(…)` or `Session(…)` file, so a file from
/// another version can be recognised before it is parsed. Parsing stops right after the
/// version: a hostile file with a million participants after it costs nothing here.
pub fn probe_version(text: &str) -> Result<u32, Located> {
    const EXPECTED: &str = "expected `Case(…)` (a case file) or `Session(…)` (a session file)";
    let Some(start) = super::locate::content_start(text) else {
        let message = format!("the file holds nothing but comments or blanks; {EXPECTED}");
        return Err(Located::new(Severity::Error, "empty", (1, 1), message));
    };
    // The probe must carry the file's own struct name: RON checks it.
    let name = match super::locate::first_ident(text) {
        Some("Case") => "Case",
        Some("Session") => "Session",
        Some(other) => {
            let message = format!("found `{other}`; {EXPECTED}");
            return Err(Located {
                width: other.chars().count().max(1),
                ..Located::new(Severity::Error, "type", line_col(text, start), message)
            });
        }
        // An unnamed `(…)`: RON accepts it for any struct.
        None => "Probe",
    };
    let found = Cell::new(None);
    let parsed = ron_io::parse_seed(
        text,
        VersionOnly {
            name,
            found: &found,
        },
    );
    match (found.get(), parsed) {
        (Some(v), _) => Ok(v),
        (None, Err(e)) => Err(e),
        (None, Ok(never)) => match never {},
    }
}

/// Reads a struct up to its `version` field, notes it in `found` and stops the parse there
/// (with an error [`probe_version`] ignores once the version is known).
struct VersionOnly<'a> {
    name: &'static str,
    found: &'a Cell<Option<u32>>,
}

impl<'de> DeserializeSeed<'de> for VersionOnly<'_> {
    type Value = std::convert::Infallible;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_struct(self.name, &["version"], self)
    }
}

impl<'de> Visitor<'de> for VersionOnly<'_> {
    type Value = std::convert::Infallible;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "a {} with a version", self.name)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "version" {
                self.found.set(Some(map.next_value::<u32>()?));
                return Err(de::Error::custom("version found; the rest is read later"));
            }
            map.next_value::<de::IgnoredAny>()?;
        }
        Err(de::Error::missing_field("version"))
    }
}

fn version_position(text: &str) -> (usize, usize) {
    let outline = Outline::parse(text);
    line_col(text, outline.find(&DocPath::root().field("version")).start)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A made-up history: version 1 called the team `group`, version 2 renamed it `team`,
    /// version 3 added nothing a step must handle but still needs one to be reachable.
    const STEPS: &[Step] = &[
        Step {
            from: 1,
            what: "`group` renamed to `team`",
            apply: |t| Ok(t.replacen("group:", "team:", 1)),
        },
        Step {
            from: 2,
            what: "no change",
            apply: |t| Ok(t.to_string()),
        },
    ];
    const FORMAT: Format = Format {
        kind: "session",
        current: 3,
        steps: STEPS,
    };

    #[test]
    fn current_text_is_borrowed_untouched() {
        let t = "Session(version: 3, team: \"A\")";
        assert!(matches!(upgrade(t, 3, &FORMAT).unwrap(), Cow::Borrowed(_)));
    }

    #[test]
    fn old_text_goes_through_every_step_in_order() {
        let t = "// v1\nSession(\n    version: 1,\n    group: \"A\",\n)";
        let up = upgrade(t, 1, &FORMAT).unwrap();
        assert_eq!(up, "// v1\nSession(\n    version: 3,\n    team: \"A\",\n)");
        assert_eq!(probe_version(&up).unwrap(), 3);
    }

    #[test]
    fn newer_and_unknown_versions_are_refused_at_the_version() {
        let t = "Session(\n  version: 9,\n)";
        let e = upgrade(t, 9, &FORMAT).unwrap_err();
        assert_eq!((e.line, e.col), (2, 12));
        assert!(e.message.contains("a newer revmap"), "{}", e.message);
        let t = "Session(version: 0)";
        let e = upgrade(t, 0, &FORMAT).unwrap_err();
        assert!(
            e.message.contains("no upgrade from version 0"),
            "{}",
            e.message
        );
    }

    #[test]
    fn a_failing_step_names_itself() {
        const BAD: &[Step] = &[Step {
            from: 1,
            what: "split names",
            apply: |_| Err("no name field".into()),
        }];
        let f = Format {
            kind: "case",
            current: 2,
            steps: BAD,
        };
        let e = upgrade("Case(version: 1)", 1, &f).unwrap_err();
        assert!(e.message.contains("split names"), "{}", e.message);
        assert!(e.message.contains("no name field"), "{}", e.message);
    }

    #[test]
    fn probes_either_kind_without_reading_the_rest() {
        assert_eq!(probe_version("Case(version: 4, x: [1, 2])").unwrap(), 4);
        assert_eq!(
            probe_version("// c\nSession(title: \"t\", version: 2)").unwrap(),
            2
        );
        assert!(probe_version("Session(title: \"t\")").is_err());
    }

    #[test]
    fn an_empty_file_or_another_struct_says_what_was_expected() {
        for text in ["", "  \n", "// only a comment\n/* and another */\n"] {
            let e = probe_version(text).unwrap_err();
            assert_eq!(
                (e.code.as_str(), e.line, e.col),
                ("empty", 1, 1),
                "{text:?}"
            );
            assert!(e.message.contains("expected `Case(…)`"), "{}", e.message);
        }
        let e = probe_version("// note\nPairing(version: 1)").unwrap_err();
        assert_eq!((e.code.as_str(), e.line, e.col, e.width), ("type", 2, 1, 7));
        assert!(
            e.message.starts_with("found `Pairing`; expected"),
            "{}",
            e.message
        );
    }
}
