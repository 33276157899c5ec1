//! `revmap export` and `revmap kit` through the real binary: where they write, and where
//! they refuse to.

mod common;

use std::fs;
use std::path::Path;

use common::{assert_exit, case, revmap, rich_session, root, scenarios};
use revmap::store::session_file::save_session;

fn session_file(dir: &Path, team: &str) -> String {
    let mut s = rich_session(case(&root().join("scenarios/school-291.ron")));
    s.team = team.into();
    let p = dir.join("team.ron");
    save_session(&p, &mut s, "2026-05-16T11:00:00Z").unwrap();
    p.display().to_string()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn exports_html_to_the_chosen_file_only() {
    let dir = tempfile::tempdir().unwrap();
    let s = session_file(dir.path(), "<script>alert(1)</script>");
    let out_path = dir.path().join("team.html");
    let out = revmap(&[
        "export",
        &s,
        "--to",
        "html",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_exit(&out, 0);
    let html = fs::read_to_string(&out_path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"ru\">"));
    assert!(html.contains("Индивидуальная карта реверсивного наставничества"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script"));
    assert_eq!(files_in(dir.path()), ["team.html", "team.ron"]);
}

#[test]
fn markdown_goes_to_stdout_in_the_asked_language() {
    let dir = tempfile::tempdir().unwrap();
    let s = session_file(dir.path(), "Team 1");
    let out = revmap(&["export", &s, "--to", "md", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# "), "{md}");
    assert!(md.contains("## Individual reverse-mentoring map"));
    assert!(md.contains("*Team: Team 1"));
    assert_eq!(files_in(dir.path()), ["team.ron"]);
}

#[test]
fn refuses_a_folder_the_session_itself_and_a_case() {
    let dir = tempfile::tempdir().unwrap();
    let s = session_file(dir.path(), "T");
    let before = fs::read(&s).unwrap();
    let out = revmap(&[
        "export",
        &s,
        "--to",
        "html",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a folder; expected a file name"));
    let out = revmap(&["export", &s, "--to", "html", "-o", &s]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is the input file"));
    assert_eq!(fs::read(&s).unwrap(), before, "the session is untouched");
    assert_eq!(files_in(dir.path()), ["team.ron"]);
    let c = root().join("scenarios/demo.ron");
    let out = revmap(&["export", c.to_str().unwrap(), "--to", "md"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("demo.ron:1:1: error: this is a case, not a session"),
        "{err}"
    );
}

#[test]
fn a_bad_session_is_reported_located_with_no_escape_sequences() {
    let bad = root().join("tests/fixtures/bad-sessions/escape-in-team.ron");
    let out = revmap(&["export", bad.to_str().unwrap(), "--to", "html"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(!out.stderr.contains(&0x1b));
    assert!(String::from_utf8_lossy(&out.stderr).contains("escape-in-team.ron:4:11: error:"));
}

#[test]
fn kit_writes_a_handout_per_shipped_scenario() {
    let out_dir = tempfile::tempdir().unwrap();
    let kit = out_dir.path().join("kit");
    let src = root().join("scenarios");
    let out = revmap(&["kit", src.to_str().unwrap(), "-o", kit.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    let n = scenarios().len();
    assert!(
        text.contains(&format!("{} handouts (HTML and Markdown)", n)),
        "{text}"
    );
    let files = files_in(&kit);
    assert_eq!(files.len(), 2 * n, "{files:?}");
    let html = fs::read_to_string(kit.join("school-291.html")).unwrap();
    assert!(html.contains("<html lang=\"ru\">"));
    assert_eq!(
        html.matches("<div class=\"blank\"").count(),
        15,
        "team, subject, 13 fields"
    );
    // No surnames or contacts in a handout.
    for p in case(&src.join("school-291.ron")).participants {
        if let Some(s) = p.surname {
            assert!(!contains_word(&html, &s), "{s}");
        }
        if let Some(e) = p.contacts.and_then(|c| c.email) {
            assert!(!html.contains(&e), "{e}");
        }
    }
}

/// `word` as a whole word: "Степанов" is not in "Степановна".
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
    })
}

#[test]
fn kit_writes_the_good_cases_and_fails_on_a_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("cases");
    fs::create_dir(&src).unwrap();
    fs::copy(root().join("scenarios/demo.ron"), src.join("good.ron")).unwrap();
    fs::copy(
        root().join("tests/fixtures/bad/unknown-topic.ron"),
        src.join("bad.ron"),
    )
    .unwrap();
    fs::copy(
        root().join("tests/fixtures/sessions/v1.ron"),
        src.join("a-session.ron"),
    )
    .unwrap();
    let kit = dir.path().join("kit");
    let out = revmap(&["kit", src.to_str().unwrap(), "-o", kit.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("bad.ron:"), "{text}");
    assert!(text.contains("error: unknown topic"), "{text}");
    assert!(
        text.contains("1 handout (HTML and Markdown); 1 case with errors, no handout"),
        "{text}"
    );
    assert_eq!(files_in(&kit), ["good.html", "good.md"]);
}
