//! Test helpers shared by the integration tests: sessions with every part filled in.
#![allow(dead_code, unused_macros)]

pub mod hostile;
#[macro_use]
pub mod tmux;

use std::path::{Path, PathBuf};

use revmap::domain::case::{Case, PairRef};
use revmap::domain::pairing::{Evidence, Mode, Objective, Pair, Pairing, Reason, Unmatched};
use revmap::domain::session::{
    Activity, Entry, Field, Growth, Map, Passport, Section, Session, Subject,
};
use revmap::domain::status::Status;
use revmap::store::case_file::load_case;
use revmap::store::session_file::new_session;

/// Runs the real binary with `args`.
pub fn revmap(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_revmap"))
        .args(args)
        .output()
        .expect("run revmap")
}

/// Asserts the exit code, showing what the binary said on stderr when it differs.
pub fn assert_exit(out: &std::process::Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn scenarios() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("scenarios"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    v.sort();
    v
}

pub fn case(path: &Path) -> Case {
    load_case(path)
        .unwrap_or_else(|r| panic!("{}: {} errors", path.display(), r.errors()))
        .0
}

/// A session on `case` with goals in every section, a lock, a forbid, pairs (formed greedily
/// here: each mentee's first deficit someone lower in status teaches), the unmatched, and a
/// map with every passport field and activities for the first pair. Text includes Cyrillic,
/// quotes, backslashes and newlines, which the file format must carry unchanged.
pub fn rich_session(case: Case) -> Session {
    let mut s = new_session(case, "2026-05-16T10:30:00Z");
    s.team = "Команда 3 \"Сова\"".into();
    for (i, section) in Section::ALL.into_iter().enumerate() {
        s.goals.section_mut(section).push(Entry {
            text: format!("Пункт {i}: «кавычки» \"q\" \\ back\\slash"),
            from_catalogue: false,
            resource: None,
        });
    }
    if let Some(r) = s.case.resources.first() {
        s.goals.resources.push(Entry {
            text: r.name.clone(),
            from_catalogue: true,
            resource: Some(r.id.clone()),
        });
    }
    let pairing = greedy_pairs(&s.case);
    if let Some(p) = pairing.pairs.first() {
        s.pairing.overrides.locked.push(PairRef {
            mentor: p.mentor.clone(),
            mentee: p.mentee.clone(),
            topic: Some(p.topic.clone()),
        });
        s.maps.push(full_map(&s.case, p));
    }
    if let Some(p) = pairing.pairs.get(1) {
        s.pairing.overrides.forbidden.push(PairRef {
            mentor: p.mentee.clone(),
            mentee: p.mentor.clone(),
            topic: None,
        });
    }
    s.pairing.result = Some(pairing);
    s
}

pub fn full_map(case: &Case, p: &Pair) -> Map {
    let mut passport = Passport::default();
    for (i, f) in Field::ALL.into_iter().enumerate() {
        *passport.get_mut(f) = format!("Поле {i}\nвторая строка — {}", p.topic);
    }
    let resources = case
        .resources
        .iter()
        .take(1)
        .map(|r| r.id.clone())
        .collect();
    Map {
        subject: Subject::Pair(PairRef {
            mentor: p.mentor.clone(),
            mentee: p.mentee.clone(),
            topic: Some(p.topic.clone()),
        }),
        passport,
        cycle_months: 12,
        activities: vec![
            Activity {
                month: 1,
                title: "Знакомство и диагностика".into(),
                growth: Growth::Skill,
                form: "встреча пары".into(),
                topics: vec![p.topic.clone()],
                resources,
            },
            Activity {
                month: 6,
                title: "Joint open lesson".into(),
                growth: Growth::Mastery,
                form: "open lesson".into(),
                topics: vec![],
                resources: vec![],
            },
        ],
    }
}

/// Pairs good enough for file-format tests: mentee by mentee, the first deficit taught by
/// a free participant who is lower in status under the case's rule.
pub fn greedy_pairs(case: &Case) -> Pairing {
    let rule = &case.status_rule;
    let mut busy_mentors = std::collections::HashSet::new();
    let mut pairs = Vec::new();
    let mut unmatched = Vec::new();
    for mentee in &case.participants {
        let found = mentee.lacks.iter().enumerate().find_map(|(rank, topic)| {
            case.participants
                .iter()
                .filter(|m| m.id != mentee.id && !busy_mentors.contains(&m.id))
                .filter(|m| m.teaches.contains(topic))
                .map(|m| (m, rule.judge(Status::of(case, m), Status::of(case, mentee))))
                .find(|(_, v)| v.holds)
                .map(|(m, v)| (rank, topic, m, v))
        });
        match found {
            Some((rank, topic, mentor, v)) => {
                busy_mentors.insert(mentor.id.clone());
                pairs.push(Pair {
                    mentor: mentor.id.clone(),
                    mentee: mentee.id.clone(),
                    topic: topic.clone(),
                    score: 100 - rank as i64,
                    evidence: Evidence {
                        deficit_rank: rank as u32,
                        gap: v.gap,
                        lower_on: v.lower_on.iter().collect(),
                        preference: None,
                        reciprocal: mentor
                            .lacks
                            .iter()
                            .filter(|t| mentee.teaches.contains(t))
                            .cloned()
                            .collect(),
                        back_topic: None,
                    },
                    locked: false,
                });
            }
            None if !mentee.lacks.is_empty() => unmatched.push(Unmatched {
                participant: mentee.id.clone(),
                topics: mentee.lacks.clone(),
                reason: Reason::NobodyOffers,
            }),
            None => {}
        }
    }
    let served = pairs.len() as u64;
    let score = pairs.iter().map(|p| p.score).sum();
    Pairing {
        mode: Mode::OneToOne,
        pairs,
        unmatched,
        blocking: vec![],
        objective: Objective { served, score },
    }
}

/// A folder the current user really cannot write to. `chmod` is not enough for root (tests
/// may run as root in CI containers), so the immutable attribute is tried as well. `None`
/// when neither works here; callers skip with a message then.
pub struct ReadOnlyDir {
    pub dir: tempfile::TempDir,
    immutable: bool,
}

impl ReadOnlyDir {
    pub fn new(prepare: impl FnOnce(&Path)) -> Option<ReadOnlyDir> {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        prepare(dir.path());
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
        let mut guard = ReadOnlyDir {
            dir,
            immutable: false,
        };
        if guard.writable() {
            guard.immutable = std::process::Command::new("chattr")
                .arg("+i")
                .arg(guard.dir.path())
                .status()
                .is_ok_and(|s| s.success());
        }
        (!guard.writable()).then_some(guard)
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    fn writable(&self) -> bool {
        let probe = self.dir.path().join(".probe");
        let ok = std::fs::write(&probe, b"x").is_ok();
        let _ = std::fs::remove_file(&probe);
        ok
    }
}

impl Drop for ReadOnlyDir {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.immutable {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(self.dir.path())
                .status();
        }
        let _ = std::fs::set_permissions(self.dir.path(), std::fs::Permissions::from_mode(0o755));
    }
}
