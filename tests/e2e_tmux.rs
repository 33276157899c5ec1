//! End to end: the real binary in a real terminal (tmux), driven by keys, checked on the
//! captured screen. Each test runs its own tmux server on a socket in its own temporary
//! directory (`-S`), so tests run in parallel, never touch a user's tmux and leave nothing
//! behind. Deadlines are generous: this checks behaviour, not speed.
//!
//! If tmux is missing, `scripts/install-test-deps.sh` is tried; if it is still missing the
//! test says so plainly and returns.

#[macro_use]
mod common;

use std::path::Path;
use std::process::Command;

use common::tmux::Term;

/// The issue's walk: demo → all six stages, a Russian goal typed, pairs formed, help opened,
/// quit (with the unsaved question: yes saves first).
#[test]
fn walk_from_the_demo_to_a_presented_map() {
    need_tmux!();
    let t = Term::start("en_US.UTF-8", &[]);
    t.wait_for(&["1 Start", "Open a case", "Riverside School", "? help"]);

    t.keys(&["Enter"]);
    t.wait_for(&["Participants (10/10)", "sorted by age", "Anna", "Irina"]);

    t.keys(&["Tab"]);
    t.wait_for(&["0 of 6 sections filled", "Deficit-filling technologies"]);
    t.keys(&["a"]);
    t.wait_for(&["Pick from the case: Goals"]);
    t.keys(&["Enter"]);
    t.keys(&["i"]);
    t.wait_for(&["New entry: Goals", "INSERT"]);
    t.text("Каждый педагог — и наставник, и наставляемый");
    t.keys(&["Escape"]);
    t.wait_for(&[
        "2. [own] Каждый педагог",
        "1 of 6 sections filled",
        "● unsaved",
    ]);

    t.keys(&["Tab"]);
    t.wait_for(&["No pairs yet"]);
    t.keys(&["r"]);
    t.wait_for(&["mentees served", "Why:", "Anna", "Hugo"]);

    t.keys(&["Tab"]);
    t.wait_for(&[
        "Practice passport",
        "Name of the practice",
        "Still to do",
        "draft",
    ]);

    t.keys(&["Tab"]);
    // The big heading is drawn in block glyphs.
    t.wait_for(&["page 1 of", "Reverse mentoring:", "█"]);
    t.keys(&["Space"]);
    t.wait_for(&["page 2 of"]);

    t.keys(&["?"]);
    t.wait_for(&["Help: every key", "6 Present", "Everywhere"]);
    t.keys(&["Escape"]);
    t.wait_for(&["page 2 of"]);

    t.keys(&["q"]);
    t.wait_for(&["Quit?", "not saved"]);
    t.keys(&["y"]);
    t.wait_exit();
    let saved = std::fs::read_to_string(t.path().join("demo.session.ron")).unwrap();
    assert!(saved.contains("Каждый педагог — и наставник, и наставляемый"));
}

/// Russian interface from LANG, a resize below the minimum and back, and a clean quit.
#[test]
fn russian_interface_survives_resizing() {
    need_tmux!();
    let t = Term::start("ru_RU.UTF-8", &[]);
    t.wait_for(&["1 Старт", "Открыть кейс", "? справка"]);
    t.tmux(&["resize-window", "-t", "walk", "-x", "40", "-y", "10"]);
    t.wait_for(&["Увеличьте окно"]);
    t.tmux(&["resize-window", "-t", "walk", "-x", "100", "-y", "30"]);
    t.wait_for(&["Открыть кейс"]);
    t.keys(&["2"]);
    t.wait_for(&["Участники (10/10)"]);
    t.keys(&["q"]);
    t.wait_exit();
}

/// A case given on the command line opens on the Case stage; a bad one exits with a located
/// error and code 2 before any screen is drawn.
#[test]
fn a_file_on_the_command_line() {
    need_tmux!();
    let school = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/school-291.ron");
    let t = Term::start(
        "en_US.UTF-8",
        &["--theme", "high-contrast", school.to_str().unwrap()],
    );
    t.wait_for(&["2 Case", "Participants (", "school-291.ron"]);
    t.keys(&["q"]);
    t.wait_exit();

    let bad = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad/truncated.ron");
    let out = Command::new(env!("CARGO_BIN_EXE_revmap"))
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("truncated.ron:"), "{err}");
}

