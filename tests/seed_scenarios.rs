//! The seed scenarios are what the seeds describe: School 291's network, Kvantorium's groups.

use std::path::Path;

use revmap::store::case_file::load_case;

fn scenarios() -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

#[test]
fn the_seed_scenarios_are_shipped() {
    let names: Vec<String> = scenarios()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for want in [
        "demo.ron",
        "school-291.ron",
        "kvantorium-quest.ron",
        "tyumen-seminar.ron",
    ] {
        assert!(names.iter().any(|n| n == want), "missing {want}: {names:?}");
    }
}

#[test]
fn school_291_is_a_neural_network() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/school-291.ron");
    let (case, _) = load_case(&path).unwrap();
    assert!(case.participants.len() >= 40);
    assert_eq!(case.catalogue.directions.len(), 5);
    assert!(
        case.catalogue
            .directions
            .iter()
            .all(|d| d.topics.len() == 5)
    );
    // Most teachers are both mentor (in one direction) and mentee (in another).
    let both = case
        .participants
        .iter()
        .filter(|p| {
            let dirs = |ids: &[String]| -> Vec<String> {
                ids.iter()
                    .filter_map(|t| case.direction_of(t).map(|d| d.id.clone()))
                    .collect()
            };
            let (t, l) = (dirs(&p.teaches), dirs(&p.lacks));
            !t.is_empty() && !l.is_empty() && l.iter().any(|d| !t.contains(d))
        })
        .count();
    assert!(both * 10 >= case.participants.len() * 7, "{both}");
}

#[test]
fn kvantorium_students_lead_groups() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/kvantorium-quest.ron");
    let (case, _) = load_case(&path).unwrap();
    use revmap::domain::case::Role;
    let students: Vec<_> = case
        .participants
        .iter()
        .filter(|p| p.role == Role::Student)
        .collect();
    assert!(students.len() >= 5);
    assert!(students.iter().all(|s| s.capacity() >= 3 && s.age <= 18));
}
