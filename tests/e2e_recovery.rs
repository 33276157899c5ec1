//! The promise of autosave, end to end: type in the real binary under tmux, `kill -9` it,
//! start it again, accept the restore offer, and the typing is back — including text still
//! in the editor, never accepted. Also: a save into a read-only folder says why on screen
//! and keeps the work.

#[macro_use]
mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::ReadOnlyDir;
use common::tmux::{DEADLINE, Term};

/// The recovery copies in the data folder, as text.
fn recovery_texts(data: &Path) -> Vec<String> {
    std::fs::read_dir(data.join("recovery"))
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter(|e| e.path().extension().is_some_and(|x| x == "ron"))
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default()
}

/// Waits until a recovery copy holds `text`; returns how long that took.
fn wait_for_recovery(data: &Path, text: &str) -> Duration {
    let start = Instant::now();
    while !recovery_texts(data).iter().any(|t| t.contains(text)) {
        assert!(
            start.elapsed() < DEADLINE,
            "no recovery copy holds {text:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    start.elapsed()
}

fn pane_pid(t: &Term) -> u32 {
    let out = t.tmux(&["display-message", "-p", "-t", "walk", "#{pane_pid}"]);
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

fn pane_dead(t: &Term) -> bool {
    let out = t.tmux(&["display-message", "-p", "-t", "walk", "#{pane_dead}"]);
    String::from_utf8_lossy(&out.stdout).trim() == "1"
}

#[test]
fn kill_9_then_restart_restores_the_typing() {
    need_tmux!();
    let t = Term::start("en_US.UTF-8", &[]);
    t.tmux(&["set-option", "-t", "walk", "remain-on-exit", "on"]);
    t.wait_for(&["Open a case", "Riverside School"]);
    t.keys(&["Enter"]);
    t.wait_for(&["Participants (10/10)"]);
    t.keys(&["Tab"]);
    t.wait_for(&["0 of 6 sections filled"]);
    t.keys(&["i"]);
    t.wait_for(&["New entry: Goals", "INSERT"]);
    t.text("Восстановить после сбоя");
    t.keys(&["Escape"]);
    t.wait_for(&["Восстановить после сбоя", "● unsaved"]);
    // A second goal stays in the editor, never accepted.
    t.keys(&["i"]);
    t.wait_for(&["New entry: Goals"]);
    t.text("Набрано, но не принято");
    t.wait_for(&["Набрано, но не принято"]);
    let lag = wait_for_recovery(t.path(), "Набрано, но не принято");
    eprintln!("recovery copy written {lag:?} after the last keystroke was on screen");
    assert!(lag < Duration::from_secs(2), "autosave lagged {lag:?}");

    let pid = pane_pid(&t);
    let killed = std::process::Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    wait_dead(&t);

    let cmd = format!(
        "exec env LANG=en_US.UTF-8 LC_ALL= REVMAP_DATA_DIR={} {}",
        t.path().display(),
        env!("CARGO_BIN_EXE_revmap")
    );
    t.tmux(&["respawn-pane", "-k", "-t", "walk", &cmd]);
    t.wait_for(&[
        "Unsaved work found",
        "This session was never saved.",
        "«Восстановить после сбоя»",
        "«Набрано, но не принято»",
    ]);
    t.keys(&["y"]);
    t.wait_for(&["Unsaved work restored"]);
    t.keys(&["3"]);
    t.wait_for(&[
        "Восстановить после сбоя",
        "Набрано, но не принято",
        "Goals (2)",
        "● unsaved",
    ]);

    // Saving writes the session and retires the recovery copy.
    t.keys(&["C-s"]);
    t.wait_for(&["Saved to ./demo.session.ron"]);
    let saved = std::fs::read_to_string(t.path().join("demo.session.ron")).unwrap();
    assert!(saved.contains("Набрано, но не принято"));
    assert!(
        recovery_texts(t.path()).is_empty(),
        "the recovery copy is gone"
    );
    t.keys(&["q"]);
    wait_dead(&t);
}

fn wait_dead(t: &Term) {
    let start = Instant::now();
    while !pane_dead(t) {
        assert!(
            start.elapsed() < DEADLINE,
            "revmap did not exit:\n{}",
            t.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_save_into_a_read_only_folder_shows_why_and_keeps_the_work() {
    need_tmux!();
    let Some(ro) = ReadOnlyDir::new(|_| {}) else {
        eprintln!("SKIPPED: no way to make a read-only folder here");
        return;
    };
    let target = ro.path().join("team.ron");
    let t = Term::start("en_US.UTF-8", &["--output", target.to_str().unwrap()]);
    t.wait_for(&["Open a case"]);
    t.keys(&["Enter", "Tab", "i"]);
    t.wait_for(&["New entry: Goals"]);
    t.text("Не потерять");
    t.keys(&["Escape"]);
    t.wait_for(&["● unsaved"]);
    t.keys(&["C-s"]);
    t.wait_for(&[
        "Not saved",
        "read-only",
        "Nothing is lost",
        "y save elsewhere",
    ]);
    assert!(!target.exists());
    t.keys(&["n"]);
    t.wait_for(&["Не потерять", "● unsaved"]);
    t.keys(&["W"]);
    t.wait_for(&["Save as"]);
    t.keys(&["C-u"]);
    for _ in 0..120 {
        t.keys(&["BSpace"]);
    }
    let elsewhere = t.path().join("elsewhere.ron");
    t.text(elsewhere.to_str().unwrap());
    t.keys(&["Enter"]);
    t.wait_for(&["Saved to"]);
    let saved = std::fs::read_to_string(&elsewhere).unwrap();
    assert!(saved.contains("Не потерять"));
    t.keys(&["q"]);
    t.wait_exit();
}
