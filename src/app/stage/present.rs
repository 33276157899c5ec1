//! Stage 6, Present: the current map, every team's maps one after another, or the pair
//! list, page by page, for the room.

use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::model::Model;
use crate::app::msg::{Action, Cmd};
use crate::app::stage::map;
use crate::domain::case::Stage;
use crate::domain::session::{Field, Map, Session};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Content {
    /// The map selected on the Map stage.
    #[default]
    Map,
    /// The maps of the teams a merged session holds, team after team.
    Teams,
    Pairs,
}

#[derive(Default)]
pub struct State {
    pub page: usize,
    pub content: Content,
}

/// The passport fields a presented map shows, in order (its name is the subtitle).
const SHOWN: [Field; 12] = [
    Field::Participants,
    Field::Goal,
    Field::Problem,
    Field::Concept,
    Field::MeansFormsMethods,
    Field::Results,
    Field::Effectiveness,
    Field::Conditions,
    Field::Period,
    Field::NormativeBasis,
    Field::Replicability,
    Field::Materials,
];

/// Columns of text on Present: the terminal's, less the side margins.
fn body_cols(cols: u16) -> u16 {
    cols.saturating_sub(4).max(1)
}

/// A passport field as the room sees it: its text through the privacy rule.
pub fn shown_text(m: &Model, map: &Map, f: Field) -> String {
    m.privacy.redact_in(&m.session.case, map.passport.get(f))
}

/// Rows a field takes on Present at `width`: its heading, its wrapped text.
fn field_rows(m: &Model, map: &Map, f: Field, width: u16) -> usize {
    let text = shown_text(m, map, f);
    let body: Vec<Line> = text.lines().map(Line::raw).collect();
    1 + Paragraph::new(body)
        .wrap(Wrap { trim: false })
        .line_count(width)
}

/// The map's passport pages at the current size: the fields in order, as many to a page
/// as fit with a blank line between them (a field longer than a page gets one to itself).
/// A projector-sized terminal gets fewer, fuller pages.
pub fn passport_pages(m: &Model, map: &Map) -> Vec<Vec<Field>> {
    let (cols, rows) = m.size;
    let room = body_rows(rows);
    let mut pages: Vec<Vec<Field>> = Vec::new();
    let mut used = 0;
    for f in SHOWN {
        let need = field_rows(m, map, f, body_cols(cols));
        match pages.last_mut() {
            Some(page) if used + 1 + need <= room => {
                page.push(f);
                used += 1 + need;
            }
            _ => {
                pages.push(vec![f]);
                used = need;
            }
        }
    }
    pages
}

/// Rows Present spends besides the heading and the page: the stage bar, the line under the
/// heading and a gap, the footer, the status line.
const CHROME_ROWS: u16 = 6;

/// From this many rows on (a projector-sized terminal) the heading is drawn twice as tall.
const TALL_ROWS: u16 = 50;

/// Rows of the big heading at a terminal height of `rows`.
pub fn heading_rows(rows: u16) -> u16 {
    if rows >= TALL_ROWS {
        2 * crate::ui::bigtext::HEIGHT
    } else {
        crate::ui::bigtext::HEIGHT
    }
}

/// Content rows on a page for a terminal of `rows` rows.
pub fn body_rows(rows: u16) -> usize {
    usize::from(rows.saturating_sub(CHROME_ROWS + heading_rows(rows))).max(1)
}

/// Rows one pair takes on a page: the names, then up to two lines of its reason.
pub const PAIR_ROWS: u16 = 3;

/// Pairs per page.
pub fn pairs_per_page(rows: u16) -> usize {
    (body_rows(rows) / usize::from(PAIR_ROWS)).max(1)
}

/// Pages of one presented map: the passport pages, then the plan's.
pub fn map_pages(m: &Model, map: &Map) -> usize {
    passport_pages(m, map).len() + map.activities.len().div_ceil(body_rows(m.size.1)).max(1)
}

