//! `revmap merge` through the real binary: two teams into one seminar file; sessions of
//! different cases refused with a located message; bad inputs reported like `check`.

mod common;

use std::path::Path;

use common::{assert_exit, case, revmap, rich_session, root};
use revmap::store::session_file::{load_session, save_session};

fn team(dir: &Path, file: &str, scenario: &str, name: &str, goal: &str) -> String {
    let mut s = rich_session(case(&root().join("scenarios").join(scenario)));
    s.team = name.into();
    s.maps[0].passport.goal = goal.into();
    let p = dir.join(file);
    save_session(&p, &mut s, "2026-05-16T11:00:00Z").unwrap();
    p.display().to_string()
}

#[test]
fn two_teams_merge_into_one_seminar_file() {
    let dir = tempfile::tempdir().unwrap();
    let a = team(
        dir.path(),
        "a.ron",
        "school-291.ron",
        "Команда 1",
        "Excel к маю",
    );
    let b = team(
        dir.path(),
        "b.ron",
        "school-291.ron",
        "Команда 2",
        "Видео к маю",
    );
    let out_path = dir.path().join("seminar.ron");
    let out = revmap(&["merge", &a, &b, "-o", out_path.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("seminar.ron: 2 teams, 2 maps from 2 files"),
        "{err}"
    );
    let (s, _) = load_session(&out_path).unwrap();
    let names: Vec<_> = s.teams.iter().map(|t| t.team.as_str()).collect();
    assert_eq!(names, ["Команда 1", "Команда 2"]);
    assert_eq!(s.teams[1].maps[0].passport.goal, "Видео к маю");
    assert_eq!(s.teams[0].source, a);
    let check = revmap(&["check", out_path.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0));

    // Adding a third team to the seminar file keeps the first two and a backup.
    let c = team(dir.path(), "c.ron", "school-291.ron", "Команда 3", "Сайт");
    let out = revmap(&[
        "merge",
        out_path.to_str().unwrap(),
        &c,
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_exit(&out, 0);
    let (s, _) = load_session(&out_path).unwrap();
    assert_eq!(s.teams.len(), 3);
    assert!(dir.path().join("seminar.ron.bak").exists());
}

#[test]
fn sessions_of_different_cases_are_refused_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    let a = team(dir.path(), "a.ron", "school-291.ron", "T1", "x");
    let k = team(dir.path(), "k.ron", "kvantorium-quest.ron", "T2", "y");
    let out_path = dir.path().join("seminar.ron");
    let out = revmap(&["merge", &a, &k, "-o", out_path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!out_path.exists(), "nothing written");
    let err = String::from_utf8_lossy(&out.stderr);
    let text = std::fs::read_to_string(&k).unwrap();
    let at = text.find("\n    case: ").unwrap() + "\n    case: ".len();
    let line = text[..at].matches('\n').count() + 1;
    let col = at - text[..at].rfind('\n').unwrap();
    let kvantorium = case(&root().join("scenarios/kvantorium-quest.ron")).title;
    let school = case(&root().join("scenarios/school-291.ron")).title;
    let first = err.lines().next().unwrap();
    assert!(
        first.starts_with(&format!("{k}:{line}:{col}: error: ")),
        "{err}"
    );
    assert!(first.contains(&format!("{kvantorium:?}")), "{err}");
    assert!(
        first.contains(&format!("but {a} is built from {school:?}")),
        "{err}"
    );
    assert!(first.ends_with("[different-case]"), "{err}");
}

#[test]
fn a_bad_input_is_reported_like_check_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let a = team(dir.path(), "a.ron", "demo.ron", "T1", "x");
    let bad = root().join("tests/fixtures/bad-sessions/unknown-mentee.ron");
    let out_path = dir.path().join("seminar.ron");
    let out = revmap(&[
        "merge",
        &a,
        bad.to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown-mentee.ron:62:58: error: unknown participant \"bobb\""),
        "{err}"
    );
    assert!(!out_path.exists());
}
