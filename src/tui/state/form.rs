//! The two forms: registering a post and starting an assessment. Fields, focus,
//! and validation into domain values (with errors to show beside each field).

use crate::domain::assessment::{AssessmentId, AssessmentKind, Depth};
use crate::domain::post::{
    ControlModel, CountryCode, Post, PostCode, PostKind, PostProblem, PostProfile, post_problems,
};
use crate::tui::keys::{Key, KeyPress};

use super::input::LineInput;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldId {
    Code,
    Name,
    Country,
    Neighbour,
    Kind,
    Cargo,
    Model,
    Lanes,
    CargoLanes,
    Booths,
    Shifts,
    Agencies,
    AssessmentKind,
    Evaluators,
    Depth,
    NationalFrom,
    /// Prefill from the post's latest final assessment: no / yes.
    CarryOver,
    VisitFrom,
    VisitTo,
    Interviewed,
    SitesSeen,
    Traffic,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    Text(LineInput),
    Choice { index: usize, count: usize },
}

/// Why a field was refused; the view words it in the interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldError {
    Code,
    Country,
    SameCountry,
    Empty,
    Number,
    Shifts,
    CargoLanes,
    /// Not a date written YYYY-MM-DD.
    Date,
    /// The last day is before the first.
    DateOrder,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    Post,
    /// Starting an assessment of `post`; `national` lists the assessments of
    /// other posts of its country whose national answers may be copied (id
    /// and a label to show), newest first.
    Start {
        post: PostCode,
        national: Vec<(AssessmentId, String)>,
        /// The post's latest final assessment, as the form names it, when
        /// there is one to carry answers over from.
        previous_final: Option<String>,
    },
    /// How the visit of an assessment was carried out, and by whom.
    Method,
    /// A registered post's entry: the post form without its code, which stays.
    EditPost {
        code: PostCode,
    },
}

/// What the start form asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartValues {
    pub kind: AssessmentKind,
    pub evaluators: Vec<String>,
    pub depth: Depth,
    pub national_from: Option<AssessmentId>,
    pub carry_over: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub kind: FormKind,
    pub fields: Vec<(FieldId, FieldValue)>,
    pub focus: usize,
    pub errors: Vec<(FieldId, FieldError)>,
    /// Why the store refused it (e.g. a duplicate code).
    pub failure: Option<String>,
}

fn text(value: &str) -> FieldValue {
    FieldValue::Text(LineInput::new(value))
}

fn choice(index: usize, count: usize) -> FieldValue {
    FieldValue::Choice { index, count }
}

impl Form {
    pub fn new_post() -> Form {
        use FieldId as F;
        Form {
            kind: FormKind::Post,
            fields: vec![
                (F::Code, text("")),
                (F::Name, text("")),
                (F::Country, text("")),
                (F::Neighbour, text("")),
                (F::Kind, choice(0, PostKind::ALL.len())),
                (F::Cargo, choice(0, 2)),
                (F::Model, choice(0, ControlModel::ALL.len())),
                (F::Lanes, text("1")),
                (F::CargoLanes, text("0")),
                (F::Booths, text("1")),
                (F::Shifts, text("3")),
                (F::Agencies, text("")),
            ],
            focus: 0,
            errors: Vec::new(),
            failure: None,
        }
    }

    /// A registered post's entry, to edit (everything but its code).
    pub fn edit_post(post: &Post) -> Form {
        use FieldId as F;
        Form {
            kind: FormKind::EditPost {
                code: post.code.clone(),
            },
            fields: vec![
                (F::Name, text(&post.name)),
                (F::Country, text(post.country.as_str())),
                (F::Neighbour, text(post.neighbour.as_str())),
                (
                    F::Kind,
                    choice(
                        PostKind::ALL
                            .iter()
                            .position(|k| *k == post.kind)
                            .unwrap_or(0),
                        PostKind::ALL.len(),
                    ),
                ),
                (F::Cargo, choice(usize::from(post.cargo), 2)),
                (
                    F::Model,
                    choice(
                        ControlModel::ALL
                            .iter()
                            .position(|m| *m == post.model)
                            .unwrap_or(0),
                        ControlModel::ALL.len(),
                    ),
                ),
                (F::Lanes, text(&post.profile.lanes.to_string())),
                (F::CargoLanes, text(&post.profile.cargo_lanes.to_string())),
                (F::Booths, text(&post.profile.booths.to_string())),
                (F::Shifts, text(&post.profile.shifts.to_string())),
                (F::Agencies, text(&post.agencies.join(", "))),
            ],
            focus: 0,
            errors: Vec::new(),
            failure: None,
        }
    }

