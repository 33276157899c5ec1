//! Pop-ups and text inputs: the help, yes/no questions, the fuzzy picker, the editor and
//! the single-line inputs (filters, a path).

use ratatui_textarea::Input;

use super::model::{
    Confirm, EditTarget, Editor, LineTarget, Model, PickFor, PickItem, Picker, Popup, area_text,
    editor_area, is_nav, line_area, step,
};
use super::msg::{Action, Cmd, Source};
use super::stage::{case, goals, map, start};
use super::{fuzzy, persist};
use crate::i18n::fill;

pub fn open_editor(m: &mut Model, target: EditTarget, text: &str) {
    // Every editor edits the session: while teams present, refuse before any typing.
    if m.refused_by_lock() {
        return;
    }
    // An editor shows its text as it is: ask first when that would put on the screen a
    // surname or contact the privacy setting hides.
    if m.privacy.redact_in(&m.session.case, text) != text {
        m.popup = Some(Popup::Confirm(Confirm::EditPrivate(
            target,
            text.to_string(),
        )));
        return;
    }
    show_editor(m, target, text);
}

fn show_editor(m: &mut Model, target: EditTarget, text: &str) {
    let s = m.strings();
    let title = match target {
        EditTarget::NewEntry(sec) => fill(s.goals.new_entry, &[("section", s.section_name(sec))]),
        EditTarget::Entry(sec, _) => fill(s.goals.edit_entry, &[("section", s.section_name(sec))]),
        EditTarget::Field(f) => s.field_name(f).to_string(),
        EditTarget::Activity(_) => s.map.activity.to_string(),
        EditTarget::ItemTitle(_) => s.room.item_title.to_string(),
        EditTarget::ItemPresenter(_) => s.room.presenter.to_string(),
    };
    m.popup = Some(Popup::Editor(Editor {
        target,
        title,
        area: editor_area(text, &m.theme),
    }));
}

/// Opens the fuzzy picker over `items`.
pub fn open_picker(m: &mut Model, purpose: PickFor, title: String, items: Vec<PickItem>) {
    if m.refused_by_lock() {
        return;
    }
    let picker = new_picker(purpose, title, items, m);
    m.popup = Some(Popup::Picker(picker));
}

fn new_picker(purpose: PickFor, title: String, items: Vec<PickItem>, m: &Model) -> Picker {
    let haystacks = items
        .iter()
        .map(|i| fuzzy::haystack(&format!("{} {}", i.text, i.detail)))
        .collect();
    Picker {
        purpose,
        title,
        visible: (0..items.len()).collect(),
        items,
        haystacks,
        query: line_area("", &m.theme),
        selected: 0,
    }
}

pub fn on_help(m: &mut Model, a: Action) -> Option<Cmd> {
    let lines = crate::ui::help::line_count(m);
    let (page, max) = scroll_bounds(m, lines);
    if let Some(Popup::Help { scroll }) = &mut m.popup {
        *scroll = scrolled(*scroll, a, page, max);
    }
    if a == Action::Close {
        m.popup = None;
    }
    None
}

pub fn on_report(m: &mut Model, a: Action) -> Option<Cmd> {
    let lines = match &m.popup {
        Some(Popup::Report(r)) => crate::ui::popups::report_line_count(r, m.size),
        _ => 0,
    };
    let (page, max) = scroll_bounds(m, lines);
    if let Some(Popup::Report(r)) = &mut m.popup {
        r.scroll = scrolled(r.scroll, a, page, max);
    }
    if a == Action::Close {
        m.popup = None;
    }
    None
}

/// A page, and the furthest a text of `lines` lines scrolls in a full-height pop-up.
fn scroll_bounds(m: &Model, lines: usize) -> (u16, u16) {
    let max = lines.saturating_sub(usize::from(m.size.1.saturating_sub(6)));
    (m.page() as u16, max.min(usize::from(u16::MAX)) as u16)
}

fn scrolled(scroll: u16, a: Action, page: u16, max: u16) -> u16 {
    match a {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll.saturating_add(1).min(max),
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll.saturating_add(page).min(max),
        _ => scroll,
    }
}

