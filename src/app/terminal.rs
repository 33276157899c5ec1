//! The real terminal around the loop: raw mode, the alternate screen, mouse capture and
//! bracketed paste go on, and come off again however the loop ends — by quitting, by
//! SIGTERM or SIGHUP, or by a panic on any thread.
//!
//! Terminal events and signals reach the loop through one channel, fed by two threads:
//! signal-hook's iterator forwards SIGTERM and SIGHUP (nothing is done in the handler), and
//! the loop, woken at once, sees [`Next::Signal`] and saves like a quit. A second SIGTERM
//! or SIGHUP while that save runs ends the process at once.
//!
//! A panic writes the recovery copy first, from the model as it was when the panic
//! unwound out of the loop, then restores the terminal, then prints the report. The panic
//! hook only formats and keeps the report: printing it into the alternate screen would be
//! lost when the screen is left. A panic on a worker thread (the pairing solver) ends the
//! session the same way at the loop's next tick. This relies on unwinding (the default;
//! `panic = "abort"` must not be set for the binary).

use std::io::stdout;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::thread::ThreadId;
use std::time::Duration;

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyCode, KeyEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::{DefaultTerminal, Terminal, backend::CrosstermBackend};
use signal_hook::consts::{SIGHUP, SIGTERM};

use super::model::Model;
use super::persist_io;
use super::runtime::{self, Events, Next};

/// Test hook, read once at start: pressing this key (`F12`, or one character) panics in
/// the loop, so the end-to-end tests can check what a panic leaves behind.
pub const TEST_PANIC_ON: &str = "REVMAP_TEST_PANIC_ON";

/// Exit code after a panic (the one Rust uses).
const PANICKED: u8 = 101;

/// The first panic's report, printed once the terminal is restored.
static REPORT: Mutex<Option<String>> = Mutex::new(None);
/// A thread other than the loop's panicked.
static WORKER_PANICKED: AtomicBool = AtomicBool::new(false);

/// Runs the loop in the real terminal; the exit code says how it ended.
pub fn run(model: &mut Model) -> ExitCode {
    let previous = std::panic::take_hook();
    install_panic_hook(std::thread::current().id());
    let mut signal = None;
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let mut terminal = enter()?;
        let mut events = TerminalEvents {
            input: start_input()?,
            panic_on: panic_key(std::env::var(TEST_PANIC_ON).ok().as_deref()),
            signal: None,
        };
        let result = runtime::run(&mut terminal, model, &mut events);
        signal = events.signal;
        result
    }));
    let code = match outcome {
        Ok(result) => {
            if result.is_err() {
                // The terminal failed (after a hang-up, drawing does): keep the work first.
                let _ = persist_io::write_recovery(model);
            }
            leave();
            match (result, signal) {
                (Err(e), _) => failed(&e),
                // The shell convention for "ended by signal N", after a clean exit.
                (Ok(()), Some(n)) => ExitCode::from(128 + n as u8),
                (Ok(()), None) => ExitCode::SUCCESS,
            }
        }
        Err(_) => {
            let written = catch_unwind(AssertUnwindSafe(|| persist_io::write_recovery(model)));
            leave();
            print_report(written.ok().flatten());
            ExitCode::from(PANICKED)
        }
    };
    std::panic::set_hook(previous);
    code
}

fn failed(e: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("revmap: terminal error: {e}");
    ExitCode::FAILURE
}

fn enter() -> color_eyre::Result<DefaultTerminal> {
    enable_raw_mode()?;
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    Ok(Terminal::new(CrosstermBackend::new(stdout()))?)
}

/// Puts the terminal back. Each step is tried even if another fails: after SIGHUP the
/// terminal may be gone, and a half-restored one is worse than a best effort.
fn leave() {
    let _ = disable_raw_mode();
    let _ = execute!(
        stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        Show
    );
}

/// Keeps the first panic's report (formatted by color-eyre) for later; on a worker
/// thread, also tells the loop.
fn install_panic_hook(ui: ThreadId) {
    let (panic_hook, _) = color_eyre::config::HookBuilder::default().into_hooks();
    std::panic::set_hook(Box::new(move |info| {
        let report = panic_hook.panic_report(info).to_string();
        if let Ok(mut kept) = REPORT.lock() {
            kept.get_or_insert(report);
        }
        if std::thread::current().id() != ui {
            WORKER_PANICKED.store(true, Ordering::SeqCst);
        }
    }));
}

