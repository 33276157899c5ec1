//! `revmap check` through the real binary: exit codes, located errors, formats.

mod common;

use std::path::Path;

use common::hostile::{expectation, fixtures};
use common::revmap;

#[test]
fn every_bad_fixture_gets_its_located_error_and_exit_2() {
    let cases = fixtures("bad");
    let sessions = fixtures("bad-sessions");
    assert!(cases.len() >= 20, "the bad case corpus is there");
    assert!(sessions.len() >= 10, "the bad session corpus is there");
    for f in cases.into_iter().chain(sessions) {
        let want = expectation(&f);
        let out = revmap(&["check", "--format", "json", f.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{}", f.display());
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let d = &json[0]["diagnostics"][0];
        assert_eq!(d["severity"], "error", "{}", f.display());
        assert_eq!(d["code"], want.code.as_str(), "{}: {d}", f.display());
        assert_eq!(d["line"].as_u64(), Some(want.line), "{}: {d}", f.display());
        if let Some(col) = want.col {
            assert_eq!(d["col"].as_u64(), Some(col), "{}: {d}", f.display());
        }
        let msg = d["message"].as_str().unwrap();
        assert!(
            msg.contains(&want.fragment),
            "{}: {msg:?} lacks {:?}",
            f.display(),
            want.fragment
        );
    }
}

#[test]
fn text_output_is_compiler_style_with_a_caret() {
    let f = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad/unknown-topic.ron");
    let want = expectation(&f);
    let out = revmap(&["check", f.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    let first = text.lines().next().unwrap();
    let prefix = format!(
        "{}:{}:{}: error: ",
        f.display(),
        want.line,
        want.col.unwrap()
    );
    assert!(first.starts_with(&prefix), "{first}");
    assert!(first.ends_with("[unknown-topic]"), "{first}");
    let caret = text.lines().nth(3).unwrap();
    assert!(
        caret
            .trim_start_matches([' ', '|', '…'])
            .starts_with("^^^^^^^^"),
        "{text}"
    );
    assert!(
        text.lines()
            .last()
            .unwrap()
            .ends_with(": 1 error (3 participants, 3 topics, 2 directions)")
    );
}

#[test]
fn escape_sequences_never_reach_the_terminal() {
    let f = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad/escape-in-name.ron");
    let out = revmap(&["check", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!out.stdout.contains(&0x1b), "raw ESC in output");
    assert!(String::from_utf8_lossy(&out.stdout).contains('\u{FFFD}'));
}

#[test]
fn shipped_scenarios_check_clean() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut args = vec!["check".to_string(), "--deny-warnings".to_string()];
    for e in std::fs::read_dir(dir).unwrap() {
        args.push(e.unwrap().path().display().to_string());
    }
    assert!(args.len() >= 3);
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = revmap(&refs);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert_eq!(
        text.lines().filter(|l| l.contains(": ok (")).count(),
        args.len() - 2,
        "{text}"
    );
}

#[test]
fn warnings_exit_0_unless_denied() {
    let dir = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cases/small.ron"),
    )
    .unwrap();
    // Bob now teaches nothing: a warning, not an error.
    let warned = src.replace(
        r#"teaches: ["parents"], lacks: ["excel"]"#,
        r#"teaches: [], lacks: ["excel"]"#,
    );
    assert_ne!(warned, src);
    let p = dir.path().join("w.ron");
    std::fs::write(&p, warned).unwrap();
    let out = revmap(&["check", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("warning: bob can teach nothing"), "{text}");
    assert!(text.contains("ok with 1 warning"), "{text}");
    let out = revmap(&["check", "--deny-warnings", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn crlf_and_bom_are_accepted_and_positions_stay_right() {
    let dir = tempfile::tempdir().unwrap();
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let good = std::fs::read_to_string(base.join("cases/small.ron")).unwrap();
    let p = dir.path().join("crlf.ron");
    std::fs::write(&p, format!("\u{feff}{}", good.replace('\n', "\r\n"))).unwrap();
    assert_eq!(
        revmap(&["check", p.to_str().unwrap()]).status.code(),
        Some(0)
    );

    let bad_path = base.join("bad/unknown-topic.ron");
    let want = expectation(&bad_path);
    let bad = std::fs::read_to_string(&bad_path).unwrap();
    let p = dir.path().join("bad-crlf.ron");
    std::fs::write(&p, format!("\u{feff}{}", bad.replace('\n', "\r\n"))).unwrap();
    let out = revmap(&["check", "--format", "json", p.to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &json[0]["diagnostics"][0];
    assert_eq!(
        (d["line"].as_u64(), d["col"].as_u64()),
        (Some(want.line), want.col)
    );
}

#[test]
fn missing_file_is_an_error_naming_it() {
    let out = revmap(&["check", "no/such/case.ron"]);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("no/such/case.ron:1:1: error: cannot open the file"),
        "{text}"
    );
}

#[test]
fn any_error_among_several_files_exits_2() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let good = base.join("cases/small.ron");
    let bad = base.join("bad/negative-age.ron");
    let out = revmap(&["check", good.to_str().unwrap(), bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("small.ron: ok"));
    assert!(text.contains("negative-age.ron: 1 error"));
}

#[test]
fn gen_case_output_checks_clean_and_is_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    for p in [&a, &b] {
        let out = revmap(&[
            "gen-case",
            "--participants",
            "2000",
            "--seed",
            "5",
            "-o",
            p.to_str().unwrap(),
        ]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    let out = revmap(&["check", "--deny-warnings", a.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("(2000 participants, 25 topics, 5 directions)"),
        "{text}"
    );
}

#[test]
fn help_and_version_speak_to_a_trainer() {
    let out = revmap(&["--help"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("the mentor is lower in status than the mentee"),
        "{text}"
    );
    assert!(text.contains("check"));
    assert!(text.contains("gen-case"));
    let out = revmap(&["--version"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("revmap {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn sessions_are_checked_by_the_same_command() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let session = base.join("sessions/v1.ron");
    let case = base.join("cases/small.ron");
    let out = revmap(&["check", session.to_str().unwrap(), case.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("v1.ron: ok (1 pair, 1 map)"), "{text}");
    assert!(text.contains("small.ron: ok (3 participants"), "{text}");
    let out = revmap(&["check", "--format", "json", session.to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[0]["kind"], "session");
}
