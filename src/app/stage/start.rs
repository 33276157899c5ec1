//! Stage 1, Start: choose the demo, a shipped scenario, a recent file or any file.

use std::path::PathBuf;

use crate::app::fuzzy;
use crate::app::model::{Confirm, LineInput, LineTarget, Model, Popup, is_nav, line_area, step};
use crate::app::msg::{Action, Cmd, Source};
use crate::store::library::{Entry, Origin};

pub struct State {
    /// The library, then the "open a file…" entry.
    pub entries: Vec<Entry>,
    haystacks: Vec<String>,
    pub query: String,
    /// Indices into `entries` that match the filter, best first.
    pub visible: Vec<usize>,
    /// Index into `visible`.
    pub selected: usize,
    /// The entry that is open now, if it is listed.
    pub current: Option<usize>,
}

impl State {
    pub fn new(mut entries: Vec<Entry>) -> State {
        entries.push(Entry {
            origin: Origin::File,
            path: None,
            label: String::new(),
            summary: Err(String::new()),
        });
        let haystacks = entries
            .iter()
            .map(|e| {
                let title = e.summary.as_ref().map(|s| s.title.as_str()).unwrap_or("");
                let label = match (e.origin, &e.path) {
                    (Origin::File, None) => "open file открыть файл",
                    _ => e.label.as_str(),
                };
                fuzzy::haystack(&format!("{label} {title}"))
            })
            .collect();
        State {
            visible: (0..entries.len()).collect(),
            entries,
            haystacks,
            query: String::new(),
            selected: 0,
            current: None,
        }
    }

    pub fn selected_entry(&self) -> Option<&Entry> {
        self.entries.get(*self.visible.get(self.selected)?)
    }
}

/// Re-filters the list and finds the entry that is open now.
pub fn refresh(m: &mut Model) {
    let st = &mut m.start;
    st.visible = fuzzy::filter(&st.query, &st.haystacks);
    st.selected = st.selected.min(st.visible.len().saturating_sub(1));
    st.current = st.entries.iter().position(|e| match (&m.source, e.origin) {
        (Source::Demo, Origin::Demo) => true,
        (Source::File(p), Origin::Scenario | Origin::Recent) => e.path.as_ref() == Some(p),
        _ => false,
    });
}

pub fn on_action(m: &mut Model, a: Action) -> Option<Cmd> {
    match a {
        a if is_nav(a) => {
            m.start.selected = step(m.start.selected, m.start.visible.len(), a, m.page());
            None
        }
        // Opening a file replaces the room's session on screen: not while teams present.
        Action::Activate | Action::OpenPath if m.refused_by_lock() => None,
        Action::Activate => activate(m),
        Action::Filter => {
            m.line = Some(LineInput {
                target: LineTarget::StartFilter,
                area: line_area(&m.start.query, &m.theme),
            });
            None
        }
        Action::OpenPath => {
            ask_path(m);
            None
        }
        Action::Back => {
            m.start.query.clear();
            refresh(m);
            None
        }
        _ => None,
    }
}

fn ask_path(m: &mut Model) {
    m.line = Some(LineInput {
        target: LineTarget::Path,
        area: line_area("", &m.theme),
    });
}

fn activate(m: &mut Model) -> Option<Cmd> {
    let entry = m.start.selected_entry()?;
    let source = match (entry.origin, &entry.path) {
        (Origin::Demo, _) => Source::Demo,
        (_, Some(path)) => Source::File(path.clone()),
        (_, None) => {
            ask_path(m);
            return None;
        }
    };
    open(m, source)
}

/// Opens `source`, first asking when the session has unsaved changes.
pub fn open(m: &mut Model, source: Source) -> Option<Cmd> {
    if m.dirty {
        m.popup = Some(Popup::Confirm(Confirm::Open(source)));
        None
    } else {
        Some(Cmd::Open(source))
    }
}

/// A typed path: `~/` means the home directory.
pub fn typed_path(text: &str) -> Option<PathBuf> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    match (text.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => Some(PathBuf::from(home).join(rest)),
        _ => Some(PathBuf::from(text)),
    }
}