fn print_report(recovery: Option<std::io::Result<std::path::PathBuf>>) {
    let report = REPORT.lock().ok().and_then(|mut r| r.take());
    eprintln!(
        "{}",
        report.unwrap_or_else(|| "revmap panicked".to_string())
    );
    match recovery {
        Some(Ok(file)) => eprintln!("revmap: unsaved work kept in {}", file.display()),
        Some(Err(e)) => eprintln!("revmap: could not keep the unsaved work: {e}"),
        None => {}
    }
}

/// The key the test hook panics on: `F1`…`F24` or a single character.
fn panic_key(spec: Option<&str>) -> Option<KeyCode> {
    let spec = spec?;
    let mut chars = spec.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(KeyCode::Char(c)),
        _ => spec
            .strip_prefix('F')?
            .parse()
            .ok()
            .filter(|n| (1..=24).contains(n))
            .map(KeyCode::F),
    }
}

/// What the input and signal threads hand the loop.
enum Input {
    Event(std::io::Result<Event>),
    Signal(i32),
}

/// Starts the threads that feed the loop: one reads the terminal, one waits for SIGTERM
/// and SIGHUP. Reading in a thread of its own keeps the loop free: when the terminal goes
/// away, crossterm's read can spin without returning, and the loop must still see the
/// SIGHUP that comes with it. A second signal while the first is being handled ends the
/// process at once (exit 1).
fn start_input() -> std::io::Result<Receiver<Input>> {
    let (tx, rx) = channel();
    let again = Arc::new(AtomicBool::new(false));
    for sig in [SIGTERM, SIGHUP] {
        // Registered before the flag is set, so it sees the flag as a previous signal left it.
        signal_hook::flag::register_conditional_shutdown(sig, 1, Arc::clone(&again))?;
        signal_hook::flag::register(sig, Arc::clone(&again))?;
    }
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    let to_loop = tx.clone();
    std::thread::spawn(move || {
        for sig in signals.forever() {
            let _ = to_loop.send(Input::Signal(sig));
        }
    });
    std::thread::spawn(
        move || {
            while tx.send(Input::Event(event::read())).is_ok() {}
        },
    );
    Ok(rx)
}

/// The terminal's events, with the signals and the worker panics the loop must see.
struct TerminalEvents {
    input: Receiver<Input>,
    panic_on: Option<KeyCode>,
    /// The signal that ended the session, if one did.
    signal: Option<i32>,
}

impl Events for TerminalEvents {
    fn next(&mut self, timeout: Duration) -> std::io::Result<Next> {
        if WORKER_PANICKED.load(Ordering::SeqCst) {
            std::panic::resume_unwind(Box::new("a worker thread panicked"));
        }
        let ev = match self.input.recv_timeout(timeout) {
            Ok(Input::Event(ev)) => ev?,
            Ok(Input::Signal(sig)) => {
                self.signal = Some(sig);
                return Ok(Next::Signal);
            }
            Err(RecvTimeoutError::Timeout) => return Ok(Next::Idle),
            Err(RecvTimeoutError::Disconnected) => {
                return Err(std::io::Error::other("the terminal input stopped"));
            }
        };
        if let Event::Key(k) = &ev
            && k.kind == KeyEventKind::Press
            && Some(k.code) == self.panic_on
        {
            panic!(
                "{TEST_PANIC_ON} is set: panicking on purpose at {:?}",
                k.code
            );
        }
        Ok(Next::Event(ev))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_test_panic_key_is_a_character_or_a_function_key() {
        assert_eq!(panic_key(None), None);
        assert_eq!(panic_key(Some("x")), Some(KeyCode::Char('x')));
        assert_eq!(panic_key(Some("F12")), Some(KeyCode::F(12)));
        assert_eq!(panic_key(Some("F0")), None);
        assert_eq!(panic_key(Some("F25")), None);
        assert_eq!(panic_key(Some("Enter")), None);
        assert_eq!(panic_key(Some("")), None);
    }
}
