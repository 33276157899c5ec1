//! UI language. All user-facing text lives in one place per language (`en.rs`, `ru.rs`),
//! each filling the same `Strings` struct, so a missing translation fails to compile.
//!
//! Enum-indexed lists (`stages`, `fields`, …) are fixed-size arrays in the enum's declaration
//! order, so adding a stage or a field without its name in both languages fails to compile
//! too. Templates use `{name}` placeholders, filled by [`fill`].

mod en;
pub mod export;
pub mod import;
pub mod persist;
pub mod reasons;
pub mod room;
mod ru;

use serde::{Deserialize, Serialize};

use crate::domain::case::{Level, Role, Stage};
use crate::domain::pairing::Mode;
use crate::domain::session::{Field, Growth, Section};
use crate::domain::status::Axis;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, clap::ValueEnum,
)]
pub enum Lang {
    #[default]
    En,
    Ru,
}

impl Lang {
    /// From a case's `lang` field ("ru"/"en").
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "ru" => Some(Lang::Ru),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// From the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`), e.g. `ru_RU.UTF-8` → Ru.
    pub fn from_env() -> Option<Lang> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::from_code(v.get(..2).unwrap_or("")))
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &en::STRINGS,
            Lang::Ru => &ru::STRINGS,
        }
    }

    /// The plural form of `n` among `forms` = [one, few, many] (English uses one and many).
    pub fn plural(self, n: usize, forms: [&'static str; 3]) -> &'static str {
        match self {
            Lang::En => {
                if n == 1 {
                    forms[0]
                } else {
                    forms[2]
                }
            }
            Lang::Ru => {
                let (d1, d2) = (n % 10, n % 100);
                if d1 == 1 && d2 != 11 {
                    forms[0]
                } else if (2..=4).contains(&d1) && !(12..=14).contains(&d2) {
                    forms[1]
                } else {
                    forms[2]
                }
            }
        }
    }

    /// A number as this language writes it: "1.5" / "1,5".
    pub fn decimal(self, x: f64) -> String {
        let s = x.to_string();
        match self {
            Lang::En => s,
            Lang::Ru => s.replace('.', ","),
        }
    }

    /// "10 participants" / "10 участников".
    pub fn count(self, n: usize, forms: [&'static str; 3]) -> String {
        format!("{n} {}", self.plural(n, forms))
    }
}

/// Fills `{key}` placeholders in `template` with the given values; unknown keys stay as they
/// are, so a typo in a template shows up on screen rather than vanishing.
pub fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let key = &after[..close];
        match vars.iter().find(|(k, _)| *k == key) {
            Some((_, v)) => out.push_str(v),
            None => out.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Every piece of UI text. Add a field here and both languages must fill it.
pub struct Strings {
    pub app_name: &'static str,
    /// Stage names, in `Stage::ALL` order.
    pub stages: [&'static str; 6],
    /// One line per stage: what the facilitator does there.
    pub stage_about: [&'static str; 6],
    /// Section names, in `Section::ALL` order.
    pub sections: [&'static str; 6],
    /// Passport field names, in `Field::ALL` order (seed 004).
    pub fields: [&'static str; 13],
    /// Growth stages, in `Growth::ALL` order (seed 000).
    pub growth: [&'static str; 4],
    /// Pairing modes, in `Mode::ALL` order, and a line about each.
    pub modes: [&'static str; 5],
    pub mode_about: [&'static str; 5],
    /// Resource levels: regional, municipal, organisation.
    pub levels: [&'static str; 3],
    /// Roles, in `Role` declaration order (without `Other`).
    pub roles: [&'static str; 7],
    /// Status axes: age, experience, position.
    pub axes: [&'static str; 3],
    /// Plural forms [one, few, many].
    pub n_participants: [&'static str; 3],
    pub n_topics: [&'static str; 3],
    pub n_pairs: [&'static str; 3],
    pub n_years: [&'static str; 3],
    pub n_months: [&'static str; 3],
    pub ui: UiText,
    pub keys: KeyText,
    pub start: StartText,
    pub case: CaseText,
    pub goals: GoalsText,
    pub pairs: PairsText,
    pub map: MapText,
    pub present: PresentText,
    pub lint: LintText,
    pub prefill: PrefillText,
    /// Saving, recovery, export and the compare view (`persist.rs`).
    pub persist: &'static persist::PersistText,
    /// Running the room: the plan, timers (`room.rs`).
    pub room: &'static room::RoomText,
}

impl Strings {
    pub fn stage_name(&self, s: Stage) -> &'static str {
        self.stages[s.index()]
    }
    pub fn section_name(&self, s: Section) -> &'static str {
        self.sections[Section::ALL.iter().position(|x| *x == s).unwrap_or(0)]
    }
    pub fn field_name(&self, f: Field) -> &'static str {
        self.fields[Field::ALL.iter().position(|x| *x == f).unwrap_or(0)]
    }
    pub fn growth_name(&self, g: Growth) -> &'static str {
        self.growth[Growth::ALL.iter().position(|x| *x == g).unwrap_or(0)]
    }
    pub fn mode_name(&self, m: Mode) -> &'static str {
        self.modes[Mode::ALL.iter().position(|x| *x == m).unwrap_or(0)]
    }
    pub fn mode_about(&self, m: Mode) -> &'static str {
        self.mode_about[Mode::ALL.iter().position(|x| *x == m).unwrap_or(0)]
    }
    pub fn level_name(&self, l: Level) -> &'static str {
        match l {
            Level::Regional => self.levels[0],
            Level::Municipal => self.levels[1],
            Level::Organisation => self.levels[2],
        }
    }
    pub fn axis_name(&self, a: Axis) -> &'static str {
        match a {
            Axis::Age => self.axes[0],
            Axis::Experience => self.axes[1],
            Axis::Position => self.axes[2],
        }
    }
    pub fn role_name<'a>(&'a self, r: &'a Role) -> &'a str {
        match r {
            Role::Teacher => self.roles[0],
            Role::Student => self.roles[1],
            Role::Educator => self.roles[2],
            Role::Coach => self.roles[3],
            Role::Methodist => self.roles[4],
            Role::Curator => self.roles[5],
            Role::Administrator => self.roles[6],
            Role::Other(s) => s.as_str(),
        }
    }
}

/// Words used on every screen.
pub struct UiText {
    pub too_small: &'static str,
    pub unsaved: &'static str,
    pub saved: &'static str,
    pub normal: &'static str,
    pub insert: &'static str,
    pub popup: &'static str,
    pub help_title: &'static str,
    pub help_everywhere: &'static str,
    pub help_insert: &'static str,
    pub help_popups: &'static str,
    /// Each pop-up's name in the help, in `PopupKind::ALL` order.
    pub popup_names: [&'static str; 8],
    pub help_footer: &'static str,
    pub quit_title: &'static str,
    pub quit_unsaved: &'static str,
    pub discard_title: &'static str,
    pub discard_unsaved: &'static str,
    pub yes_no: &'static str,
    pub filter: &'static str,
    pub filter_hint: &'static str,
    pub no_matches: &'static str,
    pub picker_title: &'static str,
    pub picker_hint: &'static str,
    pub editor_hint: &'static str,
    pub empty: &'static str,
    pub solving: &'static str,
}

/// The description of every key binding, shown in `?` help and the status line.
pub struct KeyText {
    pub quit: &'static str,
    pub help: &'static str,
    pub next_stage: &'static str,
    pub prev_stage: &'static str,
    /// "Go to stage N", by stage.
    pub goto: [&'static str; 6],
    pub up: &'static str,
    pub down: &'static str,
    pub left: &'static str,
    pub right: &'static str,
    pub page_up: &'static str,
    pub page_down: &'static str,
    pub top: &'static str,
    pub bottom: &'static str,
    pub back: &'static str,
    pub filter: &'static str,
    pub open: &'static str,
    pub open_path: &'static str,
    pub sort: &'static str,
    pub reverse: &'static str,
    pub case_tab: &'static str,
    pub pick: &'static str,
    pub write: &'static str,
    pub edit_entry: &'static str,
    pub delete: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub next_mode: &'static str,
    pub solve: &'static str,
    pub lock: &'static str,
    pub forbid: &'static str,
    pub unpair: &'static str,
    pub swap: &'static str,
    pub network: &'static str,
    pub next_subject: &'static str,
    pub prev_subject: &'static str,
    pub edit_field: &'static str,
    pub longer: &'static str,
    pub shorter: &'static str,
    pub refill: &'static str,
    pub add_resource: &'static str,
    pub toggle_topic: &'static str,
    pub cancel_swap: &'static str,
    pub delete_activity: &'static str,
    pub back_to_map: &'static str,
    pub next_page: &'static str,
    pub prev_page: &'static str,
    pub present_content: &'static str,
    pub next_team: &'static str,
    pub prev_team: &'static str,
    pub close: &'static str,
    pub scroll_up: &'static str,
    pub scroll_down: &'static str,
    pub picker_accept: &'static str,
    pub confirm_yes: &'static str,
    pub confirm_no: &'static str,
    pub input_done: &'static str,
    pub input_save: &'static str,
    pub input_enter: &'static str,
    /// Short words for the status line.
    pub hint_quit: &'static str,
    pub hint_help: &'static str,
    pub hint_stage: &'static str,
    pub hint_open: &'static str,
    pub hint_filter: &'static str,
    pub hint_sort: &'static str,
    pub hint_tab: &'static str,
    pub hint_pick: &'static str,
    pub hint_write: &'static str,
    pub hint_delete: &'static str,
    pub hint_mode: &'static str,
    pub hint_solve: &'static str,
    pub hint_lock: &'static str,
    pub hint_edit: &'static str,
    pub hint_subject: &'static str,
    pub hint_page: &'static str,
    pub hint_done: &'static str,
    pub hint_close: &'static str,
    pub hint_accept: &'static str,
}

pub struct StartText {
    pub title: &'static str,
    pub demo: &'static str,
    pub scenario: &'static str,
    pub recent: &'static str,
    pub session: &'static str,
    pub file: &'static str,
    pub open_file: &'static str,
    pub open_file_about: &'static str,
    pub path_prompt: &'static str,
    pub preview: &'static str,
    pub current: &'static str,
    pub unreadable: &'static str,
    pub opened: &'static str,
    pub intro: &'static str,
    /// Title of the import report pop-up; `{file}` is the survey.
    pub imported: &'static str,
    pub report_footer: &'static str,
}

pub struct CaseText {
    /// Tab names: narrative, participants, resources, coverage.
    pub tabs: [&'static str; 4],
    pub name: &'static str,
    pub role: &'static str,
    pub age: &'static str,
    pub experience: &'static str,
    pub position: &'static str,
    pub teaches: &'static str,
    pub lacks: &'static str,
    pub status: &'static str,
    pub sorted_by: &'static str,
    /// Sort keys: name, age, experience, position, role.
    pub sort_keys: [&'static str; 5],
    pub capacity: &'static str,
    pub prefers: &'static str,
    pub organisation: &'static str,
    pub contacts: &'static str,
    pub resource_topics: &'static str,
    pub general: &'static str,
    pub topic: &'static str,
    pub lacking: &'static str,
    pub offering: &'static str,
    pub fillable: &'static str,
    /// Coverage verdicts, worst first: nobody, only higher, partly, full.
    pub cover: [&'static str; 4],
    pub coverage_about: &'static str,
    pub rule: &'static str,
    pub rule_any: &'static str,
    pub rule_all: &'static str,
    pub agenda: &'static str,
    pub minutes: &'static str,
    pub no_resources: &'static str,
}

pub struct GoalsText {
    pub sections_title: &'static str,
    pub entries_title: &'static str,
    pub empty_section: &'static str,
    pub catalogue_mark: &'static str,
    pub own_mark: &'static str,
    pub progress: &'static str,
    pub new_entry: &'static str,
    pub edit_entry: &'static str,
    pub nothing_to_pick: &'static str,
}

pub struct PairsText {
    pub mode: &'static str,
    pub not_run: &'static str,
    pub mentor: &'static str,
    pub mentee: &'static str,
    pub topic: &'static str,
    pub gap: &'static str,
    pub why: &'static str,
    pub unmatched: &'static str,
    pub all_matched: &'static str,
    pub served: &'static str,
    pub covered: &'static str,
    pub locked: &'static str,
    pub mutual: &'static str,
    pub network_title: &'static str,
    pub edited: &'static str,
    pub swap_pick: &'static str,
    pub swap_invalid: &'static str,
    pub failed: &'static str,
    pub swap_no_topic: &'static str,
    pub unpaired_by_hand: &'static str,
}

pub struct MapText {
    pub subjects: &'static str,
    pub no_pairs: &'static str,
    pub passport: &'static str,
    pub plan: &'static str,
    pub lint: &'static str,
    pub lint_clean: &'static str,
    pub month: &'static str,
    pub activity: &'static str,
    pub form: &'static str,
    pub resources: &'static str,
    pub cycle: &'static str,
    pub draft: &'static str,
    pub required: &'static str,
    pub team: &'static str,
    pub pick_resource: &'static str,
    pub pick_topic: &'static str,
}

pub struct PresentText {
    pub map_title: &'static str,
    pub pairs_title: &'static str,
    pub page: &'static str,
    /// Where the teams' show is: `{k}`, `{n}` teams; `{j}`, `{maps}` maps of this team.
    pub team_of: &'static str,
    pub nothing: &'static str,
    /// `p` with only one thing to show.
    pub nothing_else: &'static str,
}

/// Lint messages; `{mentor}`, `{mentee}`, `{who}`, `{topic}`, `{n}`, `{field}` are filled.
pub struct LintText {
    pub mentor_not_lower: &'static str,
    pub deficit_unaddressed: &'static str,
    pub activity_without_resource: &'static str,
    pub empty_field: &'static str,
}

/// The phrases a map draft is written from (seed 004's passport, seed 000's growth stages).
pub struct PrefillText {
    /// Wraps a topic name: `{x}`.
    pub quoted: &'static str,
    pub name: &'static str,
    pub lacks: &'static str,
    pub mentor: &'static str,
    pub mentee: &'static str,
    pub participant: &'static str,
    pub goal: &'static str,
    pub goal_mutual: &'static str,
    pub concept: &'static str,
    pub normative: &'static str,
    pub results: &'static str,
    pub effectiveness: &'static str,
    pub conditions: &'static str,
    pub period: &'static str,
    pub replicability: &'static str,
    /// Default form of work per growth stage.
    pub forms: [&'static str; 4],
    pub kickoff: &'static str,
    pub teach: &'static str,
    pub practise: &'static str,
    pub create: &'static str,
    pub innovate: &'static str,
    pub teach_back: &'static str,
    pub closing: &'static str,
    pub team_name: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse() {
        assert_eq!(Lang::from_code("RU"), Some(Lang::Ru));
        assert_eq!(Lang::from_code("en"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
    }

    #[test]
    fn languages_differ() {
        let (en, ru) = (Lang::En.strings(), Lang::Ru.strings());
        assert_ne!(en.n_participants, ru.n_participants);
        assert_ne!(en.stages, ru.stages);
        assert_ne!(en.fields, ru.fields);
    }

    #[test]
    fn russian_plurals() {
        let f = ["участник", "участника", "участников"];
        let cases = [
            (1, 0),
            (2, 1),
            (4, 1),
            (5, 2),
            (11, 2),
            (12, 2),
            (21, 0),
            (22, 1),
            (111, 2),
            (0, 2),
        ];
        for (n, i) in cases {
            assert_eq!(Lang::Ru.plural(n, f), f[i], "{n}");
        }
        assert_eq!(Lang::En.count(1, ["pair", "pairs", "pairs"]), "1 pair");
        assert_eq!(Lang::En.count(3, ["pair", "pairs", "pairs"]), "3 pairs");
        assert_eq!(Lang::Ru.decimal(1.5), "1,5");
        assert_eq!(Lang::En.decimal(1.5), "1.5");
        assert_eq!(Lang::Ru.decimal(33.0), "33");
    }

    #[test]
    fn fill_replaces_known_keys_and_keeps_unknown() {
        assert_eq!(
            fill("{a} and {b}, {c}", &[("a", "Anna"), ("b", "Hugo")]),
            "Anna and Hugo, {c}"
        );
        assert_eq!(fill("no braces", &[]), "no braces");
        assert_eq!(fill("open { only", &[]), "open { only");
        assert_eq!(fill("{x}{x}", &[("x", "Ё")]), "ЁЁ");
    }

    /// Every template placeholder in one language exists in the other, so a translation never
    /// loses a name or a number.
    #[test]
    fn templates_agree_on_placeholders() {
        fn keys(t: &str) -> Vec<&str> {
            let mut v: Vec<&str> = t
                .split('{')
                .skip(1)
                .filter_map(|s| s.split_once('}').map(|(k, _)| k))
                .collect();
            v.sort();
            v.dedup();
            v
        }
        let (en, ru) = (&Lang::En.strings().prefill, &Lang::Ru.strings().prefill);
        let pairs = [
            (en.name, ru.name),
            (en.lacks, ru.lacks),
            (en.participant, ru.participant),
            (en.goal, ru.goal),
            (en.goal_mutual, ru.goal_mutual),
            (en.results, ru.results),
            (en.period, ru.period),
            (en.teach, ru.teach),
            (en.practise, ru.practise),
            (en.create, ru.create),
            (en.innovate, ru.innovate),
            (en.teach_back, ru.teach_back),
            (en.team_name, ru.team_name),
            (en.quoted, ru.quoted),
        ];
        for (a, b) in pairs {
            assert_eq!(keys(a), keys(b), "{a} / {b}");
        }
        let (el, rl) = (&Lang::En.strings().lint, &Lang::Ru.strings().lint);
        for (a, b) in [
            (el.mentor_not_lower, rl.mentor_not_lower),
            (el.deficit_unaddressed, rl.deficit_unaddressed),
            (el.activity_without_resource, rl.activity_without_resource),
            (el.empty_field, rl.empty_field),
        ] {
            assert_eq!(keys(a), keys(b), "{a} / {b}");
        }
    }
}
