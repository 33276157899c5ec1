//! The pairing engine's sentences: why a pair, why someone is unmatched. One `ReasonText` per
//! language holds every template and the grammar the templates need (Russian declines names
//! and counts years: «1 год», «2 года», «5 лет»), so a missing translation fails to compile.
//!
//! Templates name their slots in braces: `{mentor}`, `{mentee}`, `{mentee_acc}` (accusative),
//! `{topic}`, `{topics}`, … and are filled by `revmap::domain::pairing::explain`.

use super::Lang;

pub struct ReasonText {
    /// "{mentor} ({status}) will teach {mentee_acc} {topic}"
    pub teaches: &'static str,
    /// "{mentor} and {mentee} are a fixed pair, …" (no shared topic)
    pub no_topic: &'static str,
    /// "{mentor} is {gaps}"
    pub lower: &'static str,
    /// Mutual pairs: "in return, {mentee} will teach {mentor_acc} {topic}"
    pub back_teach: &'static str,
    /// "in return, {mentee} can help with {topics}"
    pub back_help: &'static str,
    /// "{mentee} chose {mentor_acc} (choice no. {place})"
    pub preference: &'static str,
    pub locked: &'static str,
    /// Unmatched: "Nobody in the case can teach {mentee_acc} {topics}."
    pub nobody: &'static str,
    pub higher: &'static str,
    /// The same with a single offerer.
    pub higher_one: &'static str,
    pub forbidden: &'static str,
    pub capacity: &'static str,
    /// After a pair in `capacity` that already serves the same mentee: "(another deficit)".
    pub own_pair: &'static str,
    pub capacity_unnamed: &'static str,
    pub not_chosen: &'static str,
    pub no_mutual: &'static str,
    pub and: &'static str,
    /// `revmap pair` text: "{pairs} pairs, {served} deficits served, score {score}"
    pub summary: &'static str,
    /// After a locked or fixed pair in the text table.
    pub locked_mark: &'static str,
    /// "Without a mentor ({count})": everyone with a deficit left unserved
    pub unmatched_heading: &'static str,
    /// "Blocking pairs ({count})"
    pub blocking_heading: &'static str,
    /// Age and experience: "age 24, 1 year of experience".
    /// The mentor's status; without the age while privacy hides ages.
    pub status: fn(age: Option<i32>, experience_tenths: i32) -> String,
    /// "34 years younger"
    pub younger: fn(years: i32) -> String,
    /// "3.5 years less experienced"
    pub less_experienced: fn(tenths: i32) -> String,
    /// "lower in position", "2 ranks lower in position"
    pub lower_position: fn(ranks: i32) -> String,
    /// Which of the mentee's deficits: "Irina's most pressing deficit".
    pub deficit: fn(rank: u32, mentee: &str) -> String,
    /// The topic a mentor teaches, as the object of the `teaches` sentence.
    pub topic: fn(name: &str) -> String,
    /// Topics as the object of "teach" (Russian: dative).
    pub topics_taught: fn(names: &[String]) -> String,
    /// Topics as the object of "help with" (Russian: instrumental).
    pub topics_helped: fn(names: &[String]) -> String,
    /// A name as a direct object (Russian: accusative).
    pub accusative: fn(name: &str) -> String,
}

impl Lang {
    pub fn reasons(self) -> &'static ReasonText {
        match self {
            Lang::En => &EN,
            Lang::Ru => &RU,
        }
    }
}

