//! Mouse hit-testing: which stage tab, row or section a click lands on. It uses the same
//! layout functions as the views, so a click always means what is drawn there.

use ratatui::layout::{Position, Rect};

use super::widgets::{table_rows, window};
use super::{case, chrome, goals, map, pairs, popups, stage_tabs, start};
use crate::app::Model;
use crate::app::model::Popup;
use crate::app::stage::map::Focus;
use crate::app::stage::pairs::View;
use crate::domain::case::Stage;
use crate::domain::session::Field;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    Stage(Stage),
    /// A row of the stage's main list, by index into the list.
    Row(usize),
    /// A Goals section.
    Section(usize),
    /// A Case tab.
    Tab(usize),
    /// A row of the open picker.
    PickerRow(usize),
}

/// Index of the list item drawn at `row` in `area` (scrolled for `selected`), if any.
fn row_in(area: Rect, col: u16, row: u16, selected: usize, len: usize) -> Option<usize> {
    if !area.contains(Position::new(col, row)) {
        return None;
    }
    let i = window(selected, len, usize::from(area.height)) + usize::from(row - area.y);
    (i < len).then_some(i)
}

pub fn hit(m: &Model, col: u16, row: u16) -> Option<Hit> {
    if m.too_small() {
        return None;
    }
    let area = Rect::new(0, 0, m.size.0, m.size.1);
    match &m.popup {
        Some(Popup::Picker(p)) => {
            let (_, _, list, _) = popups::picker_layout(area);
            return row_in(list, col, row, p.selected, p.visible.len()).map(Hit::PickerRow);
        }
        Some(_) => return None,
        None => {}
    }
    let c = chrome(area);
    let at = Position::new(col, row);
    if c.bar.contains(at) {
        let tabs = stage_tabs(c.bar, m.strings());
        return tabs
            .into_iter()
            .find(|(_, r)| r.contains(at))
            .map(|(s, _)| Hit::Stage(s));
    }
    match m.stage {
        Stage::Start => {
            let l = start::layout(c.body);
            let st = &m.start;
            row_in(l.list, col, row, st.selected, st.visible.len()).map(Hit::Row)
        }
        Stage::Case => {
            let l = case::layout(c.body);
            if l.tabs.contains(at) {
                let tabs = case::tab_rects(m, l.tabs);
                return tabs
                    .iter()
                    .find(|(_, r)| r.contains(at))
                    .map(|(t, _)| Hit::Tab(t.index()));
            }
            let st = &m.case;
            let rows = table_rows(l.main);
            match st.tab {
                crate::app::stage::case::Tab::Participants => {
                    row_in(rows, col, row, st.selected, st.rows.len()).map(Hit::Row)
                }
                _ => None,
            }
        }
        Stage::Goals => {
            let l = goals::layout(c.body);
            if let Some(i) = row_in(l.sections, col, row, m.goals.section, 6) {
                return Some(Hit::Section(i));
            }
            let n = m.session.goals.section(m.goals.section()).len();
            let sel = m.goals.selected[m.goals.section];
            row_in(l.entries, col, row, sel, n).map(Hit::Row)
        }
        Stage::Pairs if m.pairs.view == View::List => {
            let l = pairs::layout(c.body);
            let n = m.pair_count();
            row_in(table_rows(l.list), col, row, m.pairs.selected, n).map(Hit::Row)
        }
        Stage::Map => {
            let l = map::layout(c.body);
            let (sel, n) = match m.map.focus {
                Focus::Passport => (m.map.field, Field::ALL.len()),
                Focus::Plan => (
                    m.map.activity,
                    m.map.map(&m.session).map_or(0, |x| x.activities.len()),
                ),
            };
            row_in(l.left, col, row, sel, n).map(Hit::Row)
        }
        _ => None,
    }
}
