//! Table → case: classify rows, read each teacher, map topics, keep the rest for review,
//! resolve preferences, assemble and check the case.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::domain::case::{
    CASE_VERSION, Case, Contacts, Direction, Organisation, Participant, Role, Topic,
};
use crate::domain::limits::{MAX_PER_PERSON, MAX_SHORT_TEXT};
use crate::domain::text::sanitize;
use crate::domain::validate::validate;

use super::headers::{self, Columns, Field};
use super::positions::Positions;
use super::report::{ColumnReport, Issue, Level, Mapping, Report, ReviewTopic};
use super::table::{Row, Table, floor_char_boundary};
use super::text::{glued, normalise, tokens};
use super::topics::{Matcher, map_cell, split_cell};
use super::values::{self, Problem};
use super::{ImportError, ImportOptions, Imported, default_base};
use crate::i18n::import::ImportText;
use crate::i18n::{Lang, fill};

pub(super) fn import_table(
    name: &str,
    table: Table,
    opts: &ImportOptions,
) -> Result<Imported, ImportError> {
    let (base, explicit) = match &opts.base {
        Some(c) => (c.clone(), true),
        None => (default_base(), false),
    };
    let cols = columns(name, &table, opts)?;
    let mut report = Report::new(name);
    report.lang = opts
        .lang
        .or_else(|| Lang::from_code(&base.lang))
        .unwrap_or_default();
    report.source = table.info.clone();
    report.header_row = table.rows[cols.header_index].number;
    describe_columns(&cols, &table, &mut report);
    let data = classify_rows(&table, &cols, &mut report);
    let mut b = Builder::new(&base, &cols, report);
    let width = data.len().to_string().len().max(3);
    let mut people = Vec::new();
    for (ordinal, row) in data.iter().enumerate() {
        let id = format!("p{:0width$}", ordinal + 1);
        match b.person(row, id) {
            Ok(p) => people.push(p),
            Err(issue) => b.report.push(issue),
        }
    }
    b.report.rows.data = data.len();
    b.report.rows.imported = people.len();
    b.report.rows.skipped = data.len() - people.len();
    if people.is_empty() {
        return Err(ImportError::NothingUsable(Box::new(b.report)));
    }
    b.resolve_prefers(&mut people);
    let case = b.assemble(name, &base, explicit, people);
    let mut report = b.report;
    summarise_check(&case, &mut report);
    if !report.check.errors.is_empty() {
        return Err(ImportError::NothingUsable(Box::new(report)));
    }
    Ok(Imported { case, report })
}

/// The header and what the columns mean, or why the survey cannot be read.
fn columns(name: &str, table: &Table, opts: &ImportOptions) -> Result<Columns, ImportError> {
    if table.rows.iter().all(Row::is_empty) {
        return Err(ImportError::EmptyFile {
            file: name.to_string(),
        });
    }
    let Some(cols) = headers::detect(table, &opts.map) else {
        let first_row = table
            .rows
            .iter()
            .find(|r| !r.is_empty())
            .map(|r| r.cells.iter().take(12).map(|c| one_line(c, 60)).collect())
            .unwrap_or_default();
        return Err(ImportError::NoHeader {
            file: name.to_string(),
            first_row,
        });
    };
    let missing = headers::missing_required(&cols);
    if !missing.is_empty() {
        let found = (0..cols.headers.len())
            .filter(|&i| !cols.headers[i].trim().is_empty())
            .map(|i| one_line(&cols.describe(i), 80))
            .collect();
        return Err(ImportError::MissingColumns {
            file: name.to_string(),
            header_row: table.rows[cols.header_index].number,
            missing,
            found,
        });
    }
    Ok(cols)
}

