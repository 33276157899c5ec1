//! The whole state of the interactive session: the session being edited plus UI state
//! (stage, selections, pop-ups, text inputs). Views read it; only `update` changes it, and
//! every change to the session goes through [`Model::edit`].

use ratatui_textarea::TextArea;

use super::edit::{Edit, apply};
use super::history::{History, Work};
use super::keymap::{Context, PopupKind};
use super::msg::Source;
use super::room;
use super::stage::{case, goals, map, pairs, present, start};
use crate::domain::case::{Id, Stage};
use crate::domain::privacy::Privacy;
use crate::domain::session::{Field, Section, Session};
use crate::i18n::{Lang, Strings};
use crate::store::library::Entry;
use crate::ui::theme::Theme;

/// The smallest terminal the stages are laid out for; below it a notice asks for more room.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

pub struct Model {
    pub session: Session,
    pub source: Source,
    /// The session file Ctrl-S writes; `None` until the session is first saved.
    pub file: Option<std::path::PathBuf>,
    /// `--output`: where a session made from a case is saved, whichever case is opened.
    pub output: Option<std::path::PathBuf>,
    /// Counts changes to the session and typing not yet accepted, for autosave.
    pub revision: u64,
    /// revmap's data folder (recovery copies, recent files); `None` keeps the session away
    /// from it entirely, as tests do: no autosave, no recent list.
    pub data: Option<std::path::PathBuf>,
    /// The last save failed: quitting asks again instead of saving.
    pub save_failed: bool,
    pub lang: Lang,
    pub theme: Theme,
    pub stage: Stage,
    /// Terminal size (columns, rows), kept for paging and mouse hit-testing.
    pub size: (u16, u16),
    /// The session has changes not yet saved.
    pub dirty: bool,
    pub quit: bool,
    pub popup: Option<Popup>,
    /// A single-line input in the current stage (filter, path).
    pub line: Option<LineInput>,
    /// A one-line message for the status line (an error, a confirmation).
    pub notice: Option<String>,
    /// The pairing job running in the background, if any.
    pub solving: Option<u64>,
    pub next_job: u64,
    pub start: start::State,
    pub case: case::State,
    pub goals: goals::State,
    pub pairs: pairs::State,
    pub map: map::State,
    pub present: present::State,
    /// The loop's clock at the last tick, in milliseconds (timers count against it).
    pub now: u64,
    /// What the screens and the TUI's export hide; everything private to begin with.
    pub privacy: Privacy,
    /// Undo and redo of the work on the session.
    pub history: History,
    /// The presenter lock: while teams present, every edit is refused.
    pub locked: bool,
}

pub enum Popup {
    Help {
        scroll: u16,
    },
    Confirm(Confirm),
    Picker(Picker),
    Editor(Editor),
    Restore(Box<super::persist::Restore>),
    Compare(Box<super::persist::Compare>),
    /// The session plan, with the selected item.
    Agenda {
        selected: usize,
    },
    /// What the screens hide, with the selected private field.
    Privacy {
        selected: usize,
    },
    /// A read-only text to scroll through: the report of a survey import.
    Report(Report),
}

pub struct Report {
    pub title: String,
    pub lines: Vec<String>,
    pub scroll: u16,
}

impl Popup {
    /// The report of importing the survey the session was made from.
    pub fn import_report(m: &Model, text: &str) -> Popup {
        let file = match &m.source {
            super::msg::Source::File(p) => p.display().to_string(),
            super::msg::Source::Demo => String::new(),
        };
        Popup::Report(Report {
            title: crate::i18n::fill(m.strings().start.imported, &[("file", &file)]),
            lines: text.lines().map(str::to_string).collect(),
            scroll: 0,
        })
    }
}

/// What a yes/no question is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    Quit,
    Open(Source),
    /// A save failed, for this reason: yes saves elsewhere.
    SaveFailed(String),
    /// Clear this stage's work (goals, pairs or maps).
    Reset(Stage),
    /// Open an editor on text that names people in full while privacy hides them.
    EditPrivate(EditTarget, String),
}

