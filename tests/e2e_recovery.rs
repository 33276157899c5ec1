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

// Panics and signals. revmap runs under `sh`, which after it exits prints the exit code and
// whether the terminal is back in canonical (cooked) mode, then waits: the pane then shows
// what a user would find in their terminal.

/// Runs revmap with `env` and `args` under a shell in the pane and waits for its first
/// frame; returns revmap's pid (the shell's child).
fn start_under_shell(t: &Term, env: &str, args: &str) -> u32 {
    let script = format!(
        "env LANG=en_US.UTF-8 LC_ALL= RUST_BACKTRACE=0 RUST_LIB_BACKTRACE=0 REVMAP_DATA_DIR={dir} {env} {bin} {args}; \
         echo EXIT=$?; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-*icanon'; sleep 600",
        dir = t.path().display(),
        bin = env!("CARGO_BIN_EXE_revmap"),
    );
    t.tmux(&["respawn-pane", "-k", "-t", "walk", "sh", "-c", &script]);
    let start = Instant::now();
    let pid = loop {
        if let Some(pid) = child_of(pane_pid(t)) {
            break pid;
        }
        assert!(start.elapsed() < DEADLINE, "revmap did not start");
        std::thread::sleep(Duration::from_millis(20));
    };
    t.wait_for(&["Open a case"]);
    pid
}

/// The process whose parent is `parent`, from /proc.
fn child_of(parent: u32) -> Option<u32> {
    std::fs::read_dir("/proc").ok()?.flatten().find_map(|e| {
        let pid: u32 = e.file_name().to_str()?.parse().ok()?;
        let stat = std::fs::read_to_string(e.path().join("stat")).ok()?;
        // pid (comm) state ppid …; comm may hold spaces, so split after the last ')'.
        let ppid: u32 = stat
            .rsplit_once(')')?
            .1
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()?;
        (ppid == parent).then_some(pid)
    })
}

