//! Carries out effects against the store (and the report worker) and reports
//! what happened as outcomes. A change is reported saved only once committed.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::bundle::Bundle;
use crate::content::PackSource;
use crate::domain::assessment::{Answer, Assessment, AssessmentId, EquipmentRecord};
use crate::domain::lang::Lang;
use crate::domain::pack::Pack;
use crate::domain::post::{Post, PostCode};
use crate::domain::scoring::{AssessmentScore, score_assessment_at};
use crate::messages::{Surface, errors};
use crate::store::{NewAssessment, Store, StoreError};

use super::action::{AssessmentSummary, HomeData, NoteFailure, Outcome, Previous, Refresh};
use super::effect::Effect;
use super::state::NoteTarget;

struct Parts {
    header: Assessment,
    post: Post,
    answers: Vec<Answer>,
    equipment: Vec<EquipmentRecord>,
}

/// Where results of work done on other threads (the PDF export) are sent.
pub type Sink = Arc<dyn Fn(Outcome) + Send + Sync>;

pub struct Runner {
    store: Store,
    content_dir: Option<PathBuf>,
    /// The interface's language, for the messages of failures.
    lang: Lang,
    /// Packs pinned by assessments, by content hash: parsed once per session.
    packs: HashMap<String, Pack>,
    /// The pack new assessments are made with.
    current: Option<(PackSource, Pack)>,
    background: Option<Sink>,
    /// The database's file, beside which unsaved text is kept.
    db_path: Option<PathBuf>,
}

impl Runner {
    pub fn new(store: Store, content_dir: Option<PathBuf>, lang: Lang) -> Self {
        Runner {
            store,
            content_dir,
            lang,
            packs: HashMap::new(),
            current: None,
            background: None,
            db_path: None,
        }
    }

    /// Where the database lives (recovery files go beside it).
    pub fn set_db_path(&mut self, path: PathBuf) {
        self.db_path = Some(path);
    }

