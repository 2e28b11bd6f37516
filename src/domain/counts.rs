//! The rules equipment counts obey together: no more functional units than
//! present ones, no more in use than functional, no more maintained than
//! present. One rule set, used by the store (so the command line and the
//! interface refuse the same things) and by the scoring (to report rows stored
//! before the rule existed).

use super::assessment::EquipmentCounts;

/// One way a row's counts contradict each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CountProblem {
    FunctionalAbovePresent {
        functional: u32,
        present: u32,
    },
    InUseAboveFunctional {
        in_use: u32,
        functional: u32,
    },
    /// With functional units not recorded, in use is held to present.
    InUseAbovePresent {
        in_use: u32,
        present: u32,
    },
    MaintainedAbovePresent {
        maintained: u32,
        present: u32,
    },
}

impl CountProblem {
    /// The two counts involved, as (field, value) pairs, for messages.
    pub fn counts(self) -> [(&'static str, u32); 2] {
        match self {
            CountProblem::FunctionalAbovePresent {
                functional,
                present,
            } => [("functional", functional), ("present", present)],
            CountProblem::InUseAboveFunctional { in_use, functional } => {
                [("in_use", in_use), ("functional", functional)]
            }
            CountProblem::InUseAbovePresent { in_use, present } => {
                [("in_use", in_use), ("present", present)]
            }
            CountProblem::MaintainedAbovePresent {
                maintained,
                present,
            } => [("maintained", maintained), ("present", present)],
        }
    }
}

impl EquipmentCounts {
    /// Every rule these counts break; counts not recorded break none.
    pub fn problems(&self) -> Vec<CountProblem> {
        let mut found = Vec::new();
        if let (Some(functional), Some(present)) = (self.functional, self.present)
            && functional > present
        {
            found.push(CountProblem::FunctionalAbovePresent {
                functional,
                present,
            });
        }
        match (self.in_use, self.functional, self.present) {
            (Some(in_use), Some(functional), _) if in_use > functional => {
                found.push(CountProblem::InUseAboveFunctional { in_use, functional });
            }
            (Some(in_use), None, Some(present)) if in_use > present => {
                found.push(CountProblem::InUseAbovePresent { in_use, present });
            }
            _ => {}
        }
        if let (Some(maintained), Some(present)) = (self.maintained, self.present)
            && maintained > present
        {
            found.push(CountProblem::MaintainedAbovePresent {
                maintained,
                present,
            });
        }
        found
    }

    /// The rules these counts break that `before` did not: what a change
    /// introduces. A row stored before the rules existed can so be mended one
    /// count at a time.
    pub fn new_problems(&self, before: &EquipmentCounts) -> Vec<CountProblem> {
        let old: Vec<_> = before
            .problems()
            .iter()
            .map(std::mem::discriminant)
            .collect();
        self.problems()
            .into_iter()
            .filter(|p| !old.contains(&std::mem::discriminant(p)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(present: u32, functional: u32, in_use: u32, maintained: u32) -> EquipmentCounts {
        EquipmentCounts {
            present: Some(present),
            functional: Some(functional),
            in_use: Some(in_use),
            maintained: Some(maintained),
            ..EquipmentCounts::default()
        }
    }

    #[test]
    fn consistent_counts_break_no_rule() {
        assert!(counts(3, 3, 2, 3).problems().is_empty());
        assert!(counts(0, 0, 0, 0).problems().is_empty());
        assert!(EquipmentCounts::default().problems().is_empty());
    }

    #[test]
    fn each_contradiction_is_named_with_its_counts() {
        // The field trial's row: 2 present, 5 functional, 40 maintained.
        assert_eq!(
            counts(2, 5, 0, 40).problems(),
            vec![
                CountProblem::FunctionalAbovePresent {
                    functional: 5,
                    present: 2
                },
                CountProblem::MaintainedAbovePresent {
                    maintained: 40,
                    present: 2
                },
            ]
        );
        assert_eq!(
            counts(4, 2, 3, 4).problems(),
            vec![CountProblem::InUseAboveFunctional {
                in_use: 3,
                functional: 2
            }]
        );
        let no_functional = EquipmentCounts {
            present: Some(1),
            in_use: Some(2),
            ..EquipmentCounts::default()
        };
        assert_eq!(
            no_functional.problems(),
            vec![CountProblem::InUseAbovePresent {
                in_use: 2,
                present: 1
            }]
        );
    }
}
