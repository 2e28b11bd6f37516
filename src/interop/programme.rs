//! The programme table for BI tools: one row per post and assessment, with
//! the scores per pillar as `frontera score --json` gives them.

use serde_json::Value;

use super::headers::{Header, header};
use super::{Cell, Table};
use crate::bundle::Bundle;
use crate::domain::lang::Lang;
use crate::domain::pack::PILLARS;

/// `bundles` in the order given (the caller sorts by post, then date).
pub fn table(bundles: &[Bundle], lang: Lang) -> Table {
    use Header::*;
    let mut headers: Vec<String> = [Post, PostName, Country, Assessment, Status, Finalised]
        .iter()
        .map(|h| header(*h, lang).to_string())
        .collect();
    for p in PILLARS {
        for h in [Score, Level, Completeness] {
            headers.push(format!(
                "{} {p} — {}",
                header(Pillar, lang),
                header(h, lang)
            ));
        }
    }
    for h in [Score, Level] {
        headers.push(format!("{} — {}", header(Overall, lang), header(h, lang)));
    }
    headers.push(header(Eui, lang).to_string());
    let rows = bundles
        .iter()
        .map(|b| {
            let score = crate::json::score(b.header.id.as_str(), &b.score());
            let mut row = vec![
                Cell::Text(b.post.code.as_str().to_string()),
                Cell::Text(b.post.name.clone()),
                Cell::Text(b.post.country.as_str().to_string()),
                Cell::Text(b.header.id.to_string()),
                Cell::Text(b.header.status.code().to_string()),
                b.header
                    .finalised_at
                    .clone()
                    .map_or(Cell::Empty, Cell::Text),
            ];
            for p in PILLARS {
                let pillar = score["pillars"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .find(|x| x["pillar"] == p)
                    .cloned()
                    .unwrap_or(Value::Null);
                for key in ["score", "level", "completeness"] {
                    row.push(Cell::from_json(&pillar[key]));
                }
            }
            row.push(Cell::from_json(&score["overall"]["score"]));
            row.push(Cell::from_json(&score["overall"]["level"]));
            row.push(Cell::from_json(&score["equipment"]["eui"]));
            row
        })
        .collect();
    Table {
        name: "programme",
        headers,
        rows,
    }
}
