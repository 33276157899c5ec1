//! Column headers recognised by meaning, in Russian and English: "ФИО", "Фамилия Имя
//! Отчество" and "Name" are all the name; "Могу научить" and "Готов быть наставником" both
//! the topics a teacher offers. `--map` overrides any of it.

use serde::Serialize;

use super::table::{Table, column_index, column_letter};
use super::text::normalise;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    /// Full name in one cell ("Иванова Мария Петровна").
    Name,
    Surname,
    /// First name, or first name and patronymic.
    FirstName,
    Patronymic,
    Age,
    Experience,
    Position,
    Teaches,
    Lacks,
    Email,
    Phone,
    Role,
    Capacity,
    Prefers,
    Organisation,
    /// Read and ignored (a row number, a timestamp).
    Ignore,
}

impl Field {
    pub const ALL: [Field; 16] = [
        Field::Name,
        Field::Surname,
        Field::FirstName,
        Field::Patronymic,
        Field::Age,
        Field::Experience,
        Field::Position,
        Field::Teaches,
        Field::Lacks,
        Field::Email,
        Field::Phone,
        Field::Role,
        Field::Capacity,
        Field::Prefers,
        Field::Organisation,
        Field::Ignore,
    ];

    /// The name used by `--map` and in JSON.
    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Surname => "surname",
            Field::FirstName => "first-name",
            Field::Patronymic => "patronymic",
            Field::Age => "age",
            Field::Experience => "experience",
            Field::Position => "position",
            Field::Teaches => "teaches",
            Field::Lacks => "lacks",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Role => "role",
            Field::Capacity => "capacity",
            Field::Prefers => "prefers",
            Field::Organisation => "organisation",
            Field::Ignore => "ignore",
        }
    }

    pub fn from_key(s: &str) -> Option<Field> {
        let k = s.trim().to_ascii_lowercase().replace('_', "-");
        Field::ALL.into_iter().find(|f| f.key() == k)
    }

    /// Headers this field is recognised by, as a trainer would read them in an error.
    pub fn example_headers(self) -> &'static str {
        match self {
            Field::Name => "ФИО / Фамилия Имя Отчество / Name",
            Field::Age => "Возраст / Age",
            Field::Experience => "Стаж / Педагогический стаж / Experience",
            Field::Teaches => "Могу научить / Готов быть наставником / Can teach",
            Field::Lacks => "Дефициты / Хочу научиться / Needs",
            _ => "",
        }
    }

    /// Several columns may feed one list (e.g. "Дефицит 1", "Дефицит 2").
    pub fn repeatable(self) -> bool {
        matches!(
            self,
            Field::Teaches | Field::Lacks | Field::Prefers | Field::Ignore
        )
    }
}

/// Header words per field. A header means a field when it contains all words of one of its
/// phrases; the field with the longest matching phrase wins.
const SYNONYMS: &[(Field, &[&str])] = &[
    (
        Field::Name,
        &[
            "фио",
            "ф и о",
            "фамилия имя отчество",
            "фамилия имя",
            "имя фамилия",
            "name",
            "full name",
            "участник",
            "педагог",
            "учитель",
            "сотрудник",
            "teacher",
            "participant",
        ],
    ),
    (
        Field::Surname,
        &["фамилия", "surname", "last name", "family name"],
    ),
    (
        Field::FirstName,
        &["имя", "имя отчество", "first name", "given name"],
    ),
    (
        Field::Patronymic,
        &["отчество", "patronymic", "middle name"],
    ),
    (Field::Age, &["возраст", "age", "сколько лет", "полных лет"]),
    (
        Field::Experience,
        &[
            "стаж",
            "педагогический стаж",
            "опыт работы",
            "лет опыта",
            "experience",
            "years of experience",
        ],
    ),
    (
        Field::Position,
        &["должность", "position", "job title", "занимаемая должность"],
    ),
    (
        Field::Teaches,
        &[
            "могу научить",
            "научить",
            "наставник",
            "быть наставником",
            "готов быть наставником",
            "могу помочь",
            "могу поделиться",
            "готов поделиться",
            "сильные стороны",
            "ресурсные компетенции",
            "can teach",
            "teaches",
            "offers",
            "can mentor",
            "mentor topics",
            "strengths",
        ],
    ),
    (
        Field::Lacks,
        &[
            "дефициты",
            "дефицит",
            "хочу научиться",
            "научиться",
            "наставляемый",
            "нужна помощь",
            "затруднения",
            "хочу освоить",
            "needs",
            "lacks",
            "deficits",
            "want to learn",
            "wants to learn",
            "need help",
            "gaps",
        ],
    ),
    (
        Field::Email,
        &[
            "email",
            "e mail",
            "почта",
            "электронная почта",
            "эл почта",
            "mail",
        ],
    ),
    (
        Field::Phone,
        &["телефон", "тел", "phone", "mobile", "мобильный"],
    ),
    (Field::Role, &["роль", "role", "категория участника"]),
    (
        Field::Capacity,
        &[
            "сколько наставляемых",
            "число наставляемых",
            "количество наставляемых",
            "наставляемых могу взять",
            "capacity",
            "max mentees",
            "how many mentees",
        ],
    ),
    (
        Field::Prefers,
        &[
            "желаемый наставник",
            "предпочитаемый наставник",
            "хочу в наставники",
            "хочу учиться у",
            "preferred mentor",
            "preferred mentors",
            "prefers",
        ],
    ),
    (
        Field::Organisation,
        &[
            "организация",
            "образовательная организация",
            "оо",
            "школа",
            "учреждение",
            "organisation",
            "organization",
            "school",
        ],
    ),
    (
        Field::Ignore,
        &[
            "n",
            "no",
            "номер",
            "отметка времени",
            "timestamp",
            "дата заполнения",
        ],
    ),
];

