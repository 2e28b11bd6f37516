//! The register of border posts.

use rusqlite::{Connection, OptionalExtension, params};

use super::convert::{self, POST_COLUMNS};
use super::{LogEntry, Result, Store, StoreError, log, now};
use crate::domain::post::{Post, PostCode};

/// Whether a post with this code is registered.
pub(super) fn exists(conn: &Connection, code: &PostCode) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM posts WHERE code = ?1)",
        [code.as_str()],
        |r| r.get(0),
    )?)
}

impl Store {
    pub fn add_post(&mut self, post: &Post) -> Result<()> {
        let at = now();
        let actor = self.actor.clone();
        let tx = self.write()?;
        if exists(&tx, &post.code)? {
            return Err(StoreError::DuplicatePost(post.code.to_string()));
        }
        tx.execute(
            &format!(
                "INSERT INTO posts ({POST_COLUMNS}, created_at, created_by)
                      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
            ),
            params![
                post.code.as_str(),
                post.name,
                post.country.as_str(),
                post.neighbour.as_str(),
                post.kind.code(),
                post.cargo,
                post.model.code(),
                post.profile.lanes,
                post.profile.cargo_lanes,
                post.profile.booths,
                post.profile.shifts,
                convert::to_json_list(&post.agencies),
                at,
                actor,
            ],
        )?;
        log(
            &tx,
            &actor,
            &at,
            LogEntry {
                assessment: None,
                entity: "post",
                entity_id: post.code.as_str(),
                field: "created",
                old: None,
                new: Some(post.name.clone()),
            },
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Rewrites a post's register entry, logging each field that changes.
    /// What the scores of a final assessment rest on (country, kind, cargo,
    /// control model, lanes, booths, shifts) is refused while one is final:
    /// a final assessment must read the same tomorrow.
    pub fn update_post(&mut self, post: &Post) -> Result<()> {
        let at = now();
        let actor = self.actor.clone();
        let old = self.post(&post.code)?;
        let tx = self.write()?;
        let changes = post_changes(&old, post);
        let scored: Vec<String> = changes
            .iter()
            .filter(|c| c.scored)
            .map(|c| c.field.to_string())
            .collect();
        let has_final: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM assessments WHERE post_code = ?1 AND status = 'final')",
            [post.code.as_str()],
            |r| r.get(0),
        )?;
        if has_final && !scored.is_empty() {
            return Err(StoreError::PostInUse {
                code: post.code.to_string(),
                fields: scored,
            });
        }
        tx.execute(
            "UPDATE posts SET name = ?2, country = ?3, neighbour = ?4, kind = ?5, cargo = ?6,
                              model = ?7, lanes = ?8, cargo_lanes = ?9, booths = ?10, shifts = ?11,
                              agencies = ?12
             WHERE code = ?1",
            params![
                post.code.as_str(),
                post.name,
                post.country.as_str(),
                post.neighbour.as_str(),
                post.kind.code(),
                post.cargo,
                post.model.code(),
                post.profile.lanes,
                post.profile.cargo_lanes,
                post.profile.booths,
                post.profile.shifts,
                convert::to_json_list(&post.agencies),
            ],
        )?;
        for change in changes {
            log(
                &tx,
                &actor,
                &at,
                LogEntry {
                    assessment: None,
                    entity: "post",
                    entity_id: post.code.as_str(),
                    field: change.field,
                    old: Some(change.old),
                    new: Some(change.new),
                },
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn posts(&self) -> Result<Vec<Post>> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {POST_COLUMNS} FROM posts ORDER BY code"))?;
        let rows = stmt.query_map([], convert::post)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn post(&self, code: &PostCode) -> Result<Post> {
        self.conn
            .query_row(
                &format!("SELECT {POST_COLUMNS} FROM posts WHERE code = ?1"),
                [code.as_str()],
                convert::post,
            )
            .optional()?
            .ok_or_else(|| StoreError::UnknownPost(code.to_string()))
    }

    pub fn post_exists(&self, code: &PostCode) -> Result<bool> {
        exists(&self.conn, code)
    }
}

/// One field of a post that an edit changes.
struct PostChange {
    field: &'static str,
    old: String,
    new: String,
    /// Scores (what is asked, equipment needs) depend on it.
    scored: bool,
}

fn post_changes(old: &Post, new: &Post) -> Vec<PostChange> {
    let fields: [(&'static str, String, String, bool); 11] = [
        ("name", old.name.clone(), new.name.clone(), false),
        (
            "country",
            old.country.to_string(),
            new.country.to_string(),
            true,
        ),
        (
            "neighbour",
            old.neighbour.to_string(),
            new.neighbour.to_string(),
            false,
        ),
        ("kind", old.kind.code().into(), new.kind.code().into(), true),
        ("cargo", old.cargo.to_string(), new.cargo.to_string(), true),
        (
            "model",
            old.model.code().into(),
            new.model.code().into(),
            true,
        ),
        (
            "lanes",
            old.profile.lanes.to_string(),
            new.profile.lanes.to_string(),
            true,
        ),
        (
            "cargo_lanes",
            old.profile.cargo_lanes.to_string(),
            new.profile.cargo_lanes.to_string(),
            true,
        ),
        (
            "booths",
            old.profile.booths.to_string(),
            new.profile.booths.to_string(),
            true,
        ),
        (
            "shifts",
            old.profile.shifts.to_string(),
            new.profile.shifts.to_string(),
            true,
        ),
        (
            "agencies",
            old.agencies.join(", "),
            new.agencies.join(", "),
            false,
        ),
    ];
    fields
        .into_iter()
        .filter(|(_, o, n, _)| o != n)
        .map(|(field, old, new, scored)| PostChange {
            field,
            old,
            new,
            scored,
        })
        .collect()
}
