//! The programme report's model: every post's latest final assessment side by
//! side — a heatmap of posts × pillars, the overall ranking, equipment
//! utilisation per post, and the trend of posts assessed more than once.

use super::{
    Align, Block, Cell, Chart, Column, ReportModel, Row, Series, SeriesStyle, Table, TextStyle,
    Tone,
};
use crate::domain::lang::Lang;
use crate::domain::pack::PILLARS;
use crate::domain::post::Post;
use crate::domain::scoring::AssessmentScore;
use crate::report::strings::{Strings, delta, score};

/// Bars per utilisation chart; more posts give more charts.
const BARS_PER_CHART: usize = 25;

/// One final assessment as the programme report uses it.
#[derive(Debug, Clone)]
pub struct FinalScore {
    pub id: String,
    pub created_at: String,
    pub score: AssessmentScore,
}

/// A post with its final assessments, oldest first (possibly none).
#[derive(Debug, Clone)]
pub struct ProgrammeEntry {
    pub post: Post,
    pub finals: Vec<FinalScore>,
}

#[derive(Debug, Clone)]
pub struct ProgrammeInput<'a> {
    pub entries: &'a [ProgrammeEntry],
    /// Pillar titles (number, title) and level names in the report's language.
    pub pillar_titles: Vec<(u8, String)>,
    pub level_names: Vec<String>,
    pub lang: Lang,
    pub marking: Option<&'a str>,
    pub date: &'a str,
}

fn level_cell(input: &ProgrammeInput<'_>, value: Option<f64>, level: Option<u8>) -> Cell {
    let text = score(input.lang, value);
    match level {
        Some(l) => Cell::toned(text, Tone::Level(l)),
        None => Cell::text(text),
    }
}

fn heatmap(input: &ProgrammeInput<'_>, s: &Strings, latest: &[(&Post, &FinalScore)]) -> Vec<Block> {
    let mut columns = vec![Column::new(s.post, 3.6, Align::Left)];
    columns.extend(
        PILLARS
            .iter()
            .map(|n| Column::new(n.to_string(), 0.9, Align::Center)),
    );
    columns.push(Column::new(s.overall, 1.1, Align::Center));
    columns.push(Column::new(s.assessed_on, 2.6, Align::Left));
    let rows = latest
        .iter()
        .map(|(post, fin)| {
            let mut cells = vec![Cell::text(format!("{} ({})", post.name, post.code))];
            cells.extend(PILLARS.iter().map(|n| {
                let p = fin.score.pillar(*n);
                level_cell(input, p.and_then(|p| p.score), p.and_then(|p| p.level))
            }));
            cells.push(level_cell(
                input,
                fin.score.overall_score,
                fin.score.overall_level,
            ));
            cells.push(Cell::text(s.date(&fin.created_at)));
            Row::new(cells)
        })
        .collect();
    let legend: Vec<String> = input
        .pillar_titles
        .iter()
        .map(|(n, t)| format!("{n} = {t}"))
        .collect();
    let levels: Vec<String> = input
        .level_names
        .iter()
        .enumerate()
        .map(|(n, name)| format!("{n} {name}"))
        .collect();
    vec![
        Block::Heading {
            level: 2,
            text: s.heatmap.into(),
        },
        Block::Paragraph {
            text: s.heatmap_intro.into(),
            style: TextStyle::Body,
        },
        Block::Paragraph {
            text: format!("{}: {}", s.pillar, legend.join("; ")),
            style: TextStyle::Note,
        },
        Block::Paragraph {
            text: format!("{}:", s.legend_levels),
            style: TextStyle::Note,
        },
        Block::Table(Table {
            columns: levels
                .iter()
                .map(|_| Column::new("", 1.0, Align::Center))
                .collect(),
            rows: vec![Row::new(
                levels
                    .iter()
                    .enumerate()
                    .map(|(n, l)| Cell::toned(l.clone(), Tone::Level(n as u8)))
                    .collect(),
            )],
        }),
        Block::Table(Table { columns, rows }),
    ]
}

