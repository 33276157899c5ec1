//! The pairing engine on the seeds' scenarios: golden pair lists with their reasons, and the
//! facts behind them checked by hand (see each test). Plus every shipped scenario in every mode.

use std::path::{Path, PathBuf};

use revmap::cli::pair::{Format, render};
use revmap::domain::case::Case;
use revmap::domain::pairing::{
    Mode, Overrides, Pairing, Reason, explain, explain_unmatched, solve,
};
use revmap::i18n::Lang;
use revmap::store::case_file::load_case;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn case(rel: &str) -> Case {
    load_case(&root().join(rel))
        .unwrap_or_else(|_| panic!("{rel} loads"))
        .0
}

fn pairs(p: &Pairing) -> Vec<(&str, &str, &str)> {
    p.pairs
        .iter()
        .map(|x| (x.mentor.as_str(), x.mentee.as_str(), x.topic.as_str()))
        .collect()
}

fn snapshot(rel: &str, mode: Mode, lang: Lang) -> (Case, Pairing) {
    let c = case(rel);
    let p = solve(&c, mode, &Overrides::default()).unwrap();
    let text = render(&c, &p, Format::Text, lang);
    let name = format!(
        "{}-{}-{lang:?}",
        Path::new(rel).file_stem().unwrap().to_string_lossy(),
        mode.key()
    );
    insta::assert_snapshot!(name, text);
    (c, p)
}

/// Seed 001: each student leads a group of three teachers (their capacity); the young teacher
/// takes the deputy; Darya herself is unmatched because only senior colleagues teach projects.
#[test]
fn kvantorium_students_lead_groups() {
    let (_, p) = snapshot(
        "tests/fixtures/pairing/kvantorium-mini.ron",
        Mode::Group,
        Lang::Ru,
    );
    let by = |m: &str| p.pairs.iter().filter(|x| x.mentor == m).count();
    assert_eq!((by("artem"), by("polina")), (3, 3));
    assert!(pairs(&p).contains(&("darya", "tatiana", "padlet")));
    assert_eq!(
        p.objective.served, 7,
        "every mentee with a lower-status offerer is served"
    );
    assert_eq!(p.unmatched.len(), 1);
    assert!(matches!(
        p.unmatched[0].reason,
        Reason::AllOfferersHigher { .. }
    ));
    // One-to-one: a student takes one teacher only, so fewer are served.
    let (_, one) = snapshot(
        "tests/fixtures/pairing/kvantorium-mini.ron",
        Mode::OneToOne,
        Lang::Ru,
    );
    assert_eq!(one.objective.served, 3);
}

/// Seed 003: the fixed pair is kept and marked, the forbidden one never appears, and Anna with
/// capacity 2 serves both of Irina's deficits in network mode.
#[test]
fn school_291_network_keeps_the_fixed_pair() {
    let (_, p) = snapshot(
        "tests/fixtures/pairing/school-291-mini.ron",
        Mode::Network,
        Lang::Ru,
    );
    let fixed = p
        .pairs
        .iter()
        .find(|x| x.mentor == "maxim" && x.mentee == "olga")
        .unwrap();
    assert!(fixed.locked);
    assert_eq!(fixed.topic, "paragraph");
    assert!(
        !p.pairs
            .iter()
            .any(|x| x.mentor == "anna" && x.mentee == "tatiana")
    );
    assert!(pairs(&p).contains(&("anna", "irina", "excel")));
    assert!(pairs(&p).contains(&("anna", "irina", "video")));
    let (_, chosen) = snapshot(
        "tests/fixtures/pairing/school-291-mini.ron",
        Mode::Choose,
        Lang::Ru,
    );
    // Irina named Anna first, and Anna can teach her: she gets Anna.
    assert!(
        chosen
            .pairs
            .iter()
            .any(|x| x.mentor == "anna" && x.mentee == "irina")
    );
    snapshot(
        "tests/fixtures/pairing/school-291-mini.ron",
        Mode::OneToOne,
        Lang::Ru,
    );
}