/// One map of the teams' show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slide {
    /// Index into `session.teams`.
    pub team: usize,
    /// Index into that team's maps.
    pub map: usize,
    /// The slide's first page in the whole show.
    pub first_page: usize,
    /// Which page of this map.
    pub page: usize,
}

/// Every team's every map, in the order they were collected, with where each starts.
fn slides(m: &Model) -> Vec<Slide> {
    let s = &m.session;
    let mut out = Vec::new();
    let mut first_page = 0;
    for (team, work) in s.teams.iter().enumerate() {
        for (i, map) in work.maps.iter().enumerate() {
            out.push(Slide {
                team,
                map: i,
                first_page,
                page: 0,
            });
            first_page += map_pages(m, map);
        }
    }
    out
}

/// Whether the session holds teams' maps to present.
fn has_teams(s: &Session) -> bool {
    s.teams.iter().any(|t| !t.maps.is_empty())
}

/// The slide a page of the teams' show falls on.
pub fn slide_at(m: &Model, page: usize) -> Option<Slide> {
    let all = slides(m);
    let slide = all.iter().rev().find(|x| x.first_page <= page)?;
    Some(Slide {
        page: page - slide.first_page,
        ..*slide
    })
}

/// The first page of the next team's maps; going back, of this team's maps, or from their
/// first page of the team before (teams without maps are passed over).
fn team_start(m: &Model, forward: bool) -> Option<usize> {
    let here = slide_at(m, m.present.page)?;
    let all = slides(m);
    let mut firsts = all.iter().filter(|x| x.map == 0);
    let target = if forward {
        firsts.find(|x| x.team > here.team)
    } else if here.map == 0 && here.page == 0 {
        firsts.rfind(|x| x.team < here.team)
    } else {
        firsts.find(|x| x.team == here.team)
    };
    target.map(|x| x.first_page)
}

pub fn page_count(m: &Model) -> usize {
    let rows = m.size.1;
    match m.present.content {
        Content::Map => m.map.map(&m.session).map_or(1, |map| map_pages(m, map)),
        Content::Teams => {
            let maps = m.session.teams.iter().flat_map(|t| &t.maps);
            maps.map(|map| map_pages(m, map)).sum::<usize>().max(1)
        }
        Content::Pairs => {
            let n = m.pair_count();
            n.div_ceil(pairs_per_page(rows)).max(1)
        }
    }
}

/// Entering the stage: privacy back on for the projector, and the teams' maps when the
/// session holds them but no stored map of its own (a merged session).
pub fn enter(m: &mut Model) {
    if m.privacy.is_off() {
        m.privacy = crate::domain::privacy::Privacy::HIDDEN;
        crate::app::stage::pairs::refresh(m);
        m.notice = Some(m.strings().room.privacy_back_on.to_string());
    }
    if m.present.content == Content::Map && m.session.maps.is_empty() && has_teams(&m.session) {
        m.present.content = Content::Teams;
        m.present.page = 0;
    }
}

/// p: the current map → the teams' maps → the pair list → …, skipping what there is none of
/// (a seminar file has teams' maps but often no pairs of its own).
fn next_content(m: &Model) -> Content {
    const ORDER: [Content; 3] = [Content::Map, Content::Teams, Content::Pairs];
    let shown = |c: Content| match c {
        Content::Map => m.map.map(&m.session).is_some(),
        Content::Teams => has_teams(&m.session),
        Content::Pairs => m.session.pairing.result.is_some(),
    };
    let at = ORDER
        .iter()
        .position(|&c| c == m.present.content)
        .unwrap_or(0);
    (1..=ORDER.len())
        .map(|k| ORDER[(at + k) % ORDER.len()])
        .find(|&c| shown(c))
        .unwrap_or(m.present.content)
}

/// ] and [: the next team's maps, or on the current map, the next pair's map.
fn next_subject(m: &mut Model, forward: bool) {
    match m.present.content {
        Content::Teams => {
            if let Some(p) = team_start(m, forward) {
                m.present.page = p;
            }
        }
        Content::Map => {
            map::next_subject(m, forward);
            m.present.page = 0;
        }
        Content::Pairs => {}
    }
}

