//! Stage 4 view: the mode, the pairs with their reasons (or the network), the unmatched.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Widget, Wrap};

use super::theme::Theme;
use super::widgets::{panel, rows, table};
use crate::app::Model;
use crate::app::stage::pairs::{View, is_mutual};
use crate::domain::pairing::Pair;
use crate::domain::status::Gap;

pub struct PairsLayout {
    pub head: Rect,
    pub list: Rect,
    pub reason: Rect,
    pub unmatched: Rect,
}

pub fn layout(body: Rect) -> PairsLayout {
    let [head, list, reason, unmatched] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(3),
        Constraint::Length(4),
        Constraint::Fill(1),
    ])
    .areas(body);
    PairsLayout {
        head,
        list,
        reason,
        unmatched,
    }
}

pub fn render(m: &Model, t: &Theme, body: Rect, buf: &mut Buffer) {
    let l = layout(body);
    head(m, t, l.head, buf);
    let Some(result) = &m.session.pairing.result else {
        let s = m.strings();
        Paragraph::new(s.pairs.not_run)
            .style(t.text())
            .wrap(Wrap { trim: true })
            .block(panel(s.stage_name(m.stage), true, t))
            .render(l.list.union(l.reason).union(l.unmatched), buf);
        return;
    };
    match m.pairs.view {
        View::List => pair_table(m, t, &result.pairs, l.list, buf),
        View::Network => network(m, t, l.list, buf),
    }
    reason(m, t, l.reason, buf);
    unmatched(m, t, l.unmatched, buf);
}

fn head(m: &Model, t: &Theme, area: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let mode = m.session.pairing.mode;
    let mut first = vec![
        Span::styled(format!("{}: ", s.pairs.mode), t.muted()),
        Span::styled(format!("[{}]", s.mode_name(mode)), t.accent()),
        Span::styled(format!(" {}", s.mode_about(mode)), t.text()),
    ];
    if m.solving.is_some() {
        first.push(Span::styled(format!("  {}", s.ui.solving), t.warn()));
    }
    let mut second = Vec::new();
    if let Some(r) = &m.session.pairing.result {
        second.push(Span::styled(
            format!(
                "{} · {} {} · {} {}",
                m.lang.count(r.pairs.len(), s.n_pairs),
                m.pairs.served,
                s.pairs.served,
                m.pairs.covered,
                s.pairs.covered
            ),
            t.good(),
        ));
        if m.pairs.edited {
            second.push(Span::styled(format!("  ({})", s.pairs.edited), t.warn()));
        }
    }
    Paragraph::new(vec![Line::from(first), Line::from(second)]).render(area, buf);
}

/// "30 · 28 · 2": how much lower the mentor is in age, experience and rank.
fn gap_short(g: &Gap) -> String {
    format!(
        "{} · {} · {}",
        g.age,
        f64::from(g.experience_tenths) / 10.0,
        g.rank
    )
}

fn marks(m: &Model, i: usize, p: &Pair) -> String {
    let lock = if p.locked { 'L' } else { ' ' };
    let mutual = if is_mutual(p) { '⇄' } else { ' ' };
    let swap = if m.pairs.swap_from == Some(i) {
        '×'
    } else {
        ' '
    };
    format!("{lock}{mutual}{swap}")
}

fn pair_table(m: &Model, t: &Theme, pairs: &[Pair], area: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let case = &m.session.case;
    let header = Row::new(vec![
        "",
        s.pairs.mentor,
        s.pairs.mentee,
        s.pairs.topic,
        s.pairs.gap,
    ]);
    let title = format!(
        "{} · L {} · ⇄ {}",
        s.stage_name(m.stage),
        s.pairs.locked,
        s.pairs.mutual
    );
    let widths = [
        Constraint::Length(3),
        Constraint::Fill(2),
        Constraint::Fill(2),
        Constraint::Fill(3),
        Constraint::Length(21),
    ];
    let block = panel(title, true, t);
    let sel = Some(m.pairs.selected);
    table(
        area,
        buf,
        t,
        block,
        header,
        &widths,
        pairs.len(),
        sel,
        |i| {
            let p = &pairs[i];
            Row::new(vec![
                marks(m, i, p),
                case.name_of(&p.mentor).to_string(),
                case.name_of(&p.mentee).to_string(),
                case.topic_name(&p.topic).to_string(),
                gap_short(&p.evidence.gap),
            ])
        },
    );
}

fn network(m: &Model, t: &Theme, area: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let case = &m.session.case;
    let block = panel(s.pairs.network_title, true, t);
    let inner = block.inner(area);
    block.render(area, buf);
    let net = &m.pairs.network;
    rows(inner, buf, t, net.len(), None, |i| {
        let row = &net[i];
        let mut spans = vec![Span::styled(
            case.name_of(&row.mentor).to_string(),
            t.title(),
        )];
        for (k, (mentee, topic, back)) in row.links.iter().enumerate() {
            if k > 0 {
                spans.push(Span::raw(";"));
            }
            let arrow = if *back { " ⇄ " } else { " → " };
            spans.push(Span::styled(arrow, t.accent()));
            spans.push(Span::styled(case.name_of(mentee).to_string(), t.text()));
            spans.push(Span::styled(
                format!(" ({})", case.topic_name(topic)),
                t.muted(),
            ));
        }
        Line::from(spans)
    });
}

/// The selected pair's reason sentence (it names the status gap too).
fn reason(m: &Model, t: &Theme, area: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let Some(why) = m.pairs.reasons.get(m.pairs.selected) else {
        return;
    };
    Paragraph::new(Line::from(vec![
        Span::styled(format!("{}: ", s.pairs.why), t.key()),
        Span::styled(why.clone(), t.text()),
    ]))
    .wrap(Wrap { trim: true })
    .render(area.inner(Margin::new(1, 0)), buf);
}

fn unmatched(m: &Model, t: &Theme, area: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let case = &m.session.case;
    let list = &m.pairs.unmatched;
    let title = format!("{} ({})", s.pairs.unmatched, list.len());
    let block = panel(title, false, t);
    let inner = block.inner(area);
    block.render(area, buf);
    if list.is_empty() {
        Line::styled(s.pairs.all_matched, t.good()).render(inner, buf);
        return;
    }
    rows(inner, buf, t, list.len(), None, |i| {
        let u = &list[i];
        let topics: Vec<&str> = u.topics.iter().map(|x| case.topic_name(x)).collect();
        Line::from(vec![
            Span::styled(case.name_of(&u.who).to_string(), t.text()),
            Span::styled(format!(" — {} — ", topics.join(", ")), t.muted()),
            Span::styled(u.reason.clone(), t.warn()),
        ])
    });
}
