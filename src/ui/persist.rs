//! Pop-ups of keeping the room's work: the restore offer, the compare view of two teams'
//! maps (differing fields marked), and the save-as / compare-with path line.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthChar;

use super::start::input_line;
use super::theme::Theme;
use super::widgets::{centered, ellipsize, panel};
use crate::app::Model;
use crate::app::model::LineTarget;
use crate::app::persist::{Compare, Restore};
use crate::domain::session::{Field, Map};
use crate::domain::session_diff::{field_diffs, subject_label};
use crate::i18n::fill;

/// The restore offer: what the recovery copy holds that the saved file does not.
pub fn restore(m: &Model, t: &Theme, r: &Restore, area: Rect, buf: &mut Buffer) {
    let p = m.strings().persist;
    const SHOWN: usize = 8;
    let mut lines = vec![
        Line::styled(fill(p.restore_intro, &[("time", &r.when)]), t.text()),
        match &r.pending.saved_as {
            Some(path) => Line::styled(
                fill(p.restore_file, &[("path", &path.display().to_string())]),
                t.muted(),
            ),
            None => Line::styled(p.restore_never_saved, t.muted()),
        },
        Line::raw(""),
    ];
    for l in r.lines.iter().take(SHOWN) {
        lines.push(Line::from(vec![
            Span::styled("• ", t.accent()),
            Span::styled(l.clone(), t.text()),
        ]));
    }
    if r.lines.len() > SHOWN {
        let more = (r.lines.len() - SHOWN).to_string();
        lines.push(Line::styled(
            fill(p.restore_more, &[("n", &more)]),
            t.muted(),
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(p.restore_keys, t.key()));
    let height = (lines.len() as u16 + 4).min(area.height.saturating_sub(2));
    let rect = centered(area, 76.min(area.width.saturating_sub(4)), height);
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(panel(p.restore_title, true, t).style(t.text()))
        .render(rect, buf);
}

/// Two teams' maps side by side: every passport field, marked ≠ where the texts differ.
pub fn compare(m: &Model, t: &Theme, c: &Compare, area: Rect, buf: &mut Buffer) {
    let p = m.strings().persist;
    let rect = centered(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    );
    Clear.render(rect, buf);
    let block = panel(p.compare_title, true, t)
        .style(t.text())
        .title_bottom(Line::styled(p.compare_keys, t.muted()));
    let inner = block.inner(rect);
    block.render(rect, buf);
    let [head, summary, body] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(inner);
    let [left_col, right_col] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)])
        .spacing(2)
        .areas(body);
    let (left, right) = (c.left_map(), c.right_map());
    let differ: Vec<Field> = match (left, right) {
        (Some(a), Some(b)) => field_diffs(a, b),
        _ => Field::ALL.to_vec(),
    };
    let [lh, rh] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)])
        .spacing(2)
        .areas(head);
    let of = |side: usize, map: usize| {
        let n = c.sides.get(side).map_or(0, |s| s.maps.len());
        fill(
            p.map_of,
            &[("i", &(map + 1).to_string()), ("n", &n.to_string())],
        )
    };
    heading(m, t, c, c.left, left, &of(c.left, c.map), lh, buf);
    heading(m, t, c, c.right, right, "", rh, buf);
    let count = fill(p.differ_count, &[("n", &differ.len().to_string())]);
    let style = if differ.is_empty() {
        t.good()
    } else {
        t.warn()
    };
    Line::styled(count, style).render(summary, buf);
    let width = usize::from(left_col.width.min(right_col.width));
    let (a, b) = columns(m, t, left, right, &differ, width);
    let skip = usize::from(c.scroll);
    Paragraph::new(a.into_iter().skip(skip).collect::<Vec<_>>()).render(left_col, buf);
    Paragraph::new(b.into_iter().skip(skip).collect::<Vec<_>>()).render(right_col, buf);
}

#[allow(clippy::too_many_arguments)]
fn heading(
    m: &Model,
    t: &Theme,
    c: &Compare,
    side: usize,
    map: Option<&Map>,
    extra: &str,
    area: Rect,
    buf: &mut Buffer,
) {
    let label = c.sides.get(side).map_or("", |s| s.label.as_str());
    let w = usize::from(area.width);
    let team = if extra.is_empty() {
        label.to_string()
    } else {
        format!("{label} · {extra}")
    };
    Line::styled(ellipsize(&team, w), t.title()).render(area, buf);
    let subject = map.map_or_else(
        || m.strings().persist.no_map.to_string(),
        |x| subject_label(&x.subject, &m.session.case),
    );
    let row = Rect {
        y: area.y + 1,
        height: 1,
        ..area
    };
    Line::styled(ellipsize(&subject, w), t.accent()).render(row, buf);
}

