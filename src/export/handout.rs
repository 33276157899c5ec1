//! The trainer's handout for one case: the narrative, the participants (display names and
//! what each can teach and lacks — never surnames or contacts), the resources, the menus
//! the project session picks from, and a blank map to fill in by hand.

use crate::domain::case::Case;
use crate::domain::session::{Field, Section};
use crate::i18n::Lang;

use super::{Block, Doc, topic_names};

/// Rows of the blank activity plan: one a month of the usual one-year cycle.
const PLAN_ROWS: usize = 12;

pub fn handout_doc(case: &Case, lang: Lang) -> Doc {
    let t = lang.export();
    let mut blocks = vec![Block::Note(t.handout_note.into())];
    if !case.narrative.trim().is_empty() {
        blocks.push(Block::Heading(t.the_case.into()));
        for para in case.narrative.split("\n\n") {
            blocks.push(Block::Para(para.trim().into()));
        }
    }
    blocks.push(participants(case, lang));
    blocks.extend(resources(case, lang));
    blocks.extend(menus(case, lang));
    blocks.push(Block::Page(blank_map(lang)));
    Doc {
        lang,
        title: case.title.clone(),
        blocks,
    }
}

fn participants(case: &Case, lang: Lang) -> Block {
    let (t, s) = (lang.export(), lang.strings());
    let rows = case
        .participants
        .iter()
        .map(|p| {
            vec![
                p.name.clone(),
                s.role_name(&p.role).to_string(),
                p.age.to_string(),
                number(p.experience, lang),
                case.position(&p.position)
                    .map_or(p.position.clone(), |pos| pos.name.clone()),
                topic_names(case, &p.teaches),
                topic_names(case, &p.lacks),
            ]
        })
        .collect();
    Block::Page(vec![
        Block::Heading(t.participants.into()),
        Block::Table {
            head: vec![
                t.name.into(),
                t.role.into(),
                t.age.into(),
                t.experience.into(),
                t.position.into(),
                t.teaches.into(),
                t.lacks.into(),
            ],
            rows,
        },
    ])
}

fn resources(case: &Case, lang: Lang) -> Vec<Block> {
    if case.resources.is_empty() {
        return vec![];
    }
    let (t, s) = (lang.export(), lang.strings());
    let rows = case
        .resources
        .iter()
        .map(|r| {
            vec![
                s.level_name(r.level).to_string(),
                r.name.clone(),
                r.description.clone(),
            ]
        })
        .collect();
    vec![
        Block::Heading(t.resources.into()),
        Block::Table {
            head: vec![t.level.into(), t.name.into(), t.description.into()],
            rows,
        },
    ]
}

/// The catalogue's menus for the six sections (resources are listed above).
fn menus(case: &Case, lang: Lang) -> Vec<Block> {
    let c = &case.catalogue;
    let lists = [
        (Section::Goals, &c.goals),
        (Section::Means, &c.means),
        (Section::FormsMethods, &c.forms_methods),
        (Section::PairTechnologies, &c.pair_technologies),
        (Section::DeficitTechnologies, &c.deficit_technologies),
    ];
    let mut out = Vec::new();
    for (section, items) in lists {
        if !items.is_empty() {
            out.push(Block::Subheading(
                lang.strings().section_name(section).into(),
            ));
            out.push(Block::List(items.clone()));
        }
    }
    if !out.is_empty() {
        out.insert(0, Block::Heading(lang.export().menus_heading.into()));
    }
    out
}

/// The thirteen passport fields and an activity plan, empty, to write in.
fn blank_map(lang: Lang) -> Vec<Block> {
    let (t, s) = (lang.export(), lang.strings());
    let fields = Field::ALL
        .into_iter()
        .enumerate()
        .map(|(i, f)| format!("{}. {}", i + 1, s.field_name(f)))
        .collect();
    vec![
        Block::Heading(t.blank_map_heading.into()),
        Block::Blanks {
            labels: vec![t.team_line.into(), t.subject_line.into()],
            lines: 1,
        },
        Block::Subheading(t.passport.into()),
        Block::Blanks {
            labels: fields,
            lines: 3,
        },
        Block::Subheading(t.blank_plan.into()),
        Block::BlankTable {
            head: vec![
                t.month.into(),
                t.activity.into(),
                t.growth.into(),
                t.form.into(),
                t.resources.into(),
            ],
            rows: PLAN_ROWS,
        },
    ]
}

/// 2.5 as "2.5" in English and "2,5" in Russian; whole numbers without a fraction.
fn number(x: f64, lang: Lang) -> String {
    let s = if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x}")
    };
    match lang {
        Lang::Ru => s.replace('.', ","),
        Lang::En => s,
    }
}
