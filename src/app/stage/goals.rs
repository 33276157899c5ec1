//! Stage 3, Goals: the project session's six sections, each filled by picking from the
//! case's catalogue or by writing free text.

use crate::app::edit::Edit;
use crate::app::model::{EditTarget, Model, PickFor, PickItem, is_nav, step};
use crate::app::msg::{Action, Cmd};
use crate::app::popup::{open_editor, open_picker};
use crate::domain::case::Case;
use crate::domain::session::{Entry, Section};
use crate::i18n::Strings;

#[derive(Default)]
pub struct State {
    /// Index into `Section::ALL`.
    pub section: usize,
    /// Selected entry per section.
    pub selected: [usize; 6],
}

impl State {
    pub fn section(&self) -> Section {
        Section::ALL[self.section.min(5)]
    }
}

pub fn on_action(m: &mut Model, a: Action) -> Option<Cmd> {
    let section = m.goals.section();
    let len = m.session.goals.section(section).len();
    let sel = m.goals.selected[m.goals.section];
    match a {
        Action::Left => m.goals.section = m.goals.section.saturating_sub(1),
        Action::Right => m.goals.section = (m.goals.section + 1).min(5),
        a if is_nav(a) => m.goals.selected[m.goals.section] = step(sel, len, a, m.page()),
        Action::Pick => pick(m, section),
        Action::Write => open_editor(m, EditTarget::NewEntry(section), ""),
        Action::Activate if sel < len => {
            let text = m.session.goals.section(section)[sel].text.clone();
            open_editor(m, EditTarget::Entry(section, sel), &text);
        }
        Action::Delete if sel < len => {
            m.edit(Edit::RemoveEntry(section, sel));
            clamp(m);
        }
        Action::MoveUp if sel > 0 && sel < len => {
            m.edit(Edit::MoveEntry(section, sel, sel - 1));
            m.goals.selected[m.goals.section] = sel - 1;
        }
        Action::MoveDown if sel + 1 < len => {
            m.edit(Edit::MoveEntry(section, sel, sel + 1));
            m.goals.selected[m.goals.section] = sel + 1;
        }
        _ => {}
    }
    None
}

pub fn clamp(m: &mut Model) {
    for (i, s) in Section::ALL.iter().enumerate() {
        let len = m.session.goals.section(*s).len();
        m.goals.selected[i] = m.goals.selected[i].min(len.saturating_sub(1));
    }
}

/// What the case offers for a section, minus what the section already holds.
pub fn catalogue_items(
    case: &Case,
    section: Section,
    s: &Strings,
    taken: &[Entry],
) -> Vec<PickItem> {
    let c = &case.catalogue;
    let plain = |v: &Vec<String>| -> Vec<PickItem> {
        v.iter()
            .map(|t| PickItem {
                text: t.clone(),
                detail: String::new(),
                key: None,
            })
            .collect()
    };
    let items = match section {
        Section::Goals => plain(&c.goals),
        Section::Means => plain(&c.means),
        Section::FormsMethods => plain(&c.forms_methods),
        Section::PairTechnologies => plain(&c.pair_technologies),
        Section::DeficitTechnologies => plain(&c.deficit_technologies),
        Section::Resources => case
            .resources
            .iter()
            .map(|r| PickItem {
                text: r.name.clone(),
                detail: s.level_name(r.level).to_string(),
                key: Some(r.id.clone()),
            })
            .collect(),
    };
    items
        .into_iter()
        .filter(|i| !taken.iter().any(|e| e.text == i.text))
        .collect()
}

fn pick(m: &mut Model, section: Section) {
    let s = m.strings();
    let items = catalogue_items(
        &m.session.case,
        section,
        s,
        m.session.goals.section(section),
    );
    if items.is_empty() {
        m.notice = Some(s.goals.nothing_to_pick.to_string());
        return;
    }
    let title = format!("{}: {}", s.ui.picker_title, s.section_name(section));
    open_picker(m, PickFor::Entry(section), title, items);
}

/// A picked catalogue item becomes an entry of the section.
pub fn picked(m: &mut Model, section: Section, item: PickItem) {
    m.edit(Edit::AddEntry(
        section,
        Entry {
            text: item.text,
            from_catalogue: true,
            resource: item.key,
        },
    ));
    let i = Section::ALL.iter().position(|s| *s == section).unwrap_or(0);
    m.goals.selected[i] = m.session.goals.section(section).len().saturating_sub(1);
}

/// The editor's text for a goals entry; empty text changes nothing.
pub fn written(m: &mut Model, target: EditTarget, text: String) {
    if text.trim().is_empty() {
        return;
    }
    match target {
        EditTarget::NewEntry(section) => {
            m.edit(Edit::AddEntry(
                section,
                Entry {
                    text,
                    from_catalogue: false,
                    resource: None,
                },
            ));
            let i = Section::ALL.iter().position(|s| *s == section).unwrap_or(0);
            m.goals.selected[i] = m.session.goals.section(section).len().saturating_sub(1);
        }
        EditTarget::Entry(section, i) => m.edit(Edit::SetEntry(section, i, text)),
        _ => {}
    }
}

/// Sections with at least one entry.
pub fn filled(m: &Model) -> usize {
    Section::ALL
        .iter()
        .filter(|s| !m.session.goals.section(**s).is_empty())
        .count()
}