/// A fuzzy picker over items offered by the case.
pub struct Picker {
    pub purpose: PickFor,
    pub title: String,
    pub items: Vec<PickItem>,
    pub haystacks: Vec<String>,
    pub query: TextArea<'static>,
    pub visible: Vec<usize>,
    pub selected: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickFor {
    Entry(Section),
    ActivityResource(usize),
    ActivityTopic(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickItem {
    pub text: String,
    /// A second, dimmer column: a resource's level, a topic's direction.
    pub detail: String,
    /// The id behind the item (resource or topic), if it has one.
    pub key: Option<Id>,
}

/// The multi-line editor pop-up.
pub struct Editor {
    pub target: EditTarget,
    pub title: String,
    pub area: TextArea<'static>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditTarget {
    NewEntry(Section),
    Entry(Section, usize),
    Field(Field),
    Activity(usize),
    /// A plan item's title or presenter.
    ItemTitle(usize),
    ItemPresenter(usize),
}

impl EditTarget {
    /// A plan item's title and who presents are one line: Enter finishes them.
    pub fn is_one_line(self) -> bool {
        matches!(
            self,
            EditTarget::ItemTitle(_) | EditTarget::ItemPresenter(_)
        )
    }
}

/// A single-line input shown in place (filters, a path).
pub struct LineInput {
    pub target: LineTarget,
    pub area: TextArea<'static>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineTarget {
    StartFilter,
    CaseFilter,
    Path,
    SavePath,
    ComparePath,
}

impl Model {
    /// A model on `session`. `library` lists what the Start stage offers besides the demo.
    pub fn new(
        session: Session,
        source: Source,
        lang: Lang,
        theme: Theme,
        library: Vec<Entry>,
    ) -> Model {
        let mut m = Model {
            start: start::State::new(library),
            case: case::State::default(),
            goals: goals::State::default(),
            pairs: pairs::State::default(),
            map: map::State::default(),
            present: present::State::default(),
            session,
            source,
            file: None,
            output: None,
            revision: 0,
            data: None,
            save_failed: false,
            lang,
            theme,
            stage: Stage::Start,
            size: (80, 24),
            dirty: false,
            quit: false,
            popup: None,
            line: None,
            notice: None,
            solving: None,
            next_job: 1,
            now: 0,
            privacy: Privacy::default(),
            history: History::default(),
            locked: false,
        };
        m.case_changed();
        m
    }

    /// A model for tests and benchmarks: `case` opened at a fixed time, the default theme,
    /// only the demo in the Start list (no file system), an 80×24 terminal.
    pub fn fixture(case: crate::domain::case::Case, lang: Lang) -> Model {
        let session = Session::new(case, "2026-01-01T00:00:00Z");
        Model::new(
            session,
            Source::Demo,
            lang,
            Theme::default(),
            vec![Entry::demo()],
        )
    }

    /// Where autosave keeps the recovery copies, if anywhere.
    pub fn recovery(&self) -> Option<crate::store::recovery::Recovery> {
        self.data
            .as_deref()
            .map(crate::store::recovery::Recovery::in_data_dir)
    }

    pub fn strings(&self) -> &'static Strings {
        self.lang.strings()
    }

    /// The only way the session changes. Marks the model dirty and refreshes what is derived
    /// from the session. (Undo and autosave hook in here.)
    /// The one way the session changes. Work on it is refused while the presenter lock is
    /// on, and recorded for undo; the room's clock is neither.
    pub fn edit(&mut self, e: Edit) {
        if e.is_work() && self.refused_by_lock() {
            return;
        }
        let before = e.is_work().then(|| Work::of(&self.session));
        if apply(&mut self.session, &e) {
            if let Some(before) = before {
                self.history.record(before);
            }
            self.dirty = true;
            self.revision += 1;
            self.derived_changed(&e);
        }
    }

    /// True (with a word in the status line) while the presenter lock is on.
    pub fn refused_by_lock(&mut self) -> bool {
        if self.locked {
            self.notice = Some(self.strings().room.locked_refused.to_string());
        }
        self.locked
    }

    /// Undo (or redo, `forward`): false when there was nothing to do or the lock is on.
    pub fn step_history(&mut self, forward: bool) -> bool {
        if self.refused_by_lock() {
            return false;
        }
        let done = if forward {
            self.history.redo(&mut self.session)
        } else {
            self.history.undo(&mut self.session)
        };
        if done {
            self.dirty = true;
            self.revision += 1;
            self.work_replaced();
        }
        done
    }

    /// Everything derived from the work, and every selection, after it changed at once.
    fn work_replaced(&mut self) {
        // As after an edit that touches everything, the pairs included.
        self.derived_changed(&Edit::ClearPairing);
        present::clamp(self);
    }

    fn derived_changed(&mut self, e: &Edit) {
        if e.touches_pairs() {
            pairs::refresh(self);
            let last = self.pair_count().saturating_sub(1);
            self.pairs.selected = self.pairs.selected.min(last);
        }
        map::refresh(self);
        goals::clamp(self);
    }

    /// Recomputes everything derived from the case, after opening one.
    pub fn case_changed(&mut self) {
        self.history.clear();
        room::opened(self);
        case::rebuild(self);
        self.goals = goals::State::default();
        self.pairs = pairs::State::default();
        self.map = map::State::default();
        self.present = present::State::default();
        pairs::refresh(self);
        map::refresh(self);
        start::refresh(self);
    }

    /// What the keyboard is talking to.
    pub fn context(&self) -> Context {
        match &self.popup {
            Some(Popup::Help { .. }) => Context::Popup(PopupKind::Help),
            Some(Popup::Confirm(_)) => Context::Popup(PopupKind::Confirm),
            Some(Popup::Picker(_)) => Context::Popup(PopupKind::Picker),
            Some(Popup::Editor(_)) => Context::Insert,
            Some(Popup::Restore(_)) => Context::Popup(PopupKind::Restore),
            Some(Popup::Compare(_)) => Context::Popup(PopupKind::Compare),
            Some(Popup::Agenda { .. }) => Context::Popup(PopupKind::Agenda),
            Some(Popup::Report(_)) => Context::Popup(PopupKind::Report),
            Some(Popup::Privacy { .. }) => Context::Popup(PopupKind::Privacy),
            None if self.line.is_some() => Context::Insert,
            None => Context::Normal(self.stage),
        }
    }

    /// How many pairs the current result has.
    pub fn pair_count(&self) -> usize {
        self.session
            .pairing
            .result
            .as_ref()
            .map_or(0, |r| r.pairs.len())
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// Rows a page-up/page-down moves in the stage lists.
    pub fn page(&self) -> usize {
        usize::from(self.size.1.saturating_sub(10)).max(1)
    }
}

/// A single-line text area for filters and paths.
pub fn line_area(text: &str, theme: &Theme) -> TextArea<'static> {
    let mut area = TextArea::new(vec![text.to_string()]);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    style_area(&mut area, theme);
    area
}

/// A multi-line text area for the editor, word-wrapped.
pub fn editor_area(text: &str, theme: &Theme) -> TextArea<'static> {
    let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let mut area = TextArea::new(lines);
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    area.set_wrap_mode(ratatui_textarea::WrapMode::Word);
    style_area(&mut area, theme);
    area
}

fn style_area(area: &mut TextArea<'static>, theme: &Theme) {
    area.set_style(theme.text());
    area.set_cursor_line_style(theme.text());
    area.set_cursor_style(theme.cursor());
}

/// The text of a text area, lines joined with '\n', with control characters made safe.
pub fn area_text(area: &TextArea) -> String {
    crate::domain::text::sanitize(&area.lines().join("\n"))
}

/// Moves a selection among `len` items by a navigation action; `page` rows per page.
pub fn step(selected: usize, len: usize, action: super::msg::Action, page: usize) -> usize {
    use super::msg::Action as A;
    if len == 0 {
        return 0;
    }
    let last = len - 1;
    let sel = selected.min(last);
    match action {
        A::Up => sel.saturating_sub(1),
        A::Down => (sel + 1).min(last),
        A::PageUp => sel.saturating_sub(page),
        A::PageDown => (sel + page).min(last),
        A::Top => 0,
        A::Bottom => last,
        _ => sel,
    }
}

/// Whether a navigation action moves a selection (so stages can share the handling).
pub fn is_nav(action: super::msg::Action) -> bool {
    use super::msg::Action as A;
    matches!(
        action,
        A::Up | A::Down | A::PageUp | A::PageDown | A::Top | A::Bottom
    )
}
