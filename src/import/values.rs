//! Cell values as people type them: "15 лет", "3 года", "1,5", "5 лет 6 мес.", "полтора года";
//! names in one cell or three; roles in words.

use crate::domain::case::Role;
use crate::domain::limits::MAX_CAPACITY;
use crate::i18n::{Lang, fill};

use super::text::normalise;

/// Youngest and oldest plausible participant (a student mentor may be 14).
pub const AGE_RANGE: std::ops::RangeInclusive<i32> = 14..=100;
/// Longest plausible experience, in years.
pub const MAX_EXPERIENCE: f64 = 80.0;

/// Why a cell could not be read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Problem {
    NotAge,
    AgeRange(f64),
    NotExperience,
    ExperienceRange(f64),
    NotCapacity,
}

impl Problem {
    /// What is wrong and what was expected, in `lang`.
    pub fn describe(self, lang: Lang) -> String {
        let t = lang.import_text();
        let n = |v: f64| v.to_string();
        match self {
            Problem::NotAge => t.age_expected.to_string(),
            Problem::AgeRange(v) => fill(
                t.age_range,
                &[
                    ("value", &n(v)),
                    ("min", &AGE_RANGE.start().to_string()),
                    ("max", &AGE_RANGE.end().to_string()),
                ],
            ),
            Problem::NotExperience => t.experience_expected.to_string(),
            Problem::ExperienceRange(v) => fill(
                t.experience_range,
                &[("value", &n(v)), ("max", &n(MAX_EXPERIENCE))],
            ),
            Problem::NotCapacity => fill(t.bad_capacity, &[("max", &MAX_CAPACITY.to_string())]),
        }
    }
}

/// Numbers in `s` with the word after each: "5 лет 6 мес" → [(5, "лет"), (6, "мес")].
/// A decimal comma is a decimal point ("1,5").
fn numbers(s: &str) -> Vec<(f64, String)> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i + 1 < chars.len() && matches!(chars[i], ',' | '.') && chars[i + 1].is_ascii_digit() {
            i += 1;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
        }
        let text: String = chars[start..i].iter().collect::<String>().replace(',', ".");
        let unit: String = chars[i..]
            .iter()
            .skip_while(|c| c.is_whitespace())
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        if let Ok(v) = text.parse::<f64>() {
            out.push((v, unit));
        }
        if out.len() > 8 {
            break;
        }
    }
    out
}

/// An age in whole years: "45", "45 лет", "45,0".
pub fn age(s: &str) -> Result<i32, Problem> {
    let nums = numbers(s);
    let Some(&(v, _)) = nums.first() else {
        return Err(Problem::NotAge);
    };
    let years = v.floor();
    if !(f64::from(*AGE_RANGE.start())..=f64::from(*AGE_RANGE.end())).contains(&years) {
        return Err(Problem::AgeRange(v));
    }
    Ok(years as i32)
}

/// Words that mean a number of years without digits.
const YEAR_WORDS: &[(&str, f64)] = &[
    ("полтора года", 1.5),
    ("полтора", 1.5),
    ("полгода", 0.5),
    ("пол года", 0.5),
    ("меньше года", 0.5),
    ("менее года", 0.5),
    ("до года", 0.5),
    ("меньше 1 года", 0.5),
    ("менее 1 года", 0.5),
    ("первый год", 0.5),
    ("нет", 0.0),
    ("без стажа", 0.0),
    ("нет стажа", 0.0),
    ("none", 0.0),
    ("год", 1.0),
];

/// Years of experience: "15 лет", "3 года", "1,5", "5 лет 6 мес.", "8 мес", "полтора года".
pub fn experience(s: &str) -> Result<f64, Problem> {
    let norm = normalise(s);
    if let Some((_, v)) = YEAR_WORDS.iter().find(|(w, _)| norm == *w) {
        return Ok(*v);
    }
    let nums = numbers(s);
    if nums.is_empty() {
        return Err(Problem::NotExperience);
    }
    let mut years = 0.0;
    for (v, unit) in &nums {
        if unit.starts_with("мес") || unit == "м" || unit.starts_with("month") {
            years += v / 12.0;
        } else {
            years += v;
        }
    }
    let years = (years * 100.0).round() / 100.0;
    if !(0.0..=MAX_EXPERIENCE).contains(&years) {
        return Err(Problem::ExperienceRange(years));
    }
    Ok(years)
}

