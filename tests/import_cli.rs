//! `revmap import` through the real binary, on the fixture surveys in tests/fixtures/import/
//! (written by its make.py): encodings, delimiters, workbooks, junk, missing columns, and
//! the 300-teacher school whose case must pass `revmap check`. Expected values come from the
//! fixture rows themselves.

use std::path::{Path, PathBuf};

mod common;

use common::revmap;
use revmap::domain::case::{Case, Role};
use revmap::store::case_file::load_case;

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

struct Run {
    code: Option<i32>,
    report: serde_json::Value,
    stderr: String,
    case: Option<Case>,
    _dir: tempfile::TempDir,
    out: PathBuf,
}

/// Imports `name` with a JSON report and loads the written case, if any.
fn import(name: &str, extra: &[&str]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("case.ron");
    let survey = fixture(name);
    let mut args = vec![
        "--lang",
        "en",
        "import",
        &survey,
        "-o",
        out.to_str().unwrap(),
        "--report",
        "json",
    ];
    args.extend_from_slice(extra);
    let o = revmap(&args);
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    let report = serde_json::from_str(&stderr).unwrap_or(serde_json::Value::Null);
    let case = out
        .exists()
        .then(|| load_case(&out).expect("the written case loads").0);
    Run {
        code: o.status.code(),
        report,
        stderr,
        case,
        _dir: dir,
        out,
    }
}

