//! An assessment with everything needed to show, score, export or report it:
//! its header, post, the pack it was made with, answers and equipment rows.

use crate::content::{self, PackSource};
use crate::domain::assessment::{Answer, Assessment, AssessmentId, EquipmentRecord, Response};
use crate::domain::carry::CarryOver;
use crate::domain::pack::{Item, Pack};
use crate::domain::post::{Post, PostCode};
use crate::domain::scoring::{AssessmentScore, score_assessment_at};
use crate::store::{Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the content pack stored with assessment {id} no longer loads: {first_error}")]
    Pack { id: String, first_error: String },
}

#[derive(Debug, Clone)]
pub struct Bundle {
    pub header: Assessment,
    pub post: Post,
    pub pack: Pack,
    pub answers: Vec<Answer>,
    pub equipment: Vec<EquipmentRecord>,
    /// Answers carried over from the previous final assessment: those still
    /// to confirm (not in `answers`) and how many were confirmed unchanged.
    pub carry: CarryOver,
}

/// The pack an assessment pinned: from its cache in the database, else parsed
/// from the TOML kept there (and cached for next time).
pub fn pinned_pack(store: &Store, header: &Assessment) -> Result<Pack, BundleError> {
    if let Some(pack) = store.cached_pack(&header.pack_hash)? {
        return Ok(pack);
    }
    let source = store.pack_source(&header.pack_hash)?;
    let report = content::load(&source);
    match report.pack {
        Some(pack) => {
            store.cache_pack(&pack);
            Ok(pack)
        }
        None => Err(BundleError::Pack {
            id: header.id.to_string(),
            first_error: report
                .errors()
                .next()
                .map(ToString::to_string)
                .unwrap_or_default(),
        }),
    }
}

/// The pack an assessment pinned, without its long texts (see
/// `content::cache::structure_of`): for commands that check ids, counts and
/// scores but show no item.
pub fn pinned_structure(store: &Store, header: &Assessment) -> Result<Pack, BundleError> {
    if let Some(pack) = store.cached_structure(&header.pack_hash)? {
        return Ok(pack);
    }
    pinned_pack(store, header).map(|pack| content::cache::structure_of(&pack))
}

/// The pack new assessments are made with: the folder given (`--content`),
/// parsed; or the built-in pack, from its cache in `store` when there is one
/// (parsed and cached otherwise).
pub fn current_pack(
    store: &Store,
    dir: Option<&std::path::Path>,
) -> Result<(PackSource, Pack), content::PackError> {
    if dir.is_none()
        && let Ok(Some(pack)) = store.cached_pack(content::source::embedded_hash())
    {
        return Ok((PackSource::embedded(), pack));
    }
    let (source, pack) = content::load_current(dir)?;
    if dir.is_none() {
        store.cache_pack(&pack);
    }
    Ok((source, pack))
}

impl Bundle {
    pub fn load(store: &Store, id: &AssessmentId) -> Result<Bundle, BundleError> {
        let header = store.assessment(id)?;
        let pack = pinned_pack(store, &header)?;
        Bundle::assemble(store, header, pack)
    }

    /// [`Bundle::load`] with its pinned pack already in hand (the caller
    /// checked the hash).
    pub fn load_with_pack(
        store: &Store,
        id: &AssessmentId,
        pack: Pack,
    ) -> Result<Bundle, BundleError> {
        let header = store.assessment(id)?;
        Bundle::assemble(store, header, pack)
    }

    fn assemble(store: &Store, header: Assessment, pack: Pack) -> Result<Bundle, BundleError> {
        let post = store.post(
            &PostCode::parse(&header.post)
                .map_err(|_| StoreError::UnknownPost(header.post.clone()))?,
        )?;
        Ok(Bundle {
            answers: store.answers(&header.id)?,
            equipment: store.equipment(&header.id)?,
            carry: store.carry_over_state(&header.id)?,
            header,
            post,
            pack,
        })
    }

    pub fn score(&self) -> AssessmentScore {
        score_assessment_at(
            &self.pack,
            &self.post,
            self.header.depth,
            &self.answers,
            &self.equipment,
        )
    }

    /// Items asked at this post at the assessment's depth, in pack order.
    pub fn applicable_items(&self) -> impl Iterator<Item = &Item> {
        let depth = self.header.depth;
        self.pack
            .applicable_items(&self.post)
            .filter(move |i| depth.asks(i))
    }

    pub fn answer(&self, item: &str) -> Option<&Answer> {
        self.answers.iter().find(|a| a.item == item)
    }

    pub fn response(&self, item: &str) -> Response {
        self.answer(item)
            .map_or(Response::Open, |a| a.response.clone())
    }
}