fn describe_columns(cols: &Columns, table: &Table, report: &mut Report) {
    let t = report.lang.import_text();
    for (i, h) in cols.headers.iter().enumerate() {
        if h.trim().is_empty() && cols.fields[i].is_none() {
            continue;
        }
        report.columns.push(ColumnReport {
            column: one_line(&cols.describe(i), 200),
            header: one_line(h, 200),
            field: cols.fields[i],
        });
    }
    for &(i, f) in &cols.duplicates {
        report.push(Issue {
            level: Level::Warning,
            code: "duplicate-column",
            row: Some(report.header_row),
            column: Some(cols.describe(i)),
            text: None,
            message: fill(t.duplicate_column, &[("field", f.key())]),
        });
    }
    for &(row, col) in &table.info.cut_cells {
        report.push(Issue {
            level: Level::Warning,
            code: "cell-too-long",
            row: Some(row),
            column: Some(cols.describe(col)),
            text: None,
            message: fill(
                t.cell_too_long,
                &[("max", &super::table::MAX_CELL.to_string())],
            ),
        });
    }
}

/// Rows below the header that hold teachers. Blank rows are skipped quietly; totals, titles
/// and repeated headers are skipped with a note.
fn classify_rows<'t>(table: &'t Table, cols: &Columns, report: &mut Report) -> Vec<&'t Row> {
    let t = report.lang.import_text();
    let header: Vec<String> = cols.headers.iter().map(|h| normalise(h)).collect();
    let name_cols = [Field::Name, Field::Surname, Field::FirstName];
    let mut data = Vec::new();
    for row in &table.rows[cols.header_index + 1..] {
        if row.is_empty() {
            report.rows.junk += 1;
            continue;
        }
        let filled: Vec<usize> = (0..row.cells.len())
            .filter(|&i| !row.cell(i).is_empty())
            .collect();
        let first = normalise(row.cell(filled[0]));
        let reason = if row
            .cells
            .iter()
            .map(|c| normalise(c))
            .eq(header.iter().cloned())
        {
            Some(t.junk_header)
        } else if ["итог", "всего", "total", "сумма"]
            .iter()
            .any(|w| first.starts_with(w))
        {
            Some(t.junk_totals)
        } else if filled.len() == 1
            && (!name_cols.iter().any(|f| cols.fields[filled[0]] == Some(*f))
                || !looks_like_a_name(row.cell(filled[0])))
        {
            Some(t.junk_title)
        } else {
            None
        };
        match reason {
            Some(why) => {
                report.rows.junk += 1;
                report.push(Issue {
                    level: Level::Note,
                    code: "junk-row",
                    row: Some(row.number),
                    column: None,
                    text: Some(one_line(row.cell(filled[0]), 200)),
                    message: why.to_string(),
                });
            }
            None => data.push(row),
        }
    }
    data
}

/// One to four capitalised words, as a person's name is written ("Иванова Мария Петровна");
/// a section title ("Методическое объединение") is not.
fn looks_like_a_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Text from a cell made safe for a one-line case field: control characters replaced,
/// whitespace collapsed, at most `max` bytes.
fn one_line(s: &str, max: usize) -> String {
    let mut t = sanitize(s).split_whitespace().collect::<Vec<_>>().join(" ");
    t.truncate(floor_char_boundary(&t, max));
    t
}

/// A participant read from a row, with the raw preference names to resolve later.
struct Person {
    participant: Participant,
    row: usize,
    prefers: Vec<(String, usize)>,
}

struct Builder<'a> {
    cols: &'a Columns,
    matcher: Matcher,
    positions: Positions<'a>,
    review: ReviewBook,
    report: Report,
    organisations: Vec<Organisation>,
}