fn ids(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// (row, column letter, code) of every issue at `level`.
fn issues(report: &serde_json::Value, level: &str) -> Vec<(u64, String, String)> {
    report["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["level"] == level)
        .map(|i| {
            let col = i["column"].as_str().unwrap_or("");
            (
                i["row"].as_u64().unwrap_or(0),
                col.split(' ').next().unwrap_or("").to_string(),
                i["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn check_passes(path: &Path) {
    let o = revmap(&["check", path.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "revmap check: {}",
        String::from_utf8_lossy(&o.stdout)
    );
}

#[test]
fn cp1251_semicolon_csv_from_russian_excel() {
    let r = import("cp1251-semicolon.csv", &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(r.report["source"]["encoding"], "windows-1251");
    assert_eq!(r.report["source"]["delimiter"], ";");
    assert_eq!(r.report["header_row"], 2);
    let case = r.case.unwrap();
    let p = &case.participants;
    assert_eq!(p.len(), 5);
    assert_eq!(p[0].id, "p001");
    assert_eq!(p[0].name, "Дарья Андреевна");
    assert_eq!(p[0].surname.as_deref(), Some("Кузнецова"));
    assert_eq!((p[0].age, p[0].experience), (23, 1.5));
    assert_eq!(ids(&p[0].teaches), ["excel", "paragraf"]);
    assert_eq!(ids(&p[0].lacks), ["parent_meetings", "class_parents"]);
    assert_eq!((p[1].age, p[1].experience), (24, 2.0));
    assert_eq!(ids(&p[1].teaches), ["video", "powerpoint"]);
    assert_eq!(p[2].name, "Наталья Олеговна");
    assert_eq!(p[2].position, "senior");
    assert_eq!(p[3].position, "head_mo");
    // Ranked deficits keep their order; the unknown one is kept, for review, in place.
    assert_eq!(ids(&p[3].lacks), ["powerpoint", "video", "review-1"]);
    let review = case.topic("review-1").unwrap();
    assert_eq!(review.name, "нейросети");
    assert_eq!(p[4].position, "deputy");
    assert_eq!(p[4].role, Role::Administrator);
    assert_eq!(ids(&p[4].lacks), ["paragraf", "ovz"]);
    check_passes(&r.out);
}

#[test]
fn utf8_bom_csv_with_separate_name_columns_and_email() {
    let r = import("utf8-bom.csv", &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(r.report["source"]["encoding"], "UTF-8 with BOM");
    assert_eq!(r.report["source"]["delimiter"], ",");
    let p = r.case.unwrap().participants;
    assert_eq!(p[0].name, "Максим Олегович");
    assert_eq!(p[0].surname.as_deref(), Some("Егоров"));
    let email = p[0].contacts.as_ref().and_then(|c| c.email.as_deref());
    assert_eq!(email, Some("m.egorov@school.example"));
    assert_eq!(p[1].contacts, None);
    assert_eq!(ids(&p[0].teaches), ["website", "excel", "video"]);
    assert_eq!(ids(&p[0].lacks), ["patriotic_hours", "risk_parents"]);
    assert_eq!(ids(&p[1].lacks), ["contests", "risk_parents"]);
    assert_eq!(ids(&p[2].lacks), ["mechanics", "video"]);
    check_passes(&r.out);
}

#[test]
fn multi_line_cells_keep_ranked_deficits_in_order() {
    let r = import("multiline.csv", &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let p = r.case.unwrap().participants;
    assert_eq!(ids(&p[0].teaches), ["patriotic_hours", "website"]);
    assert_eq!(ids(&p[0].lacks), ["ovz", "class_docs", "excursions"]);
    assert_eq!(ids(&p[1].teaches), ["silver_age", "syntax"]);
    assert_eq!(ids(&p[1].lacks), ["powerpoint", "game_tech", "paragraf"]);
    assert_eq!(p[2].experience, 0.5);
    assert_eq!(ids(&p[2].teaches), ["powerpoint", "game_tech"]);
    assert_eq!(ids(&p[2].lacks), ["class_parents", "diagnostics"]);
    // Row numbers are Excel's even though cells span several lines of the file.
    let rows: Vec<u64> = r.report["mappings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["row"].as_u64().unwrap())
        .collect();
    assert_eq!(rows.first(), Some(&2));
    assert_eq!(rows.last(), Some(&4));
}

#[test]
fn xlsx_with_a_title_row_and_a_date_in_a_number_column() {
    let r = import("survey.xlsx", &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(r.report["source"]["sheet"], "Анкета");
    assert_eq!(r.report["header_row"], 2);
    assert_eq!(
        issues(&r.report, "error"),
        [(5, "D".to_string(), "bad-experience".to_string())]
    );
    let date = &r.report["issues"][0]["message"];
    assert!(date.as_str().unwrap().contains("as a date"), "{date}");
    let p = r.case.unwrap().participants;
    assert_eq!(p.len(), 3);
    assert_eq!((p[0].age, p[0].experience), (23, 1.5));
    assert_eq!(ids(&p[0].lacks), ["parent_meetings", "class_parents"]);
    assert_eq!(ids(&p[1].teaches), ["paragraf", "excel"]);
    assert_eq!(p[2].id, "p004");
    assert_eq!(ids(&p[2].lacks), ["video", "powerpoint"]);
    check_passes(&r.out);
}

#[test]
fn sheets_are_chosen_by_name_and_a_wrong_one_is_named() {
    let r = import("survey.xlsx", &["--sheet", "Итоги"]);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("no header row"), "{}", r.stderr);
    let r = import("survey.xlsx", &["--sheet", "Лист3"]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.contains("\\\"Анкета\\\", \\\"Итоги\\\""),
        "{}",
        r.stderr
    );
    assert!(!r.out.exists());
}

#[test]
fn missing_columns_exit_2_listing_the_columns_found() {
    let o = revmap(&["--lang", "en", "import", &fixture("missing-columns.csv")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty(), "no case on standard output");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("missing-columns.csv:1: missing column(s) lacks"),
        "{err}"
    );
    assert!(
        err.contains("A «ФИО», B «Возраст», C «Стаж», D «Могу научить»"),
        "{err}"
    );
}

#[test]
fn junk_rows_are_skipped_and_bad_rows_reported_with_row_and_column() {
    let r = import("junk-rows.csv", &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(r.report["header_row"], 4);
    assert_eq!(
        issues(&r.report, "error"),
        [
            (7, "C".to_string(), "bad-age".to_string()),
            (8, "D".to_string(), "experience-over-age".to_string()),
            (9, "B".to_string(), "no-name".to_string()),
        ]
    );
    let notes: Vec<u64> = issues(&r.report, "note").iter().map(|i| i.0).collect();
    assert_eq!(notes, [5, 11, 13]);
    assert_eq!(
        issues(&r.report, "warning"),
        [(12, "E".to_string(), "unknown-position".to_string())]
    );
    let p = r.case.unwrap().participants;
    let names: Vec<&str> = p.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Елена Аркадьевна", "Надежда Ивановна"]);
    assert_eq!(p[1].position, "teacher");
    check_passes(&r.out);
}

#[test]
fn text_report_points_at_row_and_column() {
    let o = revmap(&["--lang", "en", "import", &fixture("junk-rows.csv")]);
    assert_eq!(o.status.code(), Some(0));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("junk-rows.csv:7: C «Возраст»: error: «пятьдесят» expected an age"),
        "{err}"
    );
    // The case itself goes to standard output.
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.starts_with("Case("), "{text}");
}

#[test]
fn english_tsv_against_an_english_catalogue() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/demo.ron");
    let r = import("english.tsv", &["--catalogue", demo.to_str().unwrap()]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(r.report["source"]["delimiter"], "tab");
    let case = r.case.unwrap();
    let p = &case.participants;
    assert_eq!(
        (p[0].name.as_str(), p[0].surname.as_deref()),
        ("Anna", Some("Smith"))
    );
    assert_eq!(ids(&p[0].teaches)[0], "spreadsheets");
    assert_eq!(ids(&p[0].lacks), ["parents"]);
    assert_eq!(p[1].position, "deputy");
    assert_eq!(ids(&p[1].teaches), ["olympiad", "projects"]);
    assert_eq!(ids(&p[1].lacks), ["whiteboard"]);
    // A case given as the catalogue lends its organisations and resources.
    assert_eq!(case.organisations[0].id, "riverside");
    check_passes(&r.out);
}

#[test]
fn map_overrides_an_unrecognised_header() {
    let r = import("unknown-header.csv", &[]);
    assert_eq!(r.code, Some(2));
    assert!(r.report["error"].as_str().unwrap().contains("teaches"));
    for map in ["Темы=teaches", "D=teaches", "темы = teaches"] {
        let r = import("unknown-header.csv", &["--map", map]);
        assert_eq!(r.code, Some(0), "{map}: {}", r.stderr);
        let p = r.case.unwrap().participants;
        assert_eq!(ids(&p[0].teaches), ["excel"], "{map}");
    }
    let o = revmap(&[
        "import",
        &fixture("unknown-header.csv"),
        "--map",
        "Темы=topics",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown field"));
}

#[test]
fn a_bad_catalogue_is_refused() {
    let bad = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad/unknown-topic.ron");
    let r = import(
        "cp1251-semicolon.csv",
        &["--catalogue", bad.to_str().unwrap()],
    );
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.contains("catalogue file has errors"),
        "{}",
        r.stderr
    );
    assert!(!r.out.exists());
}

#[test]
fn a_school_of_300_becomes_a_checked_case_from_xlsx_and_csv_alike() {
    let xlsx = import("school-300.xlsx", &[]);
    let csv = import("school-300.csv", &[]);
    for r in [&xlsx, &csv] {
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        assert_eq!(r.report["rows"]["imported"], 297);
        assert_eq!(
            issues(&r.report, "error"),
            [
                (41, "C".to_string(), "bad-age".to_string()),
                (121, "D".to_string(), "experience-over-age".to_string()),
                (251, "B".to_string(), "no-name".to_string()),
            ]
        );
        check_passes(&r.out);
    }
    assert_eq!(xlsx.report["source"]["format"], "xlsx");
    assert_eq!(csv.report["source"]["encoding"], "windows-1251");
    // Two formats of one table give one case.
    let (a, b) = (xlsx.case.unwrap(), csv.case.unwrap());
    assert_eq!(a.participants, b.participants);
    assert_eq!(a.catalogue, b.catalogue);
}

#[test]
fn reimporting_with_the_first_case_as_catalogue_reuses_its_review_topics() {
    // The trainer's loop: import, rename or keep the review topics, import again against the
    // edited case; entries already reviewed land on the same topics, nothing new to review.
    let first = import("cp1251-semicolon.csv", &[]);
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    let again = import(
        "cp1251-semicolon.csv",
        &["--catalogue", first.out.to_str().unwrap()],
    );
    assert_eq!(again.code, Some(0), "{}", again.stderr);
    assert_eq!(again.report["review"].as_array().unwrap().len(), 0);
    let (a, b) = (first.case.unwrap(), again.case.unwrap());
    assert_eq!(a.participants, b.participants);
    check_passes(&again.out);
}

#[test]
fn the_report_speaks_russian_for_a_russian_trainer() {
    let o = revmap(&["import", &fixture("junk-rows.csv"), "--lang", "ru"]);
    assert_eq!(o.status.code(), Some(0));
    let err = String::from_utf8_lossy(&o.stderr);
    let line = "junk-rows.csv:7: C «Возраст»: ошибка: «пятьдесят» нужен возраст в годах, \
                например 34; строка не импортирована [bad-age]";
    assert!(err.contains(line), "{err}");
    assert!(
        err.contains("строки: импортировано 2, пропущено 3"),
        "{err}"
    );
    let o = revmap(&["import", &fixture("missing-columns.csv"), "--lang", "ru"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("нет столбцов: lacks"), "{err}");
}
