//! Finds where a value sits in RON source text, so semantic errors found after parsing
//! (`participants[3].lacks[0]`) can be printed as `file:line:col` like syntax errors.
//!
//! This is a tolerant outline parser, not a second RON implementation: it runs only on text
//! `ron` has already accepted, and it records just enough structure (struct fields, list
//! items, value spans) to walk a [`Path`].

use crate::domain::diag::{Path, Seg};
use crate::domain::limits::MAX_DEPTH;

/// Byte range of a value in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug)]
enum Kind {
    /// `Name(field: v, …)` or `(field: v, …)`; also maps `{k: v}` with their keys' text.
    Fields(Vec<(String, usize)>),
    /// `[a, b]`, `(a, b)`, `Some(a)`, `Variant(a)`.
    Items(Vec<usize>),
    Leaf,
}

#[derive(Debug)]
struct Node {
    span: Span,
    kind: Kind,
}

/// An outline of a RON document: nodes in an arena.
pub struct Outline<'s> {
    src: &'s str,
    nodes: Vec<Node>,
    /// Children are pushed before their parent, so the root is the last node made.
    root: usize,
}

impl<'s> Outline<'s> {
    pub fn parse(src: &'s str) -> Outline<'s> {
        let mut p = Parser::after_preamble(src);
        let root = p.value(0);
        Outline {
            src,
            nodes: p.nodes,
            root,
        }
    }

    /// The span of the value at `path`, or of the deepest enclosing value that exists.
    pub fn find(&self, path: &Path) -> Span {
        let mut at = self.root;
        for seg in &path.0 {
            match self.step(at, seg) {
                Some(next) => at = next,
                None => break,
            }
        }
        self.nodes[at].span
    }

    fn step(&self, at: usize, seg: &Seg) -> Option<usize> {
        let at = self.unwrap_single(at, seg);
        match (&self.nodes[at].kind, seg) {
            (Kind::Fields(fields), Seg::Field(name)) => fields
                .iter()
                .find(|(k, _)| k == name || k.trim_matches('"') == *name)
                .map(|(_, v)| *v),
            (Kind::Items(items), Seg::Index(i)) => items.get(*i).copied(),
            _ => None,
        }
    }

    /// `Some(Struct(…))` and newtype variants wrap the value a field path goes into.
    fn unwrap_single(&self, mut at: usize, seg: &Seg) -> usize {
        while let (Kind::Items(items), Seg::Field(_)) = (&self.nodes[at].kind, seg) {
            match items.as_slice() {
                [only] => at = *only,
                _ => break,
            }
        }
        at
    }

    pub fn source(&self) -> &'s str {
        self.src
    }
}

/// Where the document starts after comments, whitespace and attributes; `None` when the
/// text holds nothing else (an empty or comment-only file).
pub fn content_start(src: &str) -> Option<usize> {
    let p = Parser::after_preamble(src);
    (p.pos < src.len()).then_some(p.pos)
}

/// The first identifier of the document (after comments and `#![enable]` attributes):
/// `Case` or `Session`, used to tell file kinds apart.
pub fn first_ident(src: &str) -> Option<&str> {
    let mut p = Parser::after_preamble(src);
    let start = p.pos;
    p.ident();
    (p.pos > start).then(|| &src[start..p.pos])
}

struct Parser<'s> {
    src: &'s [u8],
    pos: usize,
    nodes: Vec<Node>,
}