/// The Start stage imports a survey spreadsheet typed as a path: the report comes up over
/// the new case, Esc closes it, and the imported teachers are on the Case stage.
#[test]
fn a_survey_imported_from_the_start_stage() {
    need_tmux!();
    let survey =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/cp1251-semicolon.csv");
    let t = Term::start("ru_RU.UTF-8", &[]);
    t.wait_for(&["1 Старт", "Открыть кейс"]);
    t.keys(&["o"]);
    t.text(survey.to_str().unwrap());
    t.keys(&["Enter"]);
    t.wait_for(&["Анкеты импортированы", "импортировано 5", "review-1"]);
    t.keys(&["Escape"]);
    t.wait_for(&["Участники (5/5)", "cp1251-semicolon.csv"]);
    t.keys(&["q"]);
    t.wait_exit();
}

/// Present mode as a facilitator runs it: surnames hidden by default, privacy off and on
/// again with the warning, paging, the countdown started and paused, the presenter lock.
#[test]
fn present_mode_keeps_private_data_off_the_wall() {
    need_tmux!();
    let t = Term::start("en_US.UTF-8", &[]);
    t.wait_for(&["1 Start", "Riverside School"]);
    // A projector's worth of text: the pair list takes two pages at 80×24.
    t.tmux(&["resize-window", "-t", "walk", "-x", "80", "-y", "24"]);
    t.keys(&["Enter"]);
    t.wait_for(&["Participants (10/10)"]);
    t.keys(&["4", "r"]);
    t.wait_for(&["mentees served"]);
    t.keys(&["6", "p"]);
    t.wait_for(&["Anna B. → Hugo S.", "page 1 of 2"]);
    let screen = t.screen();
    assert!(
        !screen.contains("Berg") && !screen.contains("age 24"),
        "{screen}"
    );
    assert!(!screen.contains("PRIVACY OFF"), "{screen}");

    t.keys(&["V", "a", "Escape"]);
    t.wait_for(&["Anna Berg → Hugo Silva", "age 24", "PRIVACY OFF"]);
    t.keys(&["V", "a", "Escape"]);
    t.wait_for(&["Anna B. → Hugo S."]);
    let screen = t.screen();
    assert!(
        !screen.contains("Berg") && !screen.contains("PRIVACY OFF"),
        "{screen}"
    );

    t.keys(&["Space"]);
    t.wait_for(&["page 2 of 2"]);
    t.keys(&["P"]);
    t.wait_for(&["▶ "]);
    t.keys(&["P"]);
    t.wait_for(&["‖ "]);

    t.keys(&["F"]);
    t.wait_for(&["LOCKED"]);
    t.keys(&["BSpace"]);
    t.wait_for(&["page 1 of 2", "LOCKED"]);
    t.keys(&["X"]);
    t.wait_for(&["Locked while"]);
    t.keys(&["F", "q"]);
    t.wait_for(&["Quit?"]);
    t.keys(&["d"]);
    t.wait_exit();
}

/// A seminar file from `revmap merge`: Present shows the teams' maps one after another,
/// `]` jumps to the next team, `p` goes on to the pair list.
#[test]
fn teams_take_turns_on_the_projector() {
    need_tmux!();
    let dir = tempfile::tempdir().unwrap();
    let school = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/school-291.ron");
    let mut files = Vec::new();
    for (name, goal) in [("Команда 1", "Excel к маю"), ("Команда 2", "Видео к маю")]
    {
        let mut s = common::rich_session(common::case(&school));
        s.team = name.into();
        s.maps[0].passport.goal = goal.into();
        let p = dir.path().join(format!("{}.ron", files.len() + 1));
        revmap::store::session_file::save_session(&p, &mut s, "2026-05-16T11:00:00Z").unwrap();
        files.push(p.display().to_string());
    }
    let seminar = dir.path().join("seminar.ron");
    let merged = common::revmap(&[
        "merge",
        &files[0],
        &files[1],
        "-o",
        seminar.to_str().unwrap(),
    ]);
    common::assert_exit(&merged, 0);

    let t = Term::start("en_US.UTF-8", &[seminar.to_str().unwrap()]);
    t.tmux(&["resize-window", "-t", "walk", "-x", "100", "-y", "30"]);
    t.wait_for(&["2 Case", "seminar.ron"]);
    t.keys(&["6"]);
    t.wait_for(&["team 1 of 2 · map 1 of 1", "Excel к маю"]);
    t.keys(&["]"]);
    t.wait_for(&["team 2 of 2 · map 1 of 1", "Видео к маю"]);
    t.keys(&["["]);
    t.wait_for(&["team 1 of 2", "Excel к маю"]);
    // The seminar holds no pairs of its own: p says so and stays on the teams' maps.
    t.keys(&["p"]);
    t.wait_for(&["Nothing else to show", "team 1 of 2"]);
    t.keys(&["q"]);
    t.wait_exit();
}
