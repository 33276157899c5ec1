//! Stage 2 view: the case's narrative, participants, resources and coverage, one tab each.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::start::input_line;
use super::theme::Theme;
use super::widgets::{labelled, panel, rows, table, table_rows};
use crate::app::Model;
use crate::app::model::LineTarget;
use crate::app::stage::case::{Sort, Tab};
use crate::domain::case::{Case, Participant, Require};
use crate::domain::coverage::Cover;

pub struct CaseLayout {
    pub tabs: Rect,
    pub filter: Rect,
    pub main: Rect,
    pub detail: Rect,
}

pub fn layout(body: Rect) -> CaseLayout {
    let [tabs, rest] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(body);
    let [filter, content] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(rest);
    let [main, detail] = if content.width >= 100 {
        Layout::horizontal([Constraint::Percentage(60), Constraint::Fill(1)]).areas(content)
    } else {
        Layout::vertical([Constraint::Fill(1), Constraint::Length(9)]).areas(content)
    };
    CaseLayout {
        tabs,
        filter,
        main,
        detail,
    }
}

/// `main` taking over the row above it. (A plain union with the full-width filter row
/// would also cover the detail column beside `main`.)
fn grown_up(main: Rect, row_above: Rect) -> Rect {
    Rect::new(
        main.x,
        row_above.y,
        main.width,
        main.bottom().saturating_sub(row_above.y),
    )
}

/// Where each tab's name sits (also used for mouse clicks).
pub fn tab_rects(m: &Model, area: Rect) -> Vec<(Tab, Rect)> {
    let names = &m.strings().case.tabs;
    let mut x = area.x + 1;
    Tab::ALL
        .iter()
        .map(|tab| {
            let w = names[tab.index()].width() as u16 + 2;
            let r = Rect::new(x, area.y, w.min(area.right().saturating_sub(x)), 1);
            x = (x + w + 1).min(area.right());
            (*tab, r)
        })
        .collect()
}

pub fn render(m: &Model, t: &Theme, body: Rect, buf: &mut Buffer) {
    let l = layout(body);
    let names = &m.strings().case.tabs;
    for (tab, r) in tab_rects(m, l.tabs) {
        let style = if tab == m.case.tab {
            t.style(super::theme::Role::StageActive)
        } else {
            t.text()
        };
        buf.set_string(r.x, r.y, format!(" {} ", names[tab.index()]), style);
    }
    match m.case.tab {
        Tab::Narrative => narrative(m, t, l.filter.union(l.main).union(l.detail), buf),
        Tab::Participants => {
            let s = m.strings();
            input_line(
                m,
                t,
                l.filter,
                buf,
                LineTarget::CaseFilter,
                s.ui.filter,
                &m.case.query,
            );
            participants(m, t, l.main, buf);
            detail(m, t, l.detail, buf);
        }
        Tab::Resources => {
            let list = grown_up(l.main, l.filter);
            // Side by side, the detail takes the row above too; stacked, it stays below.
            let detail = if l.detail.y == l.main.y {
                grown_up(l.detail, l.filter)
            } else {
                l.detail
            };
            resources(m, t, list, detail, buf)
        }
        Tab::Coverage => coverage(m, t, l.filter, l.main.union(l.detail), buf),
    }
}

fn narrative(m: &Model, t: &Theme, area: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let case = &m.session.case;
    let mut lines = vec![Line::styled(case.title.clone(), t.title()), Line::raw("")];
    lines.extend(
        case.narrative
            .lines()
            .map(|l| Line::styled(l.to_string(), t.text())),
    );
    lines.push(Line::raw(""));
    lines.push(labelled(s.case.rule, rule_text(m, case), t));
    if !case.agenda.is_empty() {
        let items: Vec<String> = case
            .agenda
            .iter()
            .map(|a| format!("{} ({} {})", a.title, a.minutes, s.case.minutes))
            .collect();
        lines.push(labelled(s.case.agenda, items.join(" · "), t));
    }
    let title = s.case.tabs[Tab::Narrative.index()];
    Paragraph::new(lines)
        .block(panel(title, true, t))
        .wrap(Wrap { trim: false })
        .scroll((m.case.narrative_scroll.min(u16::MAX as usize) as u16, 0))
        .render(area, buf);
}

/// "younger ≥ 5 or less experienced ≥ 3 or lower in position ≥ 1"
fn rule_text(m: &Model, case: &Case) -> String {
    let s = m.strings();
    let r = &case.status_rule;
    let parts: Vec<String> = [
        r.age.map(|g| format!("{} ≥ {g}", s.axes[0])),
        r.experience.map(|g| format!("{} ≥ {g}", s.axes[1])),
        r.position.map(|g| format!("{} ≥ {g}", s.axes[2])),
    ]
    .into_iter()
    .flatten()
    .collect();
    let joiner = match r.require {
        Require::Any => s.case.rule_any,
        Require::All => s.case.rule_all,
    };
    parts.join(joiner)
}

fn position_name<'a>(case: &'a Case, p: &'a Participant) -> &'a str {
    case.position(&p.position)
        .map_or(p.position.as_str(), |x| x.name.as_str())
}

