//! What an action may hold: one rule set for the command line and the
//! interface, each problem named so both can say it in the person's language.

use super::{ActionEdit, Cite, Cost};
use crate::domain::assessment::{Depth, NOTE_MAX_CHARS};
use crate::domain::pack::Pack;
use crate::domain::post::Post;
use crate::domain::time;

/// The longest title and agency name, in characters: a table cell.
pub const SHORT_MAX_CHARS: usize = 200;

/// One thing wrong with what was typed for an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanProblem {
    EmptyTitle,
    /// `field` is "title", "text" or "agency".
    TooLong {
        field: &'static str,
        chars: usize,
        max: usize,
    },
    /// Not a calendar date written YYYY-MM-DD.
    BadDate(String),
    /// Due before the visit that found the gap.
    DueBeforeVisit {
        due: String,
        visit: String,
    },
    /// Not whole units: digits, optionally grouped by three.
    BadAmount(String),
    /// Not a three-letter ISO 4217 code.
    BadCurrency(String),
    /// An action cites at least one item or equipment type.
    NoCites,
    UnknownItem(String),
    /// The item exists but is not asked at this post (or at this depth).
    ItemNotHere(String),
    UnknownType(String),
}

/// Reads an amount in whole units: `12500`, `12 500`, `12,500` or `12.500`
/// (groups of three after the first), never a decimal fraction.
pub fn parse_amount(text: &str) -> Result<u64, PlanProblem> {
    let bad = || PlanProblem::BadAmount(text.to_string());
    let trimmed = text.trim();
    let groups: Vec<&str> = trimmed.split([' ', ',', '.', '_', '\u{a0}']).collect();
    let well_grouped = groups.iter().enumerate().all(|(i, g)| {
        !g.is_empty()
            && g.bytes().all(|b| b.is_ascii_digit())
            && if i == 0 {
                g.len() <= if groups.len() > 1 { 3 } else { 18 }
            } else {
                g.len() == 3
            }
    });
    if !well_grouped {
        return Err(bad());
    }
    groups.concat().parse().map_err(|_| bad())
}

/// Reads a currency code: three letters, upper-cased (`eur` → `EUR`).
pub fn parse_currency(text: &str) -> Result<String, PlanProblem> {
    let code = text.trim().to_ascii_uppercase();
    if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(code)
    } else {
        Err(PlanProblem::BadCurrency(text.to_string()))
    }
}

/// Reads a cost from its amount and currency.
pub fn parse_cost(amount: &str, currency: &str) -> Result<Cost, Vec<PlanProblem>> {
    match (parse_amount(amount), parse_currency(currency)) {
        (Ok(amount), Ok(currency)) => Ok(Cost { amount, currency }),
        (a, c) => Err([a.err(), c.err()].into_iter().flatten().collect()),
    }
}

/// Where an action belongs: what it may cite, and the visit's date.
pub struct PlanScope<'a> {
    pub pack: &'a Pack,
    pub post: &'a Post,
    pub depth: Depth,
    /// YYYY-MM-DD of the visit (the assessment's start).
    pub visit: &'a str,
}

impl PlanScope<'_> {
    fn check_cite(&self, cite: &Cite) -> Option<PlanProblem> {
        match cite {
            Cite::Item(id) => match self.pack.item(id) {
                None => Some(PlanProblem::UnknownItem(id.clone())),
                Some(item)
                    if !item.applicability.applies_to(self.post) || !self.depth.asks(item) =>
                {
                    Some(PlanProblem::ItemNotHere(id.clone()))
                }
                Some(_) => None,
            },
            Cite::Equipment(id) => {
                let uncatalogued =
                    id.starts_with(crate::domain::assessment::EquipmentRecord::UNCATALOGUED_PREFIX);
                (self.pack.catalogue.get(id).is_none() && !uncatalogued)
                    .then(|| PlanProblem::UnknownType(id.clone()))
            }
        }
    }

    /// Every problem with `edit`; for a new action `new` also asks for a
    /// title and at least one cite.
    pub fn problems(&self, edit: &ActionEdit, new: bool) -> Vec<PlanProblem> {
        let mut found = Vec::new();
        match &edit.title {
            Some(title) if title.trim().is_empty() => found.push(PlanProblem::EmptyTitle),
            None if new => found.push(PlanProblem::EmptyTitle),
            _ => {}
        }
        let long = |field, text: &Option<String>, max| {
            let chars = text.as_deref().map_or(0, |t| t.chars().count());
            (chars > max).then_some(PlanProblem::TooLong { field, chars, max })
        };
        found.extend(long("title", &edit.title, SHORT_MAX_CHARS));
        found.extend(long("text", &edit.body, NOTE_MAX_CHARS));
        found.extend(long("agency", &edit.agency, SHORT_MAX_CHARS));
        if let Some(Some(due)) = &edit.due {
            if !time::is_date(due) {
                found.push(PlanProblem::BadDate(due.clone()));
            } else if due.as_str() < self.visit {
                found.push(PlanProblem::DueBeforeVisit {
                    due: due.clone(),
                    visit: self.visit.to_string(),
                });
            }
        }
        if let Some(Some(cost)) = &edit.cost
            && let Err(problem) = parse_currency(&cost.currency)
        {
            found.push(problem);
        }
        match &edit.cites {
            Some(cites) if cites.is_empty() => found.push(PlanProblem::NoCites),
            None if new => found.push(PlanProblem::NoCites),
            Some(cites) => found.extend(cites.iter().filter_map(|c| self.check_cite(c))),
            None => {}
        }
        found
    }
}
