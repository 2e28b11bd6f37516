//! Fitting text into columns without cutting a word in half, and drawing bars.

/// `text` in at most `width` columns: whole when it fits, else cut at a word
/// boundary (or, for one long word, inside it) and ended with "…". Control
/// characters of stored text are shown escaped (`\u{1b}`), never dropped
/// silently or sent raw.
pub fn fit(text: &str, width: usize) -> String {
    let shown = crate::output::visible_line(text);
    let text = shown.as_ref();
    let count = text.chars().count();
    if count <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let head: String = text.chars().take(width - 1).collect();
    let cut = match head.rfind(' ') {
        Some(space) if space > 0 => &head[..space],
        _ => head.as_str(),
    };
    format!("{}…", cut.trim_end_matches([' ', ',', ';', ':', '–', '-']))
}

/// `text` fitted and padded to exactly `width` columns.
pub fn cell(text: &str, width: usize) -> String {
    let fitted = fit(text, width);
    let pad = width.saturating_sub(fitted.chars().count());
    format!("{fitted}{}", " ".repeat(pad))
}

/// `text` right-aligned in `width` columns.
pub fn right(text: &str, width: usize) -> String {
    let fitted = fit(text, width);
    let pad = width.saturating_sub(fitted.chars().count());
    format!("{}{fitted}", " ".repeat(pad))
}

/// A bar of `width` cells filled to `share` (0–1).
pub fn bar(share: f64, width: usize) -> String {
    let filled = ((share.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

/// A share as a whole percentage.
pub fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "—".to_string(), |s| format!("{:.0} %", s * 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_between_words() {
        assert_eq!(
            fit("Rumichaca (Tulcán – Ipiales)", 40),
            "Rumichaca (Tulcán – Ipiales)"
        );
        assert_eq!(
            fit("Rumichaca (Tulcán – Ipiales)", 20),
            "Rumichaca (Tulcán…"
        );
        assert_eq!(fit("Supercalifragilistic", 8), "Superca…");
        assert_eq!(fit("Legal and institutional frameworks", 22), "Legal and…");
        assert_eq!(cell("ab", 4), "ab  ");
        assert_eq!(right("7", 3), "  7");
        assert_eq!(bar(0.5, 4), "██░░");
        assert_eq!(percent(Some(0.854)), "85 %");
    }
}