fn participants(m: &Model, t: &Theme, area: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let case = &m.session.case;
    let st = &m.case;
    let arrow = if st.reverse { " ▼" } else { " ▲" };
    let head = |sort: Sort, name: &str| {
        if st.sort == sort {
            format!("{name}{arrow}")
        } else {
            name.to_string()
        }
    };
    let header = Row::new(vec![
        head(Sort::Name, s.case.name),
        head(Sort::Role, s.case.role),
        head(Sort::Age, s.case.age),
        head(Sort::Experience, s.case.experience),
        head(Sort::Position, s.case.position),
    ]);
    let title = format!(
        "{} ({}/{}) · {} {}",
        s.case.tabs[Tab::Participants.index()],
        st.rows.len(),
        case.participants.len(),
        s.case.sorted_by,
        s.case.sort_keys[st.sort.index()]
    );
    let widths = [
        Constraint::Fill(2),
        Constraint::Fill(1),
        Constraint::Length(6),
        Constraint::Length(6),
        Constraint::Fill(2),
    ];
    let block = panel(title, true, t);
    table(
        area,
        buf,
        t,
        block,
        header,
        &widths,
        st.rows.len(),
        Some(st.selected),
        |k| {
            let p = &case.participants[st.rows[k]];
            Row::new(vec![
                m.privacy.person(p),
                s.role_name(&p.role).to_string(),
                m.privacy.age(p.age),
                p.experience.to_string(),
                position_name(case, p).to_string(),
            ])
        },
    );
    if st.rows.is_empty() {
        Line::styled(s.ui.no_matches, t.muted()).render(table_rows(area), buf);
    }
}

fn detail(m: &Model, t: &Theme, area: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let case = &m.session.case;
    let Some(p) = m.case.selected_participant(case) else {
        panel("", false, t).render(area, buf);
        return;
    };
    let topics = |ids: &[String]| {
        ids.iter()
            .map(|id| case.topic_name(id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let ranked: Vec<String> = p
        .lacks
        .iter()
        .enumerate()
        .map(|(i, id)| format!("{}. {}", i + 1, case.topic_name(id)))
        .collect();
    let mut lines = vec![
        labelled(s.case.teaches, topics(&p.teaches), t),
        labelled(s.case.lacks, ranked.join("  "), t),
        labelled(
            s.case.status,
            format!(
                "{} {} · {} {} · {}",
                s.case.age,
                m.privacy.age(p.age),
                s.case.experience,
                p.experience,
                position_name(case, p)
            ),
            t,
        ),
    ];
    if let Some(org) = p
        .organisation
        .as_deref()
        .and_then(|o| case.organisations.iter().find(|x| x.id == o))
    {
        lines.push(labelled(s.case.organisation, org.name.clone(), t));
    }
    let c = p.contacts.as_ref();
    let email = c.and_then(|c| c.email.as_deref());
    if let Some(contacts) = m
        .privacy
        .contacts(email, c.and_then(|c| c.phone.as_deref()))
    {
        lines.push(labelled(s.case.contacts, contacts, t));
    }
    if p.capacity() > 1 {
        lines.push(labelled(s.case.capacity, p.capacity().to_string(), t));
    }
    if !p.prefers.is_empty() {
        let names: Vec<&str> = p
            .prefers
            .iter()
            .map(|id| {
                case.participant(id)
                    .map_or(id.as_str(), |x| x.name.as_str())
            })
            .collect();
        lines.push(labelled(s.case.prefers, names.join(", "), t));
    }
    let title = format!("{} · {}", m.privacy.person(p), s.role_name(&p.role));
    Paragraph::new(lines)
        .block(panel(title, false, t))
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

fn resources(m: &Model, t: &Theme, main: Rect, detail: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let case = &m.session.case;
    let title = s.case.tabs[Tab::Resources.index()];
    let block = panel(title, true, t);
    let inner = block.inner(main);
    block.render(main, buf);
    if case.resources.is_empty() {
        Line::styled(s.case.no_resources, t.muted()).render(inner, buf);
        return;
    }
    rows(
        inner,
        buf,
        t,
        case.resources.len(),
        Some(m.case.resource),
        |i| {
            let r = &case.resources[i];
            Line::from(vec![
                Span::styled(format!("{:<14} ", s.level_name(r.level)), t.muted()),
                Span::styled(r.name.clone(), t.text()),
            ])
        },
    );
    let Some(r) = case.resources.get(m.case.resource) else {
        return;
    };
    let helps = if r.topics.is_empty() {
        s.case.general.to_string()
    } else {
        r.topics
            .iter()
            .map(|x| case.topic_name(x))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut lines = vec![
        Line::styled(r.description.clone(), t.text()),
        labelled(s.case.resource_topics, helps, t),
    ];
    if let Some(url) = &r.url {
        lines.push(Line::styled(url.clone(), t.accent()));
    }
    Paragraph::new(lines)
        .block(panel(r.name.clone(), false, t))
        .wrap(Wrap { trim: false })
        .render(detail, buf);
}

fn coverage(m: &Model, t: &Theme, about: Rect, area: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let case = &m.session.case;
    Line::styled(s.case.coverage_about, t.muted()).render(about, buf);
    let header = Row::new(vec![
        s.case.topic,
        s.case.lacking,
        s.case.offering,
        s.case.fillable,
        "",
    ]);
    let rows_all = &m.case.coverage;
    let widths = [
        Constraint::Fill(3),
        Constraint::Length(6),
        Constraint::Length(6),
        Constraint::Length(7),
        Constraint::Fill(2),
    ];
    let block = panel(s.case.tabs[Tab::Coverage.index()], true, t);
    let len = rows_all.len();
    table(
        area,
        buf,
        t,
        block,
        header,
        &widths,
        len,
        Some(m.case.cover),
        |i| {
            let c = &rows_all[i];
            let v = c.verdict();
            let style = match v {
                Cover::Nobody => t.bad(),
                Cover::OnlyHigher => t.warn(),
                Cover::Partly => t.accent(),
                Cover::Full => t.good(),
            };
            Row::new(vec![
                Line::raw(case.topic_name(&c.topic).to_string()),
                Line::raw(c.lacking.to_string()),
                Line::raw(c.offering.to_string()),
                Line::raw(c.fillable.to_string()),
                Line::styled(s.case.cover[v as usize], style),
            ])
        },
    );
}
