//! The import never panics and never writes a case that fails `revmap check`, whatever the
//! table holds: random bytes, and random tables built from real headers and hostile cells.
//! (The cargo-fuzz target in fuzz/ explores further; this runs in every `cargo test`.)

use proptest::prelude::*;

use revmap::import::{ImportOptions, import_bytes};
use revmap::store::case_file::check_case_text;
use revmap::store::ron_io;

fn holds_its_promise(bytes: &[u8]) {
    let result = import_bytes("random.csv", bytes, &ImportOptions::default());
    if std::env::var_os("IMPORT_ROBUST_TRACE").is_some() {
        eprintln!("ok={}", result.is_ok());
    }
    if let Ok(imported) = result {
        assert!(imported.report.check.errors.is_empty());
        let text = ron_io::to_pretty(&imported.case).unwrap();
        let checked = check_case_text("random.ron", &text);
        assert_eq!(
            checked.report.errors(),
            0,
            "{:?}",
            checked.report.diagnostics
        );
        let _ = imported.report.render_text();
    }
}

const HEADERS: &[&str] = &[
    "ФИО",
    "Фамилия",
    "Имя",
    "Отчество",
    "Возраст",
    "Стаж",
    "Должность",
    "Могу научить",
    "Хочу научиться",
    "E-mail",
    "Телефон",
    "Роль",
    "Сколько наставляемых",
    "Желаемый наставник",
    "Школа",
    "№",
    "",
];

const CELLS: &[&str] = &[
    "Иванова Мария Петровна",
    "Петров",
    "",
    " ",
    "45",
    "15 лет",
    "1,5",
    "-3",
    "999999999999",
    "NaN",
    "inf",
    "1e308",
    "учитель",
    "зам. директора",
    "эксель, видео монтаж",
    "1. ОВЗ\n2. сайт",
    "нейросети",
    "\u{1b}[31mred",
    "\u{202E}evil",
    "\0",
    "\"",
    "\"\"",
    ";",
    ",",
    "\t",
    "\r\n",
    "Итого",
    "Иванова М.П.",
    "2 человека",
    "0",
    "a@b.c",
    "ё",
    "ЁЁЁ",
];

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(CELLS).prop_map(str::to_string),
        ".{0,12}",
    ]
}

fn quote(c: &str) -> String {
    format!("\"{}\"", c.replace('"', "\"\""))
}

/// A plausible cell for a column, or now and then a hostile one.
fn cell_for(header: &'static str) -> BoxedStrategy<String> {
    let good: &'static [&'static str] = match header {
        "ФИО" => &[
            "Иванова Мария Петровна",
            "Петров Олег",
            "Anna Smith",
            "Сидорова",
        ],
        "Возраст" => &["25", "45 лет", "60", "33,0"],
        "Стаж" => &["1,5", "3 года", "10", "полгода", "5 лет 6 мес"],
        "Могу научить" | "Хочу научиться" => &[
            "эксель, видео монтаж",
            "1. ОВЗ\n2. сайт",
            "нейросети; Excel таблицы",
            "работа с родителями трудных",
            "нет",
        ],
        _ => return cell().boxed(),
    };
    prop_oneof![4 => prop::sample::select(good).prop_map(str::to_string), 1 => cell()].boxed()
}

fn table() -> impl Strategy<Value = Vec<u8>> {
    let required = ["ФИО", "Возраст", "Стаж", "Могу научить", "Хочу научиться"];
    let headers =
        prop::collection::vec(prop::sample::select(HEADERS), 0..6).prop_flat_map(move |extra| {
            let mut all: Vec<&'static str> = required.to_vec();
            all.extend(extra);
            Just(all).prop_shuffle()
        });
    let with_rows = headers.prop_flat_map(|headers| {
        let row: Vec<BoxedStrategy<String>> = headers.iter().map(|h| cell_for(h)).collect();
        (Just(headers), prop::collection::vec(row, 0..8))
    });
    (
        with_rows,
        prop::sample::select(vec![";", ",", "\t"]),
        any::<bool>(),
    )
        .prop_map(|((headers, rows), sep, cp1251)| {
            let mut text = headers.join(sep);
            for r in rows {
                text.push('\n');
                let cells: Vec<String> = r.iter().map(|c| quote(c)).collect();
                text.push_str(&cells.join(sep));
            }
            if cp1251 {
                encoding_rs::WINDOWS_1251.encode(&text).0.into_owned()
            } else {
                text.into_bytes()
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        holds_its_promise(&bytes);
    }

    #[test]
    fn random_tables_give_checked_cases_or_clear_errors(bytes in table()) {
        holds_its_promise(&bytes);
    }
}

#[test]
fn the_required_columns_with_hostile_cells_import() {
    let csv = "ФИО;Возраст;Стаж;Могу научить;Хочу научиться\n\
               \"Иванова\u{1b}[2J Мария\";30;5;\"эксель\u{0}\";\"видео\u{202E}\"\n\
               Петров Олег;50;25;видео;эксель\n";
    let imported = import_bytes("hostile.csv", csv.as_bytes(), &ImportOptions::default()).unwrap();
    let p = &imported.case.participants[0];
    assert!(!p.name.contains('\u{1b}') && !p.surname.as_deref().unwrap().contains('\u{1b}'));
    holds_its_promise(csv.as_bytes());
}
