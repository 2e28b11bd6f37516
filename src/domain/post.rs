//! Border crossing points: the register's types and the profile that decides
//! which items and equipment apply.

use std::fmt;

use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// How people and goods cross at the post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PostKind {
    Land,
    Air,
    Sea,
    River,
}

impl PostKind {
    pub const ALL: [PostKind; 4] = [
        PostKind::Land,
        PostKind::Air,
        PostKind::Sea,
        PostKind::River,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PostKind::Land => "land",
            PostKind::Air => "air",
            PostKind::Sea => "sea",
            PostKind::River => "river",
        }
    }
}

impl fmt::Display for PostKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.code())
    }
}

impl FromStr for PostKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PostKind::ALL
            .into_iter()
            .find(|k| k.code() == s)
            .ok_or_else(|| format!("unknown post kind '{s}' (use land, air, sea or river)"))
    }
}

/// How the two states' controls are organised at the post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ControlModel {
    /// Each state controls on its own side.
    None,
    /// Both states' booths side by side, controls one after the other.
    Juxtaposed,
    /// One facility on one side hosting both states (e.g. a CEBAF).
    SingleHead,
    /// An integrated control area (MERCOSUR ACI) with joint or sequential checks.
    IntegratedArea,
}

impl ControlModel {
    pub const ALL: [ControlModel; 4] = [
        ControlModel::None,
        ControlModel::Juxtaposed,
        ControlModel::SingleHead,
        ControlModel::IntegratedArea,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ControlModel::None => "none",
            ControlModel::Juxtaposed => "juxtaposed",
            ControlModel::SingleHead => "single-head",
            ControlModel::IntegratedArea => "integrated-area",
        }
    }
}

impl fmt::Display for ControlModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.code())
    }
}

impl FromStr for ControlModel {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ControlModel::ALL
            .into_iter()
            .find(|k| k.code() == s)
            .ok_or_else(|| {
                format!("unknown control model '{s}' (use none, juxtaposed, single-head or integrated-area)")
            })
    }
}

/// A border post's code, as the register knows it (e.g. `PE-DES`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PostCode(String);

