//! Stage 6, Present: the current map or the pair list, page by page, for the room.

use crate::app::model::Model;
use crate::app::msg::{Action, Cmd};
use crate::domain::case::Stage;
use crate::domain::session::Field;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Content {
    #[default]
    Map,
    Pairs,
}

#[derive(Default)]
pub struct State {
    pub page: usize,
    pub content: Content,
}

/// The passport pages of a presented map, after which come the activity plan's pages.
pub const MAP_PAGES: [&[Field]; 5] = [
    &[Field::Participants, Field::Goal],
    &[Field::Problem, Field::Concept],
    &[Field::MeansFormsMethods, Field::Results],
    &[Field::Effectiveness, Field::Conditions, Field::Period],
    &[
        Field::NormativeBasis,
        Field::Replicability,
        Field::Materials,
    ],
];

/// Rows left for content under the big heading, with the stage bar and status line.
pub const CHROME_ROWS: u16 = 10;

/// Content rows on a page for a terminal of `rows` rows.
pub fn body_rows(rows: u16) -> usize {
    usize::from(rows.saturating_sub(CHROME_ROWS)).max(1)
}

/// Rows one pair takes on a page: the names, then up to two lines of its reason.
pub const PAIR_ROWS: u16 = 3;

/// Pairs per page.
pub fn pairs_per_page(rows: u16) -> usize {
    (body_rows(rows) / usize::from(PAIR_ROWS)).max(1)
}

pub fn page_count(m: &Model) -> usize {
    let rows = m.size.1;
    match m.present.content {
        Content::Map => match m.map.map(&m.session) {
            Some(map) => MAP_PAGES.len() + map.activities.len().div_ceil(body_rows(rows)).max(1),
            None => 1,
        },
        Content::Pairs => {
            let n = m.pair_count();
            n.div_ceil(pairs_per_page(rows)).max(1)
        }
    }
}

pub fn on_action(m: &mut Model, a: Action) -> Option<Cmd> {
    let pages = page_count(m);
    let st = &mut m.present;
    match a {
        Action::NextPage => st.page = (st.page + 1).min(pages - 1),
        Action::PrevPage => st.page = st.page.saturating_sub(1),
        Action::Top => st.page = 0,
        Action::Bottom => st.page = pages - 1,
        Action::PresentContent => {
            st.content = match st.content {
                Content::Map => Content::Pairs,
                Content::Pairs => Content::Map,
            };
            st.page = 0;
        }
        Action::Back => m.stage = Stage::Map,
        _ => {}
    }
    None
}

/// Keeps the page in range after a resize or a change of content.
pub fn clamp(m: &mut Model) {
    let pages = page_count(m);
    m.present.page = m.present.page.min(pages - 1);
}