impl<'a> Builder<'a> {
    fn new(base: &'a Case, cols: &'a Columns, report: Report) -> Builder<'a> {
        Builder {
            cols,
            matcher: Matcher::new(&base.catalogue),
            positions: Positions::new(&base.catalogue),
            review: ReviewBook::new(base),
            report,
            organisations: base.organisations.clone(),
        }
    }

    fn issue(&self, level: Level, code: &'static str, row: &Row, col: usize, msg: String) -> Issue {
        let text = row.cell(col);
        Issue {
            level,
            code,
            row: Some(row.number),
            column: Some(self.cols.describe(col)),
            text: (!text.is_empty()).then(|| one_line(text, 200)),
            message: msg,
        }
    }

    /// A cell parsed by `parse`, or the row-level error that skips the row.
    fn required<T>(
        &self,
        row: &Row,
        field: Field,
        code: &'static str,
        parse: impl Fn(&str) -> Result<T, Problem>,
    ) -> Result<T, Issue> {
        let t = self.text();
        let col = self.cols.first(field).unwrap_or(0);
        let text = row.cell(col);
        if text.is_empty() {
            let msg = fill(t.empty_cell, &[("field", field.key())]);
            return Err(self.row_error(code, row, col, msg));
        }
        parse(text).map_err(|e| {
            let hint = if row.is_date(col) { t.date_hint } else { "" };
            let msg = format!("{}{hint}", e.describe(self.report.lang));
            self.row_error(code, row, col, msg)
        })
    }

    /// An error that skips the row: the message says so.
    fn row_error(&self, code: &'static str, row: &Row, col: usize, msg: String) -> Issue {
        let msg = format!("{msg}; {}", self.text().row_skipped);
        self.issue(Level::Error, code, row, col, msg)
    }

    fn text(&self) -> &'static ImportText {
        self.report.lang.import_text()
    }

    fn person(&mut self, row: &Row, id: String) -> Result<Person, Issue> {
        let (name, surname) = self.name(row)?;
        let age = self.required(row, Field::Age, "bad-age", values::age)?;
        let experience =
            self.required(row, Field::Experience, "bad-experience", values::experience)?;
        if experience > f64::from(age) {
            let col = self.cols.first(Field::Experience).unwrap_or(0);
            let msg = fill(
                self.text().experience_over_age,
                &[
                    ("experience", &experience.to_string()),
                    ("age", &age.to_string()),
                ],
            );
            return Err(self.row_error("experience-over-age", row, col, msg));
        }
        let (position, position_name) = self.position(row);
        let role = self.role(row, &position_name);
        let mut p = Participant {
            id,
            name,
            surname,
            contacts: self.contacts(row),
            role,
            age,
            experience,
            position,
            organisation: self.organisation(row),
            teaches: Vec::new(),
            lacks: Vec::new(),
            prefers: Vec::new(),
            capacity: self.capacity(row),
        };
        p.teaches = self.topics(row, Field::Teaches);
        p.lacks = self.topics(row, Field::Lacks);
        let prefers = self
            .cols
            .all(Field::Prefers)
            .into_iter()
            .flat_map(|c| split_cell(row.cell(c)).into_iter().map(move |t| (t, c)))
            .collect();
        Ok(Person {
            participant: p,
            row: row.number,
            prefers,
        })
    }

    /// Display name (first name and patronymic) and private surname.
    fn name(&self, row: &Row) -> Result<(String, Option<String>), Issue> {
        let cell = |f: Field| self.cols.first(f).map_or("", |c| row.cell(c));
        let (mut name, mut surname) = match self.cols.first(Field::Name) {
            Some(c) if !row.cell(c).is_empty() => {
                let english = !self.cols.headers[c]
                    .chars()
                    .any(|ch| ('\u{0400}'..='\u{04FF}').contains(&ch));
                let n = values::split_name(&one_line(row.cell(c), MAX_SHORT_TEXT), english);
                (n.name, n.surname)
            }
            _ => {
                let first = [cell(Field::FirstName), cell(Field::Patronymic)]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ");
                let s = cell(Field::Surname);
                (first, (!s.is_empty()).then(|| s.to_string()))
            }
        };
        if name.is_empty() {
            name = surname.take().unwrap_or_default();
        }
        let name = one_line(&name, MAX_SHORT_TEXT);
        if name.is_empty() {
            let col = [Field::Name, Field::Surname, Field::FirstName]
                .iter()
                .find_map(|f| self.cols.first(*f))
                .unwrap_or(0);
            let msg = self.text().no_name.to_string();
            return Err(self.row_error("no-name", row, col, msg));
        }
        Ok((name, surname.map(|s| one_line(&s, MAX_SHORT_TEXT))))
    }

    /// The catalogue position and its name; the default (a teacher) when the cell is empty or
    /// names no catalogue position, with a warning for the latter.
    fn position(&mut self, row: &Row) -> (String, String) {
        let fallback = self.positions.default_position();
        let (fallback_id, fallback_name) = fallback
            .map_or(("teacher".to_string(), String::new()), |p| {
                (p.id.clone(), p.name.clone())
            });
        let Some(col) = self.cols.first(Field::Position) else {
            return (fallback_id, fallback_name);
        };
        let text = row.cell(col);
        if text.is_empty() {
            return (fallback_id, fallback_name);
        }
        match self.positions.find(text) {
            Some(p) => (p.id.clone(), p.name.clone()),
            None => {
                let msg = fill(
                    self.text().unknown_position,
                    &[("position", &fallback_name)],
                );
                let issue = self.issue(Level::Warning, "unknown-position", row, col, msg);
                self.report.push(issue);
                (fallback_id, fallback_name)
            }
        }
    }

    /// The role column if there is one, else what the position says, else a teacher.
    fn role(&self, row: &Row, position_name: &str) -> Role {
        if let Some(col) = self.cols.first(Field::Role)
            && let Some(r) = values::role(&one_line(row.cell(col), MAX_SHORT_TEXT))
        {
            return r;
        }
        match values::role(position_name) {
            Some(Role::Other(_)) | None => Role::Teacher,
            Some(r) => r,
        }
    }

    fn contacts(&self, row: &Row) -> Option<Contacts> {
        let get = |f: Field| {
            self.cols
                .first(f)
                .map(|c| one_line(row.cell(c), MAX_SHORT_TEXT))
                .filter(|s| !s.is_empty())
        };
        let c = Contacts {
            email: get(Field::Email),
            phone: get(Field::Phone),
        };
        (c.email.is_some() || c.phone.is_some()).then_some(c)
    }

    fn capacity(&mut self, row: &Row) -> Option<u32> {
        let col = self.cols.first(Field::Capacity)?;
        let text = row.cell(col);
        if text.is_empty() {
            return None;
        }
        values::capacity(text)
            .map_err(|e| {
                let msg = e.describe(self.report.lang);
                let issue = self.issue(Level::Warning, "bad-capacity", row, col, msg);
                self.report.push(issue);
            })
            .ok()
    }

    /// The organisation named in the row: a known one by name, else a new one.
    fn organisation(&mut self, row: &Row) -> Option<String> {
        let col = self.cols.first(Field::Organisation)?;
        let name = one_line(row.cell(col), MAX_SHORT_TEXT);
        if name.is_empty() {
            return None;
        }
        let key = normalise(&name);
        if let Some(o) = self
            .organisations
            .iter()
            .find(|o| normalise(&o.name) == key || o.id == name)
        {
            return Some(o.id.clone());
        }
        let ids: HashSet<&str> = self.organisations.iter().map(|o| o.id.as_str()).collect();
        let id = (1..)
            .map(|n| format!("org-{n}"))
            .find(|id| !ids.contains(id.as_str()))
            .unwrap_or_default();
        self.organisations.push(Organisation {
            id: id.clone(),
            name,
            kind: String::new(),
            municipality: String::new(),
        });
        Some(id)
    }

    /// Topic ids from every column of `field`, in cell order (ranked deficits stay ranked),
    /// each once; entries the catalogue does not cover become review topics.
    fn topics(&mut self, row: &Row, field: Field) -> Vec<String> {
        let list = if field == Field::Teaches {
            "teaches"
        } else {
            "lacks"
        };
        let mut ids: Vec<String> = Vec::new();
        for col in self.cols.all(field) {
            for entry in map_cell(&self.matcher, row.cell(col)) {
                let text = one_line(&entry.text, MAX_SHORT_TEXT);
                let (closest, confidence) = entry
                    .best
                    .as_ref()
                    .map_or((None, 0.0), |m| (Some(m.topic.clone()), m.confidence));
                let accepted = entry.best.as_ref().is_some_and(|m| m.accepted());
                let topic = match (&closest, accepted) {
                    (Some(t), true) => t.clone(),
                    _ => {
                        self.review
                            .add(&text, row.number, closest.clone().map(|t| (t, confidence)))
                    }
                };
                self.report.mappings.push(Mapping {
                    row: row.number,
                    column: self.cols.describe(col),
                    list,
                    text,
                    topic: topic.clone(),
                    closest,
                    confidence: (confidence * 100.0).round() / 100.0,
                    accepted,
                });
                if !ids.contains(&topic) {
                    ids.push(topic);
                }
            }
        }
        if ids.len() > MAX_PER_PERSON {
            let col = self.cols.first(field).unwrap_or(0);
            let msg = fill(
                self.text().too_many_topics,
                &[("max", &MAX_PER_PERSON.to_string())],
            );
            let issue = self.issue(Level::Warning, "too-many-topics", row, col, msg);
            self.report.push(issue);
            ids.truncate(MAX_PER_PERSON);
        }
        ids
    }

    /// Preferred mentors written as names → participant ids.
    fn resolve_prefers(&mut self, people: &mut [Person]) {
        let index = name_index(people);
        let t = self.text();
        let mut resolved: Vec<Vec<String>> = Vec::with_capacity(people.len());
        for (i, person) in people.iter().enumerate() {
            let mut ids = Vec::new();
            for (text, col) in &person.prefers {
                let hits = index.get(&normalise(text)).map_or(&[][..], Vec::as_slice);
                let problem = match hits {
                    [one] if *one == i => Some(t.preference_self),
                    [one] => {
                        let id = people[*one].participant.id.clone();
                        if !ids.contains(&id) && ids.len() < MAX_PER_PERSON {
                            ids.push(id);
                        }
                        None
                    }
                    [] => Some(t.preference_unknown),
                    _ => Some(t.preference_ambiguous),
                };
                if let Some(why) = problem {
                    self.report.push(Issue {
                        level: Level::Warning,
                        code: "unknown-preference",
                        row: Some(person.row),
                        column: Some(self.cols.describe(*col)),
                        text: Some(one_line(text, 200)),
                        message: why.to_string(),
                    });
                }
            }
            resolved.push(ids);
        }
        for (person, ids) in people.iter_mut().zip(resolved) {
            person.participant.prefers = ids;
        }
    }

    fn assemble(&mut self, file: &str, base: &Case, explicit: bool, people: Vec<Person>) -> Case {
        let mut catalogue = base.catalogue.clone();
        let review = std::mem::replace(&mut self.review, ReviewBook::new(base));
        self.report.review = review.topics.clone();
        if let Some(d) = review.direction() {
            catalogue.directions.push(d);
        }
        let n = people.len();
        let stem = Path::new(file)
            .file_stem()
            .map_or_else(|| file.to_string(), |s| s.to_string_lossy().into_owned());
        let ru = base.lang != "en";
        let (title, narrative) = if ru {
            (
                format!("Анкета педагогов: {stem}"),
                format!(
                    "Кейс собран командой revmap import из таблицы «{stem}»: {n} педагогов. Темы направления «{}» — записи анкеты, которых нет в каталоге: переименуйте их, объедините с темами каталога или удалите.",
                    review.direction_name
                ),
            )
        } else {
            (
                format!("Teacher survey: {stem}"),
                format!(
                    "Built by revmap import from the table {stem:?}: {n} teachers. Topics under {:?} are survey entries the catalogue does not cover: rename them, merge them into catalogue topics or remove them.",
                    review.direction_name
                ),
            )
        };
        Case {
            version: CASE_VERSION,
            lang: base.lang.clone(),
            title: one_line(&title, MAX_SHORT_TEXT),
            narrative: sanitize(&narrative),
            organisations: std::mem::take(&mut self.organisations),
            catalogue,
            status_rule: base.status_rule.clone(),
            participants: people.into_iter().map(|p| p.participant).collect(),
            resources: if explicit {
                base.resources.clone()
            } else {
                Vec::new()
            },
            fixed_pairs: Vec::new(),
            forbidden_pairs: Vec::new(),
            agenda: if explicit {
                base.agenda.clone()
            } else {
                Vec::new()
            },
        }
    }
}