/// Does header word `h` say keyword word `k`? The same word, or `k` with another ending
/// ("наставником" for "наставник", "дефициты" for "дефицит") — but never a reflexive form
/// of it ("научиться" is not "научить").
fn word_matches(h: &str, k: &str) -> bool {
    if h == k {
        return true;
    }
    let kc: Vec<char> = k.chars().collect();
    let root: String = if kc.len() >= 5 {
        kc[..kc.len() - 1].iter().collect()
    } else {
        k.to_string()
    };
    let extra = h.chars().count().saturating_sub(root.chars().count());
    let reflexive = |w: &str| w.ends_with("ся") || w.ends_with("сь");
    h.starts_with(&root) && extra <= 4 && reflexive(h) == reflexive(k)
}

/// Where the phrase `kw` starts in the header `words`: its words in order, at most one other
/// word between two of them ("Фамилия и имя" says "фамилия имя"; "Хочу научиться (в чём мне
/// нужен наставник)" does not say "хочу в наставники").
fn phrase_at(words: &[&str], kw: &[&str]) -> Option<usize> {
    let (first, rest) = kw.split_first()?;
    (0..words.len())
        .filter(|&i| word_matches(words[i], first))
        .find(|&start| {
            let mut at = start;
            rest.iter().all(|k| {
                let next = (at + 1..words.len().min(at + 3)).find(|&j| word_matches(words[j], k));
                next.map(|j| at = j).is_some()
            })
        })
}

/// The field a header means, if any.
pub fn recognise(header: &str) -> Option<Field> {
    let norm = normalise(&header.replace(['№', '#'], " n "));
    let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return None;
    }
    // The longest phrase wins; between equally long ones, the one that starts earlier: the
    // head of "Должность (учитель, завуч…)" is "должность", not the examples after it.
    let mut best: Option<((usize, std::cmp::Reverse<usize>), Field)> = None;
    for (field, phrases) in SYNONYMS {
        for p in *phrases {
            let kw: Vec<&str> = p.split(' ').collect();
            let Some(start) = phrase_at(&words, &kw) else {
                continue;
            };
            let rank = (kw.len(), std::cmp::Reverse(start));
            if best.is_none_or(|(r, _)| rank > r) {
                best = Some((rank, *field));
            }
        }
    }
    best.map(|(_, f)| f)
}

/// A `--map COLUMN=FIELD` override: COLUMN is a header (as written, any case) or a column
/// letter.
#[derive(Debug, Clone, PartialEq)]
pub struct Override {
    pub column: String,
    pub field: Field,
}

impl Override {
    /// Parses `COLUMN=FIELD`; the error says what was expected.
    pub fn parse(s: &str) -> Result<Override, String> {
        let (column, field) = s.rsplit_once('=').ok_or_else(|| {
            format!("{s:?}: expected COLUMN=FIELD, e.g. \"Темы=teaches\" or C=age")
        })?;
        let field = Field::from_key(field).ok_or_else(|| {
            let keys: Vec<&str> = Field::ALL.iter().map(|f| f.key()).collect();
            format!(
                "{s:?}: unknown field {field:?}; expected one of {}",
                keys.join(", ")
            )
        })?;
        if column.trim().is_empty() {
            return Err(format!(
                "{s:?}: expected a column name or letter before '='"
            ));
        }
        Ok(Override {
            column: column.trim().to_string(),
            field,
        })
    }

