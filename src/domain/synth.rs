//! Synthetic cases of any size for drills and benchmarks: `revmap gen-case`.
//!
//! Deterministic: the same size, topics and seed give the same case byte for byte. The mix is
//! realistic in the ways pairing cares about: status spreads from 22-year-old novices to
//! 65-year-old deputies, younger people tend to offer digital topics and lack classroom craft,
//! everyone offers 2–5 topics and lacks 1–4, ranked.

use super::case::*;

/// A small, fast, well-mixed generator (SplitMix64). Not for cryptography.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + (self.next_u64() % u64::from(hi - lo + 1)) as u32
    }
    pub fn chance(&mut self, percent: u32) -> bool {
        self.range(1, 100) <= percent
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len() as u32 - 1) as usize]
    }
}

/// School 291's directions and topics (seed 003), in Russian and English.
/// (id, Russian name, English name, topics as (Russian, English)).
type BaseDirection = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

const BASE: &[BaseDirection] = &[
    (
        "method",
        "Методическое наставничество",
        "Methodical mentoring",
        &[
            (
                "Подготовка к конкурсам проф. мастерства",
                "Preparing for skill contests",
            ),
            ("Игровые образовательные технологии", "Game-based learning"),
            (
                "Учебно-исследовательская и проектная деятельность",
                "Research and project work",
            ),
            ("Кейс-технология", "Case technology"),
            ("Работа с обучающимися с ОВЗ", "Students with special needs"),
        ],
    ),
    (
        "subject",
        "Предметное наставничество",
        "Subject mentoring",
        &[
            (
                "Серебряный век русской поэзии",
                "Silver Age of Russian poetry",
            ),
            ("Физика. Механика", "Physics: mechanics"),
            ("Геометрия, 10 класс", "Geometry, 10th grade"),
            ("Синтаксис", "Syntax"),
            (
                "Обществознание. Финансовая грамотность",
                "Social studies: financial literacy",
            ),
        ],
    ),
    (
        "ict",
        "ИКТ-наставничество",
        "ICT mentoring",
        &[
            ("Microsoft Excel", "Microsoft Excel"),
            ("Создание сайта или страницы", "Building a website"),
            ("Создание видеороликов", "Making videos"),
            ("Microsoft PowerPoint", "Microsoft PowerPoint"),
            ("Базы данных, АИС «Параграф»", "Databases, AIS Paragraph"),
        ],
    ),
    (
        "psych",
        "Психолого-педагогическое сопровождение",
        "Psychological support of students",
        &[
            ("Работа с обучающимися группы риска", "Students at risk"),
            (
                "Диагностика обучающихся, адаптация",
                "Diagnostics and adaptation",
            ),
            (
                "Социальный паспорт класса",
                "The social passport of a class",
            ),
            (
                "Работа с родителями обучающихся группы риска",
                "Parents of students at risk",
            ),
            (
                "Подготовка к родительским собраниям",
                "Preparing parents' meetings",
            ),
        ],
    ),
    (
        "class",
        "Работа классного руководителя",
        "Class teacher's work",
        &[
            (
                "Документация классного руководителя",
                "Class teacher's documentation",
            ),
            ("Работа с родителями", "Work with parents"),
            ("Внеклассные мероприятия", "Extracurricular events"),
            (
                "Классные часы (патриотическое направление)",
                "Class hours (patriotic)",
            ),
            ("Экскурсионная работа", "Excursions"),
        ],
    ),
];

const NAMES_RU: &[&str] = &[
    "Анна",
    "Мария",
    "Елена",
    "Ольга",
    "Татьяна",
    "Наталья",
    "Ирина",
    "Светлана",
    "Юлия",
    "Дарья",
    "Алексей",
    "Сергей",
    "Андрей",
    "Дмитрий",
    "Павел",
    "Илья",
    "Максим",
    "Иван",
];
const SURNAMES_RU: &[&str] = &[
    "Иванова",
    "Смирнова",
    "Кузнецова",
    "Попова",
    "Соколова",
    "Лебедева",
    "Козлова",
    "Новикова",
    "Морозова",
    "Волкова",
    "Орлова",
    "Зайцева",
    "Павлова",
    "Семёнова",
    "Голубева",
    "Виноградова",
];
const NAMES_EN: &[&str] = &[
    "Anna", "Maria", "Helen", "Olga", "Tanya", "Natalie", "Irene", "Sophie", "Julia", "Daria",
    "Alex", "Sergio", "Andrew", "Dmitri", "Paul", "Elias", "Max", "John",
];
const SURNAMES_EN: &[&str] = &[
    "Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Thomas", "Roberts", "Walker",
    "Wright", "Green", "Hall", "Wood", "Clarke", "Hughes", "Turner",
];

