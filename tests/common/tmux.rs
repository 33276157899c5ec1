//! A real terminal for end-to-end tests: tmux, one server per test on a socket in its own
//! temporary directory (`-S`), so tests run in parallel, never touch a user's tmux and leave
//! nothing behind. revmap runs with that directory as its working folder (where it saves
//! sessions) and as `REVMAP_DATA_DIR` (recent files, recovery copies).

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub const DEADLINE: Duration = Duration::from_secs(30);

pub fn tmux_present() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether tmux can be used, installing it first if needed.
pub fn ensure_tmux() -> bool {
    if tmux_present() {
        return true;
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/install-test-deps.sh");
    let _ = Command::new("bash").arg(script).status();
    tmux_present()
}

/// One tmux server with one session running revmap; killed when dropped, also when a test
/// fails half-way.
pub struct Term {
    pub socket: String,
    /// Holds the socket and revmap's data directory (recent files).
    pub dir: tempfile::TempDir,
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-S", &self.socket, "kill-server"])
            .output();
    }
}

impl Term {
    pub fn start(lang: &str, args: &[&str]) -> Term {
        let dir = tempfile::tempdir().unwrap();
        let term = Term {
            socket: dir.path().join("tmux.sock").display().to_string(),
            dir,
        };
        let cmd = term.command(args);
        let out = term.tmux(&[
            "new-session",
            "-d",
            "-s",
            "walk",
            "-x",
            "100",
            "-y",
            "30",
            "-c",
            &term.dir.path().display().to_string(),
            "-e",
            &format!("LANG={lang}"),
            "-e",
            "LC_ALL=",
            "-e",
            &format!("REVMAP_DATA_DIR={}", term.dir.path().display()),
            &cmd,
        ]);
        assert!(
            out.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        term
    }

    /// The shell command that runs revmap with `args`; `exec` makes revmap the pane's
    /// process, so its pid is the pane's.
    pub fn command(&self, args: &[&str]) -> String {
        let mut cmd = vec!["exec".to_string(), env!("CARGO_BIN_EXE_revmap").to_string()];
        cmd.extend(args.iter().map(|a| a.to_string()));
        cmd.join(" ")
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-S", &self.socket])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    /// Sends keys by tmux name ("Enter", "Tab", "Escape", "q").
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            let out = self.tmux(&["send-keys", "-t", "walk", k]);
            assert!(out.status.success(), "send-keys {k}");
        }
    }

    /// Types text literally (any script).
    pub fn text(&self, text: &str) {
        let out = self.tmux(&["send-keys", "-t", "walk", "-l", text]);
        assert!(out.status.success(), "send-keys -l");
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "walk"]).stdout)
            .into_owned()
    }

    pub fn alive(&self) -> bool {
        self.tmux(&["has-session", "-t", "walk"]).status.success()
    }

    /// Waits until the screen shows every one of `texts` (a capture may catch a frame half
    /// drawn, so every expectation belongs here rather than in a later assert).
    pub fn wait_for(&self, texts: &[&str]) {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if texts.iter().all(|t| screen.contains(t)) {
                return;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "waited {DEADLINE:?} for {texts:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn wait_exit(&self) {
        let start = Instant::now();
        while self.alive() {
            assert!(
                start.elapsed() < DEADLINE,
                "revmap did not exit; the screen shows:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

macro_rules! need_tmux {
    () => {
        if !ensure_tmux() {
            eprintln!(
                "SKIPPED {}: tmux is not installed and scripts/install-test-deps.sh could not \
                 install it, so the end-to-end terminal walk did not run",
                module_path!()
            );
            return;
        }
    };
}

/// Returns from the test with a plain message when tmux cannot be had.
macro_rules! need_tmux {
    () => {
        if !common::tmux::ensure_tmux() {
            eprintln!(
                "SKIPPED {}: tmux is not installed and scripts/install-test-deps.sh could not \
                 install it, so the end-to-end terminal walk did not run",
                module_path!()
            );
            return;
        }
    };
}