/// Seed 004: two mutual pairs are possible at most (Kirill can teach nobody back who could
/// teach him), and each carries the topic taught back.
#[test]
fn passport_pairs_teach_both_ways() {
    let (_, p) = snapshot(
        "tests/fixtures/pairing/passport.ron",
        Mode::Mutual,
        Lang::Ru,
    );
    assert_eq!(p.pairs.len(), 2);
    assert!(p.pairs.iter().all(|x| x.evidence.back_topic.is_some()));
    let kirill = p
        .unmatched
        .iter()
        .find(|u| u.participant == "kirill")
        .unwrap();
    assert_eq!(kirill.reason, Reason::NoMutualPartner);
}

/// The shipped seed scenarios in the mode each was written for; the fixed pairs are checked
/// for every scenario and mode below.
#[test]
fn shipped_seed_scenarios() {
    snapshot("scenarios/kvantorium-quest.ron", Mode::Group, Lang::Ru);
    snapshot("scenarios/school-291.ron", Mode::Network, Lang::Ru);
    snapshot("scenarios/tyumen-seminar.ron", Mode::OneToOne, Lang::Ru);
    snapshot("scenarios/tyumen-seminar.ron", Mode::Mutual, Lang::Ru);
}

#[test]
fn demo_in_every_mode() {
    for mode in Mode::ALL {
        snapshot("scenarios/demo.ron", mode, Lang::En);
    }
}

fn scenarios() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = ["scenarios", "tests/fixtures/pairing"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root().join(d)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    v.sort();
    v
}

/// Every scenario, every mode, both languages: a sentence for every pair and every unmatched
/// participant, no surname or contact ever printed, and the same output twice.
#[test]
fn every_scenario_every_mode_explains_itself() {
    for file in scenarios() {
        let (c, _) = load_case(&file).unwrap_or_else(|_| panic!("{} loads", file.display()));
        let surnames: Vec<&str> = c
            .participants
            .iter()
            .filter_map(|p| p.surname.as_deref())
            .collect();
        let contacts: Vec<&str> = c
            .participants
            .iter()
            .filter_map(|p| p.contacts.as_ref())
            .flat_map(|c| c.email.iter().chain(&c.phone))
            .map(String::as_str)
            .collect();
        for mode in Mode::ALL {
            let p = solve(&c, mode, &Overrides::default()).unwrap();
            for f in &c.fixed_pairs {
                let kept = p.pairs.iter().any(|x| {
                    x.locked
                        && x.mentor == f.mentor
                        && x.mentee == f.mentee
                        && f.topic.as_ref().is_none_or(|t| *t == x.topic)
                });
                assert!(kept, "{} {mode:?}: fixed pair {f:?} kept", file.display());
            }
            for x in &p.pairs {
                let forbidden = c.forbidden_pairs.iter().any(|f| {
                    f.mentor == x.mentor
                        && f.mentee == x.mentee
                        && f.topic.as_ref().is_none_or(|t| *t == x.topic)
                });
                assert!(!forbidden, "{} {mode:?}: forbidden {x:?}", file.display());
            }
            for lang in [Lang::En, Lang::Ru] {
                let mut all = String::new();
                for pair in &p.pairs {
                    let s = explain(pair, &c, lang);
                    assert!(s.len() > 20 && s.ends_with('.'), "{s}");
                    all.push_str(&s);
                }
                for u in &p.unmatched {
                    let s = explain_unmatched(u, &c, lang);
                    assert!(s.len() > 20 && s.ends_with('.'), "{s}");
                    all.push_str(&s);
                }
                let text = render(&c, &p, Format::Text, lang);
                assert_eq!(text, render(&c, &p, Format::Text, lang));
                // Surnames as whole words: one may begin a patronymic (Степанов, Степановна).
                let words: Vec<&str> = all.split(|c: char| !c.is_alphanumeric()).collect();
                let text_words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
                for s in surnames.iter().filter(|s| !s.is_empty()) {
                    assert!(
                        !words.contains(s) && !text_words.contains(s),
                        "{} {mode:?}: surname {s} leaked",
                        file.display()
                    );
                }
                for s in contacts.iter().filter(|s| !s.is_empty()) {
                    assert!(!all.contains(s) && !text.contains(s), "contact {s} leaked");
                }
            }
        }
    }
}