fn ranking(input: &ProgrammeInput<'_>, s: &Strings, latest: &[(&Post, &FinalScore)]) -> Vec<Block> {
    let mut ranked: Vec<&(&Post, &FinalScore)> = latest.iter().collect();
    ranked.sort_by(|a, b| {
        let (x, y) = (a.1.score.overall_score, b.1.score.overall_score);
        y.partial_cmp(&x)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.0.code.cmp(&b.0.code))
    });
    let rows = ranked
        .iter()
        .enumerate()
        .map(|(n, (post, fin))| {
            let level = fin.score.overall_level;
            Row::new(vec![
                Cell::text((n + 1).to_string()),
                Cell::text(format!("{} ({})", post.name, post.code)),
                level_cell(input, fin.score.overall_score, level),
                Cell::text(
                    level
                        .and_then(|l| input.level_names.get(usize::from(l)))
                        .map_or("—".to_string(), |name| {
                            format!("{} – {name}", level.unwrap_or(0))
                        }),
                ),
                Cell::text(score(input.lang, fin.score.equipment.eui)),
            ])
        })
        .collect();
    let mut blocks = vec![
        Block::Heading {
            level: 2,
            text: s.ranking.into(),
        },
        Block::Table(Table {
            columns: vec![
                Column::new(s.rank, 0.8, Align::Right),
                Column::new(s.post, 4.0, Align::Left),
                Column::new(s.overall_score, 1.4, Align::Center),
                Column::new(s.overall_level, 1.9, Align::Left),
                Column::new(s.eui, 1.6, Align::Right),
            ],
            rows,
        }),
    ];
    for chunk in latest.chunks(BARS_PER_CHART) {
        let values: Vec<Option<f64>> = chunk.iter().map(|(_, f)| f.score.equipment.eui).collect();
        blocks.push(Block::Chart(Chart::Bars {
            title: s.utilisation_per_post.into(),
            categories: chunk.iter().map(|(p, _)| p.code.to_string()).collect(),
            max: 1.0,
            ticks: super::ticks(input.lang, 1.0, 0.25, 2),
            series: vec![Series {
                name: s.eui.into(),
                style: SeriesStyle::Current,
                labels: values.iter().map(|v| score(input.lang, *v)).collect(),
                values,
            }],
        }));
    }
    blocks
}

fn trend(input: &ProgrammeInput<'_>, s: &Strings) -> Vec<Block> {
    let mut blocks = vec![
        Block::Heading {
            level: 2,
            text: s.trend.into(),
        },
        Block::Paragraph {
            text: s.trend_intro.into(),
            style: TextStyle::Body,
        },
    ];
    let mut rows = Vec::new();
    for entry in input.entries.iter().filter(|e| e.finals.len() > 1) {
        rows.push(Row::group(format!(
            "{} ({})",
            entry.post.name, entry.post.code
        )));
        let mut before: Option<f64> = None;
        for fin in &entry.finals {
            let mut cells = vec![Cell::text(s.date(&fin.created_at))];
            cells.extend(PILLARS.iter().map(|n| {
                let p = fin.score.pillar(*n);
                level_cell(input, p.and_then(|p| p.score), p.and_then(|p| p.level))
            }));
            cells.push(level_cell(
                input,
                fin.score.overall_score,
                fin.score.overall_level,
            ));
            cells.push(match (fin.score.overall_score, before) {
                (Some(now), Some(b)) => Cell::toned(
                    delta(input.lang, now - b),
                    if now > b + 0.005 {
                        Tone::Good
                    } else if now < b - 0.005 {
                        Tone::Bad
                    } else {
                        Tone::Plain
                    },
                ),
                _ => Cell::text("—"),
            });
            before = fin.score.overall_score;
            rows.push(Row::new(cells));
        }
    }
    if rows.is_empty() {
        blocks.push(Block::Paragraph {
            text: s.no_trend.into(),
            style: TextStyle::Body,
        });
    } else {
        let mut columns = vec![Column::new(s.assessed_on, 2.0, Align::Left)];
        columns.extend(
            PILLARS
                .iter()
                .map(|n| Column::new(n.to_string(), 1.0, Align::Center)),
        );
        columns.push(Column::new(s.overall, 1.2, Align::Center));
        columns.push(Column::new(s.change, 1.2, Align::Right));
        blocks.push(Block::Table(Table { columns, rows }));
    }
    blocks
}

pub fn build_programme(input: &ProgrammeInput<'_>) -> ReportModel {
    let s = Strings::get(input.lang);
    let latest: Vec<(&Post, &FinalScore)> = input
        .entries
        .iter()
        .filter_map(|e| e.finals.last().map(|f| (&e.post, f)))
        .collect();
    let mut blocks = vec![
        Block::Title {
            title: s.programme_title.into(),
            subtitle: s.programme_subtitle.into(),
        },
        Block::KeyValues(vec![(s.report_date.into(), s.date(input.date))]),
    ];
    if latest.is_empty() {
        blocks.push(Block::Paragraph {
            text: s.no_final.into(),
            style: TextStyle::Body,
        });
    } else {
        blocks.extend(heatmap(input, s, &latest));
        blocks.extend(ranking(input, s, &latest));
        blocks.extend(trend(input, s));
    }
    let without: Vec<String> = input
        .entries
        .iter()
        .filter(|e| e.finals.is_empty())
        .map(|e| format!("{} ({})", e.post.name, e.post.code))
        .collect();
    if !without.is_empty() {
        blocks.push(Block::Heading {
            level: 2,
            text: s.posts_without_final.into(),
        });
        blocks.push(Block::Paragraph {
            text: without.join("; "),
            style: TextStyle::Body,
        });
    }
    ReportModel {
        lang: input.lang,
        title: s.programme_title.into(),
        running_head: format!("EUROFRONT — {}", s.programme_title),
        marking: input.marking.map(str::to_string),
        draft_mark: None,
        date: s.date(input.date),
        page_template: s.page_of.to_string(),
        reference: format!("EUROFRONT · {}", s.programme_title),
        blocks,
    }
}