/// Ways a teacher's name may be written in another teacher's "preferred mentor" cell, each
/// with the people it could mean.
fn name_index(people: &[Person]) -> HashMap<String, Vec<usize>> {
    let mut index: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, person) in people.iter().enumerate() {
        let p = &person.participant;
        let first = p.name.split_whitespace().next().unwrap_or("");
        let initials: String = p
            .name
            .split_whitespace()
            .filter_map(|w| w.chars().next())
            .map(|c| format!("{c} "))
            .collect();
        let mut keys = vec![p.name.clone()];
        if let Some(s) = &p.surname {
            keys.extend([
                s.clone(),
                format!("{s} {}", p.name),
                format!("{} {s}", p.name),
                format!("{s} {first}"),
                format!("{first} {s}"),
                format!("{s} {initials}"),
            ]);
        }
        let mut keys: Vec<String> = keys.iter().map(|k| normalise(k)).collect();
        keys.sort();
        keys.dedup();
        for k in keys.into_iter().filter(|k| !k.is_empty()) {
            index.entry(k).or_default().push(i);
        }
    }
    index
}

/// Survey entries the catalogue does not cover, grouped by what they say, as new topics in a
/// direction of their own.
struct ReviewBook {
    direction_id: String,
    direction_name: String,
    taken: HashSet<String>,
    topics: Vec<ReviewTopic>,
    aliases: Vec<Vec<String>>,
    by_key: HashMap<String, usize>,
}