pub static EN: ReasonText = ReasonText {
    teaches: "{mentor} ({status}) will teach {mentee_acc} {topic}, {deficit}",
    no_topic: "{mentor} and {mentee} are a fixed pair, though {mentor} teaches none of the deficits {mentee} named",
    lower: "{mentor} is {gaps}",
    back_teach: "in return, {mentee} will teach {mentor_acc} {topic}",
    back_help: "in return, {mentee} can help with {topics}",
    preference: "{mentee} chose {mentor_acc} (choice no. {place})",
    locked: "the pair is fixed",
    nobody: "Nobody in the case can teach {mentee_acc} {topics}.",
    higher: "Only {offerers} can teach {mentee_acc} {topics}, and none of them is lower in status, as a mentor must be.",
    higher_one: "Only {offerers} can teach {mentee_acc} {topics}, but {offerers} is not lower in status, as a mentor must be.",
    forbidden: "Everyone who could teach {mentee_acc} {topics} is in a forbidden pair.",
    capacity: "Everyone who could teach {mentee_acc} {topics} is taken by better pairs: {pairs}.",
    own_pair: " (another of their deficits)",
    capacity_unnamed: "Everyone who could teach {mentee_acc} {topics} is taken by better pairs.",
    not_chosen: "Every mentor who could teach {mentee_acc} {topics} chose mentees they rank higher.",
    no_mutual: "Nobody can both teach {mentee_acc} and learn something from {mentee_acc} in return.",
    and: " and ",
    summary: "{pairs} pairs, {served} deficits served, score {score}",
    locked_mark: "[locked]",
    unmatched_heading: "Without a mentor ({count})",
    blocking_heading: "Blocking pairs left by fixed pairs ({count})",
    status: en_status,
    younger: |y| format!("{} younger", en_years(y * 10)),
    less_experienced: |t| format!("{} less experienced", en_years(t)),
    lower_position: |r| match r {
        1 => "lower in position".to_string(),
        r => format!("{r} ranks lower in position"),
    },
    deficit: en_deficit,
    topic: |t| format!("“{t}”"),
    topics_taught: en_topics,
    topics_helped: en_topics,
    accusative: |n| n.to_string(),
};

pub static RU: ReasonText = ReasonText {
    teaches: "{mentor} ({status}) научит {mentee_acc} {topic} — {deficit}",
    no_topic: "{mentor} и {mentee} — закреплённая пара, хотя общей темы у них нет",
    lower: "{mentor} {gaps}",
    back_teach: "взамен {mentee} научит {mentor_acc} {topic}",
    back_help: "взамен {mentee} поможет {topics}",
    preference: "{mentee} выбирает {mentor_acc} (выбор № {place})",
    locked: "пара закреплена",
    nobody: "Никто в кейсе не может научить {mentee_acc} {topics}.",
    higher: "Научить {mentee_acc} {topics} могут только {offerers}, но никто из них не ниже по статусу, а наставник должен быть ниже.",
    higher_one: "Научить {mentee_acc} {topics} может только {offerers}, но {offerers} не ниже по статусу, а наставник должен быть ниже.",
    forbidden: "Все, кто мог бы научить {mentee_acc} {topics}, стоят в запрещённых парах.",
    capacity: "Все, кто мог бы научить {mentee_acc} {topics}, уже заняты в более выгодных парах: {pairs}.",
    own_pair: " (по другому дефициту)",
    capacity_unnamed: "Все, кто мог бы научить {mentee_acc} {topics}, уже заняты в более выгодных парах.",
    not_chosen: "Все наставники, которые могли бы научить {mentee_acc} {topics}, выбрали тех, кого ставят выше.",
    no_mutual: "Нет никого, кто мог бы научить {mentee_acc} и сам чему-то научиться в ответ.",
    and: " и ",
    summary: "пар: {pairs}, закрыто дефицитов: {served}, баллы: {score}",
    locked_mark: "[закреплена]",
    unmatched_heading: "Без наставника ({count})",
    blocking_heading: "Блокирующие пары из-за закреплённых ({count})",
    status: ru_status,
    younger: |y| format!("моложе на {}", ru_years(y * 10)),
    less_experienced: |t| format!("с меньшим стажем (на {})", ru_years(t)),
    lower_position: |r| match r {
        1 => "ниже по должности".to_string(),
        r => format!(
            "ниже по должности на {r} {}",
            ru_plural(r.unsigned_abs(), "ступень", "ступени", "ступеней")
        ),
    },
    deficit: ru_deficit,
    topic: |t| format!("теме «{t}»"),
    topics_taught: |ts| ru_topics(ts, "теме", "темам"),
    topics_helped: |ts| ru_topics(ts, "с темой", "с темами"),
    accusative: ru_accusative,
};

/// Joins items as "a, b and c" with the language's "and".
pub fn join(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{and}{last}", init.join(", ")),
    }
}

fn en_years(tenths: i32) -> String {
    if tenths % 10 != 0 {
        format!("{}.{} years", tenths / 10, (tenths % 10).abs())
    } else if tenths == 10 {
        "1 year".to_string()
    } else {
        format!("{} years", tenths / 10)
    }
}

fn en_status(age: Option<i32>, experience: i32) -> String {
    let age = age.map(|a| format!("age {a}, ")).unwrap_or_default();
    if experience <= 0 {
        format!("{age}no experience yet")
    } else {
        format!("{age}{} of experience", en_years(experience))
    }
}