    fn applies_to(&self, index: usize, header: &str) -> bool {
        normalise(&self.column) == normalise(header)
            || (column_index(&self.column) == Some(index) && self.column.len() <= 3)
    }
}

/// The header row and what each column means.
#[derive(Debug, Clone, PartialEq)]
pub struct Columns {
    /// Index into `Table::rows` of the header row.
    pub header_index: usize,
    /// The header text of every column.
    pub headers: Vec<String>,
    /// What each column holds; `None` for a column nobody recognised (it is ignored).
    pub fields: Vec<Option<Field>>,
    /// Columns that also looked like a field already taken by an earlier column.
    pub duplicates: Vec<(usize, Field)>,
}

impl Columns {
    /// First column holding `field`.
    pub fn first(&self, field: Field) -> Option<usize> {
        self.fields.iter().position(|f| *f == Some(field))
    }

    /// Every column holding `field`, left to right.
    pub fn all(&self, field: Field) -> Vec<usize> {
        (0..self.fields.len())
            .filter(|&i| self.fields[i] == Some(field))
            .collect()
    }

    /// "C «Возраст»"
    pub fn describe(&self, col: usize) -> String {
        describe(col, self.headers.get(col).map_or("", String::as_str))
    }
}

/// "C «Возраст»", or just "C" for an empty header.
pub fn describe(col: usize, header: &str) -> String {
    let h = header.split_whitespace().collect::<Vec<_>>().join(" ");
    if h.is_empty() {
        column_letter(col)
    } else {
        format!("{} «{}»", column_letter(col), h)
    }
}

/// Rows searched for the header: real exports put a title or two above it.
const HEADER_SEARCH: usize = 10;

/// Fields of one row's cells, with overrides applied.
fn fields_of(cells: &[String], overrides: &[Override]) -> Vec<Option<Field>> {
    cells
        .iter()
        .enumerate()
        .map(|(i, h)| {
            overrides
                .iter()
                .rev()
                .find(|o| o.applies_to(i, h))
                .map(|o| o.field)
                .or_else(|| recognise(h))
        })
        .collect()
}

fn distinct_fields(fields: &[Option<Field>]) -> usize {
    let mut seen: Vec<Field> = fields
        .iter()
        .flatten()
        .copied()
        .filter(|f| *f != Field::Ignore)
        .collect();
    seen.sort();
    seen.dedup();
    seen.len()
}

/// Finds the header among the first rows: the one that names the most fields (at least two).
/// `None` when no row looks like a header.
pub fn detect(table: &Table, overrides: &[Override]) -> Option<Columns> {
    let (index, fields) = table
        .rows
        .iter()
        .take(HEADER_SEARCH)
        .enumerate()
        .map(|(i, r)| (i, fields_of(&r.cells, overrides)))
        .filter(|(_, f)| distinct_fields(f) >= 2)
        .max_by_key(|(i, f)| (distinct_fields(f), std::cmp::Reverse(*i)))?;
    let headers = table.rows[index].cells.clone();
    Some(dedupe(index, headers, fields))
}

/// Keeps the first column of each field that does not repeat; later ones are ignored and
/// listed.
fn dedupe(header_index: usize, headers: Vec<String>, mut fields: Vec<Option<Field>>) -> Columns {
    let mut taken: Vec<Field> = Vec::new();
    let mut duplicates = Vec::new();
    for (i, slot) in fields.iter_mut().enumerate() {
        let Some(f) = *slot else { continue };
        if f.repeatable() {
            continue;
        }
        if taken.contains(&f) {
            duplicates.push((i, f));
            *slot = None;
        } else {
            taken.push(f);
        }
    }
    Columns {
        header_index,
        headers,
        fields,
        duplicates,
    }
}