/// Confidence from which the nearest catalogue topic is shown as a hint for a review topic.
const CLOSEST_HINT: f64 = 0.3;

/// Other spellings kept per review topic.
const MAX_REVIEW_ALIASES: usize = 20;

impl ReviewBook {
    fn new(base: &Case) -> ReviewBook {
        let dirs: HashSet<&str> = base
            .catalogue
            .directions
            .iter()
            .map(|d| d.id.as_str())
            .collect();
        let direction_id = std::iter::once("review".to_string())
            .chain((2..).map(|n| format!("review-{n}")))
            .find(|id| !dirs.contains(id.as_str()))
            .unwrap_or_default();
        let direction_name = if base.lang == "en" {
            "To review"
        } else {
            "К проверке"
        };
        ReviewBook {
            direction_id,
            direction_name: direction_name.to_string(),
            taken: base.topics().map(|(_, t)| t.id.clone()).collect(),
            topics: Vec::new(),
            aliases: Vec::new(),
            by_key: HashMap::new(),
        }
    }

    /// The review topic for `text`, new or shared with entries that say the same.
    fn add(&mut self, text: &str, row: usize, closest: Option<(String, f64)>) -> String {
        let toks = tokens(text);
        let key = if toks.is_empty() {
            normalise(text)
        } else {
            glued(&toks)
        };
        if let Some(&i) = self.by_key.get(&key) {
            let t = &mut self.topics[i];
            t.count += 1;
            if t.rows.last() != Some(&row) {
                t.rows.push(row);
            }
            let a = &mut self.aliases[i];
            if text != t.name && !a.iter().any(|x| x == text) && a.len() < MAX_REVIEW_ALIASES {
                a.push(text.to_string());
            }
            return t.id.clone();
        }
        let id = (self.topics.len() + 1..)
            .map(|n| format!("review-{n}"))
            .find(|id| !self.taken.contains(id))
            .unwrap_or_default();
        self.taken.insert(id.clone());
        self.by_key.insert(key, self.topics.len());
        self.topics.push(ReviewTopic {
            id: id.clone(),
            name: text.to_string(),
            count: 1,
            rows: vec![row],
            // A near-zero "closest" is noise, not a hint.
            closest: closest
                .filter(|(_, c)| *c >= CLOSEST_HINT)
                .map(|(t, c)| (t, (c * 100.0).round() / 100.0)),
        });
        self.aliases.push(Vec::new());
        id
    }