/// How many mentees a person can take: "2", "2 человека".
pub fn capacity(s: &str) -> Result<u32, Problem> {
    let v = numbers(s).first().map(|n| n.0);
    match v {
        Some(v) if v >= 1.0 && v <= f64::from(MAX_CAPACITY) && v.fract() == 0.0 => Ok(v as u32),
        _ => Err(Problem::NotCapacity),
    }
}

/// A person's display name and private surname.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonName {
    /// What the room sees: first name and patronymic.
    pub name: String,
    pub surname: Option<String>,
}

/// Splits a full name. Russian order is "Фамилия Имя Отчество"; Latin names in an English
/// survey are "First Last".
pub fn split_name(full: &str, english: bool) -> PersonName {
    let words: Vec<&str> = full.split_whitespace().collect();
    let latin = !full.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
    match words.as_slice() {
        [] => PersonName {
            name: String::new(),
            surname: None,
        },
        [one] => PersonName {
            name: one.to_string(),
            surname: None,
        },
        [first @ .., last] if english && latin => PersonName {
            name: first.join(" "),
            surname: Some(last.to_string()),
        },
        [surname, rest @ ..] => PersonName {
            name: rest.join(" "),
            surname: Some(surname.to_string()),
        },
    }
}

/// A role from its name in either language; unknown text becomes `Other`.
pub fn role(s: &str) -> Option<Role> {
    let n = normalise(s);
    if n.is_empty() {
        return None;
    }
    let has = |keys: &[&str]| keys.iter().any(|k| n.contains(k));
    Some(
        if has(&[
            "директор",
            "завуч",
            "администра",
            "admin",
            "principal",
            "deputy",
        ]) {
            Role::Administrator
        } else if has(&["методист", "methodist"]) {
            Role::Methodist
        } else if has(&["куратор", "curator"]) {
            Role::Curator
        } else if has(&["ученик", "ученица", "учащ", "студент", "школьни", "student"])
        {
            Role::Student
        } else if has(&["воспитател", "educator"]) {
            Role::Educator
        } else if has(&["тренер", "coach"]) {
            Role::Coach
        } else if has(&["учител", "преподава", "teacher"]) {
            Role::Teacher
        } else {
            Role::Other(s.trim().to_string())
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_as_written() {
        assert_eq!(age("45"), Ok(45));
        assert_eq!(age(" 45 лет "), Ok(45));
        assert_eq!(age("45,0"), Ok(45));
        assert_eq!(age("сорок"), Err(Problem::NotAge));
        assert_eq!(age("450"), Err(Problem::AgeRange(450.0)));
        assert!(age("3").is_err());
        let ru = Problem::AgeRange(450.0).describe(Lang::Ru);
        assert_eq!(ru, "возраст 450 вне допустимого; нужно от 14 до 100 лет");
    }

    #[test]
    fn experience_as_written() {
        assert_eq!(experience("15 лет"), Ok(15.0));
        assert_eq!(experience("3 года"), Ok(3.0));
        assert_eq!(experience("1,5"), Ok(1.5));
        assert_eq!(experience("1.5 г."), Ok(1.5));
        assert_eq!(experience("5 лет 6 мес."), Ok(5.5));
        assert_eq!(experience("6 месяцев"), Ok(0.5));
        assert_eq!(experience("полтора года"), Ok(1.5));
        assert_eq!(experience("Нет"), Ok(0.0));
        assert_eq!(experience("много"), Err(Problem::NotExperience));
        assert_eq!(experience("120"), Err(Problem::ExperienceRange(120.0)));
    }

    #[test]
    fn capacity_as_written() {
        assert_eq!(capacity("2 человека"), Ok(2));
        assert!(capacity("0").is_err());
        assert!(capacity("1,5").is_err());
    }

    #[test]
    fn names_split_by_language() {
        let n = split_name("Иванова  Мария Петровна", false);
        assert_eq!(n.name, "Мария Петровна");
        assert_eq!(n.surname.as_deref(), Some("Иванова"));
        let n = split_name("Anna Smith", true);
        assert_eq!(
            (n.name.as_str(), n.surname.as_deref()),
            ("Anna", Some("Smith"))
        );
        assert_eq!(split_name("Мария", false).surname, None);
    }

    #[test]
    fn roles_in_words() {
        assert_eq!(role("Заместитель директора"), Some(Role::Administrator));
        assert_eq!(role("учитель"), Some(Role::Teacher));
        assert_eq!(role("ученица 10 класса"), Some(Role::Student));
        assert_eq!(role("логопед"), Some(Role::Other("логопед".into())));
        assert_eq!(role(""), None);
    }
}