pub fn on_action(m: &mut Model, a: Action) -> Option<Cmd> {
    let pages = page_count(m);
    match a {
        Action::NextPage => m.present.page = (m.present.page + 1).min(pages - 1),
        Action::PrevPage => m.present.page = m.present.page.saturating_sub(1),
        Action::Top => m.present.page = 0,
        Action::Bottom => m.present.page = pages - 1,
        Action::PresentContent => {
            let next = next_content(m);
            if next == m.present.content {
                m.notice = Some(m.strings().present.nothing_else.to_string());
            }
            m.present.content = next;
            m.present.page = 0;
        }
        Action::NextSubject | Action::PrevSubject => {
            next_subject(m, a == Action::NextSubject);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::msg::Msg;
    use crate::app::testkit::{ch, paired, teams};
    use crate::app::update;
    use crate::domain::privacy::Privacy;
    use crate::i18n::Lang;

    fn act(m: &mut Model, a: Action) {
        update(m, Msg::Act(a));
    }

    /// The (team, map, page) every page of the show lands on, first to last.
    fn walk(m: &mut Model) -> Vec<(usize, usize, usize)> {
        let mut seen = Vec::new();
        loop {
            let x = slide_at(m, m.present.page).expect("a slide on every page");
            seen.push((x.team, x.map, x.page));
            let before = m.present.page;
            act(m, Action::NextPage);
            if m.present.page == before {
                return seen;
            }
        }
    }

    #[test]
    fn a_merged_session_presents_every_team_map_after_map() {
        let mut m = teams(Lang::En);
        update(&mut m, Msg::Resize(80, 24));
        ch(&mut m, '6');
        assert_eq!(m.present.content, Content::Teams);
        let pages: Vec<usize> = m
            .session
            .teams
            .iter()
            .flat_map(|t| &t.maps)
            .map(|x| map_pages(&m, x))
            .collect();
        let expected: usize = pages.iter().sum();
        assert_eq!(page_count(&m), expected);
        let seen = walk(&mut m);
        assert_eq!(seen.len(), expected);
        let mut order: Vec<(usize, usize)> = seen.iter().map(|&(t, k, _)| (t, k)).collect();
        order.dedup();
        assert_eq!(order, vec![(0, 0), (0, 1), (1, 0)]);
        let first_map: Vec<usize> = seen
            .iter()
            .filter(|x| (x.0, x.1) == (0, 0))
            .map(|x| x.2)
            .collect();
        assert_eq!(first_map, (0..pages[0]).collect::<Vec<_>>());
    }

    /// Every field once, in order; no page holds more rows than the screen has; a bigger
    /// screen never needs more pages.
    #[test]
    fn passport_pages_fit_the_screen() {
        let mut counts = Vec::new();
        for (w, h) in [(60, 16), (80, 24), (120, 40), (300, 80)] {
            let mut m = paired(Lang::En);
            ch(&mut m, '5');
            update(&mut m, Msg::Resize(w, h));
            let map = m.map.map(&m.session).expect("a draft map").clone();
            let pages = passport_pages(&m, &map);
            assert_eq!(pages.concat(), SHOWN.to_vec(), "{w}×{h}");
            for page in &pages {
                let rows: usize = page
                    .iter()
                    .map(|f| field_rows(&m, &map, *f, body_cols(w)))
                    .sum::<usize>()
                    + page.len()
                    - 1;
                assert!(page.len() == 1 || rows <= body_rows(h), "{w}×{h}: {page:?}");
            }
            counts.push(pages.len());
        }
        assert!(counts.windows(2).all(|x| x[1] <= x[0]), "{counts:?}");
        assert!(
            counts[3] < counts[1],
            "a projector-sized screen gets fewer pages: {counts:?}"
        );
    }

    #[test]
    fn brackets_jump_from_team_to_team() {
        let mut m = teams(Lang::En);
        update(&mut m, Msg::Resize(80, 24));
        ch(&mut m, '6');
        let team_of = |m: &Model| slide_at(m, m.present.page).map(|x| (x.team, x.map, x.page));
        ch(&mut m, ']');
        assert_eq!(team_of(&m), Some((1, 0, 0)));
        ch(&mut m, ']');
        assert_eq!(team_of(&m), Some((1, 0, 0)), "no team after the last");
        ch(&mut m, ' ');
        ch(&mut m, '[');
        assert_eq!(
            team_of(&m),
            Some((1, 0, 0)),
            "[ first goes to the team's start"
        );
        ch(&mut m, '[');
        assert_eq!(team_of(&m), Some((0, 0, 0)));
        ch(&mut m, '[');
        assert_eq!(team_of(&m), Some((0, 0, 0)));
    }

    /// A team that brought no maps (only goals or pairs) is passed over both ways.
    #[test]
    fn brackets_pass_over_a_team_without_maps() {
        let mut m = teams(Lang::En);
        let second = m.session.teams.remove(1);
        m.session.teams.push(crate::domain::session::TeamWork {
            team: "No maps".into(),
            ..Default::default()
        });
        m.session.teams.push(second);
        update(&mut m, Msg::Resize(80, 24));
        ch(&mut m, '6');
        let at = |m: &Model| slide_at(m, m.present.page).map(|x| (x.team, x.map, x.page));
        ch(&mut m, ']');
        assert_eq!(at(&m), Some((2, 0, 0)));
        let text = crate::app::testkit::screen(&crate::app::testkit::draw(&mut m, 80, 24));
        assert!(text.contains("team 2 of 2"), "{text}");
        ch(&mut m, '[');
        assert_eq!(at(&m), Some((0, 0, 0)));
    }

    #[test]
    fn p_cycles_map_teams_pairs_and_skips_what_there_is_none_of() {
        let mut m = teams(Lang::En);
        ch(&mut m, '6');
        ch(&mut m, 'p');
        assert_eq!(m.present.content, Content::Teams, "a seminar without pairs");
        assert_eq!(m.notice.as_deref(), Some(m.strings().present.nothing_else));
        let pairing = crate::app::testkit::demo_pairing(&m.session.case);
        m.edit(crate::app::edit::Edit::SetResult(Some(pairing)));
        assert!(
            m.map.map(&m.session).is_some(),
            "a draft map of the first pair"
        );
        let mut seen = vec![m.present.content];
        for _ in 0..3 {
            ch(&mut m, 'p');
            seen.push(m.present.content);
        }
        assert_eq!(
            seen,
            [Content::Teams, Content::Pairs, Content::Map, Content::Teams]
        );
        let mut one = paired(Lang::En);
        ch(&mut one, '6');
        ch(&mut one, 'p');
        assert_eq!(one.present.content, Content::Pairs);
        ch(&mut one, 'p');
        assert_eq!(one.present.content, Content::Map);
    }

    #[test]
    fn entering_present_turns_privacy_back_on_and_says_so() {
        let mut m = paired(Lang::En);
        m.privacy = Privacy::REVEALED;
        ch(&mut m, '6');
        assert_eq!(m.privacy, Privacy::HIDDEN);
        assert_eq!(m.notice.as_deref(), Some(m.strings().room.privacy_back_on));
        // Shown again on purpose while presenting, it stays shown on this stage.
        m.privacy = Privacy::REVEALED;
        ch(&mut m, ' ');
        assert_eq!(m.privacy, Privacy::REVEALED);
    }

    #[test]
    fn on_the_current_map_brackets_step_to_the_next_pairs_map() {
        let mut m = paired(Lang::En);
        ch(&mut m, '5');
        let first = m.map.current;
        ch(&mut m, '6');
        ch(&mut m, ' ');
        ch(&mut m, ']');
        assert_eq!(m.map.current, (first + 1) % m.map.subjects.len());
        assert_eq!(m.present.page, 0);
        ch(&mut m, '[');
        assert_eq!(m.map.current, first);
    }
}