/// Fields a survey must have, each with what it may be replaced by.
pub fn missing_required(cols: &Columns) -> Vec<Field> {
    let has = |f: Field| cols.first(f).is_some();
    let mut missing = Vec::new();
    if !has(Field::Name) && !has(Field::Surname) && !has(Field::FirstName) {
        missing.push(Field::Name);
    }
    for f in [Field::Age, Field::Experience, Field::Teaches, Field::Lacks] {
        if !has(f) {
            missing.push(f);
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_russian_and_english_headers_by_meaning() {
        let cases = [
            ("ФИО", Field::Name),
            ("Ф.И.О. педагога", Field::Name),
            ("Фамилия, имя, отчество", Field::Name),
            ("Фамилия", Field::Surname),
            ("Имя Отчество", Field::FirstName),
            ("Full name", Field::Name),
            ("First name", Field::FirstName),
            ("  возраст (полных лет) ", Field::Age),
            ("Педагогический СТАЖ, лет", Field::Experience),
            ("Experience", Field::Experience),
            ("Занимаемая должность", Field::Position),
            ("Могу научить (темы)", Field::Teaches),
            ("Готов быть наставником по темам", Field::Teaches),
            ("Хочу научиться", Field::Lacks),
            ("Профессиональные дефициты (по убыванию)", Field::Lacks),
            ("Needs", Field::Lacks),
            ("Can teach", Field::Teaches),
            ("E-mail", Field::Email),
            ("Желаемый наставник", Field::Prefers),
            ("Сколько наставляемых могу взять", Field::Capacity),
            ("№", Field::Ignore),
            ("Должность (учитель, зам. директора…)", Field::Position),
            ("Хочу научиться (в чём мне нужен наставник)", Field::Lacks),
            (
                "Могу научить (чему я могу научить как наставник)",
                Field::Teaches,
            ),
            // A Google Forms export: the questions are the headers.
            ("Отметка времени", Field::Ignore),
            ("Ваши ФИО", Field::Name),
            ("Ваш возраст (полных лет)", Field::Age),
            ("Ваш педагогический стаж", Field::Experience),
            (
                "Темы, по которым вы можете быть наставником",
                Field::Teaches,
            ),
            (
                "Ваши профессиональные дефициты (начиная с самого острого)",
                Field::Lacks,
            ),
            ("Фамилия и имя", Field::Name),
        ];
        for (h, want) in cases {
            assert_eq!(recognise(h), Some(want), "{h}");
        }
        assert_eq!(recognise("Любимый цвет"), None);
        assert_eq!(recognise(""), None);
    }

    #[test]
    fn learn_is_not_teach() {
        assert_eq!(recognise("научить"), Some(Field::Teaches));
        assert_eq!(recognise("научиться"), Some(Field::Lacks));
    }

    #[test]
    fn overrides_parse_and_explain_errors() {
        let o = Override::parse("Темы=teaches").unwrap();
        assert_eq!((o.column.as_str(), o.field), ("Темы", Field::Teaches));
        assert_eq!(Override::parse("C=age").unwrap().field, Field::Age);
        assert!(
            Override::parse("Темы")
                .unwrap_err()
                .contains("COLUMN=FIELD")
        );
        assert!(
            Override::parse("Темы=topics")
                .unwrap_err()
                .contains("teaches")
        );
    }

    fn table(rows: &[&[&str]]) -> Table {
        let mut t = Table::default();
        for (i, r) in rows.iter().enumerate() {
            t.push(i + 1, r.iter().map(|s| s.to_string()));
        }
        t
    }

    #[test]
    fn finds_the_header_below_a_title_and_applies_overrides() {
        let t = table(&[
            &["Анкета педагогов школы № 291", "", ""],
            &[],
            &["ФИО", "Темы", "Стаж"],
            &["Иванова Мария", "эксель", "3"],
        ]);
        let cols = detect(&t, &[]).unwrap();
        assert_eq!(cols.header_index, 2);
        assert_eq!(
            cols.fields,
            vec![Some(Field::Name), None, Some(Field::Experience)]
        );
        let cols = detect(&t, &[Override::parse("b=teaches").unwrap()]).unwrap();
        assert_eq!(cols.fields[1], Some(Field::Teaches));
        assert_eq!(missing_required(&cols), vec![Field::Age, Field::Lacks]);
    }

    #[test]
    fn a_second_name_column_is_ignored_and_listed() {
        let t = table(&[&["ФИО", "Возраст", "ФИО"]]);
        let cols = detect(&t, &[]).unwrap();
        assert_eq!(cols.fields[2], None);
        assert_eq!(cols.duplicates, vec![(2, Field::Name)]);
    }
}
