//! What flows through the Elm loop: `Action`s (what a key means), `Msg`s (everything
//! `update` ever sees) and `Cmd`s (side effects `update` asks the loop to perform).

use std::path::PathBuf;

use ratatui_textarea::Input;

use crate::domain::case::{Case, Stage};
use crate::domain::pairing::{Mode, Overrides, Pairing};
use crate::domain::session::Session;

/// What a key binding does. Bindings map keys to actions; `update` interprets an action in the
/// current stage, so one key (↓, Enter) can mean the right thing everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Help,
    NextStage,
    PrevStage,
    Goto(Stage),
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Enter in normal mode: open, edit, run — whatever the selected thing offers.
    Activate,
    /// Esc in normal mode: clear a filter.
    Back,
    Filter,
    OpenPath,
    Sort,
    Reverse,
    CaseTab,
    Pick,
    Write,
    Delete,
    MoveUp,
    MoveDown,
    NextMode,
    Solve,
    Lock,
    Forbid,
    Unpair,
    Swap,
    Network,
    NextSubject,
    PrevSubject,
    Longer,
    Shorter,
    Refill,
    AddResource,
    ToggleTopic,
    NextPage,
    PrevPage,
    PresentContent,
    Close,
    Accept,
    Yes,
    No,
    InputDone,
    InputSave,
    InputEnter,
    /// Save the session to its file (Ctrl-S).
    Save,
    /// Save the session to a file typed in.
    SaveAs,
    /// Write the printable HTML next to the session file.
    Export,
    /// Compare two teams' maps.
    Compare,
    /// Quit without saving (in the quit question).
    Discard,
    /// Compare view: another team on the left / on the right.
    OtherLeft,
    OtherRight,
    /// Pause or resume the current plan item's timer.
    Pause,
    /// A minute more (or less) for the current item, on the fly.
    MoreTime,
    LessTime,
    /// Go to the next (previous) item of the plan: its stage, its timer.
    NextItem,
    PrevItem,
    /// Open the session plan.
    Agenda,
    /// In the plan: add an item, say who presents, start a timer over, bell on or off.
    AddItem,
    Presenter,
    Restart,
    Bell,
    /// Open the privacy pop-up; in it, hide or show everything private at once.
    Privacy,
    PrivacyAll,
    Undo,
    Redo,
    /// The presenter lock on or off.
    PresenterLock,
    /// Ask to clear the current stage's work.
    ResetStage,
}

/// Where a case comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Demo,
    File(PathBuf),
}

impl Source {
    /// What the status line calls it: "demo" or the file name.
    pub fn label(&self) -> String {
        match self {
            Source::Demo => "demo".to_string(),
            Source::File(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string()),
        }
    }
}

/// A case the loop has read, as a fresh session (its id and time come from the loop, since
/// update never reads the clock).
#[derive(Debug, Clone)]
pub struct Opened {
    pub session: Session,
    pub source: Source,
    /// The session file, when a session (not a case) was opened.
    pub file: Option<PathBuf>,
    /// The import report, when a survey was opened.
    pub report: Option<String>,
}

/// A save for the loop to perform. Without `path`, a session never saved goes to a free
/// `STEM.session.ron` in the current folder.
#[derive(Debug, Clone)]
pub struct SaveJob {
    pub session: Session,
    pub path: Option<PathBuf>,
    /// The case file's stem (or "demo"), for the default name.
    pub stem: String,
    /// Quit once saved.
    pub quit: bool,
}

/// A successful save: where, and what the file now records.
#[derive(Debug, Clone)]
pub struct Saved {
    pub path: PathBuf,
    pub id: String,
    pub modified: String,
    pub case_hash: String,
    pub quit: bool,
}

/// An export for the loop to perform: printable HTML beside the session file.
#[derive(Debug, Clone)]
pub struct ExportJob {
    pub session: Session,
    pub file: Option<PathBuf>,
    pub stem: String,
    pub lang: crate::i18n::Lang,
    /// What to hide: the screen's privacy setting at the time of the export.
    pub privacy: crate::domain::privacy::Privacy,
}

#[derive(Debug, Clone)]
pub enum Msg {
    Act(Action),
    /// A key for the active text input (filter, path, editor, picker query).
    Input(Input),
    Paste(String),
    Resize(u16, u16),
    Click {
        col: u16,
        row: u16,
    },
    Scroll {
        col: u16,
        row: u16,
        down: bool,
    },
    Opened(Result<Box<Opened>, String>),
    PairingDone {
        job: u64,
        result: Result<Pairing, String>,
    },
    Saved(Result<Box<Saved>, String>),
    Exported(Result<PathBuf, String>),
    /// Another team's session, read for the compare view.
    CompareLoaded {
        file: String,
        result: Result<Box<Session>, String>,
    },
    /// The loop's clock: milliseconds on a monotonic clock, sent at least once a second
    /// while a timer runs and before every key. Only timers read it.
    Tick(u64),
}

/// One run of the pairing engine, performed off the UI thread.
#[derive(Debug, Clone)]
pub struct SolveJob {
    /// Results of older jobs (the case or overrides changed since) are dropped.
    pub job: u64,
    pub case: Case,
    pub mode: Mode,
    pub overrides: Overrides,
}

/// Side effects the loop performs for `update`.
#[derive(Debug, Clone)]
pub enum Cmd {
    Quit,
    Open(Source),
    Solve(Box<SolveJob>),
    Save(Box<SaveJob>),
    Export(Box<ExportJob>),
    /// Remove the recovery file of session `id`; quit after if asked.
    Discard {
        id: String,
        quit: bool,
    },
    LoadCompare(PathBuf),
    /// Ring the terminal bell (a plan item's time ran out).
    Bell,
}
