//! Checklist scoring of one pillar: weighted mean of levels, completeness and the
//! critical gate. Knows nothing of equipment.

use crate::domain::assessment::Response;

/// One applicable item as scoring sees it.
#[derive(Debug, Clone, Copy)]
pub struct ScoredItem<'a> {
    pub weight: u8,
    pub critical: bool,
    pub response: &'a Response,
}

/// What a pillar's checklist gives before blending and levelling.
#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistScore {
    /// Σ(weight × level) ÷ Σ weight over answered items; `None` when none is answered.
    pub score: Option<f64>,
    /// Lowest answered critical level + 1: the highest level the pillar may reach.
    pub gate: Option<u8>,
    pub applicable: usize,
    pub answered: usize,
    pub not_applicable: usize,
}

impl ChecklistScore {
    pub fn open(&self) -> usize {
        self.applicable - self.answered - self.not_applicable
    }

    /// (answered + N/A) ÷ applicable; `None` when nothing applies.
    pub fn completeness(&self) -> Option<f64> {
        if self.applicable == 0 {
            None
        } else {
            Some((self.answered + self.not_applicable) as f64 / self.applicable as f64)
        }
    }
}

/// Scores the applicable items of one pillar.
pub fn score_checklist(items: &[ScoredItem<'_>]) -> ChecklistScore {
    let mut weighted = 0.0;
    let mut weights = 0.0;
    let mut answered = 0;
    let mut not_applicable = 0;
    let mut lowest_critical: Option<u8> = None;
    for item in items {
        match item.response {
            Response::Level(level) => {
                answered += 1;
                weighted += f64::from(item.weight) * f64::from(*level);
                weights += f64::from(item.weight);
                if item.critical {
                    lowest_critical = Some(lowest_critical.map_or(*level, |l| l.min(*level)));
                }
            }
            Response::NotApplicable { .. } => not_applicable += 1,
            Response::Open => {}
        }
    }
    ChecklistScore {
        score: (weights > 0.0).then(|| weighted / weights),
        gate: lowest_critical.map(|l| l + 1),
        applicable: items.len(),
        answered,
        not_applicable,
    }
}

/// floor() that forgives float noise: 2.9999999999 counts as 3.
pub fn level_of(score: f64) -> u8 {
    (score + 1e-9).floor().clamp(0.0, 4.0) as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn lvl(l: u8) -> Response {
        Response::Level(l)
    }

    fn na() -> Response {
        Response::NotApplicable {
            reason: "no river traffic".into(),
        }
    }

    #[test]
    fn golden_weighted_mean_completeness_and_gate() {
        let (a, b, c, d, e) = (lvl(3), lvl(1), lvl(4), na(), Response::Open);
        let items = [
            ScoredItem {
                weight: 3,
                critical: false,
                response: &a,
            },
            ScoredItem {
                weight: 1,
                critical: true,
                response: &b,
            },
            ScoredItem {
                weight: 2,
                critical: false,
                response: &c,
            },
            ScoredItem {
                weight: 3,
                critical: true,
                response: &d,
            },
            ScoredItem {
                weight: 2,
                critical: false,
                response: &e,
            },
        ];
        let s = score_checklist(&items);
        // (3×3 + 1×1 + 2×4) ÷ (3 + 1 + 2) = 18 ÷ 6 = 3.0; N/A and open left out.
        assert_eq!(s.score, Some(3.0));
        // The only answered critical item is at 1, so the pillar may reach 2 at most.
        assert_eq!(s.gate, Some(2));
        // 3 answered + 1 N/A of 5 applicable = 0.8.
        assert_eq!(s.completeness(), Some(0.8));
        assert_eq!(s.open(), 1);
    }

    #[test]
    fn nothing_answered_gives_no_score_rather_than_zero() {
        let open = Response::Open;
        let s = score_checklist(&[ScoredItem {
            weight: 2,
            critical: true,
            response: &open,
        }]);
        assert_eq!(s.score, None);
        assert_eq!(s.gate, None);
        assert_eq!(s.completeness(), Some(0.0));
        assert_eq!(score_checklist(&[]).completeness(), None);
    }

    #[test]
    fn level_floors_with_tolerance() {
        assert_eq!(level_of(2.9999999999), 3);
        assert_eq!(level_of(2.99), 2);
        assert_eq!(level_of(4.0), 4);
        assert_eq!(level_of(0.0), 0);
    }

    fn arb_response() -> impl Strategy<Value = Response> {
        prop_oneof![
            (0u8..=4).prop_map(Response::Level),
            Just(Response::Open),
            Just(Response::NotApplicable { reason: "r".into() }),
        ]
    }

    fn arb_items() -> impl Strategy<Value = Vec<(u8, bool, Response)>> {
        prop::collection::vec((1u8..=3, any::<bool>(), arb_response()), 0..40)
    }

    fn score_of(items: &[(u8, bool, Response)]) -> ChecklistScore {
        let scored: Vec<_> = items
            .iter()
            .map(|(w, c, r)| ScoredItem {
                weight: *w,
                critical: *c,
                response: r,
            })
            .collect();
        score_checklist(&scored)
    }

    proptest! {
        #[test]
        fn score_stays_between_0_and_4(items in arb_items()) {
            if let Some(s) = score_of(&items).score {
                prop_assert!((0.0..=4.0).contains(&s));
            }
        }

        #[test]
        fn adding_na_items_never_changes_the_score(items in arb_items(), extra in 1usize..5, crit in any::<bool>()) {
            let before = score_of(&items);
            let mut more = items.clone();
            for _ in 0..extra {
                more.push((3, crit, Response::NotApplicable { reason: "x".into() }));
            }
            let after = score_of(&more);
            prop_assert_eq!(before.score, after.score);
            prop_assert_eq!(before.gate, after.gate);
        }

        #[test]
        fn raising_one_level_never_lowers_the_score(items in arb_items(), pick in any::<prop::sample::Index>()) {
            let levelled: Vec<usize> = items.iter().enumerate()
                .filter(|(_, (_, _, r))| matches!(r, Response::Level(l) if *l < 4))
                .map(|(i, _)| i)
                .collect();
            prop_assume!(!levelled.is_empty());
            let i = levelled[pick.index(levelled.len())];
            let mut raised = items.clone();
            if let Response::Level(l) = raised[i].2 { raised[i].2 = Response::Level(l + 1); }
            let (a, b) = (score_of(&items), score_of(&raised));
            prop_assert!(b.score.unwrap() >= a.score.unwrap() - 1e-12);
            prop_assert!(b.gate.unwrap_or(5) >= a.gate.unwrap_or(5));
        }

        #[test]
        fn a_critical_zero_caps_the_gate_at_one(items in arb_items(), w in 1u8..=3) {
            let mut with_zero = items.clone();
            with_zero.push((w, true, Response::Level(0)));
            prop_assert_eq!(score_of(&with_zero).gate, Some(1));
        }
    }
}