    fn direction(&self) -> Option<Direction> {
        if self.topics.is_empty() {
            return None;
        }
        let topics = self
            .topics
            .iter()
            .zip(&self.aliases)
            .map(|(t, a)| Topic {
                id: t.id.clone(),
                name: t.name.clone(),
                aliases: a.clone(),
            })
            .collect();
        Some(Direction {
            id: self.direction_id.clone(),
            name: self.direction_name.clone(),
            topics,
        })
    }
}

/// Runs the case checks on the result and records them in the report.
fn summarise_check(case: &Case, report: &mut Report) {
    for d in validate(case) {
        if d.is_error() {
            report
                .check
                .errors
                .push(format!("{}: {} [{}]", d.path, d.message, d.code));
        } else {
            *report.check.warnings.entry(d.code.to_string()).or_insert(0) += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn import(csv: &str) -> Result<Imported, ImportError> {
        super::super::import_bytes("survey.csv", csv.as_bytes(), &ImportOptions::default())
    }

    const HEADER: &str = "ФИО;Возраст;Стаж;Должность;Могу научить;Хочу научиться\n";

    #[test]
    fn a_small_survey_becomes_a_checked_case() {
        let csv = format!(
            "{HEADER}Иванова Мария Петровна;24;1,5;учитель информатики;эксель, видео монтаж;работа с родителями\n\
             Петров Олег Ильич;52 года;28 лет;зам. директора по УВР;родительские собрания;Excel таблицы\n"
        );
        let got = import(&csv).unwrap();
        let p = &got.case.participants;
        assert_eq!(p.len(), 2);
        assert_eq!(
            (p[0].id.as_str(), p[0].name.as_str()),
            ("p001", "Мария Петровна")
        );
        assert_eq!(p[0].surname.as_deref(), Some("Иванова"));
        assert_eq!((p[0].age, p[0].experience), (24, 1.5));
        assert_eq!(p[0].teaches, vec!["excel", "video"]);
        assert_eq!(p[0].lacks, vec!["class_parents"]);
        assert_eq!(p[1].position, "deputy");
        assert_eq!(p[1].role, Role::Administrator);
        assert_eq!(p[1].lacks, vec!["excel"]);
        assert!(got.report.check.errors.is_empty());
        assert_eq!(got.report.header_row, 1);
    }

    #[test]
    fn unknown_topics_are_kept_for_review_and_grouped() {
        let csv = format!(
            "{HEADER}Иванова Мария;24;1;учитель;нейросети;эксель\nСидорова Анна;30;5;учитель;эксель;Нейросети\n"
        );
        let got = import(&csv).unwrap();
        let review = &got.report.review;
        assert_eq!(review.len(), 1);
        assert_eq!((review[0].id.as_str(), review[0].count), ("review-1", 2));
        assert_eq!(review[0].rows, vec![2, 3]);
        assert_eq!(got.case.participants[0].teaches, vec!["review-1"]);
        assert_eq!(got.case.participants[1].lacks, vec!["review-1"]);
        let dir = got.case.catalogue.directions.last().unwrap();
        assert_eq!(
            (dir.id.as_str(), dir.name.as_str()),
            ("review", "К проверке")
        );
    }

    #[test]
    fn bad_rows_are_reported_with_row_and_column_and_the_rest_imported() {
        let csv = format!(
            "{HEADER}Иванова Мария;сорок;1;учитель;эксель;видео\n;30;5;учитель;эксель;видео\nСидорова Анна;25;30;учитель;эксель;видео\nОрлова Вера;30;5;учитель;эксель;видео\n"
        );
        let got = import(&csv).unwrap();
        assert_eq!(got.case.participants.len(), 1);
        assert_eq!(got.case.participants[0].id, "p004");
        let errors: Vec<(usize, &str, &str)> = got
            .report
            .issues
            .iter()
            .filter(|i| i.level == Level::Error)
            .map(|i| (i.row.unwrap(), i.column.as_deref().unwrap(), i.code))
            .collect();
        assert_eq!(
            errors,
            vec![
                (2, "B «Возраст»", "bad-age"),
                (3, "A «ФИО»", "no-name"),
                (4, "C «Стаж»", "experience-over-age"),
            ]
        );
        assert_eq!(got.report.rows.skipped, 3);
    }

    #[test]
    fn an_empty_file_says_so() {
        for empty in ["", "\n\n", ";;;\n;;\n"] {
            let e = import(empty).unwrap_err().to_string();
            assert!(e.contains("survey.csv: the file has no data"), "{e}");
        }
    }

    #[test]
    fn nothing_usable_is_an_error() {
        let csv = format!("{HEADER}Иванова Мария;сорок;1;учитель;эксель;видео\n");
        assert!(matches!(import(&csv), Err(ImportError::NothingUsable(_))));
    }

    #[test]
    fn missing_columns_are_named_with_the_columns_found() {
        let e = import("ФИО;Возраст;Могу научить\nИванова;30;эксель\n").unwrap_err();
        let msg = e.to_string();
        assert!(matches!(e, ImportError::MissingColumns { .. }));
        assert!(msg.contains("experience") && msg.contains("lacks"), "{msg}");
        assert!(
            msg.contains("A «ФИО», B «Возраст», C «Могу научить»"),
            "{msg}"
        );
    }

    #[test]
    fn preferences_resolve_to_ids() {
        let csv = "ФИО;Возраст;Стаж;Могу научить;Хочу научиться;Желаемый наставник\n\
                   Иванова Мария Петровна;24;1;эксель;видео;\n\
                   Петров Олег;52;28;видео;эксель;Иванова М.П., Сидоров\n";
        let got = import(csv).unwrap();
        assert_eq!(got.case.participants[1].prefers, vec!["p001"]);
        let warn: Vec<&str> = got
            .report
            .issues
            .iter()
            .filter(|i| i.code == "unknown-preference")
            .filter_map(|i| i.text.as_deref())
            .collect();
        assert_eq!(warn, vec!["Сидоров"]);
    }

    #[test]
    fn junk_rows_are_skipped_with_a_note() {
        let csv = format!(
            "Анкета педагогов\n\n{HEADER}Иванова Мария;24;1;учитель;эксель;видео\n;;;;;\nМетодическое объединение;;;;;\n{HEADER}Итого: 1;;;;;\n"
        );
        let got = import(&csv).unwrap();
        assert_eq!(got.report.header_row, 3);
        assert_eq!(got.case.participants.len(), 1);
        let notes: Vec<usize> = got
            .report
            .issues
            .iter()
            .filter(|i| i.code == "junk-row")
            .filter_map(|i| i.row)
            .collect();
        assert_eq!(notes, vec![6, 7, 8]);
    }
}