    /// Runs exports on their own thread, reporting to `sink`; without it they
    /// run in place (tests).
    pub fn set_background(&mut self, sink: Sink) {
        self.background = Some(sink);
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The store back, to open it as someone else (tests of the review pass).
    #[cfg(test)]
    pub fn into_store(self) -> Store {
        self.store
    }

    pub fn run(&mut self, effect: Effect) -> Vec<Outcome> {
        let outcome = match effect {
            Effect::LoadHome { select } => self.home(select),
            Effect::LoadSummaries(code) => self.summaries(&code),
            Effect::OpenAssessment(id) => self.open(&id),
            Effect::Refresh(id) => self.refresh(&id).map(|r| Outcome::Refreshed(Box::new(r))),
            Effect::SetResponse { id, item, response } => {
                let result = self.store.set_response(&id, &item, &response);
                return vec![self.saved(&id, result)];
            }
            Effect::RestoreCarried { id, item } => {
                let result = self.store.restore_carried(&id, &item).map(|_| ());
                return vec![self.saved(&id, result)];
            }
            Effect::SetNote {
                id,
                target,
                note,
                expected,
            } => return vec![self.save_note(&id, target, note, &expected)],
            Effect::WriteRecovery {
                id,
                target,
                text,
                path,
            } => Ok(Outcome::RecoveryWritten(
                self.write_recovery(&id, &target, &text, path),
            )),
            Effect::UpdateEquipment {
                id,
                type_id,
                update,
            } => {
                let result = self.store.update_equipment(&id, &type_id, &update);
                return vec![self.saved(&id, result)];
            }
            Effect::Transition { id, transition } => {
                let result = self.store.transition(&id, &transition).map(|_| ());
                return vec![self.saved(&id, result)];
            }
            Effect::ProposePlan(id) => {
                let bundle = match self.bundle(&id) {
                    Ok(bundle) => bundle,
                    Err(why) => return vec![Outcome::SaveFailed(why, None)],
                };
                let result = crate::action_plan::propose_into(&mut self.store, &bundle, self.lang);
                return match result {
                    Ok(summary) => vec![self.saved(&id, Ok(())), Outcome::PlanProposed(summary)],
                    Err(e) => vec![self.saved(&id, Err(e))],
                };
            }
            Effect::AddAction { id, action } => {
                let result = self.store.add_action(&id, &action).map(|_| ());
                return vec![self.saved(&id, result)];
            }
            Effect::EditAction { id, number, edit } => {
                let result = self.store.edit_action(&id, number, &edit).map(|_| ());
                return vec![self.saved(&id, result)];
            }
            Effect::SetActionStatus {
                id,
                number,
                status,
                reason,
            } => {
                let result = self
                    .store
                    .set_action_status(&id, number, status, reason.as_deref())
                    .map(|_| ());
                return vec![self.saved(&id, result)];
            }
            Effect::RecordFollowUp {
                id,
                number,
                outcome,
                note,
            } => {
                let result = self.store.record_followup(&id, number, outcome, &note);
                return vec![self.saved(&id, result)];
            }
            Effect::RaiseFlag {
                id,
                target,
                comment,
            } => {
                let result = self.store.raise_flag(&id, &target, &comment).map(|_| ());
                return vec![self.saved(&id, result)];
            }
            Effect::ResolveFlag { id, flag, reply } => {
                let result = self.store.resolve_flag(&id, flag, &reply).map(|_| ());
                return vec![self.saved(&id, result)];
            }
            Effect::SetMethod {
                id,
                method,
                evaluators,
            } => {
                let result = self
                    .store
                    .set_method(&id, &method)
                    .and_then(|()| self.store.set_evaluators(&id, &evaluators));
                return vec![self.saved(&id, result)];
            }
            Effect::SetTarget { id, pillar, level } => {
                let result = self.store.set_pillar_target(&id, pillar, level);
                return vec![self.saved(&id, result)];
            }
            Effect::UpdatePost(post) => self
                .store
                .update_post(&post)
                .map(|()| Outcome::PostUpdated(post.code.clone()))
                .map_err(|e| self.say(&e)),
            Effect::CreatePost(post) => self
                .store
                .add_post(&post)
                .map(|()| Outcome::PostCreated(post.code.clone()))
                .map_err(|e| self.say(&e)),
            Effect::CreateAssessment { post, values } => self.create(post, values),
            Effect::DeleteDraft(id) => self
                .store
                .delete_draft(&id)
                .map(|()| Outcome::DraftDeleted(id))
                .map_err(|e| self.say(&e)),
            Effect::LoadDemo => self.demo(),
            Effect::Export { request, overwrite } => {
                if !overwrite && request.output.is_file() {
                    return vec![Outcome::ExportWouldOverwrite(request)];
                }
                let lang = self.lang;
                // The full path, so the person knows where to find the file.
                let work = move || {
                    Outcome::ExportFinished(
                        crate::report::export_assessment(&request)
                            .map(|path| std::fs::canonicalize(&path).unwrap_or(path))
                            .map_err(|e| errors::report(&e, lang, Surface::Tui)),
                    )
                };
                match &self.background {
                    Some(sink) => {
                        let sink = Arc::clone(sink);
                        std::thread::spawn(move || sink(work()));
                        return Vec::new();
                    }
                    None => Ok(work()),
                }
            }
        };
        vec![outcome.unwrap_or_else(Outcome::Failed)]
    }

    /// A store error in the interface's words.
    fn say(&self, error: &StoreError) -> String {
        errors::store(error, self.lang, Surface::Tui)
    }

    fn saved(&mut self, id: &AssessmentId, result: Result<(), StoreError>) -> Outcome {
        let refresh = self.refresh(id);
        match (result, refresh) {
            (Ok(()), Ok(refresh)) => Outcome::Saved(Box::new(refresh)),
            (Ok(()), Err(why)) => Outcome::SaveFailed(why, None),
            (Err(e), refresh) => Outcome::SaveFailed(self.say(&e), refresh.ok().map(Box::new)),
        }
    }

    /// Saves a note if the stored one is still `expected`, and says which.
    fn save_note(
        &mut self,
        id: &AssessmentId,
        target: NoteTarget,
        text: String,
        expected: &str,
    ) -> Outcome {
        let result = match &target {
            NoteTarget::Item(item) => self.store.save_note(id, item, &text, expected),
            NoteTarget::Equipment(type_id) => {
                self.store.save_equipment_note(id, type_id, &text, expected)
            }
        };
        let refresh = self.refresh(id).ok().map(Box::new);
        match (result, refresh) {
            (Ok(()), Some(refresh)) => Outcome::NoteSaved {
                target,
                text,
                refresh,
            },
            (Ok(()), None) => Outcome::SaveFailed(String::new(), None),
            (Err(StoreError::NoteChanged { stored, by, at, .. }), refresh) => {
                Outcome::NoteNotSaved {
                    target,
                    text,
                    failure: NoteFailure::Changed { stored, by, at },
                    refresh,
                }
            }
            (Err(e), refresh) => Outcome::NoteNotSaved {
                target,
                text,
                failure: NoteFailure::Refused(self.say(&e)),
                refresh,
            },
        }
    }

    /// Keeps `text` in a file beside the database (or in the temporary folder
    /// when that one cannot be written), and says where.
    fn write_recovery(
        &self,
        id: &AssessmentId,
        target: &NoteTarget,
        text: &str,
        path: Option<PathBuf>,
    ) -> Result<PathBuf, String> {
        let path = match path {
            Some(path) => path,
            None => {
                let what = match target {
                    NoteTarget::Item(item) => item.clone(),
                    NoteTarget::Equipment(type_id) => type_id.replace(':', "-"),
                };
                let stamp = crate::domain::time::now().replace(':', "");
                let name: String = format!("{id}-{what}-{stamp}.txt")
                    .chars()
                    .map(|c| {
                        if c.is_alphanumeric() || "-._".contains(c) {
                            c
                        } else {
                            '_'
                        }
                    })
                    .collect();
                let beside = self.db_dir().join("frontera-recovered").join(&name);
                if std::fs::create_dir_all(beside.parent().unwrap_or(&beside)).is_ok() {
                    beside
                } else {
                    std::env::temp_dir().join(name)
                }
            }
        };
        crate::output::write_output(&path, text.as_bytes())
            .map(|()| path)
            .map_err(|e| errors::write(&e, self.lang))
    }

    fn db_dir(&self) -> PathBuf {
        self.db_path
            .as_ref()
            .and_then(|p| p.parent().map(std::path::Path::to_path_buf))
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(std::env::temp_dir)
    }

    fn refresh(&self, id: &AssessmentId) -> Result<Refresh, String> {
        let read = || -> Result<Refresh, StoreError> {
            Ok(Refresh {
                header: self.store.assessment(id)?,
                answers: self.store.answers(id)?,
                equipment: self.store.equipment(id)?,
                carry: self.store.carry_over_state(id)?,
                plan: crate::action_plan::PlanRecords::load(&self.store, id)?,
            })
        };
        read().map_err(|e| self.say(&e))
    }

    fn home(&self, select: Option<PostCode>) -> Result<Outcome, String> {
        let load = || -> Result<HomeData, StoreError> {
            Ok(HomeData {
                posts: self.store.posts()?,
                assessments: self.store.assessments(None)?,
                select,
            })
        };
        load().map(Outcome::HomeLoaded).map_err(|e| self.say(&e))
    }

    /// The pack an assessment pinned, loaded once per session.
    fn pinned(&mut self, header: &Assessment) -> Result<&Pack, String> {
        if !self.packs.contains_key(&header.pack_hash) {
            let pack = crate::bundle::pinned_pack(&self.store, header)
                .map_err(|e| errors::bundle(&e, self.lang, Surface::Tui))?;
            self.packs.insert(header.pack_hash.clone(), pack);
        }
        self.packs
            .get(&header.pack_hash)
            .ok_or_else(|| format!("the content pack of assessment {} is missing", header.id))
    }

    /// An assessment's header, post, answers and equipment rows.
    fn parts(&self, id: &AssessmentId) -> Result<Parts, StoreError> {
        let header = self.store.assessment(id)?;
        let code = PostCode::parse(&header.post)
            .map_err(|_| StoreError::UnknownPost(header.post.clone()))?;
        Ok(Parts {
            post: self.store.post(&code)?,
            answers: self.store.answers(id)?,
            equipment: self.store.equipment(id)?,
            header,
        })
    }

    fn bundle(&mut self, id: &AssessmentId) -> Result<Bundle, String> {
        let parts = self.parts(id).map_err(|e| self.say(&e))?;
        let pack = self.pinned(&parts.header)?.clone();
        Ok(Bundle {
            header: parts.header,
            post: parts.post,
            pack,
            answers: parts.answers,
            equipment: parts.equipment,
            carry: self.store.carry_over_state(id).map_err(|e| self.say(&e))?,
        })
    }

    /// Scores without copying the pack (for the home screen's score lines).
    fn score(&mut self, id: &AssessmentId) -> Result<AssessmentScore, String> {
        let parts = self.parts(id).map_err(|e| self.say(&e))?;
        let pack = self.pinned(&parts.header)?;
        Ok(score_assessment_at(
            pack,
            &parts.post,
            parts.header.depth,
            &parts.answers,
            &parts.equipment,
        ))
    }

    fn summaries(&mut self, code: &PostCode) -> Result<Outcome, String> {
        let list = self
            .store
            .assessments(Some(code))
            .map_err(|e| self.say(&e))?;
        let mut out = Vec::new();
        for header in list {
            let score = self.score(&header.id)?;
            let (done, applicable) = score.pillars.iter().fold((0, 0), |(d, a), p| {
                (
                    d + p.checklist.answered + p.checklist.not_applicable,
                    a + p.checklist.applicable,
                )
            });
            out.push((
                header.id,
                AssessmentSummary {
                    overall_score: score.overall_score,
                    overall_level: score.overall_level,
                    completeness: (applicable > 0).then(|| done as f64 / applicable as f64),
                },
            ));
        }
        Ok(Outcome::SummariesLoaded(out))
    }

    fn open(&mut self, id: &AssessmentId) -> Result<Outcome, String> {
        let bundle = self.bundle(id)?;
        let earlier = self.store.previous_final(id).map_err(|e| self.say(&e))?;
        let previous = match earlier {
            Some(a) => Some(Box::new(Previous {
                score: self.score(&a.id)?,
                answers: self.store.answers(&a.id).map_err(|e| self.say(&e))?,
                id: a.id,
                created_at: a.created_at,
            })),
            None => None,
        };
        let plan =
            crate::action_plan::PlanRecords::load(&self.store, id).map_err(|e| self.say(&e))?;
        Ok(Outcome::WorkspaceOpened(
            Box::new(bundle),
            previous,
            Box::new(plan),
        ))
    }

    fn current_pack(&mut self) -> Result<(PackSource, Pack), String> {
        if let Some(current) = &self.current {
            return Ok(current.clone());
        }
        let (source, pack) = crate::bundle::current_pack(&self.store, self.content_dir.as_deref())
            .map_err(|e| errors::pack(&e, self.lang))?;
        self.current = Some((source, pack));
        self.current_pack()
    }

    fn create(
        &mut self,
        post: PostCode,
        values: super::state::form::StartValues,
    ) -> Result<Outcome, String> {
        let (source, pack) = self.current_pack()?;
        let new = NewAssessment {
            post: post.clone(),
            kind: values.kind,
            evaluators: values.evaluators,
            id: None,
            created_at: None,
            depth: values.depth,
        };
        let id = self
            .store
            .create_assessment(&new, &source, &pack)
            .map_err(|e| self.say(&e))?;
        if let Some(from) = &values.national_from {
            let target = self.store.post(&post).map_err(|e| self.say(&e))?;
            let items = pack.national_items(&target, values.depth);
            self.store
                .copy_national_answers(&id, from, &items)
                .map_err(|e| self.say(&e))?;
        }
        if values.carry_over {
            let target = self.store.post(&post).map_err(|e| self.say(&e))?;
            let items = pack.asked_items(&target, values.depth);
            let items: Vec<&str> = items.iter().map(String::as_str).collect();
            self.store
                .carry_over(&id, &items)
                .map_err(|e| self.say(&e))?;
        }
        Ok(Outcome::AssessmentCreated(id))
    }

    fn demo(&mut self) -> Result<Outcome, String> {
        let (source, pack) = self.current_pack()?;
        crate::demo::load_demo(&mut self.store, &source, &pack)
            .map(|(posts, assessments)| Outcome::DemoLoaded { posts, assessments })
            .map_err(|e| errors::demo(&e, self.lang, Surface::Tui))
    }
}
