//! Session files: round trips for every scenario, the version-1 fixture, located errors
//! inside the embedded case, the hash check, limits on hostile files, and atomic saves.

mod common;

use std::fs;

use common::{ReadOnlyDir, case, rich_session, root, scenarios};
use revmap::domain::session::{Growth, SESSION_VERSION, Subject};
use revmap::store::atomic::backup_path;
use revmap::store::session_file::{
    case_hash, check_session_text, load_session, save_session, to_text,
};

const NOW: &str = "2026-05-16T12:00:00Z";

#[test]
fn every_scenario_session_round_trips_through_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let files = scenarios();
    assert!(files.len() >= 4);
    for f in files {
        let mut s = rich_session(case(&f));
        assert!(!s.maps.is_empty(), "{}: the session has a map", f.display());
        let path = dir.path().join("s.ron");
        save_session(&path, &mut s, NOW).unwrap();
        assert_eq!(s.modified, NOW);
        let (back, report) = load_session(&path).unwrap_or_else(|r| {
            let mut t = String::new();
            r.render_text(&mut t);
            panic!("{}: {t}", f.display())
        });
        assert_eq!(back, s, "{}", f.display());
        let session_level: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| !d.path.starts_with("case."))
            .collect();
        assert!(
            session_level.is_empty(),
            "{}: {session_level:?}",
            f.display()
        );
    }
}

#[test]
fn a_second_save_keeps_the_first_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.ron");
    let mut s = rich_session(case(&root().join("scenarios/demo.ron")));
    save_session(&path, &mut s, NOW).unwrap();
    let first = fs::read_to_string(&path).unwrap();
    s.team = "Renamed".into();
    save_session(&path, &mut s, "2026-05-16T12:05:00Z").unwrap();
    assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), first);
    assert!(fs::read_to_string(&path).unwrap().contains("\"Renamed\""));
}

#[test]
fn version_1_fixture_loads_with_every_value() {
    let path = root().join("tests/fixtures/sessions/v1.ron");
    let (s, report) = load_session(&path).unwrap_or_else(|r| panic!("{r:?}"));
    assert_eq!(report.errors(), 0);
    assert_eq!(s.version, 1);
    assert_eq!(s.team, "Команда 1");
    assert!(!s.id.is_empty(), "an id is assigned to files without one");
    assert_eq!(s.case.participants.len(), 3);
    assert_eq!(s.goals.means[0].text, "Встречи пары раз в две недели");
    assert!(s.goals.goals[0].from_catalogue);
    let result = s.pairing.result.as_ref().unwrap();
    assert_eq!(result.pairs[0].evidence.gap.experience_tenths, 240);
    assert!(result.pairs[0].locked);
    assert_eq!(
        s.pairing.overrides.locked[0].topic.as_deref(),
        Some("excel")
    );
    let m = &s.maps[0];
    assert!(matches!(&m.subject, Subject::Pair(p) if p.mentee == "bob"));
    assert_eq!(m.passport.problem, "Bob keeps marks on paper");
    assert_eq!(m.activities[1].growth, Growth::Creativity);
    assert_eq!(m.activities[1].month, 9);
}

/// Every fixture of an older (or the current) version loads and is written back as the
/// current version with nothing lost. Today only version 1 exists, so this is the test
/// that becomes a real migration test the first time the format changes: add `vN.ron`.
#[test]
fn every_versioned_fixture_upgrades_to_the_current_version() {
    let dir = root().join("tests/fixtures/sessions");
    let mut seen = 0;
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let Some(v) = name.strip_prefix('v').and_then(|r| r.strip_suffix(".ron")) else {
            continue;
        };
        let v: u32 = v.parse().unwrap();
        assert!(v <= SESSION_VERSION);
        let (s, _) = load_session(&p).unwrap_or_else(|r| panic!("{name}: {r:?}"));
        let text = to_text(&s).unwrap();
        let again = check_session_text("again.ron", &text).value.unwrap();
        assert_eq!(again.version, SESSION_VERSION);
        assert_eq!(again, s_with_current_version(s), "{name}");
        seen += 1;
    }
    assert!(
        seen >= SESSION_VERSION as usize,
        "a fixture for every version"
    );
}

fn s_with_current_version(
    mut s: revmap::domain::session::Session,
) -> revmap::domain::session::Session {
    s.version = SESSION_VERSION;
    s.case_hash = case_hash(&s.case);
    s
}

fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let col = text[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    (line, col)
}

#[test]
fn errors_inside_the_embedded_case_point_into_the_session_file() {
    let text = fs::read_to_string(root().join("tests/fixtures/sessions/v1.ron")).unwrap();
    let bad = text.replacen("lacks: [\"parents\"]", "lacks: [\"parent\"]", 1);
    let c = check_session_text("team.ron", &bad);
    assert!(c.value.is_none());
    let d = &c.report.diagnostics[0];
    assert_eq!(d.code, "unknown-topic");
    assert_eq!(d.path, "case.participants[0].lacks[0]");
    assert_eq!((d.line, d.col), position_of(&bad, "\"parent\"]"));
    assert!(
        d.message.contains("did you mean \"parents\""),
        "{}",
        d.message
    );
}

#[test]
fn session_references_are_located_too() {
    let text = fs::read_to_string(root().join("tests/fixtures/sessions/v1.ron")).unwrap();
    let bad = text.replacen(
        "Pair(PairRef(mentor: \"ann\", mentee: \"bob\"",
        "Pair(PairRef(mentor: \"ann\", mentee: \"bobby\"",
        1,
    );
    let c = check_session_text("team.ron", &bad);
    let d = &c.report.diagnostics[0];
    assert_eq!(
        (d.code.as_str(), d.path.as_str()),
        ("unknown-participant", "maps[0].subject.mentee")
    );
    assert_eq!((d.line, d.col), position_of(&bad, "\"bobby\""));
}

