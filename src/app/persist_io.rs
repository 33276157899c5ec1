//! The loop's file work for `persist`: saving, exporting, reading another team's session,
//! discarding a recovery copy, and autosave. Each returns the `Msg` that reports back.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::clock::now_rfc3339;
use super::model::{Model, Popup};
use super::msg::{ExportJob, Msg, SaveJob, Saved};
use super::persist::snapshot;
use crate::export::Format;
use crate::export::session::{Options, session_doc};
use crate::store::autosave::Autosave;
use crate::store::document::{Document, check_file};
use crate::store::library;
use crate::store::output::write_output;
use crate::store::recovery::Recovery;
use crate::store::session_file::{default_path, describe_io, save_session};

/// Saves the job's session; on success the recovery copy goes and the file becomes recent
/// (both in the data folder `data`, when there is one).
pub fn save(job: SaveJob, data: Option<&Path>) -> Msg {
    let path = job
        .path
        .unwrap_or_else(|| default_path(Path::new("."), &job.stem));
    let mut session = job.session;
    let result = save_session(&path, &mut session, &now_rfc3339())
        .map(|()| {
            if let Some(dir) = data {
                let _ = Recovery::in_data_dir(dir).discard(&session.id);
                let _ = library::push_recent(dir, &path);
            }
            Box::new(Saved {
                path,
                id: session.id,
                modified: session.modified,
                case_hash: session.case_hash,
                quit: job.quit,
            })
        })
        .map_err(|e| e.to_string());
    Msg::Saved(result)
}

/// Writes printable HTML beside the session file (or beside where it will be saved).
pub fn export(job: ExportJob) -> Msg {
    let path = match &job.file {
        Some(f) => f.with_extension("html"),
        None => PathBuf::from(format!("{}.html", job.stem)),
    };
    let doc = session_doc(
        &job.session,
        Options {
            lang: job.lang,
            privacy: job.privacy,
        },
    );
    let inputs: Vec<&Path> = job.file.iter().map(PathBuf::as_path).collect();
    let result = write_output(&path, &Format::Html.render(&doc), &inputs).map(|()| path);
    Msg::Exported(result)
}

/// Reads another team's session file for the compare view.
pub fn load_compare(path: &Path) -> Msg {
    let checked = check_file(path);
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into(),
    );
    let result = match checked.value {
        Some(Document::Session(s)) => Ok(s),
        Some(Document::Case(_)) => Err("a case, not a session".to_string()),
        None => {
            let mut text = String::new();
            checked.report.render_text(&mut text);
            Err(text.lines().next().unwrap_or_default().to_string())
        }
    };
    Msg::CompareLoaded { file, result }
}

/// Writes the recovery copy when autosave says it is due; counts changes by the model's
/// revision. A failed write is retried later and said once on the status line.
pub fn autosave_tick(model: &mut Model, state: &mut AutosaveState, now: Instant) {
    if model.revision != state.seen {
        state.seen = model.revision;
        state.timer.changed(now);
    }
    if !unsaved(model) {
        state.timer.written();
        return;
    }
    if !state.timer.due(now) {
        return;
    }
    match write_recovery(model) {
        None => {}
        Some(Ok(_)) => state.timer.written(),
        Some(Err(e)) => {
            state.timer.failed(now);
            let p = model.strings().persist;
            model.notice = Some(crate::i18n::fill(
                p.autosave_failed,
                &[("error", &describe_io(&e))],
            ));
        }
    }
}

/// Whether the model holds work no file holds: changes not saved, or typing not accepted.
fn unsaved(model: &Model) -> bool {
    model.dirty || matches!(model.popup, Some(Popup::Editor(_)))
}

/// Writes the recovery copy of the unsaved work now; `None` when there is nothing unsaved
/// or no data folder to write to.
pub fn write_recovery(model: &Model) -> Option<std::io::Result<PathBuf>> {
    if !unsaved(model) {
        return None;
    }
    let recovery = model.recovery()?;
    Some(recovery.write(&snapshot(model), model.file.as_deref()))
}

/// SIGTERM or SIGHUP: nobody is there to answer "save before quitting?", so the answer is
/// yes where it is safe. The recovery copy is written first (quick, and it survives a save
/// that hangs or fails); a session that has its own file is then saved to it, as quitting
/// with "yes" would; the recovery copy is written again if something is still unsaved
/// afterwards (typing not accepted, a failed save). A session never saved gets no new
/// file: its work waits in the recovery copy, offered at the next start.
pub fn save_before_exit(model: &mut Model) {
    let _ = write_recovery(model);
    if model.dirty
        && model.file.is_some()
        && let Some(super::msg::Cmd::Save(job)) = super::persist::save(model, None, true)
    {
        let saved = save(*job, model.data.as_deref());
        if let Msg::Saved(result) = saved {
            super::persist::saved(model, result);
        }
    }
    let _ = write_recovery(model);
}

/// What the loop keeps between ticks.
#[derive(Debug, Default)]
pub struct AutosaveState {
    pub timer: Autosave,
    /// The model revision last seen.
    pub seen: u64,
}

impl AutosaveState {
    /// How long the loop may wait for an event before autosave needs it.
    pub fn wait(&self, now: Instant, longest: std::time::Duration) -> std::time::Duration {
        self.timer
            .deadline()
            .map_or(longest, |d| d.saturating_duration_since(now).min(longest))
    }

    pub fn new(model: &Model) -> AutosaveState {
        AutosaveState {
            timer: Autosave::default(),
            seen: model.revision,
        }
    }
}
