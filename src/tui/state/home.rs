//! The home screen's state: posts, their assessments and score lines, selection.

use std::collections::HashMap;

use crate::domain::assessment::{Assessment, AssessmentId};
use crate::domain::post::{Post, PostCode};
use crate::tui::action::{AssessmentSummary, HomeData};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HomeFocus {
    #[default]
    Posts,
    Assessments,
}

#[derive(Debug, Clone, Default)]
pub struct HomeState {
    pub loaded: bool,
    pub posts: Vec<Post>,
    /// Every assessment, newest first.
    pub assessments: Vec<Assessment>,
    pub summaries: HashMap<AssessmentId, AssessmentSummary>,
    pub post_index: usize,
    pub assessment_index: usize,
    pub focus: HomeFocus,
}

impl HomeState {
    pub fn load(&mut self, data: HomeData) {
        let keep = data
            .select
            .or_else(|| self.selected_post().map(|p| p.code.clone()));
        let keep_assessment = self.selected_assessment().map(|a| a.id.clone());
        self.posts = data.posts;
        self.assessments = data.assessments;
        self.loaded = true;
        self.post_index = keep
            .and_then(|code| self.posts.iter().position(|p| p.code == code))
            .unwrap_or(0)
            .min(self.posts.len().saturating_sub(1));
        self.assessment_index = keep_assessment
            .and_then(|id| self.post_assessments().iter().position(|a| a.id == id))
            .unwrap_or(0);
        self.clamp();
    }

    pub fn selected_post(&self) -> Option<&Post> {
        self.posts.get(self.post_index)
    }

    /// The selected post's assessments, newest first.
    pub fn post_assessments(&self) -> Vec<&Assessment> {
        match self.selected_post() {
            Some(post) => self
                .assessments
                .iter()
                .filter(|a| a.post == post.code.as_str())
                .collect(),
            None => Vec::new(),
        }
    }

    /// The selected post's latest final assessment: what a new one may carry
    /// answers over from.
    pub fn latest_final(&self) -> Option<&Assessment> {
        self.post_assessments()
            .into_iter()
            .filter(|a| a.status == crate::domain::assessment::Status::Final)
            .max_by(|a, b| a.created_at.cmp(&b.created_at))
    }

    /// Assessments of the other posts of `post`'s country, newest first (at
    /// most nine): where its national answers may be copied from.
    pub fn national_sources(&self, post: &Post) -> Vec<(AssessmentId, String)> {
        let same_country: Vec<&str> = self
            .posts
            .iter()
            .filter(|p| p.country == post.country && p.code != post.code)
            .map(|p| p.code.as_str())
            .collect();
        self.assessments
            .iter()
            .filter(|a| same_country.contains(&a.post.as_str()))
            .take(9)
            .map(|a| {
                let date = a.created_at.chars().take(10).collect::<String>();
                (a.id.clone(), format!("{} {date} {}", a.post, a.id))
            })
            .collect()
    }

    pub fn selected_assessment(&self) -> Option<&Assessment> {
        self.post_assessments().get(self.assessment_index).copied()
    }

    /// Whether the selected post's score lines still need loading.
    pub fn needs_summaries(&self) -> Option<PostCode> {
        let missing = self
            .post_assessments()
            .iter()
            .any(|a| !self.summaries.contains_key(&a.id));
        missing
            .then(|| self.selected_post().map(|p| p.code.clone()))
            .flatten()
    }

    pub fn clamp(&mut self) {
        self.post_index = self.post_index.min(self.posts.len().saturating_sub(1));
        let count = self.post_assessments().len();
        self.assessment_index = self.assessment_index.min(count.saturating_sub(1));
        if count == 0 {
            self.focus = HomeFocus::Posts;
        }
    }

    /// Moves the focused list's selection by `delta` rows, clamped.
    pub fn move_by(&mut self, delta: isize) {
        let (index, len) = match self.focus {
            HomeFocus::Posts => (&mut self.post_index, self.posts.len()),
            HomeFocus::Assessments => {
                let len = self.post_assessments().len();
                (&mut self.assessment_index, len)
            }
        };
        if len == 0 {
            return;
        }
        let moved = (*index as isize + delta).clamp(0, len as isize - 1);
        *index = moved as usize;
        if self.focus == HomeFocus::Posts {
            self.assessment_index = 0;
        }
    }
}
