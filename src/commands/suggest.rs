//! "Did you mean": the known ids nearest to a mistyped one, for the errors of
//! `answer` and `equipment`, so a typo costs one retry instead of a search.

/// At most this many ids are offered: more reads as a list, not a suggestion.
pub const MAX_SUGGESTIONS: usize = 3;

/// Levenshtein distance over characters (insert, delete, substitute, each 1).
/// Two rows only: ids are short and this runs once per error.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitute.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// Up to [`MAX_SUGGESTIONS`] of `known`, nearest first: ids within a few edits
/// of `given` (about one in three characters, at least 2, so a short typo is
/// caught and an unrelated id is not), then ids that contain `given` (someone
/// who typed only `database-query` means the whole id). Case is ignored.
pub fn nearest<'a>(given: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let given = given.trim().to_lowercase();
    if given.is_empty() {
        return Vec::new();
    }
    let limit = (given.chars().count() / 3).max(2);
    let mut ranked: Vec<(usize, &str)> = known
        .into_iter()
        .filter_map(|id| {
            let lower = id.to_lowercase();
            let distance = edit_distance(&given, &lower);
            if distance <= limit {
                Some((distance, id))
            } else if given.chars().count() >= 3 && lower.contains(&given) {
                // After every near miss: containing the text is a weaker hint.
                Some((limit + 1, id))
            } else {
                None
            }
        })
        .collect();
    ranked.sort();
    ranked.dedup_by(|a, b| a.1 == b.1);
    ranked
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, id)| id)
        .collect()
}

/// The tail of an "unknown id" error: the nearest ids through `did_you_mean`
/// (its `{ids}`), else `otherwise` (where the whole list is).
pub fn hint<'a>(
    given: &str,
    known: impl IntoIterator<Item = &'a str>,
    did_you_mean: &str,
    otherwise: &str,
) -> String {
    let found = nearest(given, known);
    if found.is_empty() {
        otherwise.to_string()
    } else {
        crate::messages::fill(did_you_mean, &[("ids", &found.join(", "))])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_single_edits() {
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("databse", "database"), 1);
        assert_eq!(edit_distance("ab", "ba"), 2);
        // Characters, not bytes: one accented letter is one edit.
        assert_eq!(edit_distance("señal", "senal"), 1);
    }

    #[test]
    fn distance_is_symmetric() {
        for (a, b) in [("flaw", "lawn"), ("p2.checks", "p2.check"), ("x", "xyz")] {
            assert_eq!(edit_distance(a, b), edit_distance(b, a));
        }
    }

    const IDS: [&str; 5] = [
        "p2.checks.database-query",
        "p2.checks.database-hit",
        "p2.checks.document-check",
        "p1.legal.mandate",
        "p4.power.backup",
    ];

    #[test]
    fn a_typo_finds_the_id_first() {
        let found = nearest("p2.checks.databse-query", IDS);
        assert_eq!(found.first(), Some(&"p2.checks.database-query"));
        assert!(!found.contains(&"p1.legal.mandate"));
    }

    #[test]
    fn a_fragment_finds_the_ids_containing_it() {
        assert_eq!(
            nearest("database", IDS),
            vec!["p2.checks.database-hit", "p2.checks.database-query"]
        );
        assert_eq!(
            nearest("DATABASE-QUERY", IDS),
            vec!["p2.checks.database-query"]
        );
    }

    #[test]
    fn nothing_near_gives_nothing_and_at_most_three() {
        assert!(nearest("zzzzzzzzzzzz", IDS).is_empty());
        assert!(nearest("  ", IDS).is_empty());
        assert!(nearest("p", IDS).len() <= MAX_SUGGESTIONS);
        assert_eq!(nearest("p2.checks", IDS).len(), MAX_SUGGESTIONS);
    }
}