    /// A follow-up when the post was assessed before, else a baseline; the
    /// full checklist; no national answers copied unless chosen.
    pub fn start(
        post: PostCode,
        assessed_before: bool,
        actor: &str,
        national: Vec<(AssessmentId, String)>,
        previous_final: Option<String>,
    ) -> Form {
        let kind = AssessmentKind::ALL
            .iter()
            .position(|k| {
                *k == if assessed_before {
                    AssessmentKind::FollowUp
                } else {
                    AssessmentKind::Baseline
                }
            })
            .unwrap_or(0);
        let full = Depth::ALL
            .iter()
            .position(|d| *d == Depth::Full)
            .unwrap_or(0);
        let mut fields = vec![
            (
                FieldId::AssessmentKind,
                choice(kind, AssessmentKind::ALL.len()),
            ),
            (FieldId::Evaluators, text(actor)),
            (FieldId::Depth, choice(full, Depth::ALL.len())),
        ];
        if !national.is_empty() {
            fields.push((FieldId::NationalFrom, choice(0, national.len() + 1)));
        }
        // Offered, and on by default, when there is something to carry.
        if previous_final.is_some() {
            fields.push((FieldId::CarryOver, choice(1, 2)));
        }
        Form {
            kind: FormKind::Start {
                post,
                national,
                previous_final,
            },
            fields,
            focus: 0,
            errors: Vec::new(),
            failure: None,
        }
    }

    /// The method of a visit and its team (comma-separated), from what is recorded.
    pub fn method(method: &crate::domain::assessment::Method, team: &str) -> Form {
        use FieldId as F;
        Form {
            kind: FormKind::Method,
            fields: vec![
                (F::Evaluators, text(team)),
                (
                    F::VisitFrom,
                    text(method.visit_from.as_deref().unwrap_or_default()),
                ),
                (
                    F::VisitTo,
                    text(method.visit_to.as_deref().unwrap_or_default()),
                ),
                (F::Interviewed, text(&method.interviewed)),
                (F::SitesSeen, text(&method.sites_seen)),
                (F::Traffic, text(&method.traffic)),
            ],
            focus: 0,
            errors: Vec::new(),
            failure: None,
        }
    }

    /// The method the form describes, or its dates' errors (the domain's
    /// rule, shared with the command line).
    pub fn method_values(
        &self,
    ) -> Result<crate::domain::assessment::Method, Vec<(FieldId, FieldError)>> {
        use crate::domain::assessment::MethodProblem as P;
        use FieldId as F;
        let date = |id| {
            let t = self.text_of(id).trim();
            (!t.is_empty()).then(|| t.to_string())
        };
        let method = crate::domain::assessment::Method {
            visit_from: date(F::VisitFrom),
            visit_to: date(F::VisitTo),
            interviewed: self.text_of(F::Interviewed).trim().to_string(),
            sites_seen: self.text_of(F::SitesSeen).trim().to_string(),
            traffic: self.text_of(F::Traffic).trim().to_string(),
        };
        let errors: Vec<(FieldId, FieldError)> = method
            .problems()
            .into_iter()
            .map(|p| match p {
                P::BadFrom => (F::VisitFrom, FieldError::Date),
                P::BadTo => (F::VisitTo, FieldError::Date),
                P::ToBeforeFrom => (F::VisitTo, FieldError::DateOrder),
            })
            .collect();
        if errors.is_empty() {
            Ok(method)
        } else {
            Err(errors)
        }
    }

