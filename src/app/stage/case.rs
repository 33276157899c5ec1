//! Stage 2, Case: the narrative, the participants (sorted, filtered), the resources and the
//! deficits-vs-offers coverage.

use crate::app::fuzzy;
use crate::app::model::{LineInput, LineTarget, Model, is_nav, line_area, step};
use crate::app::msg::{Action, Cmd};
use crate::domain::case::{Case, Participant};
use crate::domain::coverage::{TopicCover, coverage};
use crate::domain::status::tenths;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    Narrative,
    #[default]
    Participants,
    Resources,
    Coverage,
}

impl Tab {
    pub const ALL: [Tab; 4] = [
        Tab::Narrative,
        Tab::Participants,
        Tab::Resources,
        Tab::Coverage,
    ];

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    fn shift(self, by: isize) -> Tab {
        let n = Tab::ALL.len() as isize;
        Tab::ALL[(self.index() as isize + by).rem_euclid(n) as usize]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    Name,
    #[default]
    Age,
    Experience,
    Position,
    Role,
}

impl Sort {
    pub const ALL: [Sort; 5] = [
        Sort::Name,
        Sort::Age,
        Sort::Experience,
        Sort::Position,
        Sort::Role,
    ];

    pub fn index(self) -> usize {
        Sort::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

#[derive(Default)]
pub struct State {
    pub tab: Tab,
    pub sort: Sort,
    pub reverse: bool,
    pub query: String,
    /// Per participant: name, surname and topic names, lowercased, for the filter.
    haystacks: Vec<String>,
    /// Participant indices shown, filtered and sorted.
    pub rows: Vec<usize>,
    /// Index into `rows`.
    pub selected: usize,
    pub narrative_scroll: usize,
    pub resource: usize,
    pub coverage: Vec<TopicCover>,
    pub cover: usize,
}

impl State {
    pub fn selected_participant<'a>(&self, case: &'a Case) -> Option<&'a Participant> {
        case.participants.get(*self.rows.get(self.selected)?)
    }
}

/// Rebuilds everything derived from a newly opened case.
pub fn rebuild(m: &mut Model) {
    let case = &m.session.case;
    m.case = State {
        haystacks: case
            .participants
            .iter()
            .map(|p| fuzzy::haystack(&haystack(case, p)))
            .collect(),
        coverage: coverage(case),
        ..State::default()
    };
    refresh_rows(m);
}

fn haystack(case: &Case, p: &Participant) -> String {
    let topics = p
        .teaches
        .iter()
        .chain(&p.lacks)
        .map(|t| case.topic_name(t))
        .collect::<Vec<_>>()
        .join(" ");
    format!("{} {}", p.full_name(), topics)
}

/// Re-filters and re-sorts the participants table, keeping the selection in range.
pub fn refresh_rows(m: &mut Model) {
    let case = &m.session.case;
    let st = &mut m.case;
    let mut rows = fuzzy::filter(&st.query, &st.haystacks);
    rows.sort_by_cached_key(|i| sort_key(case, &case.participants[*i], st.sort));
    if st.reverse {
        rows.reverse();
    }
    st.rows = rows;
    st.selected = st.selected.min(st.rows.len().saturating_sub(1));
}

/// Sortable form of a participant's column; ties fall back to the name.
fn sort_key(case: &Case, p: &Participant, sort: Sort) -> (i64, String) {
    let n = match sort {
        Sort::Name => 0,
        Sort::Age => i64::from(p.age),
        Sort::Experience => i64::from(tenths(p.experience)),
        Sort::Position => i64::from(case.position(&p.position).map(|x| x.rank).unwrap_or(0)),
        Sort::Role => 0,
    };
    let text = match sort {
        Sort::Role => format!("{:?} {}", p.role, p.name),
        _ => p.name.to_lowercase(),
    };
    (n, text)
}

pub fn on_action(m: &mut Model, a: Action) -> Option<Cmd> {
    let page = m.page();
    let lines = wrapped_lines(
        &m.session.case.narrative,
        usize::from(m.size.0.saturating_sub(4)),
    );
    let resources = m.session.case.resources.len();
    let st = &mut m.case;
    match a {
        Action::Left => st.tab = st.tab.shift(-1),
        Action::Right | Action::CaseTab => st.tab = st.tab.shift(1),
        a if is_nav(a) => match st.tab {
            Tab::Narrative => st.narrative_scroll = step(st.narrative_scroll, lines, a, page),
            Tab::Participants => st.selected = step(st.selected, st.rows.len(), a, page),
            Tab::Resources => st.resource = step(st.resource, resources, a, page),
            Tab::Coverage => st.cover = step(st.cover, st.coverage.len(), a, page),
        },
        Action::Sort => {
            st.sort = Sort::ALL[(st.sort.index() + 1) % Sort::ALL.len()];
            st.tab = Tab::Participants;
            refresh_rows(m);
        }
        Action::Reverse => {
            st.reverse = !st.reverse;
            refresh_rows(m);
        }
        Action::Filter => {
            st.tab = Tab::Participants;
            m.line = Some(LineInput {
                target: LineTarget::CaseFilter,
                area: line_area(&st.query, &m.theme),
            });
        }
        Action::Back => {
            st.query.clear();
            refresh_rows(m);
        }
        _ => {}
    }
    None
}

/// About how many lines `text` takes when wrapped to `width` columns (for scrolling limits).
pub fn wrapped_lines(text: &str, width: usize) -> usize {
    let width = width.max(1);
    text.split('\n')
        .map(|par| {
            unicode_width::UnicodeWidthStr::width(par)
                .div_ceil(width)
                .max(1)
        })
        .sum()
}