fn en_deficit(rank: u32, mentee: &str) -> String {
    const ORDINALS: [&str; 10] = [
        "most pressing",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
    ];
    let whose = if mentee.ends_with('s') {
        format!("{mentee}'")
    } else {
        format!("{mentee}'s")
    };
    match ORDINALS.get(rank as usize) {
        Some(o) => format!("{whose} {o} deficit"),
        None => format!("deficit no. {} of {mentee}", rank + 1),
    }
}

fn en_topics(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|t| format!("“{t}”")).collect();
    join(&quoted, " and ")
}

/// Russian plural form for a count: 1 год, 2 года, 5 лет, 11 лет, 21 год.
pub fn ru_plural(n: u32, one: &'static str, few: &'static str, many: &'static str) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=14) => many,
        (1, _) => one,
        (2..=4, _) => few,
        _ => many,
    }
}

fn ru_years(tenths: i32) -> String {
    if tenths % 10 != 0 {
        // A fraction takes the genitive singular: 1,5 года, 2,5 года.
        format!("{},{} года", tenths / 10, (tenths % 10).abs())
    } else {
        let n = tenths / 10;
        format!("{n} {}", ru_plural(n.unsigned_abs(), "год", "года", "лет"))
    }
}

fn ru_status(age: Option<i32>, experience: i32) -> String {
    let age = age
        .map(|a| {
            format!(
                "{a} {}, ",
                ru_plural(a.unsigned_abs(), "год", "года", "лет")
            )
        })
        .unwrap_or_default();
    if experience <= 0 {
        format!("{age}без стажа")
    } else {
        format!("{age}стаж {}", ru_years(experience))
    }
}

fn ru_deficit(rank: u32, mentee: &str) -> String {
    const ORDINALS: [&str; 10] = [
        "самый острый",
        "второй по остроте",
        "третий по остроте",
        "четвёртый по остроте",
        "пятый по остроте",
        "шестой по остроте",
        "седьмой по остроте",
        "восьмой по остроте",
        "девятый по остроте",
        "десятый по остроте",
    ];
    let whose = match ru_gender(mentee) {
        Some(Gender::Female) => "её ",
        Some(Gender::Male) => "его ",
        None => "",
    };
    match ORDINALS.get(rank as usize) {
        Some(o) => format!("это {whose}{o} дефицит"),
        None => format!("это {whose}дефицит № {}", rank + 1),
    }
}

fn ru_topics(names: &[String], one: &str, many: &str) -> String {
    let quoted: Vec<String> = names.iter().map(|t| format!("«{t}»")).collect();
    let head = if names.len() == 1 { one } else { many };
    format!("{head} {}", join(&quoted, " и "))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
}

/// Men's names that end like women's: they decline the same way but take «его».
const RU_MALE_IN_A: &[&str] = &[
    "Илья",
    "Никита",
    "Кузьма",
    "Фома",
    "Лука",
    "Савва",
    "Данила",
    "Гаврила",
];
/// Names that could be either (Саша, Женя, …): no pronoun is guessed for them.
const RU_EITHER: &[&str] = &["Саша", "Женя", "Валя", "Шура", "Слава"];
/// Women's names ending in a soft sign: they do not change in the accusative.
const RU_FEMALE_SOFT: &[&str] = &["Любовь", "Нинель", "Адель", "Рахиль", "Эсфирь", "Юдифь"];
/// Men's names that drop a vowel when declined.
const RU_FLEETING: &[(&str, &str)] = &[
    ("Павел", "Павла"),
    ("Пётр", "Петра"),
    ("Петр", "Петра"),
    ("Лев", "Льва"),
];

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// A guess from a Russian first name (and patronymic), used only for «её»/«его»; `None`
/// when the name is not Russian or could be either.
pub fn ru_gender(name: &str) -> Option<Gender> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let first = *words.first()?;
    if !first.chars().all(|c| is_cyrillic(c) || c == '-') {
        return None;
    }
    for w in &words[1..] {
        if w.ends_with("вна") || w.ends_with("чна") || w.ends_with("шна") {
            return Some(Gender::Female);
        }
        if w.ends_with("вич") || w.ends_with("ич") {
            return Some(Gender::Male);
        }
    }
    if RU_EITHER.contains(&first) {
        return None;
    }
    if RU_MALE_IN_A.contains(&first) {
        return Some(Gender::Male);
    }
    if RU_FEMALE_SOFT.contains(&first) {
        return Some(Gender::Female);
    }
    match first.chars().last()? {
        'а' | 'я' => Some(Gender::Female),
        'ь' | 'й' => Some(Gender::Male),
        c if "бвгджзклмнпрстфхцчшщ".contains(c) => Some(Gender::Male),
        _ => None,
    }
}