    pub fn next_field(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len();
    }

    pub fn prev_field(&mut self) {
        self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
    }

    pub fn on_last_field(&self) -> bool {
        self.focus + 1 == self.fields.len()
    }

    /// A key typed into the focused field: text is edited; a choice turns with
    /// ←/→ or Space.
    pub fn type_key(&mut self, key: KeyPress) {
        let Some((_, value)) = self.fields.get_mut(self.focus) else {
            return;
        };
        match value {
            FieldValue::Text(input) => {
                input.handle(key);
            }
            FieldValue::Choice { index, count } => match key.key {
                Key::Right | Key::Char(' ') => *index = (*index + 1) % *count,
                Key::Left => *index = (*index + *count - 1) % *count,
                _ => {}
            },
        }
    }

    fn text_of(&self, id: FieldId) -> &str {
        self.fields
            .iter()
            .find_map(|(f, v)| match v {
                FieldValue::Text(input) if *f == id => Some(input.text()),
                _ => None,
            })
            .unwrap_or("")
    }

    fn choice_of(&self, id: FieldId) -> usize {
        self.fields
            .iter()
            .find_map(|(f, v)| match v {
                FieldValue::Choice { index, .. } if *f == id => Some(*index),
                _ => None,
            })
            .unwrap_or(0)
    }

    pub fn error_of(&self, id: FieldId) -> Option<FieldError> {
        self.errors.iter().find(|(f, _)| *f == id).map(|(_, e)| *e)
    }

    fn number(&self, id: FieldId, errors: &mut Vec<(FieldId, FieldError)>) -> u32 {
        self.text_of(id).trim().parse().unwrap_or_else(|_| {
            errors.push((id, FieldError::Number));
            0
        })
    }

    /// The post the form describes, or every field's error.
    pub fn post(&self) -> Result<Post, Vec<(FieldId, FieldError)>> {
        use FieldId as F;
        let mut errors = Vec::new();
        let code = match &self.kind {
            FormKind::EditPost { code } => Ok(code.clone()),
            _ => PostCode::parse(self.text_of(F::Code)).map_err(|_| (F::Code, FieldError::Code)),
        };
        let country = CountryCode::parse(self.text_of(F::Country))
            .map_err(|_| (F::Country, FieldError::Country));
        let neighbour = CountryCode::parse(self.text_of(F::Neighbour))
            .map_err(|_| (F::Neighbour, FieldError::Country));
        let name = self.text_of(F::Name).trim().to_string();
        let cargo = self.choice_of(F::Cargo) == 1;
        let lanes = self.number(F::Lanes, &mut errors);
        let cargo_lanes = self.number(F::CargoLanes, &mut errors);
        let booths = self.number(F::Booths, &mut errors);
        let shifts = self.number(F::Shifts, &mut errors);
        let profile = PostProfile {
            lanes,
            cargo_lanes,
            booths,
            shifts,
        };
        let problems = post_problems(
            &name,
            country.as_ref().ok(),
            neighbour.as_ref().ok(),
            cargo,
            &profile,
        );
        for problem in problems {
            let error = match problem {
                PostProblem::EmptyName => (F::Name, FieldError::Empty),
                PostProblem::NeighbourIsCountry => (F::Neighbour, FieldError::SameCountry),
                PostProblem::NoShifts => (F::Shifts, FieldError::Shifts),
                PostProblem::CargoLanesWithoutCargo => (F::CargoLanes, FieldError::CargoLanes),
            };
            // A count that is not a number already has its own error.
            if self.error_in(&errors, error.0).is_none() {
                errors.push(error);
            }
        }
        for result in [
            &code.clone().map(|_| ()),
            &country.clone().map(|_| ()),
            &neighbour.clone().map(|_| ()),
        ] {
            if let Err(e) = result {
                errors.push(*e);
            }
        }
        match (code, country, neighbour) {
            (Ok(code), Ok(country), Ok(neighbour)) if errors.is_empty() => Ok(Post {
                code,
                name,
                country,
                neighbour,
                kind: PostKind::ALL[self.choice_of(F::Kind).min(PostKind::ALL.len() - 1)],
                cargo,
                model: ControlModel::ALL[self.choice_of(F::Model).min(ControlModel::ALL.len() - 1)],
                profile,
                agencies: self
                    .text_of(F::Agencies)
                    .split(',')
                    .map(|a| a.trim().to_string())
                    .filter(|a| !a.is_empty())
                    .collect(),
            }),
            _ => Err(errors),
        }
    }