/// What to generate.
#[derive(Debug, Clone)]
pub struct GenSpec {
    pub participants: usize,
    pub topics: usize,
    pub seed: u64,
    pub lang: String,
}

/// A synthetic case. Every topic is both offered and lacked, so the result checks clean.
pub fn generate(spec: &GenSpec) -> Case {
    let ru = spec.lang == "ru";
    let mut rng = Rng::new(spec.seed);
    // A tiny case cannot use a big catalogue; unused topics would only be noise.
    let topics = spec.topics.min(spec.participants.max(6)).max(2);
    let catalogue = catalogue(topics, ru);
    let topic_ids: Vec<(usize, Id)> = catalogue
        .directions
        .iter()
        .enumerate()
        .flat_map(|(d, dir)| dir.topics.iter().map(move |t| (d, t.id.clone())))
        .collect();
    let mut participants: Vec<Participant> = (0..spec.participants.max(2))
        .map(|i| person(i, &topic_ids, ru, &mut rng))
        .collect();
    cover_every_topic(&mut participants, &topic_ids, &mut rng);
    add_preferences(&mut participants, &mut rng);
    Case {
        version: CASE_VERSION,
        lang: spec.lang.clone(),
        title: if ru {
            format!("Синтетический кейс: {} педагогов", participants.len())
        } else {
            format!("Synthetic case: {} teachers", participants.len())
        },
        narrative: if ru {
            format!(
                "Сгенерировано командой `revmap gen-case` (seed {}) для тренировки и замеров.",
                spec.seed
            )
        } else {
            format!(
                "Generated by `revmap gen-case` (seed {}) for drills and benchmarks.",
                spec.seed
            )
        },
        organisations: vec![Organisation {
            id: "school".into(),
            name: if ru {
                "Школа".into()
            } else {
                "School".into()
            },
            kind: "school".into(),
            municipality: String::new(),
        }],
        catalogue,
        status_rule: StatusRule::default(),
        participants,
        resources: Vec::new(),
        fixed_pairs: Vec::new(),
        forbidden_pairs: Vec::new(),
        agenda: Vec::new(),
    }
}

fn catalogue(topics: usize, ru: bool) -> Catalogue {
    let mut directions: Vec<Direction> = BASE
        .iter()
        .map(|(id, ru_name, en_name, _)| Direction {
            id: (*id).into(),
            name: if ru { *ru_name } else { *en_name }.into(),
            topics: Vec::new(),
        })
        .collect();
    for k in 0..topics {
        let d = k % BASE.len();
        let (ru_t, en_t) = BASE[d].3[(k / BASE.len()) % BASE[d].3.len()];
        let round = k / (BASE.len() * 5);
        let base = if ru { ru_t } else { en_t };
        let name = if round == 0 {
            base.to_string()
        } else if ru {
            format!("{base} (уровень {})", round + 1)
        } else {
            format!("{base} (level {})", round + 1)
        };
        directions[d].topics.push(Topic {
            id: format!("{}-{}", BASE[d].0, k / BASE.len() + 1),
            name,
            aliases: Vec::new(),
        });
    }
    directions.retain(|d| !d.topics.is_empty());
    let positions = [
        ("teacher", "Учитель", "Teacher"),
        ("senior", "Старший учитель", "Senior teacher"),
        ("head", "Руководитель МО", "Head of department"),
        ("deputy", "Заместитель директора", "Deputy principal"),
    ];
    Catalogue {
        directions,
        positions: positions
            .iter()
            .enumerate()
            .map(|(i, (id, r, e))| Position {
                id: (*id).into(),
                name: if ru { *r } else { *e }.into(),
                rank: i as i32 + 1,
                aliases: Vec::new(),
            })
            .collect(),
        ..Catalogue::default()
    }
}

