//! An assessment with everything needed to show, score, export or report it:
//! its header, post, the pack it was made with, answers and equipment rows.

use crate::content::{self, PackSource};
use crate::domain::assessment::{Answer, Assessment, AssessmentId, EquipmentRecord, Response};
use crate::domain::pack::{Item, Pack};
use crate::domain::post::{Post, PostCode};
use crate::domain::scoring::{AssessmentScore, score_assessment};
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
}

/// Loads the pack an assessment pinned, from the copy kept in the database.
pub fn pinned_pack(store: &Store, header: &Assessment) -> Result<(PackSource, Pack), BundleError> {
    let source = store.pack_source(&header.pack_hash)?;
    let report = content::load(&source);
    match report.pack {
        Some(pack) => Ok((source, pack)),
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

impl Bundle {
    pub fn load(store: &Store, id: &AssessmentId) -> Result<Bundle, BundleError> {
        let header = store.assessment(id)?;
        let post = store.post(
            &PostCode::parse(&header.post)
                .map_err(|_| StoreError::UnknownPost(header.post.clone()))?,
        )?;
        let (_, pack) = pinned_pack(store, &header)?;
        Ok(Bundle {
            answers: store.answers(id)?,
            equipment: store.equipment(id)?,
            header,
            post,
            pack,
        })
    }

    pub fn score(&self) -> AssessmentScore {
        score_assessment(&self.pack, &self.post, &self.answers, &self.equipment)
    }

    /// Items asked at this post, in pack order.
    pub fn applicable_items(&self) -> impl Iterator<Item = &Item> {
        self.pack.applicable_items(&self.post)
    }

    pub fn answer(&self, item: &str) -> Option<&Answer> {
        self.answers.iter().find(|a| a.item == item)
    }

    pub fn response(&self, item: &str) -> Response {
        self.answer(item)
            .map_or(Response::Open, |a| a.response.clone())
    }
}