    fn error_in(&self, errors: &[(FieldId, FieldError)], id: FieldId) -> Option<FieldError> {
        errors.iter().find(|(f, _)| *f == id).map(|(_, e)| *e)
    }

    /// What the start form asks for.
    /// The team as the form gives it: names separated by commas.
    pub fn evaluators(&self) -> Vec<String> {
        self.text_of(FieldId::Evaluators)
            .split(',')
            .map(|e| e.trim().to_string())
            .filter(|e| !e.is_empty())
            .collect()
    }

    pub fn start_values(&self) -> StartValues {
        let kinds = AssessmentKind::ALL;
        let kind = kinds[self.choice_of(FieldId::AssessmentKind).min(kinds.len() - 1)];
        let evaluators = self.evaluators();
        let depth = Depth::ALL[self.choice_of(FieldId::Depth).min(Depth::ALL.len() - 1)];
        let national_from = match &self.kind {
            FormKind::Start { national, .. } => self
                .choice_of(FieldId::NationalFrom)
                .checked_sub(1)
                .and_then(|i| national.get(i))
                .map(|(id, _)| id.clone()),
            FormKind::Post | FormKind::Method | FormKind::EditPost { .. } => None,
        };
        let carry_over = matches!(
            &self.kind,
            FormKind::Start {
                previous_final: Some(_),
                ..
            }
        ) && self.choice_of(FieldId::CarryOver) == 1;
        StartValues {
            kind,
            evaluators,
            depth,
            national_from,
            carry_over,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn type_text(form: &mut Form, text: &str) {
        for c in text.chars() {
            form.type_key(KeyPress::ch(c));
        }
    }

    #[test]
    fn a_filled_form_gives_a_post_and_a_bad_one_names_each_field() {
        let mut form = Form::new_post();
        assert!(form.post().is_err());
        type_text(&mut form, "pe-xyz");
        form.next_field();
        type_text(&mut form, "Puesto Nuevo");
        form.next_field();
        type_text(&mut form, "pe");
        form.next_field();
        type_text(&mut form, "pe");
        let errors = form.post().unwrap_err();
        assert_eq!(errors, vec![(FieldId::Neighbour, FieldError::SameCountry)]);
        form.type_key(KeyPress::plain(Key::Backspace));
        form.type_key(KeyPress::plain(Key::Backspace));
        type_text(&mut form, "bo");
        form.next_field();
        form.type_key(KeyPress::plain(Key::Right)); // kind: air
        let post = form.post().unwrap();
        assert_eq!(post.code.as_str(), "PE-XYZ");
        assert_eq!(
            (post.country.as_str(), post.neighbour.as_str()),
            ("PE", "BO")
        );
        assert_eq!(post.kind, PostKind::Air);
        assert!(!post.cargo);
    }

    #[test]
    fn cargo_lanes_need_cargo_and_shifts_must_be_positive() {
        let mut form = Form::new_post();
        form.focus = 8; // cargo lanes
        form.type_key(KeyPress::plain(Key::Backspace));
        type_text(&mut form, "2");
        form.focus = 10; // shifts
        form.type_key(KeyPress::plain(Key::Backspace));
        type_text(&mut form, "0");
        let errors = form.post().unwrap_err();
        assert!(errors.contains(&(FieldId::CargoLanes, FieldError::CargoLanes)));
        assert!(errors.contains(&(FieldId::Shifts, FieldError::Shifts)));
        assert!(errors.contains(&(FieldId::Code, FieldError::Code)));
    }
}