impl<'s> Parser<'s> {
    /// A parser standing at the document itself: comments, blanks and `#![…]` skipped.
    fn after_preamble(src: &'s str) -> Parser<'s> {
        let mut p = Parser {
            src: src.as_bytes(),
            pos: 0,
            nodes: Vec::new(),
        };
        p.skip_trivia();
        while p.peek() == Some(b'#') {
            p.skip_attribute();
            p.skip_trivia();
        }
        p
    }
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn peek_at(&self, k: usize) -> Option<u8> {
        self.src.get(self.pos + k).copied()
    }

    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(c), _) if c.is_ascii_whitespace() => self.pos += 1,
                (Some(b'/'), Some(b'/')) => {
                    while self.peek().is_some_and(|c| c != b'\n') {
                        self.pos += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => self.block_comment(),
                _ => return,
            }
        }
    }

    /// RON block comments nest.
    fn block_comment(&mut self) {
        let mut depth = 0usize;
        while self.pos < self.src.len() {
            match (self.peek(), self.peek_at(1)) {
                (Some(b'/'), Some(b'*')) => {
                    depth += 1;
                    self.pos += 2;
                }
                (Some(b'*'), Some(b'/')) => {
                    depth -= 1;
                    self.pos += 2;
                    if depth == 0 {
                        return;
                    }
                }
                _ => self.pos += 1,
            }
        }
    }

    fn skip_attribute(&mut self) {
        while let Some(c) = self.peek() {
            self.pos += 1;
            if c == b']' {
                return;
            }
        }
    }

    fn push(&mut self, start: usize, kind: Kind) -> usize {
        // A string cut off at the end of the file (`r##`, a trailing `\`) steps past it.
        self.pos = self.pos.min(self.src.len());
        self.nodes.push(Node {
            span: Span {
                start,
                end: self.pos,
            },
            kind,
        });
        self.nodes.len() - 1
    }

    /// Parses one value and returns its node index. Never fails: on anything unexpected it
    /// consumes one byte and records a leaf, so it always terminates.
    fn value(&mut self, depth: usize) -> usize {
        self.skip_trivia();
        let start = self.pos;
        if depth > MAX_DEPTH * 2 {
            self.pos = self.src.len();
            return self.push(start, Kind::Leaf);
        }
        match self.peek() {
            Some(b'[') => {
                self.pos += 1;
                let items = self.items(b']', depth);
                self.push(start, Kind::Items(items))
            }
            Some(b'{') => {
                self.pos += 1;
                let fields = self.map_entries(depth);
                self.push(start, Kind::Fields(fields))
            }
            Some(b'(') => self.paren(start, depth),
            Some(b'"') => {
                self.quoted(b'"');
                self.push(start, Kind::Leaf)
            }
            Some(b'\'') => {
                self.quoted(b'\'');
                self.push(start, Kind::Leaf)
            }
            Some(b'r') if matches!(self.peek_at(1), Some(b'"' | b'#')) => {
                self.raw_string();
                self.push(start, Kind::Leaf)
            }
            Some(b'b') if self.peek_at(1) == Some(b'"') => {
                self.pos += 1;
                self.quoted(b'"');
                self.push(start, Kind::Leaf)
            }
            Some(c) if c.is_ascii_alphabetic() || c == b'_' => {
                self.ident();
                self.skip_trivia();
                if self.peek() == Some(b'(') {
                    let p = self.pos;
                    return self.paren_from(start, p, depth);
                }
                self.push(start, Kind::Leaf)
            }
            Some(_) => {
                self.scalar();
                self.push(start, Kind::Leaf)
            }
            None => self.push(start, Kind::Leaf),
        }
    }

    fn paren(&mut self, start: usize, depth: usize) -> usize {
        let p = self.pos;
        self.paren_from(start, p, depth)
    }

    /// `(` at `open`: named fields if it starts with `ident :`, else tuple items.
    fn paren_from(&mut self, start: usize, open: usize, depth: usize) -> usize {
        self.pos = open + 1;
        self.skip_trivia();
        let save = self.pos;
        self.ident();
        let had_ident = self.pos > save;
        self.skip_trivia();
        let is_struct = had_ident && self.peek() == Some(b':') && self.peek_at(1) != Some(b':');
        self.pos = save;
        if is_struct {
            let fields = self.fields(depth);
            self.push(start, Kind::Fields(fields))
        } else {
            let items = self.items(b')', depth);
            self.push(start, Kind::Items(items))
        }
    }

    fn fields(&mut self, depth: usize) -> Vec<(String, usize)> {
        let mut out = Vec::new();
        loop {
            self.skip_trivia();
            match self.peek() {
                Some(b')') => {
                    self.pos += 1;
                    return out;
                }
                None => return out,
                _ => {}
            }
            let s = self.pos;
            self.ident();
            if self.pos == s {
                self.pos += 1;
                continue;
            }
            let name = String::from_utf8_lossy(&self.src[s..self.pos]).into_owned();
            self.skip_trivia();
            if self.peek() == Some(b':') {
                self.pos += 1;
            }
            let v = self.value(depth + 1);
            out.push((name, v));
            self.comma();
        }
    }

    fn map_entries(&mut self, depth: usize) -> Vec<(String, usize)> {
        let mut out = Vec::new();
        loop {
            self.skip_trivia();
            match self.peek() {
                Some(b'}') => {
                    self.pos += 1;
                    return out;
                }
                None => return out,
                _ => {}
            }
            let k = self.value(depth + 1);
            let key = self.text_of(k);
            self.skip_trivia();
            if self.peek() == Some(b':') {
                self.pos += 1;
            }
            let v = self.value(depth + 1);
            out.push((key, v));
            self.comma();
        }
    }

    fn text_of(&self, node: usize) -> String {
        let Span { start, end } = self.nodes[node].span;
        String::from_utf8_lossy(&self.src[start..end]).into_owned()
    }

    fn items(&mut self, close: u8, depth: usize) -> Vec<usize> {
        let mut out = Vec::new();
        loop {
            self.skip_trivia();
            match self.peek() {
                Some(c) if c == close => {
                    self.pos += 1;
                    return out;
                }
                None => return out,
                _ => {}
            }
            let before = self.pos;
            out.push(self.value(depth + 1));
            if self.pos == before {
                self.pos += 1;
            }
            self.comma();
        }
    }

    fn comma(&mut self) {
        self.skip_trivia();
        if self.peek() == Some(b',') {
            self.pos += 1;
        }
    }

    fn ident(&mut self) {
        if self.peek() == Some(b'r') && self.peek_at(1) == Some(b'#') {
            self.pos += 2;
        }
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
        {
            self.pos += 1;
        }
    }

    fn scalar(&mut self) {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'+' | b'.' | b'_'))
        {
            self.pos += 1;
        }
        if self.pos == start {
            self.pos += 1;
        }
    }

    /// A `"string"` or `'c'` literal, with backslash escapes.
    fn quoted(&mut self, quote: u8) {
        self.pos += 1;
        while let Some(c) = self.peek() {
            self.pos += 1;
            if c == b'\\' {
                self.pos += 1;
            } else if c == quote {
                return;
            }
        }
    }

    fn raw_string(&mut self) {
        self.pos += 1;
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.pos += 1;
        }
        self.pos += 1; // opening quote
        while self.pos < self.src.len() {
            if self.src[self.pos] == b'"'
                && self.src[self.pos + 1..]
                    .iter()
                    .take(hashes)
                    .filter(|&&c| c == b'#')
                    .count()
                    == hashes
            {
                self.pos += 1 + hashes;
                return;
            }
            self.pos += 1;
        }
    }
}