pub fn on_confirm(m: &mut Model, a: Action) -> Option<Cmd> {
    let Some(Popup::Confirm(what)) = m.popup.take() else {
        return None;
    };
    match (a, what) {
        (Action::Yes, Confirm::Quit) => persist::save(m, None, true),
        (Action::Discard, Confirm::Quit) => Some(Cmd::Discard {
            id: m.session.id.clone(),
            quit: true,
        }),
        (Action::Yes, Confirm::Open(source)) => Some(Cmd::Open(source)),
        (Action::Yes, Confirm::SaveFailed(_)) => {
            persist::ask(m, super::model::LineTarget::SavePath);
            None
        }
        (Action::Yes, Confirm::Reset(stage)) => {
            super::facilitator::reset(m, stage);
            None
        }
        (Action::Yes, Confirm::EditPrivate(target, text)) => {
            show_editor(m, target, &text);
            None
        }
        (Action::No, _) => None,
        (_, what) => {
            m.popup = Some(Popup::Confirm(what));
            None
        }
    }
}

pub fn on_picker(m: &mut Model, a: Action) -> Option<Cmd> {
    let page = m.page();
    let Some(Popup::Picker(p)) = &mut m.popup else {
        return None;
    };
    match a {
        a if is_nav(a) => p.selected = step(p.selected, p.visible.len(), a, page),
        Action::Close => m.popup = None,
        Action::Accept => {
            let chosen = p.visible.get(p.selected).map(|i| p.items[*i].clone());
            let purpose = p.purpose;
            m.popup = None;
            if let Some(item) = chosen {
                take(m, purpose, item);
            }
        }
        _ => {}
    }
    None
}

fn take(m: &mut Model, purpose: PickFor, item: PickItem) {
    match purpose {
        PickFor::Entry(section) => goals::picked(m, section, item),
        _ => map::picked(m, purpose, item),
    }
}

/// Esc, Ctrl-S and Enter while typing.
pub fn on_insert(m: &mut Model, a: Action) -> Option<Cmd> {
    if let Some(Popup::Editor(ed)) = &mut m.popup {
        if a == Action::InputEnter && !ed.target.is_one_line() {
            ed.area.insert_newline();
            return None;
        }
        let Some(Popup::Editor(ed)) = m.popup.take() else {
            return None;
        };
        let text = area_text(&ed.area);
        match ed.target {
            EditTarget::NewEntry(_) | EditTarget::Entry(..) => goals::written(m, ed.target, text),
            EditTarget::Field(_) | EditTarget::Activity(_) => map::written(m, ed.target, text),
            EditTarget::ItemTitle(_) | EditTarget::ItemPresenter(_) => {
                super::room::written(m, ed.target, text)
            }
        }
        return None;
    }
    let line = m.line.take()?;
    match (line.target, a) {
        (LineTarget::Path, Action::InputEnter | Action::InputSave) => {
            let path = start::typed_path(&area_text(&line.area))?;
            start::open(m, Source::File(path))
        }
        (
            t @ (LineTarget::SavePath | LineTarget::ComparePath),
            Action::InputEnter | Action::InputSave,
        ) => persist::line_done(m, t, &area_text(&line.area)),
        _ => None,
    }
}

/// A key typed into the active input.
pub fn input(m: &mut Model, key: Input) {
    match &mut m.popup {
        Some(Popup::Editor(ed)) => {
            ed.area.input(key);
        }
        Some(Popup::Picker(p)) => {
            if p.query.input(key) {
                refilter(p);
            }
        }
        _ => {
            if let Some(line) = &mut m.line
                && line.area.input(key)
            {
                sync_line(m);
            }
        }
    }
}

/// Pasted text goes where typed text would (one line for single-line inputs).
pub fn paste(m: &mut Model, text: &str) {
    match &mut m.popup {
        Some(Popup::Editor(ed)) => {
            ed.area.insert_str(text);
        }
        Some(Popup::Picker(p)) => {
            p.query.insert_str(text.replace(['\n', '\r'], " "));
            refilter(p);
        }
        _ => {
            if let Some(line) = &mut m.line {
                line.area.insert_str(text.replace(['\n', '\r'], " "));
                sync_line(m);
            }
        }
    }
}

fn refilter(p: &mut Picker) {
    p.visible = fuzzy::filter(&area_text(&p.query), &p.haystacks);
    p.selected = p.selected.min(p.visible.len().saturating_sub(1));
}

/// A filter's text drives its list as it is typed.
fn sync_line(m: &mut Model) {
    let Some(line) = &m.line else {
        return;
    };
    let text = area_text(&line.area);
    match line.target {
        LineTarget::StartFilter => {
            m.start.query = text;
            m.start.selected = 0;
            start::refresh(m);
        }
        LineTarget::CaseFilter => {
            m.case.query = text;
            m.case.selected = 0;
            case::refresh_rows(m);
        }
        LineTarget::Path | LineTarget::SavePath | LineTarget::ComparePath => {}
    }
}