#[test]
fn an_edited_embedded_case_is_a_located_warning() {
    let mut s = rich_session(case(&root().join("scenarios/demo.ron")));
    let text = to_text(&s).unwrap();
    assert!(
        check_session_text("s.ron", &text)
            .report
            .diagnostics
            .iter()
            .all(|d| d.code != "case-edited")
    );
    s.case.title.push_str(" (edited)");
    let edited = text.replacen(
        &case(&root().join("scenarios/demo.ron")).title,
        &s.case.title,
        1,
    );
    let c = check_session_text("s.ron", &edited);
    let d = c
        .report
        .diagnostics
        .iter()
        .find(|d| d.code == "case-edited")
        .expect("a case-edited warning");
    assert!(!d.is_error());
    let (line, col) = position_of(&edited, "case_hash: ");
    assert_eq!((d.line, d.col), (line, col + "case_hash: ".len()));
    assert!(
        c.value.is_some(),
        "a warning does not stop the session from opening"
    );
}

#[test]
fn newer_versions_are_refused_with_the_version_located() {
    let text = fs::read_to_string(root().join("tests/fixtures/sessions/v1.ron")).unwrap();
    let newer = text.replacen("version: 1,\n    team", "version: 99,\n    team", 1);
    let c = check_session_text("s.ron", &newer);
    let d = &c.report.diagnostics[0];
    assert_eq!(d.code, "version");
    assert_eq!((d.line, d.col), position_of(&newer, "99"));
    assert!(
        d.message.contains("session version 99 is not supported"),
        "{}",
        d.message
    );
}

#[test]
fn hostile_sessions_meet_the_case_limits() {
    let text = fs::read_to_string(root().join("tests/fixtures/sessions/v1.ron")).unwrap();
    // Before `version`, where the version probe skips any value: the depth limit stops it.
    // (Where the format wants a value of a type, nesting is refused at its first bracket.)
    let deep = text.replacen(
        "Session(",
        &format!("Session(\n    team: {}", "[".repeat(100)),
        1,
    );
    let c = check_session_text("deep.ron", &deep);
    assert_eq!(c.report.diagnostics[0].code, "too-deep");
    let many = text.replacen(
        "means: [",
        &format!("means: [{}", "Entry(text: \"x\"),".repeat(100_001)),
        1,
    );
    let c = check_session_text("many.ron", &many);
    let d = &c.report.diagnostics[0];
    assert_eq!(d.code, "too-many", "{d:?}");
    assert!(d.message.contains("at most 100000"), "{}", d.message);
    let escape = text.replacen("Команда 1", "\\u{1b}]0;pwned\\u{7}", 1);
    let c = check_session_text("esc.ron", &escape);
    assert_eq!(c.report.diagnostics[0].code, "control-char");
    assert_eq!(c.report.diagnostics[0].path, "team");
    let mut rendered = String::new();
    c.report.render_text(&mut rendered);
    assert!(!rendered.contains('\u{1b}'));
}

#[test]
fn a_save_into_a_read_only_folder_fails_and_loses_nothing() {
    let mut s = rich_session(case(&root().join("scenarios/demo.ron")));
    let mut written = None;
    let Some(ro) = ReadOnlyDir::new(|dir| {
        let p = dir.join("team.ron");
        save_session(&p, &mut s, NOW).unwrap();
        written = Some(fs::read(&p).unwrap());
    }) else {
        eprintln!("skipped: no way to make a read-only folder here");
        return;
    };
    let path = ro.path().join("team.ron");
    s.team = "Unsaved change".into();
    let before = s.clone();
    let err = save_session(&path, &mut s, "2026-05-16T13:00:00Z").unwrap_err();
    assert!(err.message.contains("read-only"), "{err}");
    assert!(err.to_string().contains("team.ron"), "{err}");
    assert_eq!(s, before, "the session in memory is untouched");
    assert_eq!(
        fs::read(&path).unwrap(),
        written.unwrap(),
        "the old file is intact"
    );
    let names: Vec<_> = fs::read_dir(ro.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("team.ron")]);
}

fn documented_example() -> String {
    let doc = fs::read_to_string(root().join("docs/session-format.md")).unwrap();
    let start = doc.find("```ron\n").unwrap() + "```ron\n".len();
    let end = start + doc[start..].find("```").unwrap();
    doc[start..end].to_string()
}

#[test]
fn the_documented_example_is_a_clean_session() {
    let text = documented_example();
    let c = check_session_text("docs/session-format.md", &text);
    let mut rendered = String::new();
    c.report.render_text(&mut rendered);
    assert!(
        c.report.diagnostics.is_empty(),
        "{rendered}\n(a case-edited warning here means the case's canonical form changed: \
         every saved session's hash changes with it; update the example's case_hash to {})",
        c.value
            .as_ref()
            .map(|s| case_hash(&s.case))
            .unwrap_or_default()
    );
    let s = c.value.unwrap();
    assert_eq!(s.id, "3f9a1c0e5b7d2a64");
    assert_eq!(s.goals.resources[0].resource.as_deref(), Some("lab"));
    assert_eq!(s.maps[0].activities.len(), 2);
    assert_eq!(s.maps[0].passport.period, "One school year");
}