/// Line and column (both 1-based, column in characters) of a byte offset.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(src, offset.min(src.len()));
    let before = &src[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = src[line_start..offset].chars().count() + 1;
    (line, col)
}

/// Byte offset of a 1-based line and character column, clamped to the text.
pub fn offset_of(src: &str, line: usize, col: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match src[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return src.len(),
        }
    }
    let line_text = src[start..].split('\n').next().unwrap_or("");
    start
        + line_text
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r##"// a comment
#![enable(implicit_some)]
Case(
    title: "Т",
    participants: [
        P(id: "a", lacks: ["x", "y"], contacts: Some(C(email: "e"))),
        /* nested /* comment */ */
        P(id: r#"b"#, lacks: [], capacity: 3, pos: (1, 2)),
    ],
    map: {"k": [1, 2]},
)"##;

    fn at(path: Path) -> (usize, usize) {
        let o = Outline::parse(SRC);
        line_col(SRC, o.find(&path).start)
    }

    #[test]
    fn finds_nested_values() {
        let p = Path::root().field("participants");
        assert_eq!(at(p.index(0).field("lacks").index(1)), (6, 33));
        assert_eq!(at(p.index(1).field("id")), (8, 15));
        assert_eq!(at(p.index(1).field("capacity")), (8, 44));
        assert_eq!(at(Path::root().field("title")), (4, 12));
    }

    #[test]
    fn goes_through_some() {
        let p = Path::root()
            .field("participants")
            .index(0)
            .field("contacts")
            .field("email");
        assert_eq!(at(p), (6, 63));
    }

    #[test]
    fn missing_field_falls_back_to_parent() {
        let p = Path::root().field("participants").index(1).field("surname");
        assert_eq!(at(p), (8, 9));
    }

    #[test]
    fn map_keys_are_fields() {
        assert_eq!(at(Path::root().field("map").field("k")), (10, 16));
    }

    /// Found by the session_loader fuzzer: a string cut off at the very end of the file
    /// (`r##`, a trailing backslash) used to leave a span past the end, and slicing it
    /// panicked. Every such ending now outlines without a panic, spans inside the text.
    #[test]
    fn strings_cut_off_at_the_end_stay_inside_the_text() {
        let found = include_bytes!("../../tests/fixtures/fuzz/session-raw-string-at-eof.ron");
        let found = String::from_utf8_lossy(found).into_owned();
        let endings = [
            "{r##",
            "{r#\"ab",
            "{r\"",
            "{\"a\\",
            "[\"x\\",
            "{'a\\",
            "(k: b\"\\",
        ];
        let mut texts: Vec<String> = endings
            .iter()
            .map(|e| format!("Session(version: 1, team: {e}"))
            .collect();
        texts.push(found);
        for text in &texts {
            let o = Outline::parse(text);
            for n in &o.nodes {
                assert!(
                    n.span.start <= n.span.end && n.span.end <= text.len(),
                    "{text:?}"
                );
            }
            let checked = crate::store::session_file::check_session_text("x.ron", text);
            assert!(checked.value.is_none(), "{text:?} is refused, not a panic");
        }
    }

    #[test]
    fn first_ident_skips_comments_and_attributes() {
        assert_eq!(first_ident(SRC), Some("Case"));
        assert_eq!(first_ident("  Session(version: 1)"), Some("Session"));
        assert_eq!(first_ident("[1]"), None);
    }

    #[test]
    fn line_col_counts_characters() {
        let s = "аб\nвгд";
        assert_eq!(line_col(s, s.find('д').unwrap()), (2, 3));
        assert_eq!(offset_of(s, 2, 3), s.find('д').unwrap());
    }

    #[test]
    fn never_loops_on_garbage() {
        for junk in [
            "(((",
            "[:,]",
            "\"unterminated",
            "Case(a: ",
            "r#\"",
            "}{)(][",
        ] {
            let o = Outline::parse(junk);
            let _ = o.find(&Path::root().field("a").index(3));
        }
    }
}