/// A Russian name in the accusative: Анна → Анну, Ирина Петровна → Ирину Петровну, Илья →
/// Илью, Андрей → Андрея, Иван Петрович → Ивана Петровича. Names that are not Russian, or do
/// not decline (Любовь, Хьюго), stay as they are.
pub fn ru_accusative(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    let mut word = String::new();
    for c in name.chars() {
        if c.is_whitespace() || c == '-' {
            out.push_str(&ru_accusative_word(&word));
            out.push(c);
            word.clear();
        } else {
            word.push(c);
        }
    }
    out.push_str(&ru_accusative_word(&word));
    out
}

fn ru_accusative_word(w: &str) -> String {
    if w.is_empty() || !w.chars().all(is_cyrillic) || RU_FEMALE_SOFT.contains(&w) {
        return w.to_string();
    }
    if let Some((_, acc)) = RU_FLEETING.iter().find(|(nom, _)| *nom == w) {
        return acc.to_string();
    }
    let last = w.chars().last().unwrap_or(' ');
    let stem = &w[..w.len() - last.len_utf8()];
    match last {
        'а' => format!("{stem}у"),
        'я' => format!("{stem}ю"),
        'й' | 'ь' => format!("{stem}я"),
        c if "бвгджзклмнпрстфхцчшщ".contains(c) => format!("{w}а"),
        _ => w.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_names_in_the_accusative() {
        let cases = [
            ("Анна", "Анну"),
            ("Ирина Петровна", "Ирину Петровну"),
            ("Мария", "Марию"),
            ("Илья", "Илью"),
            ("Андрей", "Андрея"),
            ("Дмитрий", "Дмитрия"),
            ("Игорь", "Игоря"),
            ("Иван Петрович", "Ивана Петровича"),
            ("Павел", "Павла"),
            ("Любовь", "Любовь"),
            ("Анна-Мария", "Анну-Марию"),
            ("Anna", "Anna"),
            ("Хьюго", "Хьюго"),
        ];
        for (nom, acc) in cases {
            assert_eq!(ru_accusative(nom), acc, "{nom}");
        }
    }

    #[test]
    fn russian_gender_guess() {
        assert_eq!(ru_gender("Ирина Петровна"), Some(Gender::Female));
        assert_eq!(ru_gender("Никита"), Some(Gender::Male));
        assert_eq!(ru_gender("Илья Ильич"), Some(Gender::Male));
        assert_eq!(ru_gender("Сергей"), Some(Gender::Male));
        assert_eq!(ru_gender("Саша"), None);
        assert_eq!(ru_gender("Anna"), None);
    }

    #[test]
    fn russian_counts_agree() {
        assert_eq!(ru_years(10), "1 год");
        assert_eq!(ru_years(240), "24 года");
        assert_eq!(ru_years(110), "11 лет");
        assert_eq!(ru_years(210), "21 год");
        assert_eq!(ru_years(340), "34 года");
        assert_eq!(ru_years(15), "1,5 года");
        assert_eq!(ru_status(Some(24), 10), "24 года, стаж 1 год");
        assert_eq!(ru_status(None, 10), "стаж 1 год");
        assert_eq!(ru_status(Some(22), 0), "22 года, без стажа");
        assert_eq!(ru_status(Some(55), 300), "55 лет, стаж 30 лет");
    }

    #[test]
    fn english_counts_and_lists() {
        assert_eq!(en_years(10), "1 year");
        assert_eq!(en_years(35), "3.5 years");
        assert_eq!(en_status(Some(24), 10), "age 24, 1 year of experience");
        assert_eq!(en_status(None, 0), "no experience yet");
        assert_eq!(
            join(&["a".into(), "b".into(), "c".into()], " and "),
            "a, b and c"
        );
        assert_eq!(en_deficit(0, "Irina"), "Irina's most pressing deficit");
        assert_eq!(en_deficit(1, "Jonas"), "Jonas' second deficit");
    }
}
