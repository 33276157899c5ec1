//! The hostile-file corpus through `revmap check`, as a user would run it: every file —
//! truncated RON, wrong types, duplicate ids, 10 MB strings, 10,000-deep nesting, invalid
//! UTF-8, NUL bytes, terminal escape sequences, a million participants, a file over the
//! size limit — gets exit 2 and a compiler-style `FILE:LINE:COL: error:` line at the place
//! its header names, without a panic, and nothing it holds reaches the terminal raw.
//! Time and memory per file are measured by `scripts/hostile.sh`, not here.

mod common;

use common::hostile::{corpus, expectation};

const ESC: u8 = 0x1b;

#[test]
fn every_hostile_file_gets_a_located_error_exit_2_and_no_raw_escapes() {
    let big = tempfile::tempdir().unwrap();
    let files = corpus(big.path());
    assert!(files.len() >= 40, "the corpus is there: {}", files.len());
    for f in &files {
        let want = expectation(f);
        let name = f.to_str().unwrap();
        let out = common::revmap(&["check", name]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {stdout}{stderr}");
        assert!(stderr.is_empty(), "{name}: nothing on stderr: {stderr}");
        let first = stdout.lines().next().unwrap_or_default();
        let at = match want.col {
            Some(col) => format!("{name}:{}:{col}: error: ", want.line),
            None => format!("{name}:{}:", want.line),
        };
        assert!(
            first.starts_with(&at),
            "{name}: {first:?} should start {at:?}"
        );
        assert!(
            first.contains(": error: ")
                && first.ends_with(&format!("[{}]", want.code))
                && first.contains(&want.fragment),
            "{name}: {first:?} lacks [{}] or {:?}",
            want.code,
            want.fragment
        );
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            assert!(!bytes.contains(&ESC), "{name}: raw ESC on {stream}");
            assert!(!bytes.contains(&0), "{name}: raw NUL on {stream}");
        }
        assert!(stdout.len() < 8_000, "{name}: the output is cut short");
    }
}