/// The terminal modes tmux sees in the pane: alternate screen, any mouse reporting, and
/// whether the cursor is shown.
fn modes(t: &Term) -> String {
    let out = t.tmux(&[
        "display-message",
        "-p",
        "-t",
        "walk",
        "#{alternate_on} #{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag} #{cursor_flag}",
    ]);
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// After revmap ended: the shell reports `exit`, the terminal is cooked again, on the
/// main screen, with no mouse reporting and the cursor shown. Returns the screen.
fn assert_terminal_back(t: &Term, exit: &str) -> String {
    t.wait_for(&["EXIT=", "icanon"]);
    let screen = t.screen();
    assert!(
        screen.contains(&format!("EXIT={exit}")),
        "exit {exit} expected:\n{screen}"
    );
    assert!(!screen.contains("-icanon"), "raw mode left on:\n{screen}");
    assert_eq!(modes(t), "0 000 1", "main screen, no mouse, cursor shown");
    screen
}

/// Types one accepted goal and leaves a second one open in the editor.
fn type_goals(t: &Term, accepted: &str, open: &str) {
    t.keys(&["Enter"]);
    t.wait_for(&["Participants (10/10)"]);
    t.keys(&["Tab", "i"]);
    t.wait_for(&["New entry: Goals"]);
    t.text(accepted);
    t.keys(&["Escape"]);
    t.wait_for(&[accepted, "● unsaved"]);
    t.keys(&["i"]);
    t.wait_for(&["New entry: Goals"]);
    t.text(open);
    t.wait_for(&[open]);
}

fn signal(pid: u32, name: &str) {
    let sent = std::process::Command::new("kill")
        .args([&format!("-{name}"), &pid.to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

/// A panic keeps the work, including typing not yet accepted, then restores the terminal
/// and says what happened. The text is typed and the panic key pressed at once, well
/// inside autosave's one-second pause, and revmap says it wrote the copy itself.
#[test]
fn a_panic_keeps_the_work_and_restores_the_terminal() {
    need_tmux!();
    let t = Term::start("en_US.UTF-8", &[]);
    t.wait_for(&["Open a case"]);
    let running = modes(&t);
    assert!(
        running.starts_with("1 1"),
        "alternate screen and mouse on while running: {running}"
    );
    start_under_shell(&t, "REVMAP_TEST_PANIC_ON=F12", "");
    type_goals(&t, "Принятая цель", "Ещё в редакторе");
    t.keys(&["F12"]);
    let screen = assert_terminal_back(&t, "101");
    assert!(
        screen.contains("panicking on purpose") && screen.contains("unsaved work kept in"),
        "{screen}"
    );
    let copies = recovery_texts(t.path());
    assert!(
        copies
            .iter()
            .any(|c| c.contains("Принятая цель") && c.contains("Ещё в редакторе")),
        "the recovery copy holds both goals: {copies:?}"
    );
}

/// SIGTERM on a session with its own file: saved to it (as quitting with "yes" would),
/// the editor's text kept in the recovery copy, the terminal restored, exit 128+15.
#[test]
fn sigterm_saves_the_session_file_and_restores_the_terminal() {
    need_tmux!();
    let t = Term::start("en_US.UTF-8", &[]);
    let file = t.path().join("team.ron");
    let pid = start_under_shell(&t, "", &format!("--output {}", file.display()));
    type_goals(&t, "Сохранить при SIGTERM", "Не принято при SIGTERM");
    signal(pid, "TERM");
    assert_terminal_back(&t, "143");
    let saved = std::fs::read_to_string(&file).expect("the session file is written");
    assert!(saved.contains("Сохранить при SIGTERM"), "{saved}");
    assert!(
        recovery_texts(t.path())
            .iter()
            .any(|c| c.contains("Не принято при SIGTERM")),
        "the unaccepted typing is in the recovery copy"
    );
}

/// SIGHUP (the terminal closed) on a session never saved: no file appears out of nowhere,
/// the work waits in the recovery copy, exit 128+1.
#[test]
fn sighup_keeps_an_unsaved_session_in_the_recovery_copy() {
    need_tmux!();
    let t = Term::start("en_US.UTF-8", &[]);
    let pid = start_under_shell(&t, "", "");
    type_goals(&t, "Сохранить при SIGHUP", "Не принято при SIGHUP");
    signal(pid, "HUP");
    assert_terminal_back(&t, "129");
    assert!(
        recovery_texts(t.path())
            .iter()
            .any(|c| c.contains("Сохранить при SIGHUP") && c.contains("Не принято при SIGHUP")),
        "the recovery copy holds the work"
    );
    let sessions: Vec<_> = std::fs::read_dir(t.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".session.ron"))
        .collect();
    assert!(sessions.is_empty(), "no session file was invented");
}

/// The terminal goes away (tmux killed, like a closed terminal window or a dropped ssh
/// connection): revmap gets SIGHUP with its terminal already gone, keeps the work and ends
/// instead of spinning on a dead terminal.
#[test]
fn a_vanished_terminal_ends_revmap_with_the_work_kept() {
    need_tmux!();
    let t = Term::start("en_US.UTF-8", &[]);
    t.wait_for(&["Open a case"]);
    let pid = pane_pid(&t);
    type_goals(&t, "Терминал закрыт", "Набрано до закрытия");
    t.tmux(&["kill-server"]);
    let start = Instant::now();
    while running(pid) {
        assert!(
            start.elapsed() < DEADLINE,
            "revmap {pid} still runs without a terminal"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        recovery_texts(t.path())
            .iter()
            .any(|c| c.contains("Терминал закрыт") && c.contains("Набрано до закрытия")),
        "the recovery copy holds the work"
    );
}

/// Whether `pid` exists and is not a zombie (an exited process nobody reaped yet).
fn running(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| s.rsplit_once(')').map(|(_, rest)| rest.trim().to_string()))
        .is_some_and(|rest| !rest.starts_with('Z'))
}