impl PostCode {
    /// Accepts 2–16 characters of ASCII letters, digits and `-`, stored upper-case.
    pub fn parse(text: &str) -> Result<Self, String> {
        let code = text.trim().to_ascii_uppercase();
        let ok_len = (2..=16).contains(&code.len());
        let ok_chars = code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if ok_len && ok_chars {
            Ok(PostCode(code))
        } else {
            Err(format!(
                "post code '{text}' must be 2 to 16 letters, digits or '-' (e.g. PE-DES)"
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PostCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

/// An ISO 3166-1 alpha-2 country code, upper-case (`PE`, `BO`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode(String);

impl CountryCode {
    pub fn parse(text: &str) -> Result<Self, String> {
        let code = text.trim().to_ascii_uppercase();
        if code.len() == 2 && code.chars().all(|c| c.is_ascii_alphabetic()) {
            Ok(CountryCode(code))
        } else {
            Err(format!(
                "country code '{text}' must be two letters (ISO 3166-1, e.g. PE, BO, BR)"
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

/// A border crossing point in the register.
#[derive(Debug, Clone, PartialEq)]
pub struct Post {
    pub code: PostCode,
    pub name: String,
    pub country: CountryCode,
    pub neighbour: CountryCode,
    pub kind: PostKind,
    pub cargo: bool,
    pub model: ControlModel,
    pub profile: PostProfile,
    pub agencies: Vec<String>,
}

impl Post {
    /// Whether the two states' controls are shared or integrated at the post
    /// (any control model but "none").
    pub fn has_shared_control(&self) -> bool {
        self.model != ControlModel::None
    }
}

/// The numbers that size what a post needs (equipment, operators).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostProfile {
    /// Passenger lanes.
    pub lanes: u32,
    /// Cargo lanes (0 at a post without cargo).
    pub cargo_lanes: u32,
    /// First-line control booths (positions where an officer checks travellers).
    pub booths: u32,
    /// Shifts a day (3 for a post open around the clock).
    pub shifts: u32,
}

impl Default for PostProfile {
    fn default() -> Self {
        PostProfile {
            lanes: 1,
            cargo_lanes: 0,
            booths: 1,
            shifts: 3,
        }
    }
}

/// A rule that a post's values break together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostProblem {
    EmptyName,
    NeighbourIsCountry,
    NoShifts,
    CargoLanesWithoutCargo,
}

impl PostProblem {
    /// The problem in English, as the command line says it.
    pub fn message(self) -> &'static str {
        match self {
            PostProblem::EmptyName => "the post needs a name",
            PostProblem::NeighbourIsCountry => {
                "the neighbouring country must differ from the post's country"
            }
            PostProblem::NoShifts => "a post works at least one shift a day",
            PostProblem::CargoLanesWithoutCargo => "cargo lanes need a post that handles cargo",
        }
    }
}

/// The rules across a post's fields, shared by every way of registering one.
/// Countries are optional so that a form can check the rest while a code is
/// still being typed.
pub fn post_problems(
    name: &str,
    country: Option<&CountryCode>,
    neighbour: Option<&CountryCode>,
    cargo: bool,
    profile: &PostProfile,
) -> Vec<PostProblem> {
    let mut problems = Vec::new();
    if name.trim().is_empty() {
        problems.push(PostProblem::EmptyName);
    }
    if country.is_some() && country == neighbour {
        problems.push(PostProblem::NeighbourIsCountry);
    }
    if profile.shifts == 0 {
        problems.push(PostProblem::NoShifts);
    }
    if profile.cargo_lanes > 0 && !cargo {
        problems.push(PostProblem::CargoLanesWithoutCargo);
    }
    problems
}

/// What decides whether an item or equipment type applies to a post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applicability {
    pub kinds: Vec<PostKind>,
    pub cargo_only: bool,
    /// Only where the post has a shared or integrated control
    /// ([`Post::has_shared_control`]).
    pub shared_control_only: bool,
}

impl Applicability {
    /// Whether the item or type is asked at `post`: its kind is listed, it
    /// handles cargo if the rule is cargo-only, and it has a shared or
    /// integrated control if the rule is shared-control-only.
    pub fn applies_to(&self, post: &Post) -> bool {
        self.kinds.contains(&post.kind)
            && (post.cargo || !self.cargo_only)
            && (post.has_shared_control() || !self.shared_control_only)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_normalised_and_checked() {
        assert_eq!(PostCode::parse(" pe-des ").unwrap().as_str(), "PE-DES");
        assert!(PostCode::parse("X").is_err());
        assert!(PostCode::parse("PE DES").is_err());
        assert_eq!(CountryCode::parse("bo").unwrap().as_str(), "BO");
        assert!(CountryCode::parse("BOL").is_err());
        assert!(CountryCode::parse("B1").is_err());
    }

    #[test]
    fn cross_field_rules_are_all_reported() {
        let pe = CountryCode::parse("PE").unwrap();
        let none = PostProfile {
            shifts: 0,
            cargo_lanes: 2,
            ..PostProfile::default()
        };
        assert_eq!(
            post_problems(" ", Some(&pe), Some(&pe), false, &none),
            vec![
                PostProblem::EmptyName,
                PostProblem::NeighbourIsCountry,
                PostProblem::NoShifts,
                PostProblem::CargoLanesWithoutCargo
            ]
        );
        assert!(
            post_problems("Desaguadero", Some(&pe), None, true, &none)[..1]
                == [PostProblem::NoShifts]
        );
        assert!(post_problems("x", None, None, true, &PostProfile::default()).is_empty());
    }

    fn post(kind: PostKind, cargo: bool, model: ControlModel) -> Post {
        Post {
            code: PostCode::parse("PE-DES").unwrap(),
            name: "Desaguadero".into(),
            country: CountryCode::parse("PE").unwrap(),
            neighbour: CountryCode::parse("BO").unwrap(),
            kind,
            cargo,
            model,
            profile: PostProfile::default(),
            agencies: vec![],
        }
    }

    #[test]
    fn cargo_only_items_need_a_cargo_post_of_a_listed_kind() {
        let cargo = Applicability {
            kinds: vec![PostKind::Land],
            cargo_only: true,
            shared_control_only: false,
        };
        let none = ControlModel::None;
        assert!(cargo.applies_to(&post(PostKind::Land, true, none)));
        assert!(!cargo.applies_to(&post(PostKind::Land, false, none)));
        assert!(!cargo.applies_to(&post(PostKind::Air, true, none)));
    }

    #[test]
    fn shared_control_items_need_a_control_model_other_than_none() {
        let shared = Applicability {
            kinds: vec![PostKind::Land],
            cargo_only: false,
            shared_control_only: true,
        };
        assert!(!shared.applies_to(&post(PostKind::Land, true, ControlModel::None)));
        for model in [
            ControlModel::Juxtaposed,
            ControlModel::SingleHead,
            ControlModel::IntegratedArea,
        ] {
            let p = post(PostKind::Land, false, model);
            assert!(p.has_shared_control());
            assert!(shared.applies_to(&p), "{model}");
        }
        // The kind still has to be listed.
        assert!(!shared.applies_to(&post(PostKind::Air, false, ControlModel::Juxtaposed)));
        // Without the flag the model does not matter.
        let any = Applicability {
            shared_control_only: false,
            ..shared
        };
        assert!(any.applies_to(&post(PostKind::Land, false, ControlModel::None)));
    }

    #[test]
    fn kinds_and_models_round_trip_through_text() {
        for kind in PostKind::ALL {
            assert_eq!(kind.code().parse::<PostKind>().unwrap(), kind);
        }
        for model in ControlModel::ALL {
            assert_eq!(model.code().parse::<ControlModel>().unwrap(), model);
        }
        assert!("bridge".parse::<PostKind>().is_err());
    }
}