/// The two columns' lines. A field both maps fill alike is one folded line; a field that
/// differs is marked ≠ and shown in full on both sides, padded so the rows line up.
fn columns<'a>(
    m: &Model,
    t: &Theme,
    left: Option<&Map>,
    right: Option<&Map>,
    differ: &[Field],
    width: usize,
) -> (Vec<Line<'a>>, Vec<Line<'a>>) {
    let s = m.strings();
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for (i, f) in Field::ALL.into_iter().enumerate() {
        let name = format!("{}. {}", i + 1, s.field_name(f));
        if !differ.contains(&f) {
            let line = ellipsize(&format!("  {name} — {}", s.persist.same), width);
            a.push(Line::styled(line.clone(), t.muted()));
            b.push(Line::styled(line, t.muted()));
            continue;
        }
        let title = ellipsize(&format!("≠ {name}"), width);
        a.push(Line::styled(title.clone(), t.warn()));
        b.push(Line::styled(title, t.warn()));
        let text = |x: Option<&Map>| {
            x.map_or(String::new(), |x| {
                m.privacy.redact_in(&m.session.case, x.passport.get(f))
            })
        };
        let la = wrap(&text(left), width.saturating_sub(2));
        let lb = wrap(&text(right), width.saturating_sub(2));
        let rows = la.len().max(lb.len());
        push_padded(&mut a, la, rows, t.text());
        push_padded(&mut b, lb, rows, t.text());
    }
    (a, b)
}

fn push_padded<'a>(out: &mut Vec<Line<'a>>, lines: Vec<String>, rows: usize, style: Style) {
    let n = lines.len();
    out.extend(
        lines
            .into_iter()
            .map(|l| Line::styled(format!("  {l}"), style)),
    );
    out.extend((n..rows).map(|_| Line::raw("")));
}

/// Greedy word wrap to `width` columns (wide characters count twice); long words are cut.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in para.split(' ') {
            let w: usize = word.chars().map(|c| c.width().unwrap_or(0)).sum();
            if used > 0 && used + 1 + w > width {
                out.push(std::mem::take(&mut line));
                used = 0;
            }
            if used > 0 {
                line.push(' ');
                used += 1;
            }
            for ch in word.chars() {
                let cw = ch.width().unwrap_or(0);
                if used + cw > width {
                    out.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(ch);
                used += cw;
            }
        }
        out.push(line);
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

/// The save-as or compare-with line, in a small box over the stage.
pub fn path_line(m: &Model, t: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(line) = &m.line else {
        return;
    };
    let p = m.strings().persist;
    let title = match line.target {
        LineTarget::SavePath => p.save_as_title,
        LineTarget::ComparePath => p.compare_path_title,
        _ => return,
    };
    let rect = centered(area, 72.min(area.width.saturating_sub(4)), 3);
    Clear.render(rect, buf);
    let block = panel(title, true, t).style(t.text());
    let inner = block.inner(rect);
    block.render(rect, buf);
    input_line(m, t, inner, buf, line.target, "›", "");
}

#[cfg(test)]
mod tests {
    use super::wrap;
    use crate::app::persist_tests::two_teams;
    use crate::app::testkit::{ch, draw, paired};
    use crate::i18n::Lang;
    use crate::store::recovery::Pending;

    #[test]
    fn compare_view_marks_the_fields_that_differ() {
        for lang in [Lang::En, Lang::Ru] {
            for (w, h) in [(80, 24), (120, 40)] {
                let mut m = two_teams(lang);
                ch(&mut m, 'c');
                let t = draw(&mut m, w, h);
                let name = format!("compare_{lang:?}_{w}x{h}").to_lowercase();
                insta::assert_snapshot!(name, t.backend());
            }
        }
    }

    #[test]
    fn a_failed_save_says_why_and_what_next() {
        let mut m = paired(Lang::Ru);
        m.popup = Some(crate::app::model::Popup::Confirm(
            crate::app::model::Confirm::SaveFailed(
                "cannot save /seminar/team.ron: Operation not permitted (os error 1); the \
                 folder is read-only — save elsewhere (save as)"
                    .into(),
            ),
        ));
        let t = draw(&mut m, 80, 24);
        insta::assert_snapshot!("save_failed_ru_80x24", t.backend());
    }

    #[test]
    fn restore_offer_lists_what_would_come_back() {
        for lang in [Lang::En, Lang::Ru] {
            let mut m = paired(lang);
            let mut crashed = m.session.clone();
            crashed.team = "Команда 2".into();
            crashed.goals.goals.push(crate::domain::session::Entry {
                text: "Каждый педагог — и наставник, и наставляемый".into(),
                from_catalogue: false,
                resource: None,
            });
            let pending = Pending {
                file: "recovery/x.ron".into(),
                saved: Some(m.session.clone()),
                session: crashed,
                saved_as: Some("/seminar/team-2.ron".into()),
                written: None,
            };
            m.popup = Some(crate::app::model::Popup::Restore(Box::new(
                crate::app::persist::Restore::new(pending, lang, "2026-05-16T11:45:00Z".into()),
            )));
            let t = draw(&mut m, 80, 24);
            let name = format!("restore_{lang:?}_80x24").to_lowercase();
            insta::assert_snapshot!(name, t.backend());
        }
    }

    #[test]
    fn wraps_words_and_cuts_long_ones() {
        assert_eq!(wrap("один два три", 8), ["один два", "три"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a\n\nb", 5), ["a", "", "b"]);
        assert!(wrap("", 5).is_empty());
    }
}
