//! The hostile-file corpus: the small files committed in `tests/fixtures/bad/` and
//! `tests/fixtures/bad-sessions/` (written by their `make.py`), and the big ones written here
//! into a folder when needed — by `tests/hostile.rs`, and by `examples/hostile_files.rs`
//! for `scripts/hostile.sh` — because tens of megabytes do not belong in git.
//!
//! Every file starts with `// expect: LINE:COL CODE | MESSAGE FRAGMENT` (COL may be `*`),
//! the location computed from where the faulty token was put, independently of revmap.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use revmap::domain::limits::{MAX_FILE_BYTES, MAX_PARTICIPANTS};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The committed `.ron` fixtures in `tests/fixtures/DIR`, sorted.
pub fn fixtures(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

/// `// expect: LINE:COL CODE | FRAGMENT` (COL may be `*`).
pub struct Expect {
    pub line: u64,
    pub col: Option<u64>,
    pub code: String,
    pub fragment: String,
}

pub fn expectation(path: &Path) -> Expect {
    let mut head = Vec::new();
    let file = std::fs::File::open(path).unwrap();
    std::io::Read::read_to_end(&mut std::io::Read::take(file, 4096), &mut head).unwrap();
    let text = String::from_utf8_lossy(&head);
    let header = text.lines().next().unwrap();
    let rest = header
        .strip_prefix("// expect: ")
        .unwrap_or_else(|| panic!("{} has an expect header", path.display()));
    let (head, fragment) = rest.split_once(" | ").unwrap();
    let (pos, code) = head.split_once(' ').unwrap();
    let (line, col) = pos.split_once(':').unwrap();
    Expect {
        line: line.parse().unwrap(),
        col: col.parse().ok(),
        code: code.to_string(),
        fragment: fragment.to_string(),
    }
}

/// Every hostile file: the committed ones and the big ones, written into `dir`.
pub fn corpus(dir: &Path) -> Vec<PathBuf> {
    let mut all = fixtures("bad");
    all.extend(fixtures("bad-sessions"));
    all.extend(write_big(dir));
    all
}

/// Writes the big hostile files into `dir` and returns their paths.
pub fn write_big(dir: &Path) -> Vec<PathBuf> {
    let case = body(&root().join("cases/small.ron"), 1);
    let session = body(&root().join("sessions/v1.ron"), 2);
    let ten_mib = "A".repeat(10 << 20);
    let mut files = vec![
        with_token(
            dir,
            "huge-string",
            &case.replacen(r#"name: "Ann""#, &format!("name: \"{ten_mib}\""), 1),
            "\"AAAA",
            "too-long",
            "text is 10485760 bytes; expected at most 1000",
        ),
        with_token(
            dir,
            "session-huge-team",
            &session.replacen(r#"team: "Команда 1""#, &format!("team: \"{ten_mib}\""), 1),
            "\"AAAA",
            "too-long",
            "text is 10485760 bytes; expected at most 1000",
        ),
        million_participants(dir),
    ];
    files.push(too_large(dir));
    files
}

/// The text of a fixture without its first `skip` comment lines.
fn body(path: &Path, skip: usize) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    text.split_inclusive('\n').skip(skip).collect()
}

/// Writes `DIR/NAME.ron`: the header locating the first `token` in `text`, then `text`.
fn with_token(
    dir: &Path,
    name: &str,
    text: &str,
    token: &str,
    code: &str,
    fragment: &str,
) -> PathBuf {
    let at = text.find(token).expect("the token is in the text");
    let before = &text[..at];
    // +1 for the header line; columns count characters, as an editor does.
    let line = before.matches('\n').count() + 2;
    let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    let path = dir.join(format!("{name}.ron"));
    let header = format!("// expect: {line}:{col} {code} | {fragment}\n");
    std::fs::write(&path, format!("{header}{text}")).unwrap();
    path
}

/// A million participants on one line: refused at the first one over the limit.
fn million_participants(dir: &Path) -> PathBuf {
    let person = r#"(id:"",name:"",role:Coach,age:1,experience:1,position:""),"#;
    let mut text = format!(
        "// expect: 2:* too-many | more than {MAX_PARTICIPANTS}\n{}",
        r#"Case(version:1,title:"x",catalogue:(directions:[(id:"d",name:"d",topics:[(id:"t",name:"t")])]),participants:["#
    );
    text.reserve(person.len() * 1_000_000 + 8);
    for _ in 0..1_000_000 {
        text.push_str(person);
    }
    text.push_str("])");
    assert!((text.len() as u64) < MAX_FILE_BYTES, "under the size limit");
    let path = dir.join("million-participants.ron");
    std::fs::write(&path, text).unwrap();
    path
}

/// A file one byte over the size limit (sparse: it costs no disk).
fn too_large(dir: &Path) -> PathBuf {
    let path = dir.join("too-large.ron");
    let header = format!(
        "// expect: 1:1 too-large | the file is larger than {} MiB\n",
        MAX_FILE_BYTES >> 20
    );
    std::fs::write(&path, header).unwrap();
    let f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    f.set_len(MAX_FILE_BYTES + 1).unwrap();
    path
}