/// Young people lean to ICT (direction 2) as mentors; experienced ones to the rest.
fn person(i: usize, topics: &[(usize, Id)], ru: bool, rng: &mut Rng) -> Participant {
    let age = rng.range(22, 65) as i32;
    let max_exp = (age - 21).max(0) as u32;
    let experience = f64::from(rng.range(0, max_exp * 2)) / 2.0;
    let position = match (age, rng.range(1, 100)) {
        (a, r) if a > 45 && r > 85 => "deputy",
        (a, r) if a > 35 && r > 70 => "head",
        (a, r) if a > 28 && r > 50 => "senior",
        _ => "teacher",
    };
    let young = age < 35;
    let mut teaches = Vec::new();
    let mut lacks = Vec::new();
    let want_teach = rng.range(2, 5) as usize;
    let want_lack = rng.range(1, 4) as usize;
    let mut guard = 0;
    while (teaches.len() < want_teach || lacks.len() < want_lack) && guard < 200 {
        guard += 1;
        let (dir, id) = rng.pick(topics);
        if teaches.contains(id) || lacks.contains(id) {
            continue;
        }
        let digital = *dir == 2;
        let leans_teach = digital == young;
        let teach = if teaches.len() >= want_teach {
            false
        } else if lacks.len() >= want_lack {
            true
        } else {
            rng.chance(if leans_teach { 75 } else { 25 })
        };
        if teach {
            teaches.push(id.clone());
        } else {
            lacks.push(id.clone());
        }
    }
    let (names, surnames) = if ru {
        (NAMES_RU, SURNAMES_RU)
    } else {
        (NAMES_EN, SURNAMES_EN)
    };
    Participant {
        id: format!("p{:05}", i + 1),
        name: rng.pick(names).to_string(),
        surname: Some(rng.pick(surnames).to_string()),
        contacts: None,
        role: Role::Teacher,
        age,
        experience,
        position: position.into(),
        organisation: Some("school".into()),
        teaches,
        lacks,
        prefers: Vec::new(),
        capacity: rng.chance(20).then(|| rng.range(2, 3)),
    }
}

/// Makes sure every topic is offered by someone and lacked by someone, so no deficit is
/// unfillable by construction and no topic is unused.
fn cover_every_topic(people: &mut [Participant], topics: &[(usize, Id)], rng: &mut Rng) {
    let n = people.len();
    for (_, id) in topics {
        if !people.iter().any(|p| p.teaches.contains(id)) {
            let who = free_slot(people, id, rng, n, |p| p.teaches.len() < 6);
            if let Some(i) = who {
                people[i].teaches.push(id.clone());
            } else if let Some(i) = people
                .iter()
                .position(|p| p.lacks.len() > 1 && p.lacks.contains(id))
            {
                // Tiny cases: everyone lacks it; one of them turns out to know it after all.
                people[i].lacks.retain(|t| t != id);
                people[i].teaches.push(id.clone());
            }
        }
        if !people.iter().any(|p| p.lacks.contains(id)) {
            let who = free_slot(people, id, rng, n, |p| p.lacks.len() < 5);
            if let Some(i) = who {
                people[i].lacks.push(id.clone());
            }
        }
    }
}

fn free_slot(
    people: &[Participant],
    id: &Id,
    rng: &mut Rng,
    n: usize,
    room: impl Fn(&Participant) -> bool,
) -> Option<usize> {
    let start = rng.range(0, n as u32 - 1) as usize;
    (0..n).map(|k| (start + k) % n).find(|&i| {
        room(&people[i]) && !people[i].teaches.contains(id) && !people[i].lacks.contains(id)
    })
}

/// One in ten mentees names a preferred mentor among those offering their first deficit.
fn add_preferences(people: &mut [Participant], rng: &mut Rng) {
    let n = people.len();
    for i in 0..n {
        if !rng.chance(10) {
            continue;
        }
        let Some(first) = people[i].lacks.first().cloned() else {
            continue;
        };
        let start = rng.range(0, n as u32 - 1) as usize;
        let found = (0..n.min(500))
            .map(|k| (start + k) % n)
            .find(|&j| j != i && people[j].teaches.contains(&first));
        if let Some(j) = found {
            let id = people[j].id.clone();
            people[i].prefers.push(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::validate::validate;

    fn spec(n: usize, seed: u64) -> GenSpec {
        GenSpec {
            participants: n,
            topics: 25,
            seed,
            lang: "en".into(),
        }
    }

    #[test]
    fn same_seed_same_case() {
        assert_eq!(generate(&spec(50, 7)), generate(&spec(50, 7)));
        assert_ne!(generate(&spec(50, 7)), generate(&spec(50, 8)));
    }

    #[test]
    fn generated_cases_validate_without_findings() {
        for (n, seed) in [(2, 1), (10, 2), (300, 3)] {
            let case = generate(&spec(n, seed));
            let found = validate(&case);
            assert!(found.is_empty(), "n={n}: {found:#?}");
            assert_eq!(case.participants.len(), n);
        }
    }

    #[test]
    fn offers_and_deficits_within_bounds() {
        let case = generate(&spec(500, 11));
        for p in &case.participants {
            assert!(p.teaches.len() >= 2, "{p:?}");
            assert!(!p.lacks.is_empty());
            assert!(p.experience <= f64::from(p.age));
        }
        let ages: Vec<i32> = case.participants.iter().map(|p| p.age).collect();
        assert!(ages.iter().min().unwrap() < &30 && ages.iter().max().unwrap() > &55);
    }

    #[test]
    fn topic_count_is_respected() {
        let mut s = spec(100, 1);
        s.topics = 60;
        assert_eq!(generate(&s).topics().count(), 60);
    }
}
