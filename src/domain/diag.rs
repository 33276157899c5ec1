//! Diagnostics found in a case or session, pinned to a path inside the document.
//!
//! The domain knows paths (`participants[3].lacks[0]`), not files: `store` turns a path into
//! `file:line:col` by locating it in the source text.

use std::fmt;

use serde::Serialize;

/// One step into a document: a struct field or a list element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Seg {
    Field(&'static str),
    Index(usize),
}

/// Where in the document a diagnostic points.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Path(pub Vec<Seg>);

impl Path {
    pub fn root() -> Path {
        Path(Vec::new())
    }
    pub fn field(&self, name: &'static str) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::Field(name));
        p
    }
    pub fn index(&self, i: usize) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::Index(i));
        p
    }
    /// `tail` inside `self`: `case` joined with `participants[3]` is `case.participants[3]`.
    pub fn join(&self, tail: &Path) -> Path {
        let mut p = self.clone();
        p.0.extend_from_slice(&tail.0);
        p
    }
}

/// `participants[3].lacks[0]`
impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Field(name) if i == 0 => write!(f, "{name}")?,
                Seg::Field(name) => write!(f, ".{name}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

impl Serialize for Path {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable kebab-case code, e.g. `unknown-topic`, for tools and tests.
    pub code: &'static str,
    pub path: Path,
    /// What is wrong and what was expected, in one sentence.
    pub message: String,
}

impl Diagnostic {
    pub fn error(code: &'static str, path: Path, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code,
            path,
            message: message.into(),
        }
    }
    pub fn warning(code: &'static str, path: Path, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            code,
            path,
            message: message.into(),
        }
    }
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_displays_like_a_field_access() {
        let p = Path::root()
            .field("participants")
            .index(3)
            .field("lacks")
            .index(0);
        assert_eq!(p.to_string(), "participants[3].lacks[0]");
        assert_eq!(Path::root().to_string(), "");
        assert_eq!(
            Path::root().field("case").join(&p).to_string(),
            "case.participants[3].lacks[0]"
        );
    }
}
